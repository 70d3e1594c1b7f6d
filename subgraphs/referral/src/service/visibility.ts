/**
 * Whether the caller may see a referral at all (AUTH.md "Roles"): only through a live grant of a
 * relationship its role may use. A referral with no relationship is not revealed: null, not an error.
 */
import type { Context } from '../context.ts';
import type { ReferralRow } from '../db/schema.ts';

/** The rows the caller may see, in their order (Person.referrals). */
export async function visibleReferrals(ctx: Context, rows: ReferralRow[]): Promise<ReferralRow[]> {
  const visible = await Promise.all(rows.map((r) => ctx.access.hasReferralRelationship(r.id)));
  return rows.filter((_r, i) => visible[i]);
}

export async function visibleReferral(ctx: Context, row: ReferralRow | null): Promise<ReferralRow | null> {
  if (!row) return null;
  return (await ctx.access.hasReferralRelationship(row.id)) ? row : null;
}
