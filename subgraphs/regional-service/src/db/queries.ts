/** Reading the directory, shared by the resolvers and the loaders. Every list is bounded by the size of the reference data (hundreds of rows). */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '@reconnect/db';
import { establishments, localAuthorities, localAuthorityAliases, services, staff } from './schema.ts';

export function listServices(db: Queryable, region?: string | null) {
  return db
    .select()
    .from(services)
    .where(region ? eq(services.region, region) : undefined)
    .orderBy(asc(services.code));
}

export function listEstablishments(db: Queryable, filter: { region?: string | null; type?: string | null }) {
  const conditions: SQL[] = [];
  if (filter.region) conditions.push(eq(establishments.region, filter.region));
  if (filter.type) conditions.push(eq(establishments.type, filter.type as 'PRISON' | 'IRC'));
  return db
    .select()
    .from(establishments)
    .where(and(...conditions))
    .orderBy(asc(establishments.name));
}

export function listLocalAuthorities(db: Queryable, region?: string | null) {
  return db
    .select()
    .from(localAuthorities)
    .where(region ? eq(localAuthorities.region, region) : undefined)
    .orderBy(asc(localAuthorities.name));
}

/** Resolves superseded ONS codes (e.g. Barnsley's E08000016) to the current code. */
export async function canonicalLocalAuthorityCodes(
  db: Queryable,
  codes: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>(codes.map((c) => [c, c]));
  if (codes.length === 0) return out;
  const aliases = await db
    .select()
    .from(localAuthorityAliases)
    .where(inArray(localAuthorityAliases.aliasCode, [...codes]));
  for (const a of aliases) out.set(a.aliasCode, a.code);
  return out;
}

export function staffOfServices(db: Queryable, serviceIds: readonly string[]) {
  return db
    .select()
    .from(staff)
    .where(inArray(staff.serviceId, [...serviceIds]))
    .orderBy(asc(staff.name));
}
