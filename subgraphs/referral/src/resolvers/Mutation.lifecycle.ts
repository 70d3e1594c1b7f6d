/** The referral's transitions, contacts and engagements: thin calls into service/lifecycle-operations.ts. */
import type { Context } from '../context.ts';
import * as lifecycle from '../service/lifecycle-operations.ts';

type Args<F extends (ctx: Context, args: never) => unknown> = Parameters<F>[1];

export const lifecycleMutations = {
  withdrawReferral: (_: unknown, args: Args<typeof lifecycle.withdrawReferral>, ctx: Context) =>
    lifecycle.withdrawReferral(ctx, args),
  recordConsent: (_: unknown, args: Args<typeof lifecycle.recordConsent>, ctx: Context) =>
    lifecycle.recordConsent(ctx, args),
  acceptReferral: (_: unknown, args: Args<typeof lifecycle.acceptReferral>, ctx: Context) =>
    lifecycle.acceptReferral(ctx, args),
  declineReferral: (_: unknown, args: Args<typeof lifecycle.declineReferral>, ctx: Context) =>
    lifecycle.declineReferral(ctx, args),
  assignWorker: (_: unknown, args: Args<typeof lifecycle.assignWorker>, ctx: Context) =>
    lifecycle.assignWorker(ctx, args),
  assignPeerSupport: (_: unknown, args: Args<typeof lifecycle.assignPeerSupport>, ctx: Context) =>
    lifecycle.assignPeerSupport(ctx, args),
  recordContact: (_: unknown, args: Args<typeof lifecycle.recordContact>, ctx: Context) =>
    lifecycle.recordContact(ctx, args),
  updateExpectedReleaseDate: (
    _: unknown,
    args: Args<typeof lifecycle.updateExpectedReleaseDate>,
    ctx: Context,
  ) => lifecycle.updateExpectedReleaseDate(ctx, args),
  recordRelease: (_: unknown, args: Args<typeof lifecycle.recordRelease>, ctx: Context) =>
    lifecycle.recordRelease(ctx, args),
  recordReturnToCustody: (_: unknown, args: Args<typeof lifecycle.recordReturnToCustody>, ctx: Context) =>
    lifecycle.recordReturnToCustody(ctx, args),
  recordEngagement: (_: unknown, args: Args<typeof lifecycle.recordEngagement>, ctx: Context) =>
    lifecycle.recordEngagement(ctx, args),
  extendSupport: (_: unknown, args: Args<typeof lifecycle.extendSupport>, ctx: Context) =>
    lifecycle.extendSupport(ctx, args),
  dischargeReferral: (_: unknown, args: Args<typeof lifecycle.dischargeReferral>, ctx: Context) =>
    lifecycle.dischargeReferral(ctx, args),
};
