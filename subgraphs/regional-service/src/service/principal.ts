/** `me`: what the hub knows of the caller's own token. */
import { hasRole, isServiceStaff, type Principal } from '@reconnect/auth';
import type { Context } from '../context.ts';
import type { ServiceRow } from '../db/schema.ts';

/**
 * The RECONNECT service the caller's token names: only staff and admin tokens name a service; a
 * partner's or referrer's organisation code is not a service code.
 */
export async function serviceOfPrincipal(ctx: Context, p: Principal): Promise<ServiceRow | null> {
  if (!isServiceStaff(p) && !hasRole(p, 'RECONNECT_ADMIN')) return null;
  return p.organisationCode ? ctx.loaders.serviceByCode.load(p.organisationCode) : null;
}
