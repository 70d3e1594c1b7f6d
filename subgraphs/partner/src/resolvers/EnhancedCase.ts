import type { Context } from '../context.ts';
import type { CasePartnerRow, EnhancedCaseRow, PartnerUpdateRow } from '../db/schema.ts';
import { isStaff, visibleCase } from '../service/cases.ts';
import { canEnrolEnhanced } from '../service/enrol-eligibility.ts';

export const EnhancedCase = {
  /** `_entities`: the same visibility (and partner-read audit) as `enhancedCase(id)`. */
  __resolveReference: async (ref: { id: string }, ctx: Context) =>
    visibleCase(ctx, await ctx.loaders.caseById.load(ref.id)),
  referral: (c: EnhancedCaseRow) => ({ __typename: 'Referral', id: c.referralId }),
  sharingConsent: (c: EnhancedCaseRow) => ({
    decision: c.sharingConsentDecision,
    method: c.consentMethod,
    recordedAt: c.consentRecordedAt,
    recordedBy: c.consentRecordedBy,
  }),
  /**
   * Security: a partner reads its own organisation only (AUTH.md "partner organisations"), so it is
   * shown its own place on the case and not who else shares it.
   */
  partners: async (c: EnhancedCaseRow, _: unknown, ctx: Context) => {
    const rows = await ctx.loaders.partnersByCase.load(c.id);
    if (isStaff(ctx.principal)) return rows;
    const own = ctx.principal.organisationCode
      ? await ctx.loaders.partnerByCode.load(ctx.principal.organisationCode)
      : null;
    return own ? rows.filter((r) => r.partnerId === own.id) : [];
  },
  updates: (c: EnhancedCaseRow, _: unknown, ctx: Context) => ctx.loaders.updatesByCase.load(c.id),
};

export const CasePartner = {
  partner: (p: CasePartnerRow, _: unknown, ctx: Context) => ctx.loaders.partnerById.load(p.partnerId),
  active: (p: CasePartnerRow) => p.removedAt === null,
};

export const PartnerUpdate = {
  partner: (u: PartnerUpdateRow, _: unknown, ctx: Context) =>
    u.partnerId ? ctx.loaders.partnerById.load(u.partnerId) : null,
};

export const Referral = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  /** The referral's OPEN case, else its latest; shown only to those who may see that case. */
  enhancedCase: async (r: { id: string }, _: unknown, ctx: Context) => {
    const [latest] = await ctx.loaders.casesByReferral.load(r.id);
    return visibleCase(ctx, latest ?? null);
  },
  /** Batched per request; false (never an error) for anyone who may not enrol it. */
  canEnrolEnhanced: (r: { id: string }, _: unknown, ctx: Context) => canEnrolEnhanced(ctx, r.id),
};
