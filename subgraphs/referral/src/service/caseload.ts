/**
 * The caseload (`Query.referrals`): the referrals the caller may see, filtered, newest first, a
 * page at a time with an opaque keyset cursor, and the total matching count.
 *
 * Security: visibility is decided in the SQL itself, by an `EXISTS` on the caller's organisation's
 * live grants (access.grants, valid_from <= now < valid_until) of a relationship its role may use:
 * the page can never hold a referral the caller may not see, whatever the filters, page size or
 * cursor. Staff see what their service owns, receives or (for 28 days) sent; a referrer sees what
 * its organisation referred. Partners, commissioners and admins have no caseload (the shield rule
 * stops them before this runs).
 */
import { and, desc, eq, exists, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { SERVICE_RELATIONSHIPS, grants, isUuid, liveGrantsOf, type Relationship } from '@reconnect/access';
import { hasRole, isServiceStaff, type Principal } from '@reconnect/auth';
import type { Queryable } from '@reconnect/db';
import { hubFor } from '@reconnect/hub-client';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { referrals, type ReferralRow } from '../db/schema.ts';
import type { QueryReferralsArgs, ReferralFilter } from '../generated/graphql.ts';
import { normaliseReference } from './reference.ts';
import { OPEN_STATUSES, SUPPORT_MONTHS_AFTER_RELEASE } from './support-window.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface CaseloadPage {
  nodes: ReferralRow[];
  /**
   * Per referral on the page, the relationships of the caller's organisation's live grants on it,
   * among `CaseloadCaller.relationships`: what the field rules would otherwise ask Access again.
   */
  relationships: Map<string, Relationship[]>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  /** Counted only when the operation asks for it (graphql calls a function-valued field). */
  totalCount: () => Promise<number>;
}

export interface CaseloadCaller {
  db: Queryable;
  principal: Principal;
  /** The instant grants must be live at. */
  now: Date;
  /** Today's Europe/London date, for `dischargeOverdue`. */
  today: string;
  /** The relationships the caller's roles may use (Access.relationships), selected with each row. */
  relationships: readonly Relationship[];
}

/** Whose grants the caseload is read through: the caller's organisation, in these relationships. */
export interface CaseloadScope {
  organisationCode: string;
  relationships: Relationship[];
}

/**
 * Which grants open the caseload to this caller, or null when none can (no organisation, or no
 * role with a caseload). Security: `filter.serviceCode` can only narrow, never widen: staff may name
 * only their own service ("RECONNECT services only see their own"), and a referrer may not name a
 * service at all (it lists its own referrals); either attempt is FORBIDDEN rather than an empty list,
 * so a mistaken client learns why.
 */
export function caseloadScope(
  principal: Principal,
  filter: ReferralFilter | null | undefined,
): CaseloadScope | null {
  const staff = isServiceStaff(principal);
  const referrer = hasRole(principal, 'REFERRER');
  const org = principal.organisationCode;
  const serviceCode = filter?.serviceCode;
  if (serviceCode !== undefined && serviceCode !== null) {
    if (!staff)
      throw forbidden('A referrer lists its own referrals: filter.serviceCode is for RECONNECT staff.');
    if (serviceCode !== org) throw forbidden('RECONNECT services only see their own caseload.');
    return { organisationCode: org, relationships: [...SERVICE_RELATIONSHIPS] };
  }
  const relationships: Relationship[] = [
    ...(staff ? SERVICE_RELATIONSHIPS : []),
    ...(referrer ? (['REFERRER'] as const) : []),
  ];
  if (!org || relationships.length === 0) return null;
  return { organisationCode: org, relationships };
}

/** The referral's support period end (six months after release, or the extension), as SQL. */
const supportEnd = sql`coalesce(${referrals.supportExtendedUntil}, (${referrals.releasedOn} + ${sql.raw(
  `interval '${SUPPORT_MONTHS_AFTER_RELEASE} months'`,
)})::date)`;

/**
 * `dischargeOverdue` in SQL, the same rule as `supportWindow()`: an open referral whose support
 * period (with any extension) ended before today. Postgres' month arithmetic clamps to the month's
 * last day, as `addMonths` does (31 August + 6 months = 28/29 February).
 */
export function dischargeOverdueSql(today: string): SQL {
  return sql`(${inArray(referrals.status, [...OPEN_STATUSES])} and coalesce(${today}::date > ${supportEnd}, false))`;
}

/** Release date for the release filters: the actual one, else the expected one. */
const releaseDate = sql`coalesce(${referrals.releasedOn}, ${referrals.expectedReleaseDate})`;

function visibleTo(scope: CaseloadScope, now: Date, db: Queryable): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(grants)
      .where(
        and(
          eq(grants.referralId, referrals.id),
          liveGrantsOf(scope.organisationCode, scope.relationships, now),
        ),
      ),
  );
}

/** The relationships of the caller's live grants on the row's referral, among those its roles use. */
function heldRelationships(caller: CaseloadCaller): SQL<Relationship[]> {
  const org = caller.principal.organisationCode;
  if (!org || caller.relationships.length === 0) return sql<Relationship[]>`'{}'::text[]`;
  return sql<Relationship[]>`array(${caller.db
    .select({ relationship: grants.relationship })
    .from(grants)
    .where(and(eq(grants.referralId, referrals.id), liveGrantsOf(org, caller.relationships, caller.now)))})`;
}

function filterConditions(
  filter: ReferralFilter | null | undefined,
  today: string,
  personIds: readonly string[] | undefined,
): SQL[] {
  const conditions: SQL[] = [];
  // `filter.nhsNumber`, as the person ids holding it (the person subgraph's answer): none, no rows.
  if (personIds)
    conditions.push(personIds.length > 0 ? inArray(referrals.personId, [...personIds]) : sql`false`);
  if (!filter) return conditions;
  // `filter.search` as a reference (the person subgraph answers for every other search: personIds).
  const reference = filter.search != null ? normaliseReference(filter.search) : null;
  if (reference) conditions.push(eq(referrals.reference, reference));
  // An empty status list is "no status ticked": every status, as a caseload screen means it.
  if (filter.status && filter.status.length > 0) conditions.push(inArray(referrals.status, filter.status));
  if (filter.namedWorkerId !== undefined && filter.namedWorkerId !== null) {
    if (!isUuid(filter.namedWorkerId))
      throw badInput('filter.namedWorkerId', 'namedWorkerId must be a staff id.');
    conditions.push(eq(referrals.namedWorkerId, filter.namedWorkerId.toLowerCase()));
  }
  if (filter.releaseFrom && filter.releaseTo && filter.releaseFrom > filter.releaseTo) {
    throw badInput('filter.releaseTo', 'releaseTo must not be before releaseFrom.');
  }
  if (filter.releaseFrom) conditions.push(sql`${releaseDate} >= ${filter.releaseFrom}::date`);
  if (filter.releaseTo) conditions.push(sql`${releaseDate} <= ${filter.releaseTo}::date`);
  if (filter.dischargeOverdue === true) conditions.push(dischargeOverdueSql(today));
  if (filter.dischargeOverdue === false) conditions.push(sql`not ${dischargeOverdueSql(today)}`);
  if (filter.unassigned === true) conditions.push(isNull(referrals.namedWorkerId));
  if (filter.unassigned === false) conditions.push(isNotNull(referrals.namedWorkerId));
  return conditions;
}

/** The cursor's position: the microsecond submission instant (as Postgres prints it) and the id. */
const cursorInstant = sql<string>`to_char(${referrals.submittedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const CURSOR = /^v1\|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

export function encodeCursor(instant: string, id: string): string {
  return Buffer.from(`v1|${instant}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { instant: string; id: string } {
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || !isUuid(m[2]!) || Number.isNaN(Date.parse(m[1]!))) {
    throw badInput(
      'after',
      'This cursor was not given by the hub: pass pageInfo.endCursor of the previous page.',
    );
  }
  return { instant: m[1]!, id: m[2]! };
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}.`);
  }
  return size;
}

/**
 * One page of the caller's caseload: one statement for the page (first + 1 rows, to know whether
 * there is a next page) and, when asked for, one COUNT with the same visibility and filters.
 */
export async function caseloadPage(
  caller: CaseloadCaller,
  args: QueryReferralsArgs,
  /** `filter.nhsNumber` resolved to the people holding it, when it was given. */
  personIds?: readonly string[],
): Promise<CaseloadPage> {
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  const scope = caseloadScope(caller.principal, args.filter);
  const conditions = filterConditions(args.filter, caller.today, personIds);
  if (!scope) {
    return {
      nodes: [],
      relationships: new Map(),
      pageInfo: { endCursor: null, hasNextPage: false },
      totalCount: async () => 0,
    };
  }
  const where = and(visibleTo(scope, caller.now, caller.db), ...conditions);
  const keyset = after
    ? sql`(${referrals.submittedAt}, ${referrals.id}) < (${after.instant}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const rows = await caller.db
    .select({ referral: referrals, cursorInstant, held: heldRelationships(caller) })
    .from(referrals)
    .where(keyset ? and(where, keyset) : where)
    .orderBy(desc(referrals.submittedAt), desc(referrals.id))
    .limit(first + 1);
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  let counted: Promise<number> | undefined;
  return {
    nodes: page.map((r) => r.referral),
    relationships: new Map(page.map((r) => [r.referral.id, r.held])),
    pageInfo: {
      endCursor: last ? encodeCursor(last.cursorInstant, last.referral.id) : null,
      hasNextPage: rows.length > first,
    },
    totalCount: () =>
      (counted ??= (
        conditions.length === 0
          ? countLiveGrants(caller.db, scope, caller.now)
          : caller.db
              .select({ n: sql<number>`count(*)::int` })
              .from(referrals)
              .where(where)
      ).then((r) => Number(r[0]?.n ?? 0))),
  };
}

/**
 * The unfiltered caseload's total: the referrals the caller's organisation holds a live grant on,
 * counted from the grants alone (every grant names an existing referral; a referral with several
 * live grants, e.g. owning and, after a round trip, sending, counts once). An index-only scan of
 * the organisation's grants (grants_org_relationship_live_idx) instead of a semi-join over every
 * referral: at 100,000 referrals 5 ms rather than 280 ms, and it grows with the caseload, not with
 * the whole table.
 */
function countLiveGrants(db: Queryable, scope: CaseloadScope, now: Date) {
  return db
    .select({ n: sql<number>`count(distinct ${grants.referralId})::int` })
    .from(grants)
    .where(and(liveGrantsOf(scope.organisationCode, scope.relationships, now), isNotNull(grants.referralId)));
}

const NHS_NUMBER_HOLDERS = `query NhsNumberHolders($nhsNumber: String!, $inputPath: String) {
  nhsNumberHolders(nhsNumber: $nhsNumber, inputPath: $inputPath)
}`;

/**
 * `filter.nhsNumber` (issue 17, the BaRS FHIR search): the identity authority says who holds the
 * number (ids only, and a bad number is BAD_USER_INPUT at `filter.nhsNumber`); the caseload's own
 * visibility still decides which of their referrals the caller sees. Asked only of callers with a
 * caseload, so no one else learns whether a number is known.
 */
export async function nhsNumberHolders(ctx: Context, nhsNumber: string): Promise<string[]> {
  if (!caseloadScope(ctx.principal, null)) return [];
  const answer = await hubFor(ctx).call<{ nhsNumberHolders: string[] }>('person', NHS_NUMBER_HOLDERS, {
    nhsNumber,
    inputPath: 'filter.nhsNumber',
  });
  return answer.nhsNumberHolders;
}

const SEARCH_PEOPLE = `query SearchPeople($search: String!, $inputPath: String) {
  searchPeople(search: $search, inputPath: $inputPath)
}`;

/**
 * `filter.search` (DOMAIN.md, "Finding a case"; casework.md): a reference is matched here, among the
 * caller's referrals, by the caseload's own SQL (undefined: no people to narrow to). Anything else is
 * for staff only (a referrer finds its referrals by reference): the person subgraph names the people
 * it matches among those the caller's organisation holds grants on, and the caseload's visibility
 * still decides which of their referrals the caller sees.
 */
export async function searchHolders(ctx: Context, search: string): Promise<string[] | undefined> {
  if (normaliseReference(search)) return undefined;
  if (!isServiceStaff(ctx.principal)) {
    if (!caseloadScope(ctx.principal, null)) return [];
    throw forbidden('A referrer finds its referrals by reference (RC-...) only.');
  }
  const answer = await hubFor(ctx).call<{ searchPeople: string[] }>('person', SEARCH_PEOPLE, {
    search,
    inputPath: 'filter.search',
  });
  return answer.searchPeople;
}
