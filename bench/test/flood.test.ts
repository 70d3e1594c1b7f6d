/**
 * The flood scenario (bench/src/flood.ts) against a test hub: counts, never times. Twelve floods
 * at once are all refused by the object estimate, every caseload of the other caller is answered
 * in full, and /health answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { runFlood } from '../src/flood.ts';

describe('the flood scenario', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('refuses every flood and answers every caseload and /health', async () => {
    const report = await runFlood({
      url: hub.gatewayUrl,
      flooderToken: await hub.token('COMMISSIONER', { sub: 'flooder' }),
      callerToken: await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker' }),
      floods: 12,
      caseloads: 3,
    });
    expect(report.floodOutcomes).toEqual({ '400 BAD_USER_INPUT': 12 });
    expect(report.caseloadsAnswered).toBe(3);
    expect(report.healthStatus).toBe(200);
  });
});
