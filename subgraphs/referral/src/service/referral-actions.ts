/**
 * `Referral.availableActions` for this caller: what its grants on the referral and its roles make of
 * it (the sending service reads but acts no more; REQUEST_HANDOVER is the owning service's to offer),
 * then the pure rules in actions.ts.
 */
import { hasRole, isServiceStaff } from '@reconnect/auth';
import type { Context } from '../context.ts';
import type { ReferralAction } from '../generated/graphql.ts';
import type { ReferralRow } from '../db/schema.ts';
import { availableActions } from './actions.ts';
import { isOpenHandover } from './handover.ts';

/**
 * A referral as its resolvers hold it: the row, and `canEnrolEnhanced` when the gateway passed it
 * in (the partner subgraph's answer, which `availableActions` @requires).
 */
export type ReferralParent = ReferralRow & { canEnrolEnhanced?: boolean };

export async function availableActionsFor(ctx: Context, r: ReferralParent): Promise<ReferralAction[]> {
  const grants = await ctx.access.referralGrants(r.id);
  // The sending service keeps read access after a completed handover; it acts no more.
  const actsForService =
    isServiceStaff(ctx.principal) &&
    grants.some((g) => g.relationship === 'OWNING_SERVICE' || g.relationship === 'RECEIVING_SERVICE');
  // casework.md: the receiving service of an open handover plans, and changes nothing else.
  const receivingOnly =
    actsForService &&
    !grants.some((g) => g.relationship === 'OWNING_SERVICE') &&
    grants.some((g) => g.relationship === 'RECEIVING_SERVICE');
  // REQUEST_HANDOVER is the owning service's to offer: for anyone else the answer stays unknown.
  const owns =
    ctx.principal.organisationCode === r.owningServiceCode &&
    grants.some((g) => g.relationship === 'OWNING_SERVICE');
  const openHandover = owns
    ? (await ctx.loaders.handoversByReferral.load(r.id)).some(isOpenHandover)
    : undefined;
  return availableActions(
    {
      status: r.status,
      consentDecision: r.consentDecision,
      openHandover,
      // The partner subgraph answers for this caller (owning-service staff only, else false).
      enhancedEligible: r.canEnrolEnhanced === true,
    },
    {
      actsForService,
      receivingOnly,
      isLead: hasRole(ctx.principal, 'RECONNECT_LEAD'),
      isReferrerOfReferral:
        hasRole(ctx.principal, 'REFERRER') && grants.some((g) => g.relationship === 'REFERRER'),
    },
  );
}
