/**
 * The connector when things fail, against the real broker (a vhost of this file's own): the hub
 * down for a while (the gateway unreachable, then the referral subgraph down behind it): messages
 * wait and then apply once; the broker closing the connector's connections (what a restart does)
 * and the network to the broker cut and restored: the connector reconnects by itself and nothing
 * is lost; and 200 events published at once: each applied once, none lost, the audit chain intact.
 * The broker and the gateway are reached through TCP proxies this file cuts, so no other test
 * file sharing the broker is disturbed.
 */
import { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '@reconnect/audit';
import { rowsOf, sql } from '@reconnect/db';
import {
  TEST_AUDIENCE,
  TEST_ISSUER,
  startTestHub,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';
import { startHmppsEventsConnector, type HmppsEventsConnector } from '../src/connector.ts';
import { eventPublisher, type EventPublisher } from '../src/publish.ts';
import { devTokenSource } from '../src/tokens.ts';
import { DEAD_LETTER_QUEUE, QUEUE } from '../src/topology.ts';
import {
  REFERRAL,
  announceSkip,
  brokerTests,
  closeConnectionsOf,
  createVhost,
  logger,
  seedCase,
  settlements,
  tcpProxy,
  through,
  type Loose,
} from './support.ts';

const RELEASED = 'prison-offender-events.prisoner.released';
const AT = '2026-11-25T09:15:00Z';
const EVENTS_AT_ONCE = 200;

/** Polls a condition the connector reaches by itself (a retry counted, a reconnection). */
async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

announceSkip();
describe.skipIf(!brokerTests)('the HMPPS events connector when things fail', () => {
  let vhost: Awaited<ReturnType<typeof createVhost>>;
  let hub: TestHub;
  let staff: HubClientForTests;
  let brokerProxy: Awaited<ReturnType<typeof tcpProxy>>;
  let gatewayProxy: Awaited<ReturnType<typeof tcpProxy>>;
  let connector: HmppsEventsConnector;
  let publisher: EventPublisher;
  let inspector: Connection;
  const s = settlements();

  beforeAll(async () => {
    vhost = await createVhost('faults');
    hub = await startTestHub();
    hub.clock.set('2026-11-25T10:00:00Z');
    staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'hbyrne' });
    const broker = new URL(vhost.url);
    brokerProxy = await tcpProxy({ host: broker.hostname, port: Number(broker.port || 5672) });
    const gateway = new URL(hub.gatewayUrl);
    gatewayProxy = await tcpProxy({ host: gateway.hostname, port: Number(gateway.port) });
    connector = startHmppsEventsConnector({
      amqpUrl: through(vhost.url, brokerProxy.port),
      gatewayUrl: through(hub.gatewayUrl, gatewayProxy.port),
      // The development path: a token signed with the key the gateway trusts.
      token: devTokenSource({
        privateJwk: hub.signingKey,
        clientId: 'hmpps-events-connector',
        issuer: TEST_ISSUER,
        audience: TEST_AUDIENCE,
      }),
      logger,
      backoff: { initialMs: 50, maxMs: 400 },
      reconnect: { lowMs: 100, highMs: 500 },
      onSettled: s.onSettled,
    });
    await connector.ready;
    publisher = eventPublisher(vhost.url);
    inspector = new Connection({ url: vhost.url, connectionName: 'test inspector' });
    // It reconnects by itself when the broker closes the vhost's connections.
    inspector.on('error', () => {});
  });
  afterAll(async () => {
    await publisher?.close();
    await inspector?.close();
    await connector?.stop();
    await brokerProxy?.close();
    await gatewayProxy?.close();
    await hub?.stop();
    await vhost?.remove();
  });

  const release = (prisonNumber: string) =>
    publisher.publish({
      eventType: RELEASED,
      prisonNumber,
      occurredAt: AT,
      additionalInformation: { reason: 'RELEASED', prisonId: 'MRI' },
    });

  async function referralOf(id: string): Promise<Loose> {
    const { body } = await staff.query<Loose>(REFERRAL, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.referral as Loose;
  }

  const retries = (code: string) => connector.stats.retries[code] ?? 0;

  it('the gateway unreachable for a while: messages wait, then apply once', async () => {
    const cases = [await seedCase(hub, 'PRE_RELEASE'), await seedCase(hub, 'PRE_RELEASE')];
    await gatewayProxy.cut();
    const before = retries('GATEWAY_UNREACHABLE');
    const ids = await Promise.all(cases.map((c) => release(c.prisonNumber)));
    // Each is tried, fails, and is held for another try (at least twice each).
    await until(() => retries('GATEWAY_UNREACHABLE') >= before + 4, 'the retries while the hub is down');
    expect(ids.map((id) => s.of(id))).toEqual([[], []]);
    await gatewayProxy.restore();
    for (const id of ids)
      expect(await s.settled(id)).toMatchObject({ disposition: 'ack', outcome: 'RELEASE_RECORDED' });
    for (const c of cases) {
      const seen = await referralOf(c.referral.id);
      expect(seen).toMatchObject({ status: 'POST_RELEASE', version: 2 });
      expect(seen.history).toHaveLength(1);
    }
    expect(ids.map((id) => s.of(id).length)).toEqual([1, 1]);
    expect(connector.stats.requeued).toBe(0);
  });

  it('the referral subgraph down behind the gateway (DOWNSTREAM_SERVICE_ERROR): held, then applied once', async () => {
    const { referral, prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
    await hub.stopSubgraph('referral');
    const before = retries('DOWNSTREAM_SERVICE_ERROR') + retries('INTERNAL_SERVER_ERROR');
    const id = await release(prisonNumber);
    await until(
      () => retries('DOWNSTREAM_SERVICE_ERROR') + retries('INTERNAL_SERVER_ERROR') >= before + 2,
      'the retries while the referral subgraph is down',
    );
    await hub.restartSubgraph('referral');
    expect((await s.settled(id)).outcome).toBe('RELEASE_RECORDED');
    expect((await referralOf(referral.id)).history).toHaveLength(1);
  });

  it('the broker closes the connections (a restart): the connector reconnects by itself', async () => {
    const { referral, prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
    expect(connector.stats.connected).toBe(true);
    await closeConnectionsOf(vhost.name);
    await until(() => !connector.stats.connected, 'the connector to notice');
    const id = await release(prisonNumber);
    expect(await s.settled(id)).toMatchObject({ disposition: 'ack', outcome: 'RELEASE_RECORDED' });
    expect(connector.stats.connected).toBe(true);
    expect((await referralOf(referral.id)).status).toBe('POST_RELEASE');
  });

  it('the network to the broker cut and restored: messages published meanwhile all apply, once', async () => {
    const cases = [await seedCase(hub, 'PRE_RELEASE'), await seedCase(hub, 'SUBMITTED')];
    await brokerProxy.cut();
    await until(() => !connector.stats.connected, 'the connector to notice');
    const ids = await Promise.all(cases.map((c) => release(c.prisonNumber)));
    // While it is cut, the connector keeps trying (and failing) to reconnect; nothing is consumed.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(ids.map((id) => s.of(id))).toEqual([[], []]);
    await brokerProxy.restore();
    for (const id of ids) expect((await s.settled(id)).outcome).toBe('RELEASE_RECORDED');
    expect(ids.map((id) => s.of(id).length)).toEqual([1, 1]);
    expect((await referralOf(cases[0]!.referral.id)).status).toBe('POST_RELEASE');
    expect((await referralOf(cases[1]!.referral.id)).custody.releasedOn).toBe('2026-11-25');
  });

  it(`${EVENTS_AT_ONCE} events published at once: each applied once, none lost, the audit chain verifying`, async () => {
    const cases = [];
    for (let i = 0; i < EVENTS_AT_ONCE; i++) cases.push(await seedCase(hub, 'PRE_RELEASE'));
    const applied = connector.stats.outcomes['RELEASE_RECORDED'] ?? 0;
    const started = performance.now();
    const ids = await Promise.all(cases.map((c) => release(c.prisonNumber)));
    const published = performance.now();
    const settled = await Promise.all(ids.map((id) => s.settled(id)));
    const drained = performance.now();
    // A figure for the report, not an assertion (the machine is shared).
    console.log(
      `${EVENTS_AT_ONCE} events: published in ${Math.round(published - started)} ms, all applied ${Math.round(drained - started)} ms after the first was published: ${Math.round((EVENTS_AT_ONCE * 1000) / (drained - started))} events/s`,
    );
    expect(settled.every((x) => x.disposition === 'ack' && x.outcome === 'RELEASE_RECORDED')).toBe(true);
    expect(ids.map((id) => s.of(id).length).every((n) => n === 1)).toBe(true);
    expect((connector.stats.outcomes['RELEASE_RECORDED'] ?? 0) - applied).toBe(EVENTS_AT_ONCE);
    const db = hub.database.handle.db;
    const referralIds = cases.map((c) => c.referral.id);
    const [row] = rowsOf<{ released: number; events: number }>(
      await db.execute(sql`
        select (select count(*)::int from referral.referrals
                 where id in ${referralIds} and status = 'POST_RELEASE' and released_on = '2026-11-25') as released,
               (select count(*)::int from referral.referral_events
                 where referral_id in ${referralIds} and type = 'referral.released') as events`),
    );
    expect(row).toEqual({ released: EVENTS_AT_ONCE, events: EVENTS_AT_ONCE });
    for (const queue of [QUEUE, DEAD_LETTER_QUEUE]) {
      expect((await inspector.queueDeclare({ queue, passive: true })).messageCount).toBe(0);
    }
    await hub.auditSequencer.drain();
    expect(await verifyAuditChain(db, { trustedKeys: hub.auditKeys })).toMatchObject({
      ok: true,
      pending: 0,
    });
    const [audit] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from audit.events
        where action = 'referral.released' and actor_subject = 'hmpps-events-connector'`),
    );
    expect(audit!.n).toBeGreaterThanOrEqual(EVENTS_AT_ONCE);
  }, 180_000);

  it('a connector whose token the hub refuses (FORBIDDEN) never acknowledges: requeued, then dead-lettered by the delivery limit', async () => {
    await connector.stop();
    const { referral, prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
    const wrong = settlements();
    // A real token the gateway accepts, of the wrong role: every answer is FORBIDDEN.
    const staffToken = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: 'not-the-connector' });
    const token = { get: () => Promise.resolve(staffToken), invalidate: () => {} };
    const refused = startHmppsEventsConnector({
      amqpUrl: vhost.url,
      gatewayUrl: hub.gatewayUrl,
      token,
      logger,
      backoff: { initialMs: 20, maxMs: 50 },
      retryForMs: 150,
      onSettled: wrong.onSettled,
    });
    try {
      await refused.ready;
      const id = await release(prisonNumber);
      let dead: { messageId?: string; reason?: string } | undefined;
      const deadline = Date.now() + 30_000;
      while (!dead && Date.now() < deadline) {
        const message = await inspector.basicGet({ queue: DEAD_LETTER_QUEUE, noAck: true });
        if (message) {
          const body = JSON.parse(Buffer.from(message.body as Buffer).toString()) as { MessageId: string };
          const deaths = message.headers?.['x-death'] as { reason?: string }[] | undefined;
          dead = { messageId: body.MessageId, reason: deaths?.[0]?.reason };
        } else {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      expect(dead).toEqual({ messageId: id, reason: 'delivery_limit' });
      const settledAs = wrong.of(id);
      expect(settledAs.length).toBeGreaterThanOrEqual(3);
      expect(settledAs.every((x) => x.disposition === 'requeue' && x.outcome === 'FORBIDDEN')).toBe(true);
      expect(refused.stats.retries['FORBIDDEN']).toBeGreaterThanOrEqual(3);
      expect(refused.stats.outcomes).toEqual({});
      expect(await referralOf(referral.id)).toMatchObject({ status: 'PRE_RELEASE', version: 1 });
    } finally {
      await refused.stop();
    }
  });
});
