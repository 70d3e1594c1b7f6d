/**
 * The benchmark's smoke run (CI, PGlite and PostgreSQL): the synthetic data set at a small scale,
 * the in-process hub that counts, and the figures `pnpm bench` reports that do not vary between
 * runs or machines: SQL statements and subgraph requests per operation, the query plans' fetches,
 * and the floor returning exactly the hub's caseload page. Never a time. A change that adds a
 * statement or a subgraph request to an operation fails here until the expected count is updated
 * on purpose.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubDatabase, type TestDatabase } from '@reconnect/hub/testing';
import { startCountingHub, type CountingHub } from '../src/counting-hub.ts';
import { countOperation } from '../src/counts.ts';
import { directTarget } from '../src/direct.ts';
import { compareWithHub, runFloor } from '../src/floor.ts';
import { caseloadBody, detailBody, findScenario, submitBody, type Scenario } from '../src/operations.ts';
import { planOf } from '../src/plan.ts';
import type { RecordedFetch } from '../src/proxy.ts';
import { seedSynthetic } from '../src/seed.ts';
import { benchCaller, createBenchKeys, type Caller } from '../src/tokens.ts';

describe('pnpm bench, smoke scale: the counts that do not vary', () => {
  let database: TestDatabase;
  let hub: CountingHub;
  let scenario: Scenario;
  let staff: Caller;
  let referrer: Caller;
  let internalSecret: string;
  const dir = mkdtempSync(join(tmpdir(), 'reconnect-bench-'));

  beforeAll(async () => {
    database = await createHubDatabase();
    const seeded = await seedSynthetic(database.handle, 700);
    expect(seeded.rows['referral.referrals']).toBe(700);
    const keys = await createBenchKeys(dir);
    internalSecret = keys.internalSecret;
    scenario = await findScenario(database.handle, 'RC-NW', 'RC-SW');
    staff = await benchCaller(keys, ['RECONNECT_STAFF'], { org: 'RC-NW', staffId: scenario.staffId });
    referrer = await benchCaller(keys, ['REFERRER'], { org: scenario.submit.referrerOrganisation });
    hub = await startCountingHub({
      handle: database.handle,
      internalSecret: keys.internalSecret,
      jwks: keys.jwks,
    });
    // The first request of each operation builds the gateway's query plan.
    for (const [caller, body] of [
      [staff, caseloadBody(1)],
      [staff, detailBody(scenario)],
      [referrer, submitBody(scenario)],
    ] as const) {
      await countOperation(hub, caller.token, body);
    }
  });
  afterAll(async () => {
    await hub?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds a caseload of more than one page for the caller', () => {
    expect(scenario.caseloadSize).toBeGreaterThan(50);
  });

  it('costs the same SQL statements and subgraph requests for a caseload page of 10 as of 50', async () => {
    const ten = await countOperation(hub, staff.token, caseloadBody(10));
    const fifty = await countOperation(hub, staff.token, caseloadBody(50));
    const nodes = (answer: typeof ten.answer) =>
      (answer.data as { referrals: { nodes: unknown[] } }).referrals.nodes.length;
    expect([nodes(ten.answer), nodes(fifty.answer)]).toEqual([10, 50]);
    expect({ statements: fifty.count.statements, requests: fifty.count.byCaller }).toEqual({
      statements: ten.count.statements,
      requests: ten.count.byCaller,
    });
    // The page (with the caller's relationships on each row, so the field rules ask nothing more),
    // its count, the contacts; the person's grants, the people, the audit append; establishments,
    // services and staff.
    expect(fifty.count.statements).toBe(9);
    expect(fifty.count.byCaller).toEqual({
      'gateway→referral': 1,
      'gateway→person': 1,
      // The establishments, owning services and named workers: one request (gateway/src/entities.ts).
      'gateway→regional-service': 1,
    });
  });

  it('counts the statements and subgraph requests of a referral detail and of a submission', async () => {
    const detail = await countOperation(hub, staff.token, detailBody(scenario));
    const submit = await countOperation(hub, referrer.token, submitBody(scenario));
    expect({
      detail: [detail.count.statements, detail.count.subgraphRequests],
      submit: [submit.count.statements, submit.count.subgraphRequests],
      // The submission's 32nd: recordReferralNeeds links any identity conflict its matching
      // found to the referral it stored (issue 18), one UPDATE in the needs' transaction. Its 33rd,
      // and its 7th request: the referrer's organisation looked up in the directory of referring
      // organisations before anything else (contract/next/trust.md, the source fits it). The 34th
      // and 35th (issue 24 item 2): matching keeps what the submission said (one INSERT), and the
      // referrer's read of its person answers from it (one SELECT), never from the record.
    }).toEqual({ detail: [31, 9], submit: [35, 7] });
    expect(submit.count.byCaller).toEqual({
      'gateway→referral': 1,
      'referral→regional-service': 2,
      'referral→person': 2,
      'gateway→person': 1,
      'gateway→regional-service': 1,
    });
  });

  it('learns each query plan: the referral subgraph first, everything else after it', async () => {
    for (const [caller, body] of [
      [staff, () => caseloadBody(50)],
      [staff, () => detailBody(scenario)],
      [referrer, () => submitBody(scenario)],
    ] as const) {
      const runs: RecordedFetch[][] = [];
      for (let i = 0; i < 3; i += 1) runs.push((await countOperation(hub, caller.token, body())).fetches);
      const plan = planOf(runs);
      expect(plan[0]).toMatchObject({ key: '1-referral', dependsOn: [] });
      for (const fetch of plan.slice(1)) expect(fetch.dependsOn).toContain('1-referral');
    }
  });

  it('replays each fetch of a plan straight to its subgraph, signed as the gateway signs (the direct variants)', async () => {
    // The subgraphs accept only a token signed with their own derived key: a token the bench signed
    // any other way than the gateway does would be 401 here, as it was for every direct variant.
    for (const [caller, body] of [
      [staff, () => caseloadBody(10)],
      [staff, () => detailBody(scenario)],
    ] as const) {
      const runs: RecordedFetch[][] = [];
      for (let i = 0; i < 2; i += 1) runs.push((await countOperation(hub, caller.token, body())).fetches);
      for (const fetch of planOf(runs)) {
        const target = directTarget(fetch, {
          url: hub.subgraphUrls[fetch.subgraph]!,
          internalSecret,
          principal: caller.principal,
        });
        const { headers, body: sent } = target.request();
        const response = await globalThis.fetch(target.url, { method: 'POST', headers, body: sent });
        const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
        expect(response.status, `${fetch.key}: ${JSON.stringify(answer)}`).toBe(200);
        expect(answer.errors).toBeUndefined();
        expect(answer.data).toBeTruthy();
      }
    }
  });

  it('has a floor that returns exactly the hub’s caseload page', async () => {
    const page = await countOperation(hub, staff.token, caseloadBody(50));
    const rows = await runFloor(database.handle, 'RC-NW', 50);
    expect(rows).toHaveLength(51);
    expect(compareWithHub(rows, page.answer, 50)).toEqual([]);
  });
});
