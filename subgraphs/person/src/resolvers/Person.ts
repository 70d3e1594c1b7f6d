import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import type { IdentityConflictRow, PersonRow } from '../db/schema.ts';
import { accessLogPage } from '../service/access-log.ts';
import { readPerson } from '../service/people.ts';
import type { PersonPayloadSource } from './Mutation.ts';

export const Person = {
  /** `_entities`: the same visibility and audit as `person(id)`; shield does not wrap this. */
  __resolveReference: (ref: { id: string }, ctx: Context, info: GraphQLResolveInfo) =>
    readPerson(ctx, ref.id, info),
  homeArea: (p: PersonRow) => (p.homeAreaCode ? { code: p.homeAreaCode } : null),
  healthNeeds: async (p: PersonRow, args: { activeOnly?: boolean | null }, ctx: Context) => {
    const needs = await ctx.loaders.healthNeedsByPerson.load(p.id);
    return args.activeOnly === false ? needs : needs.filter((n) => n.active);
  },
  riskOfSeriousHarm: async (p: PersonRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.riskAssessmentsByPerson.load(p.id))[0] ?? null,
  riskAssessments: (p: PersonRow, _: unknown, ctx: Context) => ctx.loaders.riskAssessmentsByPerson.load(p.id),
  accessLog: (p: PersonRow, args: { first?: number | null; after?: string | null }, ctx: Context) =>
    accessLogPage(ctx.db, p.id, args.first ?? 50, args.after),
  identityConflicts: (p: PersonRow, _: unknown, ctx: Context) => ctx.loaders.conflictsByPerson.load(p.id),
};

export const IdentityConflict = {
  identifier: (c: IdentityConflictRow) => c.identifierKind,
  resolved: (c: IdentityConflictRow) => c.resolvedAt !== null,
};

export const PersonPayload = {
  person: (payload: PersonPayloadSource, _: unknown, ctx: Context, info: GraphQLResolveInfo) =>
    readPerson(ctx, payload.personId, info),
};
