/** Reading a referral: thin mappings from the row and the per-request loaders. */
import { londonDateOf } from '@reconnect/config';
import type { ContactPurpose, DeclineReason, DischargeReason } from '../generated/graphql.ts';
import type { ReferralResolvers } from '../generated/resolvers.ts';
import { appointmentOf } from '../service/casework.ts';
import { contactCompliance, isPreRelease } from '../service/contacts.ts';
import { isHandoverParty } from '../service/handover-party.ts';
import { availableActionsFor } from '../service/referral-actions.ts';
import { supportWindow } from '../service/support-window.ts';
import { visibleReferral } from '../service/visibility.ts';

// Some columns are plain text, not Postgres enums: they hold what the GraphQL enum let in when the
// value was written (and graphql-js refuses to serialize anything else), hence the `as` below.

export const Referral: ReferralResolvers = {
  /**
   * Keeps `canEnrolEnhanced`, which the gateway passes in for `availableActions` (its @requires),
   * on the referral the caller may see.
   */
  __resolveReference: async (ref: { id: string; canEnrolEnhanced?: boolean }, ctx) => {
    const row = await visibleReferral(ctx, await ctx.loaders.referralById.load(ref.id));
    return row ? { ...row, canEnrolEnhanced: ref.canEnrolEnhanced } : null;
  },
  person: (r) => ({ __typename: 'Person', id: r.personId }),
  owningService: (r) => ({ __typename: 'ReconnectService', code: r.owningServiceCode }),
  receivingService: (r) =>
    r.receivingServiceCode && r.receivingServiceCode !== r.owningServiceCode
      ? { __typename: 'ReconnectService', code: r.receivingServiceCode }
      : null,
  referringOrganisation: (r) =>
    r.referringOrganisationCode
      ? { __typename: 'ReferringOrganisation', code: r.referringOrganisationCode }
      : null,
  referrer: (r) => ({
    organisationCode: r.referrerOrganisationCode,
    organisationName: r.referrerOrganisationName,
    name: r.referrerName,
    email: r.referrerEmail,
    phone: r.referrerPhone,
  }),
  custody: (r) => ({
    type: r.custodyType,
    establishment: { __typename: 'Establishment', code: r.establishmentCode },
    expectedReleaseDate: r.expectedReleaseDate,
    releasedOn: r.releasedOn,
    onTemporaryLicence: r.onTemporaryLicence,
  }),
  consent: (r) =>
    r.consentDecision && r.consentRecordedAt
      ? {
          decision: r.consentDecision,
          // recordConsent writes all four columns together.
          method: r.consentMethod!,
          recordedAt: r.consentRecordedAt,
          recordedBy: r.consentRecordedBy!,
        }
      : null,
  namedWorker: (r) => (r.namedWorkerId ? { __typename: 'Staff', id: r.namedWorkerId } : null),
  peerSupportWorker: (r) =>
    r.peerSupportWorkerId ? { __typename: 'Staff', id: r.peerSupportWorkerId } : null,
  supportWindow: (r, _, ctx) =>
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
  contacts: async (r, _, ctx) =>
    (await ctx.loaders.contactsByReferral.load(r.id)).map((c) => ({
      ...c,
      purpose: c.purpose as ContactPurpose,
      preRelease: isPreRelease(c.occurredAt, r.releasedOn),
      staff: c.staffId ? { __typename: 'Staff' as const, id: c.staffId } : null,
    })),
  preReleaseContacts: async (r, _, ctx) =>
    contactCompliance(await ctx.loaders.contactsByReferral.load(r.id), r.releasedOn),
  engagements: (r, _, ctx) => ctx.loaders.engagementsByReferral.load(r.id),
  duplicateOf: async (r, _, ctx) =>
    r.duplicateOfId ? visibleReferral(ctx, await ctx.loaders.referralById.load(r.duplicateOfId)) : null,
  // A decline (a discharge) writes its reason and its time together.
  decline: (r) =>
    r.declinedAt ? { reason: r.declineReason as DeclineReason, note: r.declineNote, at: r.declinedAt } : null,
  discharge: (r) =>
    r.dischargedAt
      ? { reason: r.dischargeReason as DischargeReason, note: r.dischargeNote, at: r.dischargedAt }
      : null,
  history: (r, _, ctx) => ctx.loaders.historyByReferral.load(r.id),
  /**
   * Newest first; only those the caller's service sent or received (the Handover rule), so that a
   * later owner is not shown, say, a handover between two other services before its time.
   */
  handovers: async (r, _, ctx) =>
    (await ctx.loaders.handoversByReferral.load(r.id)).filter((h) => isHandoverParty(ctx.principal, h)),
  /** Reading them is part of reading the referral (the gateway's access log records the read). */
  notes: async (r, _, ctx) =>
    (await ctx.loaders.notesByReferral.load(r.id)).map((n) => ({
      id: n.id,
      at: n.at,
      author: n.author,
      staff: n.staffId ? { __typename: 'Staff' as const, id: n.staffId } : null,
      text: n.text,
    })),
  /** Soonest first, then past ones newest first. */
  appointments: async (r, _, ctx) => {
    const now = ctx.clock.now().getTime();
    const all = await ctx.loaders.appointmentsByReferral.load(r.id);
    const coming = all.filter((a) => a.at.getTime() >= now);
    const past = all.filter((a) => a.at.getTime() < now).reverse();
    return [...coming, ...past].map(appointmentOf);
  },
  availableActions: (r, _, ctx) => availableActionsFor(ctx, r),
};
