/** submitReferral: see service/submit.ts. The payload's referral is read through Referral's field rules. */
import type { Context } from '../context.ts';
import { submitReferral } from '../service/submit.ts';
import type { SubmitReferralInput } from '../service/submission-input.ts';

export const submitMutations = {
  submitReferral: (_: unknown, args: { input: SubmitReferralInput; idempotencyKey: string }, ctx: Context) =>
    submitReferral(ctx, args.input, args.idempotencyKey),
};
