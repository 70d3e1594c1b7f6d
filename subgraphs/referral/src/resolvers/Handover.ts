/**
 * Reading a handover: thin mappings from the row. Every handover a resolver returns is one the
 * caller's service is party to; the shield's `handoverParty` says so again for each field.
 */
import { notFound } from '@reconnect/graph';
import type { HandoverResolvers } from '../generated/resolvers.ts';
import { isOverdue } from '../service/handover-dates.ts';
import { isHandoverParty } from '../service/handover-party.ts';
import { visibleReferral } from '../service/visibility.ts';

export const Handover: HandoverResolvers = {
  __resolveReference: async (ref, ctx) => {
    const row = await ctx.loaders.handoverById.load(ref.id);
    return row && isHandoverParty(ctx.principal, row) ? row : null;
  },
  /**
   * Security: the referral is read through the caller's own grants, not through the handover: a
   * party whose access has ended (a declined or cancelled receiver, a sender 28 days after
   * completion) still sees the handover but not the referral. The field is non-null in the
   * contract, so that is an error (NOT_FOUND) on this path rather than a null.
   */
  referral: async (h, _, ctx) => {
    const referral = await visibleReferral(ctx, await ctx.loaders.referralById.load(h.referralId));
    if (!referral) throw notFound('Referral');
    return referral;
  },
  fromService: (h) => ({ __typename: 'ReconnectService', code: h.fromServiceCode }),
  toService: (h) => ({ __typename: 'ReconnectService', code: h.toServiceCode }),
  overdue: (h, _, ctx) => isOverdue(h, ctx.clock.now()),
};
