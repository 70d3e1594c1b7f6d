/**
 * Reading partner organisations (AUTH.md: "partner organisations and agreements ... own
 * organisation only"): RECONNECT staff and admins see every partner; a partner sees only its own.
 */
import { asc } from 'drizzle-orm';
import { hasRole, isServiceStaff } from '@reconnect/auth';
import type { Context } from '../context.ts';
import { partnerOrganisations, type PartnerRow } from '../db/schema.ts';

export async function visiblePartnerOrganisations(ctx: Context): Promise<PartnerRow[]> {
  if (isServiceStaff(ctx.principal) || hasRole(ctx.principal, 'RECONNECT_ADMIN')) {
    return ctx.db.select().from(partnerOrganisations).orderBy(asc(partnerOrganisations.code));
  }
  const own = ctx.principal.organisationCode
    ? await ctx.loaders.partnerByCode.load(ctx.principal.organisationCode)
    : null;
  return own ? [own] : [];
}
