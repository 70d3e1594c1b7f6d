/**
 * Metrics and traces of every deployable (issue 19, items 1 and 2), on one hub with the console in
 * front: requests with real ids and names first, then each deployable's /metrics is scraped for
 * its metric names and for any id or name in a label; one caseload request is one connected trace
 * from the gateway through every subgraph it touched down to the SQL, carrying no personal data.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeployableMetrics, mayScrape, metricsRoute } from '@reconnect/observability';
import {
  startInMemoryTracing,
  type InMemoryTracing,
  type ReadableSpan,
} from '@reconnect/observability/testing';
import type { TestHub } from '@reconnect/hub/testing';
import {
  STAFF,
  signedInAgent,
  startConsoleUnderTest,
  submitReferral,
  type ConsoleUnderTest,
  type SubmittedReferral,
} from './support.ts';

const PERSON = { givenName: 'Zephyrine', familyName: 'Quillfeather' };
const REQUEST_ID = 'observability-test-0001';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let tracing: InMemoryTracing;
let ui: ConsoleUnderTest;
let hub: TestHub;
let referral: SubmittedReferral;
let personId: string;

beforeAll(async () => {
  tracing = await startInMemoryTracing();
  ui = await startConsoleUnderTest();
  hub = ui.hub;
  referral = await submitReferral(hub, PERSON, ui.today());
  const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
  const read = await staff.query<{ referral: { person: { id: string; givenName: string } } }>(
    `query ($id: ID!) { referral(id: $id) { id reference person { id givenName familyName } } }`,
    { id: referral.id },
    { 'x-purpose-of-use': 'direct care' },
  );
  personId = read.body.data!.referral.person.id;
  // A refused one (no token) and a console page for the referral, by id.
  await hub.graphql('{ me { subject } }', {}, { token: 'not-a-token' });
  const agent = await signedInAgent(ui.console.app, STAFF.nwWorker);
  await agent.get(`/referrals/${referral.id}`).expect(200);
});

afterAll(async () => {
  await ui?.stop(); // and the hub it started
  await tracing?.stop();
});

async function scrape(url: string): Promise<string> {
  const response = await fetch(new URL('/metrics', url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** Every label value of a Prometheus text. */
function labelValues(text: string): string[] {
  return [...text.matchAll(/\b[a-z_]+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

describe('/metrics of every deployable', () => {
  it('names what each deployable measures, and no label holds an id or a name', async () => {
    const gateway = await scrape(hub.gatewayUrl);
    const subgraphs = Object.fromEntries(
      await Promise.all(
        Object.entries(hub.subgraphUrls).map(async ([name, url]) => [name, await scrape(url)] as const),
      ),
    );
    const consoleText = (
      await (await signedInAgent(ui.console.app, STAFF.nwLead)).get('/metrics').expect(200)
    ).text;

    const common = [
      'reconnect_request_duration_seconds_bucket',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
      'reconnect_db_pool_connections_max',
      'reconnect_db_pool_connections_in_use',
      'reconnect_db_pool_waiting',
      'reconnect_audit_write_duration_seconds_bucket',
    ];
    for (const text of [gateway, consoleText, ...Object.values(subgraphs)]) {
      for (const name of common) expect(text).toContain(name);
    }
    expect(gateway).toMatch(
      /reconnect_request_duration_seconds_count\{[^}]*operation="submitReferral",outcome="ok"/,
    );
    expect(gateway).toMatch(
      /reconnect_request_duration_seconds_count\{[^}]*operation="unknown",outcome="UNAUTHENTICATED"/,
    );
    expect(gateway).toMatch(
      /reconnect_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="referral",outcome="ok"/,
    );
    expect(subgraphs.person).toMatch(/reconnect_request_duration_seconds_count\{[^}]*operation="_entities"/);
    // The referral subgraph asks the person subgraph who the person is when a referral is submitted.
    expect(subgraphs.referral).toMatch(
      /reconnect_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="person"/,
    );
    for (const name of [
      'reconnect_outbox_undelivered_events',
      'reconnect_outbox_oldest_undelivered_age_seconds',
      'reconnect_outbox_pending_deliveries',
      'reconnect_outbox_parked_deliveries',
      'reconnect_webhook_subscriptions{',
    ]) {
      expect(subgraphs.referral).toContain(name);
    }
    expect(consoleText).toMatch(
      /reconnect_request_duration_seconds_count\{[^}]*operation="GET \/referrals\/:id",outcome="ok"/,
    );

    const secrets = [referral.id, referral.reference, personId, PERSON.givenName, PERSON.familyName];
    for (const text of [gateway, consoleText, ...Object.values(subgraphs)]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      for (const value of labelValues(text)) expect(value).not.toMatch(UUID);
    }
  });

  it('answers a scraper only on the metrics interface or with the metrics token in production', async () => {
    const token = 'a-metrics-secret-of-at-least-32-chars';
    const req = (localAddress: string, authorization?: string) =>
      ({ socket: { localAddress }, headers: authorization ? { authorization } : {} }) as never;
    expect(mayScrape(req('10.0.0.5'), { environment: 'development' })).toBe(true);
    expect(mayScrape(req('10.0.0.5'), { environment: 'production' })).toBe(false);
    expect(mayScrape(req('10.0.0.5'), { environment: 'production', interface: '10.0.0.5' })).toBe(true);
    expect(mayScrape(req('::ffff:10.0.0.5'), { environment: 'production', interface: '10.0.0.5' })).toBe(
      true,
    );
    expect(mayScrape(req('192.168.1.9'), { environment: 'production', interface: '10.0.0.5' })).toBe(false);
    expect(mayScrape(req('192.168.1.9', `Bearer ${token}`), { environment: 'production', token })).toBe(true);
    expect(mayScrape(req('192.168.1.9', `Bearer ${token}x`), { environment: 'production', token })).toBe(
      false,
    );
    expect(mayScrape(req('192.168.1.9', `Bearer ${token}`), { environment: 'production' })).toBe(false);

    const route = metricsRoute(createDeployableMetrics('probe'), { environment: 'production', token });
    const server = createServer((rq, rs) => void route(rq, rs));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    try {
      expect((await fetch(url)).status).toBe(401);
      const allowed = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('# TYPE reconnect_request_duration_seconds histogram');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('traces', () => {
  it('makes one connected trace of a caseload request across the gateway and every subgraph it touched', async () => {
    tracing.reset();
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const answer = await staff.query<{
      referrals: { nodes: { id: string; person: { givenName: string; familyName: string } | null }[] };
    }>(
      `query Caseload {
        referrals(filter: { status: [SUBMITTED, PRE_RELEASE, POST_RELEASE] }, first: 50) {
          nodes { id reference person { givenName familyName } custody { establishment { name } } }
        }
      }`,
      {},
      { 'x-request-id': REQUEST_ID, 'x-purpose-of-use': 'direct care' },
    );
    expect(answer.body.errors).toBeUndefined();
    const nodes = answer.body.data!.referrals.nodes;
    expect(nodes.some((n) => n.id === referral.id)).toBe(true);

    // The hub's own request id (answered in X-Request-Id) on every span of the request; the
    // client's id beside it on the gateway's span as its correlation id (next/trust.md).
    const requestId = answer.headers.get('x-request-id')!;
    expect(requestId).not.toBe(REQUEST_ID);
    const spans = tracing.spans();
    const gatewaySpan = spans.find(
      (s) =>
        s.attributes['reconnect.deployable'] === 'gateway' &&
        s.attributes['reconnect.request_id'] === requestId,
    );
    expect(gatewaySpan).toBeDefined();
    expect(gatewaySpan!.attributes['reconnect.correlation_id']).toBe(REQUEST_ID);
    const traceId = gatewaySpan!.spanContext().traceId;
    const trace = spans.filter((s) => s.spanContext().traceId === traceId);
    const byId = new Map(trace.map((s) => [s.spanContext().spanId, s]));
    const parentOf = (s: ReadableSpan) => byId.get(s.parentSpanContext?.spanId ?? '');

    // One root: the test's own fetch (undici's client span, which sent `traceparent`), and the
    // gateway's server span under it; every other span hangs from that.
    const roots = trace.filter((s) => !parentOf(s));
    expect(roots.map((s) => s.instrumentationScope.name)).toEqual(['@opentelemetry/instrumentation-undici']);
    expect(parentOf(gatewaySpan!)).toBe(roots[0]);
    expect(gatewaySpan!.name).toBe('POST /graphql referrals');

    const fetched = new Set(
      trace.filter((s) => s.name.startsWith('fetch ')).map((s) => String(s.attributes['reconnect.subgraph'])),
    );
    expect(fetched.has('referral')).toBe(true);
    expect(fetched.has('person')).toBe(true);
    const servedBy = (name: string) =>
      trace.filter(
        (s) => s.attributes['reconnect.deployable'] === name && s.name.startsWith('POST /graphql'),
      );
    for (const subgraph of fetched) {
      const served = servedBy(subgraph);
      expect(served.length, subgraph).toBeGreaterThan(0);
      for (const span of served) {
        expect(span.attributes['reconnect.request_id']).toBe(requestId);
        // Its chain of parents passes through the gateway's fetch of that subgraph.
        let up = parentOf(span);
        while (up && up.name !== `fetch ${subgraph}`) up = parentOf(up);
        expect(up, subgraph).toBeDefined();
      }
    }
    // No subgraph served a part of this request outside the trace.
    const elsewhere = spans.filter(
      (s) => s.spanContext().traceId !== traceId && s.attributes['reconnect.request_id'] === requestId,
    );
    expect(elsewhere).toEqual([]);

    // The SQL, under the subgraph that ran it, as text without values.
    const sqlSpans = trace.filter((s) => s.attributes['db.system.name'] === 'postgresql');
    expect(sqlSpans.length).toBeGreaterThan(0);
    const referralSql = sqlSpans.filter((s) => {
      let up = parentOf(s);
      while (up && !up.attributes['reconnect.deployable']) up = parentOf(up);
      return up?.attributes['reconnect.deployable'] === 'referral';
    });
    expect(referralSql.length).toBeGreaterThan(0);
    expect(referralSql.map((s) => s.name)).toContain('select');

    const personal = nodes.flatMap((n) => [n.id, n.person?.givenName, n.person?.familyName]).filter(Boolean);
    expect(personal).toContain(PERSON.familyName);
    const text = JSON.stringify(trace.map((s) => [s.name, s.attributes]));
    for (const value of personal) expect(text).not.toContain(value as string);
  });
});
