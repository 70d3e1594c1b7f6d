/**
 * Property-based fuzzing (fast-check) of the handover, webhook, person and partner (Enhanced
 * RECONNECT) mutations through the gateway: one argument of a valid call corrupted at a time must
 * get a coded refusal, and the database must be unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@reconnect/hub';
import { fuzzMutation, startTestHub, type FuzzCase, type TestHub } from '@reconnect/hub/testing';
import { cases, prepareFixtures } from './mutation-cases.ts';

const SEED = 20261125;
const NUM_RUNS = 40;

const MUTATIONS = [
  'requestHandover',
  'acceptHandover',
  'declineHandover',
  'cancelHandover',
  'completeHandover',
  'registerWebhook',
  'removeWebhook',
  'replayParkedDeliveries',
  'recordHealthNeed',
  'resolveHealthNeed',
  'recordRiskAssessment',
  'enrolEnhancedReconnect',
  'addCasePartner',
  'removeCasePartner',
  'recordPartnerUpdate',
  'withdrawSharingConsent',
  'closeEnhancedCase',
  'recordDataSharingAgreement',
];

describe('fuzzing the handover, webhook, person and partner mutations', () => {
  let hub: TestHub;
  let table: FuzzCase[];
  let total = 0;
  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set('2026-11-25T10:00:00Z');
    await seedDemoData(hub.database.handle.db, hub.clock);
    table = cases(await prepareFixtures(hub));
  }, 60_000);
  afterAll(async () => {
    console.log(`fuzz-cases: ${total} corrupted mutation calls sent`);
    await hub?.stop();
  });

  it('covers the 5 handover, 3 webhook, 3 person and 7 partner mutations', () => {
    expect(table.map((c) => c.mutation).sort()).toEqual([...MUTATIONS].sort());
  });

  for (const name of MUTATIONS) {
    it(`${name} refuses every corrupted argument and changes nothing`, async () => {
      total += await fuzzMutation(
        hub,
        table.find((c) => c.mutation === name)!,
        { numRuns: NUM_RUNS, seed: SEED },
      );
    }, 60_000);
  }
});
