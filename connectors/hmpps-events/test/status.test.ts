/**
 * The connector's own port: /health, /ready (a broker connection held) and /metrics, whose
 * counters are read from `connector.stats` at each scrape and whose labels are outcome codes and
 * reasons only (no broker needed: the stats are the connector's, filled here as it fills them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, newStats, startStatusServer, type StatusServer } from '../src/index.ts';

const stats = newStats();
let status: StatusServer;

beforeAll(async () => {
  status = await startStatusServer(stats, { port: 0, host: '127.0.0.1', access: { environment: 'test' } });
});
afterAll(async () => {
  await status?.stop();
});

describe('the connector status port', () => {
  it('is alive at once, and ready only while it holds a broker connection', async () => {
    expect((await fetch(`${status.url}/health`)).status).toBe(200);
    stats.connected = false;
    expect((await fetch(`${status.url}/ready`)).status).toBe(503);
    stats.connected = true;
    const ready = await fetch(`${status.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('counts every message by result and code, and the lag of the last one applied', async () => {
    count(stats.outcomes, 'RELEASE_RECORDED');
    count(stats.outcomes, 'RELEASE_RECORDED');
    count(stats.outcomes, 'ALREADY_APPLIED');
    count(stats.skipped, 'unbound-event-type');
    count(stats.deadLettered, 'unparseable');
    count(stats.retries, 'DOWNSTREAM_SERVICE_ERROR');
    stats.requeued = 1;
    stats.lastAppliedLagMs = 1500;
    stats.lastAppliedAt = new Date('2026-11-25T10:00:00Z');
    const text = await (await fetch(`${status.url}/metrics`)).text();
    const line = (name: string, labels: string) =>
      text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
    expect(line('reconnect_hmpps_events_total', 'result="applied",code="RELEASE_RECORDED"')).toMatch(/ 2$/);
    expect(line('reconnect_hmpps_events_total', 'result="applied",code="ALREADY_APPLIED"')).toMatch(/ 1$/);
    expect(line('reconnect_hmpps_events_total', 'result="skipped",code="unbound-event-type"')).toMatch(/ 1$/);
    expect(line('reconnect_hmpps_events_total', 'result="dead_lettered",code="unparseable"')).toMatch(/ 1$/);
    expect(line('reconnect_hmpps_events_total', 'result="requeued"')).toMatch(/ 1$/);
    expect(line('reconnect_hmpps_events_retries_total', 'code="DOWNSTREAM_SERVICE_ERROR"')).toMatch(/ 1$/);
    expect(text).toMatch(/reconnect_hmpps_events_last_applied_lag_seconds\{[^}]*\} 1\.5\n/);
    expect(text).toMatch(/reconnect_hmpps_events_broker_connected\{[^}]*\} 1\n/);
    expect(text).toContain('process_resident_memory_bytes');
    // A second scrape reads the same counters again, not twice as many.
    const again = await (await fetch(`${status.url}/metrics`)).text();
    expect(again.split('\n').find((l) => l.includes('code="RELEASE_RECORDED"'))).toMatch(/ 2$/);
  });

  it('answers /metrics in production only on the metrics interface or with its bearer', async () => {
    const production = await startStatusServer(stats, {
      port: 0,
      host: '127.0.0.1',
      access: { environment: 'production', token: 'a-metrics-bearer-secret-of-32-characters!' },
    });
    try {
      expect((await fetch(`${production.url}/metrics`)).status).toBe(401);
      const scraped = await fetch(`${production.url}/metrics`, {
        headers: { authorization: 'Bearer a-metrics-bearer-secret-of-32-characters!' },
      });
      expect(scraped.status).toBe(200);
    } finally {
      await production.stop();
    }
  });
});
