/** submitReferral: see service/submit.ts. The payload's referral is read through Referral's field rules. */
import type { MutationResolvers } from '../generated/resolvers.ts';
import { submitReferral } from '../service/submit.ts';

export const submitMutations: MutationResolvers = {
  submitReferral: (_, args, ctx) => submitReferral(ctx, args),
};
