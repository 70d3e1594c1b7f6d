/**
 * The permission matrix, reads: every query and every field of AUTH.md's field matrix, for every
 * caller generated from AUTH.md's Roles table (each role with and without the relationship, the
 * `ROLE_` prefix, no token, no role, an unknown role), through the gateway over HTTP. Each probe is
 * one field, so that FORBIDDEN must land exactly at its path; probes share requests under aliases.
 *
 * `_entities`: subgraphs refuse any call without the gateway's internal token, so a client cannot
 * call `_entities` on them. Each entity path is reached through the gateway instead, by a nested
 * field whose owner is another subgraph: `referral { person { ... } }` (person's `_entities`),
 * `person { referrals }` and `enhancedCase { referral { ... } }` (referral's), `referral {
 * enhancedCase }` (partner's), `referral { namedWorker | custody.establishment | owningService }`
 * and `person { homeArea { name } }` (regional-service's). Those probes assert the same cells as
 * the direct ones.
 *
 * The mapping from AUTH.md rows to probes is in permission-matrix-probes.ts; the tests under "the
 * mapping" fail when AUTH.md gains a row, a field or a phrase the mapping does not cover, or when
 * the API gains a query or mutation no row covers. The writes are in permission-matrix-writes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import {
  API_SCHEMA,
  CALLERS,
  CONTRACT,
  MatrixRun,
  NOW,
  interpret,
  seedFixture,
} from './permission-matrix-harness.ts';
import { LEAD_NOTE } from './permission-matrix-operations.ts';
import { ME_PROBE, OPEN_FIELDS, ROWS, labelFields } from './permission-matrix-probes.ts';

/** The run checks at least this many cells: the matrix must not shrink unnoticed. */
const FLOOR = 3045;

describe('the mapping from AUTH.md to probes', () => {
  it('maps every field-matrix row of AUTH.md, and no row AUTH.md does not have', () => {
    const labels = CONTRACT.rows.map((r) => r.data);
    expect(
      labels.filter((l) => !ROWS[l]),
      'AUTH.md rows without a probe mapping',
    ).toEqual([]);
    expect(
      Object.keys(ROWS).filter((l) => !labels.includes(l)),
      'mapped rows AUTH.md no longer has',
    ).toEqual([]);
  });

  it('understands every cell, and probes every row with something', () => {
    for (const row of CONTRACT.rows) {
      for (const text of Object.values(row.cells)) expect(() => interpret(text), row.data).not.toThrow();
      const mapping = ROWS[row.data]!;
      expect(mapping.reads.length + mapping.writes.length, row.data).toBeGreaterThan(0);
    }
  });

  it('probes every field a "Referral:" or "Person:" row lists', () => {
    for (const row of CONTRACT.rows) {
      const probed = new Set(ROWS[row.data]!.reads.map((p) => p.field));
      const missing = labelFields(row.data).filter((f) => !probed.has(f));
      expect(missing, row.data).toEqual([]);
    }
  });

  it('has a write probe for every row a cell lets write, or says why the API has none', () => {
    for (const row of CONTRACT.rows) {
      const writes = Object.values(row.cells).some(
        (t) => interpret(t).write || interpret(t).operations.length,
      );
      const mapping = ROWS[row.data]!;
      if (writes && mapping.writes.length === 0) expect(mapping.noWrites, row.data).toBeTruthy();
    }
  });

  it('covers every query and mutation of schema/api.graphql with a row (or names it open, with a reason)', () => {
    const covered = new Set<string>();
    for (const mapping of Object.values(ROWS)) {
      for (const p of mapping.reads) covered.add(`Query.${p.path[0]}`);
      for (const p of mapping.writes) covered.add(`Mutation.${p.mutation}`);
    }
    for (const [field, why] of Object.entries(OPEN_FIELDS)) {
      expect(why.length, field).toBeGreaterThan(10);
      covered.add(`Query.${field}`);
    }
    const api = [
      ...Object.keys(API_SCHEMA.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(API_SCHEMA.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ];
    expect(
      api.filter((f) => !covered.has(f)),
      'API root fields no row covers',
    ).toEqual([]);
    expect(
      [...covered].filter((f) => !api.includes(f)),
      'probed root fields the API does not have',
    ).toEqual([]);
  });

  it('knows the operations AUTH.md reserves for RECONNECT_LEAD', () => {
    expect(CONTRACT.matrixNotes).toContain(LEAD_NOTE);
  });
});

describe('the permission matrix: reads through the gateway', () => {
  let hub: TestHub;
  let run: MatrixRun;
  const rows = Object.entries(ROWS).filter(([, m]) => m.reads.length > 0);

  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set(NOW);
    run = new MatrixRun(hub, await seedFixture(hub, CALLERS));
  });

  afterAll(async () => {
    const probes = rows.reduce((n, [, m]) => n + m.reads.length, 0) + 1;
    console.log(
      `permission matrix (reads): ${run?.cells ?? 0} cells checked (${rows.length} rows, ${probes} probes incl. me, x ${CALLERS.length} callers)`,
    );
    await hub?.stop();
  });

  describe.each(CALLERS.map((c) => [c.label, c] as const))('%s', (_label, caller) => {
    it.each(rows.map(([label]) => [label.length > 70 ? `${label.slice(0, 70)}…` : label, label]))(
      '%s',
      async (_short, label) => {
        expect(await run.read(caller, label, ROWS[label]!.reads)).toEqual([]);
      },
    );

    it('me (open to any valid token but a system client)', async () => {
      expect(await run.read(caller, 'me', [ME_PROBE])).toEqual([]);
    });
  });

  it(`checked at least ${FLOOR} cells`, () => {
    expect(run.cells).toBeGreaterThanOrEqual(FLOOR);
  });
});
