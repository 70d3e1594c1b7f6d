/**
 * The permission matrix, writes: every mutation of the API, each under the AUTH.md row that covers
 * it, for every caller generated from AUTH.md's Roles table (as permission-matrix-reads.test.ts),
 * through the gateway. Each cell asserts one exact outcome: FORBIDDEN when the caller's cell does
 * not allow the operation (or not in the target's state); NOT_FOUND when it does but the caller
 * cannot see the target; success otherwise, on a fresh record made for that cell, or the domain
 * code the target's state calls for (withdrawing a PRE_RELEASE referral: INVALID_TRANSITION).
 * Cells that must not succeed share one target per operation, which they must leave unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { CALLERS as ALL_CALLERS, MatrixRun, NOW, seedFixture } from './permission-matrix-harness.ts';
import { ROWS } from './permission-matrix-probes.ts';

/** The receiving service's writes need a handover on their record: handover.test.ts has them. */
const CALLERS = ALL_CALLERS.filter((c) => !c.readsOnly);

/** The run checks at least this many cells: the matrix must not shrink unnoticed. */
const FLOOR = 700;

describe('the permission matrix: writes through the gateway', () => {
  let hub: TestHub;
  let run: MatrixRun;
  const rows = Object.entries(ROWS).filter(([, m]) => m.writes.length > 0);

  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set(NOW);
    run = new MatrixRun(hub, await seedFixture(hub, CALLERS));
  });

  afterAll(async () => {
    const probes = rows.reduce((n, [, m]) => n + m.writes.length, 0);
    console.log(
      `permission matrix (writes): ${run?.cells ?? 0} cells checked (${rows.length} rows, ${probes} probes x ${CALLERS.length} callers)`,
    );
    await hub?.stop();
  });

  describe.each(CALLERS.map((c) => [c.label, c] as const))('%s', (_label, caller) => {
    it.each(rows.map(([label]) => [label]))('%s', async (label) => {
      const wrong = await Promise.all(ROWS[label]!.writes.map((probe) => run.write(caller, label, probe)));
      expect(wrong.filter(Boolean)).toEqual([]);
    });
  });

  it(`checked at least ${FLOOR} cells`, () => {
    expect(run.cells).toBeGreaterThanOrEqual(FLOOR);
  });
});
