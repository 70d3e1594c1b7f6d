import type {
  IdentityConflictResolvers,
  PersonPayloadResolvers,
  PersonResolvers,
} from '../generated/resolvers.ts';
import { accessLogPage } from '../service/access-log.ts';
import { readPerson } from '../service/people.ts';

export const Person: PersonResolvers = {
  /** `_entities`: the same visibility and audit as `person(id)`; shield does not wrap this. */
  __resolveReference: (ref, ctx, info) => readPerson(ctx, ref.id, info),
  homeArea: (p) => (p.homeAreaCode ? { code: p.homeAreaCode } : null),
  healthNeeds: async (p, args, ctx) => {
    const needs = await ctx.loaders.healthNeedsByPerson.load(p.id);
    return args.activeOnly === false ? needs : needs.filter((n) => n.active);
  },
  riskOfSeriousHarm: async (p, _, ctx) => (await ctx.loaders.riskAssessmentsByPerson.load(p.id))[0] ?? null,
  riskAssessments: (p, _, ctx) => ctx.loaders.riskAssessmentsByPerson.load(p.id),
  accessLog: (p, args, ctx) => accessLogPage(ctx.db, p.id, args.first ?? 50, args.after),
  identityConflicts: (p, _, ctx) => ctx.loaders.conflictsByPerson.load(p.id),
};

export const IdentityConflict: IdentityConflictResolvers = {
  identifier: (c) => c.identifierKind,
  resolved: (c) => c.resolvedAt !== null,
};

export const PersonPayload: PersonPayloadResolvers = {
  // The mutation has just checked the caller's grant on this person, so it is visible to them.
  person: async (payload, _, ctx, info) => (await readPerson(ctx, payload.personId, info))!,
};
