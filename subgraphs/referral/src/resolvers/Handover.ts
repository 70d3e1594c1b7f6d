/**
 * Reading a handover: thin mappings from the row. Every handover a resolver returns is one the
 * caller's service is party to; the shield's `handoverParty` says so again for each field.
 */
import type { Context } from '../context.ts';
import type { HandoverRow } from '../db/schema.ts';
import { isOverdue } from '../service/handover-dates.ts';
import { visibleReferral } from '../service/visibility.ts';
import { notFound } from '@reconnect/graph';

/** Whether the caller's service sent or receives this handover. */
export const isPartyTo = (h: HandoverRow, ctx: Context) =>
  !!ctx.principal.organisationCode &&
  (h.fromServiceCode === ctx.principal.organisationCode ||
    h.toServiceCode === ctx.principal.organisationCode);

export const Handover = {
  __resolveReference: async (ref: { id: string }, ctx: Context) => {
    const row = await ctx.loaders.handoverById.load(ref.id);
    return row && isPartyTo(row, ctx) ? row : null;
  },
  /**
   * Security: the referral is read through the caller's own grants, not through the handover: a
   * party whose access has ended (a declined or cancelled receiver, a sender 28 days after
   * completion) still sees the handover but not the referral. The field is non-null in the
   * contract, so that is an error (NOT_FOUND) on this path rather than a null.
   */
  referral: async (h: HandoverRow, _: unknown, ctx: Context) => {
    const referral = await visibleReferral(ctx, await ctx.loaders.referralById.load(h.referralId));
    if (!referral) throw notFound('Referral');
    return referral;
  },
  fromService: (h: HandoverRow) => ({ __typename: 'ReconnectService', code: h.fromServiceCode }),
  toService: (h: HandoverRow) => ({ __typename: 'ReconnectService', code: h.toServiceCode }),
  overdue: (h: HandoverRow, _: unknown, ctx: Context) => isOverdue(h, ctx.clock.now()),
};
