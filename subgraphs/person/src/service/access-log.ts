/**
 * A person's access log, for RECONNECT_ADMIN (AUTH.md): newest first, at most 200 a page, with an
 * opaque cursor (the audit sequence number, encoded so that clients do not build their own).
 */
import { MAX_ACCESS_LOG_PAGE, readAccessLog, type AuditEventRow } from '@reconnect/audit';
import type { Queryable } from '@reconnect/db';
import { badInput } from '@reconnect/graph';

export function encodeCursor(seq: number): string {
  return Buffer.from(`audit:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field: string): number {
  const m = /^audit:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput(field, 'This cursor was not given by the hub.');
  return Number(m[1]);
}

export interface AccessLogPage {
  nodes: AuditEventRow[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export async function accessLogPage(
  db: Queryable,
  personId: string,
  first: number,
  after?: string | null,
): Promise<AccessLogPage> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_ACCESS_LOG_PAGE) {
    throw badInput('first', `first must be between 0 and ${MAX_ACCESS_LOG_PAGE}.`);
  }
  const afterSeq = after ? decodeCursor(after, 'after') : undefined;
  const { rows, hasNextPage } = await readAccessLog(db, personId, first, afterSeq);
  const last = rows[rows.length - 1];
  return { nodes: rows, pageInfo: { endCursor: last ? encodeCursor(last.seq) : null, hasNextPage } };
}
