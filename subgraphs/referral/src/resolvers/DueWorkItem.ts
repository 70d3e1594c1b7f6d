/**
 * An item of due work: its referral, appointment and handover through the per-request loaders (one
 * statement per kind for the whole page), and the referral only through the caller's own grants.
 */
import { notFound } from '@reconnect/graph';
import type { DueWorkItemResolvers } from '../generated/resolvers.ts';
import { appointmentOf } from '../service/casework.ts';
import { isHandoverParty } from '../service/handover-party.ts';
import { visibleReferral } from '../service/visibility.ts';

export const DueWorkItem: DueWorkItemResolvers = {
  referral: async (item, _, ctx) => {
    const referral = await visibleReferral(ctx, await ctx.loaders.referralById.load(item.referralId));
    if (!referral) throw notFound('Referral');
    return referral;
  },
  appointment: async (item, _, ctx) => {
    if (!item.appointmentId) return null;
    const found = (await ctx.loaders.appointmentsByReferral.load(item.referralId)).find(
      (a) => a.id === item.appointmentId,
    );
    return found ? appointmentOf(found) : null;
  },
  handover: async (item, _, ctx) => {
    if (!item.handoverId) return null;
    const found = await ctx.loaders.handoverById.load(item.handoverId);
    return found && isHandoverParty(ctx.principal, found) ? found : null;
  },
};
