/**
 * `Query.enhancedCases`: the cases the caller may see, newest first, a page at a time with an
 * opaque keyset cursor, and the total count.
 *
 * Security: visibility is decided in the SQL, by an EXISTS on the caller's organisation's live
 * grants (valid_from <= now < valid_until). Staff see cases of referrals their service owns,
 * receives or (for 28 days) sent; a partner sees OPEN cases with consent GIVEN on which it is an
 * active partner holding a live ER_PARTNER grant for that case. Anyone else sees none. Each case a
 * partner is shown is audited against the person.
 */
import { and, desc, eq, exists, gt, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { SERVICE_RELATIONSHIPS, grants } from '@reconnect/access';
import { isServiceStaff } from '@reconnect/auth';
import { badInput } from '@reconnect/graph';
import type { Context } from '../context.ts';
import type { QueryEnhancedCasesArgs } from '../generated/graphql.ts';
import { casePartners, enhancedCases, partnerOrganisations, type EnhancedCaseRow } from '../db/schema.ts';
import { isPartner, partnerReadsCase, staffReadsCase } from './cases.ts';

export const MAX_PAGE_SIZE = 100;

const encodeCursor = (row: EnhancedCaseRow) =>
  Buffer.from(`${row.openedAt.toISOString()}|${row.id}`).toString('base64url');

function decodeCursor(cursor: string): { openedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const openedAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(openedAt.getTime())) {
    throw badInput('after', 'The cursor is not one this list gave out.');
  }
  return { openedAt, id };
}

function visibility(ctx: Context, now: Date): SQL | null {
  const org = ctx.principal.organisationCode;
  if (!org) return null;
  const live = and(
    eq(grants.organisationCode, org),
    lte(grants.validFrom, now),
    or(isNull(grants.validUntil), gt(grants.validUntil, now)),
  );
  const ways: SQL[] = [];
  if (isServiceStaff(ctx.principal)) {
    ways.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(grants)
          .where(
            and(
              live,
              inArray(grants.relationship, [...SERVICE_RELATIONSHIPS]),
              eq(grants.referralId, enhancedCases.referralId),
            ),
          ),
      ),
    );
  }
  if (isPartner(ctx.principal)) {
    ways.push(
      and(
        eq(enhancedCases.status, 'OPEN'),
        eq(enhancedCases.sharingConsentDecision, 'GIVEN'),
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(grants)
            .where(
              and(live, eq(grants.relationship, 'ER_PARTNER'), eq(grants.enhancedCaseId, enhancedCases.id)),
            ),
        ),
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(casePartners)
            .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, casePartners.partnerId))
            .where(
              and(
                eq(casePartners.caseId, enhancedCases.id),
                isNull(casePartners.removedAt),
                eq(partnerOrganisations.code, org),
              ),
            ),
        ),
      )!,
    );
  }
  return ways.length ? (or(...ways) ?? null) : null;
}

export interface CaseListPage {
  nodes: EnhancedCaseRow[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  /** Counted only when the operation asks for it (graphql calls a function-valued field). */
  totalCount: number | (() => Promise<number>);
}

export async function caseListPage(ctx: Context, args: QueryEnhancedCasesArgs): Promise<CaseListPage> {
  const first = args.first ?? 50;
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `Ask for between 0 and ${MAX_PAGE_SIZE} cases at a time.`);
  }
  const visible = visibility(ctx, ctx.access.at);
  if (!visible) {
    return { nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: 0 };
  }
  const filter = and(visible, args.status ? eq(enhancedCases.status, args.status) : undefined);
  const cursor = args.after ? decodeCursor(args.after) : null;
  const page = await ctx.db
    .select()
    .from(enhancedCases)
    .where(
      and(
        filter,
        cursor
          ? or(
              lt(enhancedCases.openedAt, cursor.openedAt),
              and(eq(enhancedCases.openedAt, cursor.openedAt), lt(enhancedCases.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(enhancedCases.openedAt), desc(enhancedCases.id))
    .limit(first + 1);
  const rows = page.slice(0, first);
  // The field rules ask Access again, a moment later: a grant ending in between (an agreement's
  // last day turning over) would deny a node's non-null fields and null the whole page. Asking now
  // fills Access's per-request cache, so the rules get the same answer, and drops such a case.
  const shown = await Promise.all(
    rows.map(async (row) => (await staffReadsCase(ctx, row)) || (await partnerReadsCase(ctx, row))),
  );
  const nodes = rows.filter((_, i) => shown[i]);
  for (const row of nodes) ctx.loaders.caseById.prime(row.id, row);
  if (isPartner(ctx.principal) && !isServiceStaff(ctx.principal)) {
    await Promise.all(
      nodes.map((row) =>
        ctx.audit.record({
          action: 'enhancedCase.read',
          subjectType: 'EnhancedCase',
          subjectId: row.id,
          personId: row.personId,
        }),
      ),
    );
  }
  const last = rows[rows.length - 1];
  return {
    nodes,
    pageInfo: { endCursor: last ? encodeCursor(last) : null, hasNextPage: page.length > first },
    totalCount: async () => {
      const [row] = await ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(enhancedCases)
        .where(filter);
      return Number(row?.n ?? 0);
    },
  };
}
