import type {
  IdentityConflictPayloadResolvers,
  IdentityConflictResolutionResolvers,
  IdentityConflictResolvers,
  PersonPayloadResolvers,
  PersonResolvers,
} from '../generated/resolvers.ts';
import { accessLogPage } from '../service/access-log.ts';
import { conflictPerson, conflictReferral, conflictsOfPerson } from '../service/conflicts.ts';
import { readPerson } from '../service/people.ts';
import { shownIdentity } from '../service/submitted.ts';

export const Person: PersonResolvers = {
  /** `_entities`: the same visibility and audit as `person(id)`; shield does not wrap this. */
  __resolveReference: (ref, ctx, info) => readPerson(ctx, ref.id, info),
  // A referrer (or a declined duplicate's service) reads what it submitted (service/submitted.ts).
  givenName: async (p, _, ctx) => (await shownIdentity(ctx, p)).givenName,
  familyName: async (p, _, ctx) => (await shownIdentity(ctx, p)).familyName,
  dateOfBirth: async (p, _, ctx) => (await shownIdentity(ctx, p)).dateOfBirth,
  homeArea: (p) => (p.homeAreaCode ? { code: p.homeAreaCode } : null),
  healthNeeds: async (p, args, ctx) => {
    const needs = await ctx.loaders.healthNeedsByPerson.load(p.id);
    return args.activeOnly === false ? needs : needs.filter((n) => n.active);
  },
  riskOfSeriousHarm: async (p, _, ctx) => (await ctx.loaders.riskAssessmentsByPerson.load(p.id))[0] ?? null,
  riskAssessments: (p, _, ctx) => ctx.loaders.riskAssessmentsByPerson.load(p.id),
  accessLog: (p, args, ctx) => accessLogPage(ctx.db, p.id, args.first ?? 50, args.after),
  identityConflicts: (p, args, ctx) => conflictsOfPerson(ctx, p.id, args.status),
  // Whoever may read this record may read the kept one (people.ts, linkedPersonIds).
  mergedInto: (p, _, ctx, info) => (p.mergedInto ? readPerson(ctx, p.mergedInto, info) : null),
};

export const IdentityConflict: IdentityConflictResolvers = {
  status: (c) => (c.resolvedAt ? 'RESOLVED' : 'OPEN'),
  detectedAt: (c) => c.recordedAt,
  kind: (c) => c.kind,
  contestedIdentifiers: (c) =>
    c.contestedIdentifierKinds.length > 0 ? c.contestedIdentifierKinds : [c.identifierKind],
  identifierType: (c) => c.identifierKind,
  person: (c, _, ctx, info) => conflictPerson(ctx, c, c.personId, info),
  otherPerson: (c, _, ctx, info) => conflictPerson(ctx, c, c.otherPersonId, info),
  // The referral's id only to whoever may read that referral (service/conflicts.ts).
  referral: (c, _, ctx) => conflictReferral(ctx, c),
  resolution: (c) => (c.resolvedAt ? c : null),
  identifier: (c) => c.identifierKind,
  resolved: (c) => c.resolvedAt !== null,
};

export const IdentityConflictResolution: IdentityConflictResolutionResolvers = {
  outcome: (c) => c.outcome!,
  keptPerson: (c, _, ctx, info) => (c.keptPersonId ? conflictPerson(ctx, c, c.keptPersonId, info) : null),
  note: (c) => c.note ?? '',
  resolvedAt: (c) => c.resolvedAt!,
  resolvedBy: (c) => c.resolvedBy ?? '',
};

export const IdentityConflictPayload: IdentityConflictPayloadResolvers = {
  conflict: async (payload, _, ctx) => (await ctx.loaders.conflictById.load(payload.conflictId))!,
};

export const PersonPayload: PersonPayloadResolvers = {
  // The mutation has just checked the caller's grant on this person, so it is visible to them.
  person: async (payload, _, ctx, info) => (await readPerson(ctx, payload.personId, info))!,
};
