/**
 * The people a caseload search names (DOMAIN.md, "Finding a case"), for the referral subgraph's
 * `ReferralFilter.search`: an NHS number, prison number, CRN or PNC id matched exactly (normalised
 * as the identifier checks do), otherwise the start of the given or family name, normalised as
 * `nameKey` (NFKD, accents off, case folded, letters only: "obri" finds O'Brien).
 *
 * Security: only people the caller's organisation holds a live grant on, in a relationship its
 * roles may use, and not a REFERRAL_ONLY one, are ever matched (the grants are part of the statement); the referral subgraph
 * then keeps only the referrals the caller may see. Only the referral subgraph may ask.
 */
import { and, eq, exists, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { REFERRAL_ONLY_SCOPE, grants, liveGrantsOf } from '@reconnect/access';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { nameKeySql, people } from '../db/schema.ts';
import type { QuerySearchPeopleArgs } from '../generated/graphql.ts';
import { normaliseName } from './demographics.ts';
import { normaliseCrn, normaliseNhsNumber, normalisePncId, normalisePrisonNumber } from './identifiers.ts';

/** At most this many people per search: a name prefix is for finding a case, not listing them. */
export const MAX_SEARCH_PEOPLE = 500;
export const MIN_NAME_PREFIX = 2;

/**
 * A name as search compares it: matching's `normaliseName` (demographics.ts), kept to the letters
 * a to z, because that is what the people_*_name_key_idx expression (below, in SQL) can compute
 * the same way on every server. A letter NFKD does not decompose (ł, ø, ß) is dropped on both
 * sides, so a search still finds it by the name's other letters.
 */
export function nameKey(name: string): string {
  return normaliseName(name).replace(/[^a-z]/g, '');
}

export async function searchPeople(ctx: Context, args: QuerySearchPeopleArgs): Promise<string[]> {
  if (ctx.caller !== 'referral') throw forbidden('People are searched only for the referral service.');
  const org = ctx.principal.organisationCode;
  const relationships = ctx.access.relationships;
  if (!org || relationships.length === 0) return [];
  const raw = args.search.trim();
  const field = args.inputPath ?? 'search';
  const year = Number(ctx.clock.today().slice(0, 4));
  const identifier: [AnyPgColumn, string | null][] = [
    [people.nhsNumber, normaliseNhsNumber(raw)],
    [people.prisonNumber, normalisePrisonNumber(raw)],
    [people.crn, normaliseCrn(raw)],
    [people.pncId, normalisePncId(raw, year)],
  ];
  const exact = identifier.find(([, value]) => value !== null);
  let match: SQL;
  if (exact) {
    match = eq(exact[0], exact[1]!);
  } else {
    const key = nameKey(raw);
    if (key.length < MIN_NAME_PREFIX) {
      throw badInput(
        field,
        `Search for a reference, an NHS number, prison number, CRN or PNC id, or at least ${MIN_NAME_PREFIX} letters of a name.`,
      );
    }
    // Letters only, so the key has no LIKE wildcards to escape.
    const prefix = `${key}%`;
    match = sql`(${nameKeySql(people.givenName)} LIKE ${prefix} OR ${nameKeySql(people.familyName)} LIKE ${prefix})`;
  }
  const rows = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        match,
        isNull(people.mergedInto),
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(grants)
            .where(
              and(
                eq(grants.personId, people.id),
                liveGrantsOf(org, relationships, ctx.access.at),
                // A declined duplicate's service holds a REFERRAL_ONLY grant on the record it was
                // linked to: the record's names and identifiers are not its to match against
                // (next/trust.md; Access.personGrants leaves such grants out the same way).
                sql`NOT (${REFERRAL_ONLY_SCOPE} = ANY(${grants.scopes}))`,
              ),
            ),
        ),
      ),
    )
    .limit(MAX_SEARCH_PEOPLE);
  return rows.map((r) => r.id);
}
