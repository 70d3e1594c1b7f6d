/**
 * Who may see and change an enhanced case (AUTH.md "EnhancedCase and its updates"; the ER_PARTNER
 * role). Staff see a case through a live grant on its referral (owning, receiving, or for 28 days
 * sending service) and change it only as the owning service. A partner sees a case only while it is
 * OPEN, sharing consent is GIVEN, the partner is an active partner on it and it holds a live
 * ER_PARTNER grant for the case (which ends with the agreement, removal, withdrawal or closure).
 * Every case a partner is shown is recorded in the person's access log before it is returned.
 */
import { SERVICE_RELATIONSHIPS } from '@reconnect/access';
import { hasRole, isServiceStaff, type Principal } from '@reconnect/auth';
import type { Context } from '../context.ts';
import type { CasePartnerRow, EnhancedCaseRow } from '../db/schema.ts';

/** A referral as this subgraph holds it: its key; the referral subgraph owns everything else. */
export interface ReferralKey {
  __typename?: 'Referral';
  id: string;
}

export const isPartner = (principal: Principal) => hasRole(principal, 'ER_PARTNER');

/** Staff of a service with a live relationship to the case's referral. */
export async function staffReadsCase(ctx: Context, row: EnhancedCaseRow): Promise<boolean> {
  return (
    isServiceStaff(ctx.principal) &&
    ctx.access.hasReferralRelationship(row.referralId, ...SERVICE_RELATIONSHIPS)
  );
}

/**
 * Security: staff change a case only as the referral's owning service (the relationship the
 * referral subgraph moves on a completed handover), never as a receiving or sending service.
 */
export async function staffChangesCase(ctx: Context, referralId: string): Promise<boolean> {
  return isServiceStaff(ctx.principal) && ctx.access.hasReferralRelationship(referralId, 'OWNING_SERVICE');
}

/**
 * Security: every condition of AUTH.md's ER_PARTNER relationship is checked here, not only the
 * grant: a grant outliving its cause by a bug still opens nothing.
 */
export async function partnerReadsCase(ctx: Context, row: EnhancedCaseRow): Promise<boolean> {
  const org = ctx.principal.organisationCode;
  if (!isPartner(ctx.principal) || !org) return false;
  if (row.status !== 'OPEN' || row.sharingConsentDecision !== 'GIVEN') return false;
  const [grants, members, partner] = await Promise.all([
    ctx.access.caseGrants(row.id),
    ctx.loaders.partnersByCase.load(row.id),
    ctx.loaders.partnerByCode.load(org),
  ]);
  if (!partner || !grants.some((g) => g.relationship === 'ER_PARTNER')) return false;
  return members.some((m) => m.partnerId === partner.id && m.removedAt === null);
}

/** The case, if the caller may see it; null otherwise (never an error). Partner reads are audited. */
export async function visibleCase(
  ctx: Context,
  row: EnhancedCaseRow | null,
): Promise<EnhancedCaseRow | null> {
  if (!row) return null;
  const [staff, partner] = await Promise.all([staffReadsCase(ctx, row), partnerReadsCase(ctx, row)]);
  if (staff) return row;
  if (!partner) return null;
  await ctx.audit.record({
    action: 'enhancedCase.read',
    subjectType: 'EnhancedCase',
    subjectId: row.id,
    personId: row.personId,
  });
  return row;
}

/**
 * The partners on a case that the caller may see. Security: a partner reads its own organisation
 * only (AUTH.md "partner organisations"), so it is shown its own place on the case and not who else
 * shares it; staff see them all.
 */
export async function visibleCasePartners(ctx: Context, row: EnhancedCaseRow): Promise<CasePartnerRow[]> {
  const rows = await ctx.loaders.partnersByCase.load(row.id);
  if (isServiceStaff(ctx.principal)) return rows;
  const own = ctx.principal.organisationCode
    ? await ctx.loaders.partnerByCode.load(ctx.principal.organisationCode)
    : null;
  return own ? rows.filter((r) => r.partnerId === own.id) : [];
}
