/**
 * `Query.handovers`: the handovers to (INCOMING) or from (OUTGOING) the caller's own service, newest
 * request first, a page at a time with an opaque keyset cursor, and the total count.
 *
 * Security: the caller's organisation is the only service the SQL ever names, so no argument can
 * list another service's handovers. The list is handover metadata, which both parties keep (AUTH.md,
 * `handoverParty`); the referral behind each is read through its own grants (Handover.referral).
 */
import { and, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import { SERVICE_RELATIONSHIPS, grants, liveGrantsOf } from '@reconnect/access';
import type { Principal } from '@reconnect/auth';
import type { Queryable } from '@reconnect/db';
import { handovers, type HandoverRow } from '../db/schema.ts';
import type { QueryHandoversArgs } from '../generated/graphql.ts';
import { decodeCursor, encodeCursor, pageSize } from './caseload.ts';

export interface HandoverPage {
  nodes: HandoverRow[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: () => Promise<number>;
}

const cursorInstant = sql<string>`to_char(${handovers.requestedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function handoverPage(
  caller: { db: Queryable; principal: Principal; now: Date },
  args: QueryHandoversArgs,
): Promise<HandoverPage> {
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after) : null;
  const org = caller.principal.organisationCode;
  if (!org)
    return { nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, totalCount: async () => 0 };
  const own =
    args.direction === 'INCOMING' ? eq(handovers.toServiceCode, org) : eq(handovers.fromServiceCode, org);
  // AUTH.md: a record the caller has no relationship with is left out of lists. A receiver whose
  // handover was declined or cancelled, or a sender 28 days after completion, no longer sees the
  // referral, so the handover (whose `referral` is non-null) is not listed either.
  const stillRelated = exists(
    caller.db
      .select({ one: sql`1` })
      .from(grants)
      .where(
        and(
          eq(grants.referralId, handovers.referralId),
          liveGrantsOf(org, SERVICE_RELATIONSHIPS, caller.now),
        ),
      ),
  );
  // An empty status list is "no status ticked": every status.
  const where =
    args.status && args.status.length > 0
      ? and(own, stillRelated, inArray(handovers.status, args.status))
      : and(own, stillRelated);
  const keyset = after
    ? sql`(${handovers.requestedAt}, ${handovers.id}) < (${after.instant}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const rows = await caller.db
    .select({ handover: handovers, cursorInstant })
    .from(handovers)
    .where(keyset ? and(where, keyset) : where)
    .orderBy(desc(handovers.requestedAt), desc(handovers.id))
    .limit(first + 1);
  const page = rows.slice(0, first);
  const last = page[page.length - 1];
  let counted: Promise<number> | undefined;
  return {
    nodes: page.map((r) => r.handover),
    pageInfo: {
      endCursor: last ? encodeCursor(last.cursorInstant, last.handover.id) : null,
      hasNextPage: rows.length > first,
    },
    totalCount: () =>
      (counted ??= caller.db
        .select({ n: sql<number>`count(*)::int` })
        .from(handovers)
        .where(where)
        .then((r) => Number(r[0]?.n ?? 0))),
  };
}
