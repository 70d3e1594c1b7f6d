import type {
  CasePartnerResolvers,
  EnhancedCaseResolvers,
  PartnerUpdateResolvers,
  ReferralResolvers,
} from '../generated/resolvers.ts';
import { visibleCase, visibleCasePartners } from '../service/cases.ts';
import { canEnrolEnhanced } from '../service/enrol-eligibility.ts';

export const EnhancedCase: EnhancedCaseResolvers = {
  /** `_entities`: the same visibility (and partner-read audit) as `enhancedCase(id)`. */
  __resolveReference: async (ref, ctx) => visibleCase(ctx, await ctx.loaders.caseById.load(ref.id)),
  referral: (c) => ({ __typename: 'Referral', id: c.referralId }),
  sharingConsent: (c) => ({
    decision: c.sharingConsentDecision,
    method: c.consentMethod,
    recordedAt: c.consentRecordedAt,
    recordedBy: c.consentRecordedBy,
  }),
  /** Only the partners the caller may see (service/cases.ts). */
  partners: (c, _, ctx) => visibleCasePartners(ctx, c),
  updates: (c, _, ctx) => ctx.loaders.updatesByCase.load(c.id),
};

export const CasePartner: CasePartnerResolvers = {
  // case_partners.partner_id is a foreign key: the partner is there.
  partner: async (p, _, ctx) => (await ctx.loaders.partnerById.load(p.partnerId))!,
  active: (p) => p.removedAt === null,
};

export const PartnerUpdate: PartnerUpdateResolvers = {
  partner: (u, _, ctx) => (u.partnerId ? ctx.loaders.partnerById.load(u.partnerId) : null),
};

export const Referral: ReferralResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  /** The referral's OPEN case, else its latest; shown only to those who may see that case. */
  enhancedCase: async (r, _, ctx) => {
    const [latest] = await ctx.loaders.casesByReferral.load(r.id);
    return visibleCase(ctx, latest ?? null);
  },
  /** Batched per request; false (never an error) for anyone who may not enrol it. */
  canEnrolEnhanced: (r, _, ctx) => canEnrolEnhanced(ctx, r.id),
};
