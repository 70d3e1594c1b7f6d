/**
 * The postgres.js pool survives losing its connections mid-transaction (what a PostgreSQL restart
 * does), a regression test for packages/db/patches/postgres@3.4.9.patch. Unpatched, 3.4.9 throws
 * an uncaught TypeError from a timer when a dead transaction's ROLLBACK is written to a socket
 * that is gone (porsager/postgres#1154, #1208), which ends a Node process, and the dead session's
 * buffered bytes poison the connection for good: every later query on it hangs. PostgreSQL only:
 * PGlite has no connections to lose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, testEnv } from '@reconnect/config';
import { createDb, rowsOf, sql, type DbHandle } from '../src/index.ts';

const serverUrl = loadConfig(testEnv).TEST_DATABASE_URL;
const POOL = 4;

describe.skipIf(!serverUrl)('losing every connection mid-transaction (PostgreSQL only)', () => {
  let handle: DbHandle;
  let killer: DbHandle;
  beforeAll(async () => {
    handle = await createDb({ url: serverUrl, maxConnections: POOL });
    killer = await createDb({ url: serverUrl, maxConnections: 1 });
  });
  afterAll(async () => {
    await handle?.close();
    await killer?.close();
  });

  /** Starts `n` transactions; once POOL of them hold a backend, terminates those backends. */
  async function transactionsCutOff(n: number): Promise<{ ok: number; failed: unknown[] }> {
    const pids = new Set<number>();
    let allHeld!: () => void;
    const held = new Promise<void>((resolve) => (allHeld = resolve));
    const outcomes = Array.from({ length: n }, () =>
      handle.db
        .transaction(async (tx) => {
          const [row] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
          pids.add(Number(row!.pid));
          if (pids.size === POOL) allHeld();
          await tx.execute(sql`select pg_sleep(0.3)`);
          await tx.execute(sql`select 1`);
        })
        .then(
          () => 'ok' as const,
          (error: unknown) => error,
        ),
    );
    await held;
    await killer.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where pid = any(${`{${[...pids].join(',')}}`}::int[])`,
    );
    const settled = await Promise.all(outcomes);
    return { ok: settled.filter((o) => o === 'ok').length, failed: settled.filter((o) => o !== 'ok') };
  }

  it('every transaction settles, the cut-off ones with an error, and the pool serves again', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { ok, failed } = await transactionsCutOff(3 * POOL);
      expect(failed).toHaveLength(POOL);
      for (const error of failed) expect(error).toBeInstanceOf(Error);
      expect(ok).toBe(2 * POOL);
    }
    const answers = await Promise.all(
      Array.from({ length: 5 * POOL }, () => handle.db.execute(sql`select 1 as one`)),
    );
    expect(answers.map((a) => rowsOf<{ one: number }>(a)[0]?.one)).toEqual(answers.map(() => 1));
    await expect(
      handle.db.transaction(async (tx) => rowsOf(await tx.execute(sql`select 2`))),
    ).resolves.toHaveLength(1);
  }, 30_000);
});
