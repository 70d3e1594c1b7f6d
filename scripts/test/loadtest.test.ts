/**
 * `pnpm loadtest`'s core, briefly (issue 7, item 8): a few seconds of mixed traffic against the hub
 * on PostgreSQL, and every check it makes afterwards passes: no 5xx, no internal error, each
 * answered submission stored once under its key, the audit chain intact. Counts, never times.
 * PostgreSQL only: the load test runs on PostgreSQL (PGlite is one connection in one process).
 */
import { describe, expect, it } from 'vitest';
import { createDb, rowsOf, sql } from '../../packages/db/src/index.ts';
import { createLogger } from '../../packages/graph/src/index.ts';
import { testConfig } from '../../hub/testing/index.ts';
import { OPERATIONS } from '../lib/loadtest-traffic.ts';
import { runLoadtest } from '../lib/loadtest.ts';

const serverUrl = testConfig().TEST_DATABASE_URL;

describe.skipIf(!serverUrl)('the load test (PostgreSQL only)', () => {
  it('drives every kind of request, and every check passes', async () => {
    const summary = await runLoadtest({
      serverUrl: serverUrl!,
      durationSeconds: 3,
      connections: 4,
      logger: createLogger('silent', 'loadtest-test'),
    });
    expect(summary.checks.filter((c) => !c.ok)).toEqual([]);
    expect(summary.checks.map((c) => c.name)).toHaveLength(6);
    expect(summary.ok).toBe(true);
    for (const operation of OPERATIONS) {
      expect(summary.operations[operation].requests, operation).toBeGreaterThan(0);
      expect(summary.operations[operation].ok, operation).toBeGreaterThan(0);
    }
    expect(Object.keys(summary.overall.statuses)).toEqual(['200']);
    expect(summary.overall.requests).toBeGreaterThanOrEqual(
      OPERATIONS.reduce((n, o) => n + summary.operations[o].requests, 0),
    );
    // The warm-up's submissions are checked too, so even a slow run has some.
    expect(summary.submissions.answered).toBeGreaterThan(0);
    expect(summary.submissions.storedForAnswered).toBe(summary.submissions.answered);
    expect(summary.submissions.referralsStored).toBe(summary.submissions.keysStored);
    // Chained, in a signed checkpoint that verifies, nothing left pending after the drain.
    expect(summary.audit).toMatchObject({ ok: true, pending: 0, problemCount: 0 });
    expect(summary.audit.checkpoints).toBeGreaterThan(0);
    expect(summary.audit.newestCheckpoint?.treeSize).toBe(summary.audit.checked);
    expect(summary.kept).toBe(false);
    const server = await createDb({ url: serverUrl, maxConnections: 1 });
    const left = await server.db.execute(sql`select 1 from pg_database where datname = ${summary.database}`);
    await server.close();
    expect(rowsOf(left)).toEqual([]);
  }, 120_000);
});
