/** Reading the directory, shared by the resolvers and the loaders. Every list is bounded by the size of the reference data (hundreds of rows). */
import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Queryable } from '@reconnect/db';
import {
  establishments,
  localAuthorities,
  localAuthorityAliases,
  referringOrganisations,
  services,
  staff,
} from './schema.ts';

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

export interface ReferringOrganisationFilter {
  kind?: string | null;
  region?: string | null;
  /** Only this organisation (a referrer reads its own organisation only). */
  code?: string | null;
}

/** The directory of referring organisations (182 rows from the reference data, and what governance adds). */
export function listReferringOrganisations(db: Queryable, filter: ReferringOrganisationFilter = {}) {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(referringOrganisations.kind, filter.kind as never));
  if (filter.region) conditions.push(eq(referringOrganisations.region, filter.region));
  if (filter.code) conditions.push(eq(referringOrganisations.code, filter.code));
  return db
    .select()
    .from(referringOrganisations)
    .where(and(...conditions))
    .orderBy(
      asc(referringOrganisations.kind),
      asc(referringOrganisations.name),
      asc(referringOrganisations.code),
    );
}

/**
 * How many rows each list of the directory holds: the real bound of an unpaged directory list (for
 * a query cost estimate, contract/next/trust.md "Limits at the gateway").
 */
export async function directoryCounts(db: Queryable): Promise<{
  reconnectServices: number;
  establishments: number;
  localAuthorities: number;
  referringOrganisations: number;
}> {
  const rowsOf = async (
    table: typeof services | typeof establishments | typeof localAuthorities | typeof referringOrganisations,
  ) => {
    const [row] = await db.select({ n: count() }).from(table);
    return Number(row?.n ?? 0);
  };
  const [s, e, la, ro] = await Promise.all([
    rowsOf(services),
    rowsOf(establishments),
    rowsOf(localAuthorities),
    rowsOf(referringOrganisations),
  ]);
  return { reconnectServices: s, establishments: e, localAuthorities: la, referringOrganisations: ro };
}
