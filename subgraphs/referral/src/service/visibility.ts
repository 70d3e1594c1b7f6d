/**
 * Whether the caller may see a referral at all (AUTH.md "Roles"): only through a live grant of a
 * relationship its role may use. A referral with no relationship is not revealed: null, not an error.
 */
import type { Context } from '../context.ts';
import type { ReferralRow } from '../db/schema.ts';

export async function visibleReferral(ctx: Context, row: ReferralRow | null): Promise<ReferralRow | null> {
  if (!row) return null;
  return (await ctx.access.hasReferralRelationship(row.id)) ? row : null;
}
