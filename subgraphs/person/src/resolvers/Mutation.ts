/** The person mutations: thin calls into service/; a payload's person is read (and audited) like any other. */
import type { MutationResolvers } from '../generated/resolvers.ts';
import type { PersonRow } from '../db/schema.ts';
import { recordHealthNeed, recordRiskAssessment, resolveHealthNeed } from '../service/clinical.ts';
import { resolvePersonIdentity } from '../service/identity.ts';
import { resolveIdentityConflict } from '../service/merge.ts';
import type { PersonPayloadSource } from '../service/people.ts';
import { mergePrisonNumbers } from '../service/prison-numbers.ts';
import { recordReferralNeeds } from '../service/referral-needs.ts';

const personPayload = (person: PersonRow): PersonPayloadSource => ({ personId: person.id });

export const Mutation: MutationResolvers = {
  resolveIdentityConflict: (_, args, ctx) => resolveIdentityConflict(ctx, args),
  recordHealthNeed: async (_, args, ctx) => personPayload(await recordHealthNeed(ctx, args)),
  resolveHealthNeed: async (_, args, ctx) => personPayload(await resolveHealthNeed(ctx, args)),
  recordRiskAssessment: async (_, args, ctx) => personPayload(await recordRiskAssessment(ctx, args)),
  resolvePersonIdentity: (_, args, ctx) => resolvePersonIdentity(ctx, args),
  recordReferralNeeds: (_, args, ctx) => recordReferralNeeds(ctx, args),
  mergePrisonNumbers: (_, args, ctx) => mergePrisonNumbers(ctx, args),
};
