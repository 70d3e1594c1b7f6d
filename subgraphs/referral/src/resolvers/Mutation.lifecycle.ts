/** The referral's transitions, contacts and engagements: thin calls into service/lifecycle-operations.ts. */
import type { Context } from '../context.ts';
import * as lifecycle from '../service/lifecycle-operations.ts';

/** A GraphQL resolver for a service operation that takes (ctx, args). */
const resolver =
  <A, R>(operation: (ctx: Context, args: A) => R) =>
  (_: unknown, args: A, ctx: Context) =>
    operation(ctx, args);

export const lifecycleMutations = {
  withdrawReferral: resolver(lifecycle.withdrawReferral),
  recordConsent: resolver(lifecycle.recordConsent),
  acceptReferral: resolver(lifecycle.acceptReferral),
  declineReferral: resolver(lifecycle.declineReferral),
  assignWorker: resolver(lifecycle.assignWorker),
  assignPeerSupport: resolver(lifecycle.assignPeerSupport),
  recordContact: resolver(lifecycle.recordContact),
  updateExpectedReleaseDate: resolver(lifecycle.updateExpectedReleaseDate),
  recordRelease: resolver(lifecycle.recordRelease),
  recordReturnToCustody: resolver(lifecycle.recordReturnToCustody),
  recordEngagement: resolver(lifecycle.recordEngagement),
  extendSupport: resolver(lifecycle.extendSupport),
  dischargeReferral: resolver(lifecycle.dischargeReferral),
};
