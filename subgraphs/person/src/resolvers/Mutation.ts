import type { Context } from '../context.ts';
import {
  recordHealthNeed,
  recordRiskAssessment,
  resolveHealthNeed,
  type HealthNeedInput,
  type RiskAssessmentInput,
} from '../service/clinical.ts';
import type { IdentityInput } from '../service/identifiers.ts';
import { resolvePersonIdentity } from '../service/identity.ts';
import { recordReferralNeeds } from '../service/referral-needs.ts';

/** What a PersonPayload carries: the id, so the payload's read of the person is audited like any other. */
export interface PersonPayloadSource {
  personId: string;
}

export const Mutation = {
  recordHealthNeed: async (
    _: unknown,
    args: { personId: string; input: HealthNeedInput },
    ctx: Context,
  ): Promise<PersonPayloadSource> => ({
    personId: (await recordHealthNeed(ctx, args.personId, args.input)).id,
  }),
  resolveHealthNeed: async (
    _: unknown,
    args: { personId: string; healthNeedId: string },
    ctx: Context,
  ): Promise<PersonPayloadSource> => ({
    personId: (await resolveHealthNeed(ctx, args.personId, args.healthNeedId)).id,
  }),
  recordRiskAssessment: async (
    _: unknown,
    args: { personId: string; input: RiskAssessmentInput },
    ctx: Context,
  ): Promise<PersonPayloadSource> => ({
    personId: (await recordRiskAssessment(ctx, args.personId, args.input)).id,
  }),
  resolvePersonIdentity: (
    _: unknown,
    args: { input: IdentityInput; inputPath?: string | null },
    ctx: Context,
  ) => resolvePersonIdentity(ctx, args.input, args.inputPath ?? 'input.person'),
  recordReferralNeeds: (
    _: unknown,
    args: { personId: string; referralId: string; needs: HealthNeedInput[]; inputPath?: string | null },
    ctx: Context,
  ) =>
    recordReferralNeeds(
      ctx,
      args.personId,
      args.referralId,
      args.needs,
      args.inputPath ?? 'input.identifiedNeeds',
    ),
};
