/** Recomputes the audit chain in the database and reports the first row that does not fit. */
import { sql, rowsOf, type Queryable } from '@reconnect/db';

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first sequence number whose hash or link is wrong. */
  brokenAt?: number;
}

export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  const result = await db.execute(sql`
    WITH chain AS (
      SELECT e.seq, e.hash, e.prev_hash,
             coalesce(lag(e.hash) OVER (ORDER BY e.seq), 'genesis') AS expected_prev,
             "audit"."digest"(e.prev_hash, e) AS recomputed
      FROM "audit"."events" e
    )
    SELECT count(*)::int AS checked,
           min(seq) FILTER (WHERE hash <> recomputed OR prev_hash <> expected_prev) AS broken_at
    FROM chain`);
  const row = rowsOf<{ checked: number; broken_at: number | string | null }>(result)[0];
  const checked = Number(row?.checked ?? 0);
  if (row?.broken_at === null || row?.broken_at === undefined) return { ok: true, checked };
  return { ok: false, checked, brokenAt: Number(row.broken_at) };
}
