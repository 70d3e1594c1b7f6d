/**
 * Reading a person's access log, newest first, with keyset pagination on `seq`: the append order,
 * given at insert, so events the sequencer has not chained yet are listed too, in their place.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Queryable } from '@reconnect/db';
import { auditEvents, type AuditEventRow } from './schema.ts';

export const MAX_ACCESS_LOG_PAGE = 200;

export async function readAccessLog(
  db: Queryable,
  personId: string,
  first: number,
  afterSeq?: number,
): Promise<{ rows: AuditEventRow[]; hasNextPage: boolean }> {
  const limit = Math.max(0, Math.min(first, MAX_ACCESS_LOG_PAGE));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.personId, personId),
        afterSeq !== undefined ? lt(auditEvents.seq, afterSeq) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasNextPage: rows.length > limit };
}
