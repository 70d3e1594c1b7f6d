/** Reading a referral: thin mappings from the row and the per-request loaders. */
import { hasRole } from '@reconnect/auth';
import type { Context } from '../context.ts';
import type { ContactRow, ReferralRow } from '../db/schema.ts';
import { londonDateOf } from '@reconnect/config';
import { availableActions } from '../service/actions.ts';
import { isOpenHandover } from '../service/handover.ts';
import { isPartyTo } from './Handover.ts';
import { contactCompliance, isPreRelease } from '../service/contacts.ts';
import { supportWindow } from '../service/support-window.ts';
import { visibleReferral } from '../service/visibility.ts';

const stamped = <T extends Record<string, unknown>>(at: Date | null, value: T) => (at ? value : null);

export const Referral = {
  /**
   * Keeps `canEnrolEnhanced`, which the gateway passes in for `availableActions` (its @requires),
   * on the referral the caller may see.
   */
  __resolveReference: async (ref: { id: string; canEnrolEnhanced?: boolean }, ctx: Context) => {
    const row = await visibleReferral(ctx, await ctx.loaders.referralById.load(ref.id));
    return row ? { ...row, canEnrolEnhanced: ref.canEnrolEnhanced } : null;
  },
  person: (r: ReferralRow) => ({ __typename: 'Person', id: r.personId }),
  owningService: (r: ReferralRow) => ({ __typename: 'ReconnectService', code: r.owningServiceCode }),
  receivingService: (r: ReferralRow) =>
    r.receivingServiceCode && r.receivingServiceCode !== r.owningServiceCode
      ? { __typename: 'ReconnectService', code: r.receivingServiceCode }
      : null,
  referrer: (r: ReferralRow) => ({
    organisationCode: r.referrerOrganisationCode,
    organisationName: r.referrerOrganisationName,
    name: r.referrerName,
    email: r.referrerEmail,
    phone: r.referrerPhone,
  }),
  custody: (r: ReferralRow) => ({
    type: r.custodyType,
    establishment: { __typename: 'Establishment', code: r.establishmentCode },
    expectedReleaseDate: r.expectedReleaseDate,
    releasedOn: r.releasedOn,
    onTemporaryLicence: r.onTemporaryLicence,
  }),
  consent: (r: ReferralRow) =>
    r.consentDecision && r.consentRecordedAt
      ? {
          decision: r.consentDecision,
          method: r.consentMethod,
          recordedAt: r.consentRecordedAt,
          recordedBy: r.consentRecordedBy,
        }
      : null,
  namedWorker: (r: ReferralRow) => (r.namedWorkerId ? { __typename: 'Staff', id: r.namedWorkerId } : null),
  peerSupportWorker: (r: ReferralRow) =>
    r.peerSupportWorkerId ? { __typename: 'Staff', id: r.peerSupportWorkerId } : null,
  supportWindow: (r: ReferralRow, _: unknown, ctx: Context) =>
    supportWindow(
      {
        status: r.status,
        referredOn: londonDateOf(r.submittedAt),
        expectedReleaseDate: r.expectedReleaseDate,
        releasedOn: r.releasedOn,
        extendedUntil: r.supportExtendedUntil,
        extensionReason: r.extensionReason,
      },
      ctx.clock.today(),
    ),
  contacts: async (r: ReferralRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.contactsByReferral.load(r.id)).map((c: ContactRow) => ({
      ...c,
      preRelease: isPreRelease(c.occurredAt, r.releasedOn),
      staff: c.staffId ? { __typename: 'Staff', id: c.staffId } : null,
    })),
  preReleaseContacts: async (r: ReferralRow, _: unknown, ctx: Context) =>
    contactCompliance(await ctx.loaders.contactsByReferral.load(r.id), r.releasedOn),
  engagements: (r: ReferralRow, _: unknown, ctx: Context) => ctx.loaders.engagementsByReferral.load(r.id),
  duplicateOf: async (r: ReferralRow, _: unknown, ctx: Context) =>
    r.duplicateOfId ? visibleReferral(ctx, await ctx.loaders.referralById.load(r.duplicateOfId)) : null,
  decline: (r: ReferralRow) =>
    stamped(r.declinedAt, { reason: r.declineReason, note: r.declineNote, at: r.declinedAt }),
  discharge: (r: ReferralRow) =>
    stamped(r.dischargedAt, { reason: r.dischargeReason, note: r.dischargeNote, at: r.dischargedAt }),
  history: (r: ReferralRow, _: unknown, ctx: Context) => ctx.loaders.historyByReferral.load(r.id),
  /**
   * Newest first; only those the caller's service sent or received (the Handover rule), so that a
   * later owner is not shown, say, a handover between two other services before its time.
   */
  handovers: async (r: ReferralRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.handoversByReferral.load(r.id)).filter((h) => isPartyTo(h, ctx)),
  availableActions: async (r: ReferralRow & { canEnrolEnhanced?: boolean }, _: unknown, ctx: Context) => {
    const grants = await ctx.access.referralGrants(r.id);
    const staff = hasRole(ctx.principal, 'RECONNECT_STAFF', 'RECONNECT_LEAD');
    // The sending service keeps read access after a completed handover; it acts no more.
    const actsForService =
      staff &&
      grants.some((g) => g.relationship === 'OWNING_SERVICE' || g.relationship === 'RECEIVING_SERVICE');
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
        isLead: hasRole(ctx.principal, 'RECONNECT_LEAD'),
        isReferrerOfReferral:
          hasRole(ctx.principal, 'REFERRER') && grants.some((g) => g.relationship === 'REFERRER'),
      },
    );
  },
};
