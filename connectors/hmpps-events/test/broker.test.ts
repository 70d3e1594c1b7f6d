/**
 * The connector end to end against the real broker (TEST_AMQP_URL; a vhost of this file's own):
 * an event published on the exchange as HMPPS would publish it changes the referral that staff
 * read through the gateway, for every row of DOMAIN.md's "Custody events from HMPPS" table; a
 * repeated message is applied once; an out-of-order pair leaves the later state; what can never
 * apply (unparseable, malformed, BAD_USER_INPUT) is dead-lettered at once while the rest still
 * flows; Prisoner Search is asked with its client token for release-date events; and the
 * connector's own token comes from a client-credentials grant (the production path).
 */
import { randomUUID } from 'node:crypto';
import { Connection } from 'rabbitmq-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_AUDIENCE,
  TEST_ISSUER,
  randomPrisonNumber,
  startTestHub,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';
import { startHmppsEventsConnector, type HmppsEventsConnector } from '../src/connector.ts';
import { envelopeOf, eventPublisher, type EventPublisher } from '../src/publish.ts';
import { prisonerSearchClient } from '../src/prisoner-search.ts';
import { finished } from '../src/stats.ts';
import { clientCredentialsTokenSource } from '../src/tokens.ts';
import { DEAD_LETTER_QUEUE, QUEUE } from '../src/topology.ts';
import {
  REFERRAL,
  announceSkip,
  brokerTests,
  createVhost,
  identityProviderStandIn,
  logger,
  prisonerSearchStandIn,
  seedCase,
  settlements,
  type Loose,
} from './support.ts';

const RELEASED = 'prison-offender-events.prisoner.released';
const RECEIVED = 'prison-offender-events.prisoner.received';
const MERGED = 'prison-offender-events.prisoner.merged';
const UPDATED = 'prisoner-offender-search.prisoner.updated';
const AT = '2026-11-25T09:15:00Z';

announceSkip();
describe.skipIf(!brokerTests)('HMPPS custody events through the broker', () => {
  let vhost: Awaited<ReturnType<typeof createVhost>>;
  let hub: TestHub;
  let staff: HubClientForTests;
  let search: Awaited<ReturnType<typeof prisonerSearchStandIn>>;
  let idp: Awaited<ReturnType<typeof identityProviderStandIn>>;
  let connector: HmppsEventsConnector;
  let publisher: EventPublisher;
  let inspector: Connection;
  const s = settlements();

  beforeAll(async () => {
    vhost = await createVhost('flow');
    hub = await startTestHub();
    hub.clock.set('2026-11-25T10:00:00Z');
    staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'hbyrne' });
    search = await prisonerSearchStandIn();
    idp = await identityProviderStandIn(hub, TEST_ISSUER, TEST_AUDIENCE);
    connector = startHmppsEventsConnector({
      amqpUrl: vhost.url,
      gatewayUrl: hub.gatewayUrl,
      token: clientCredentialsTokenSource({
        tokenUrl: idp.tokenUrl,
        clientId: idp.client.id,
        clientSecret: idp.client.secret,
      }),
      prisonerSearch: prisonerSearchClient({
        url: search.url,
        token: clientCredentialsTokenSource({
          tokenUrl: search.tokenUrl,
          clientId: search.client.id,
          clientSecret: search.client.secret,
        }),
      }),
      logger,
      backoff: { initialMs: 50, maxMs: 500 },
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
    await search?.close();
    await idp?.close();
    await hub?.stop();
    await vhost?.remove();
  });

  const publish = (eventType: string, prisonNumber: string, info: Loose = {}, occurredAt = AT) =>
    publisher.publish({ eventType, prisonNumber, additionalInformation: info, occurredAt });

  async function referralOf(id: string): Promise<Loose> {
    const { body } = await staff.query<Loose>(REFERRAL, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.referral as Loose;
  }

  async function deadLettered(): Promise<{ messageId: string | undefined; reason: unknown }[]> {
    const out: { messageId: string | undefined; reason: unknown }[] = [];
    for (;;) {
      const message = await inspector.basicGet({ queue: DEAD_LETTER_QUEUE, noAck: true });
      if (!message) return out;
      const text = Buffer.isBuffer(message.body) ? message.body.toString() : JSON.stringify(message.body);
      let messageId: string | undefined;
      try {
        messageId = (JSON.parse(text) as { MessageId?: string }).MessageId;
      } catch {
        messageId = undefined;
      }
      const deaths = message.headers?.['x-death'] as { reason?: string }[] | undefined;
      out.push({ messageId, reason: deaths?.[0]?.reason });
    }
  }

  describe("every row of DOMAIN.md's table, published on the broker and read through the gateway", () => {
    it.each([
      [
        'RELEASED (RELEASED) on PRE_RELEASE: released on the London date',
        'PRE_RELEASE' as const,
        {},
        RELEASED,
        { reason: 'RELEASED', prisonId: 'MRI' },
        'RELEASE_RECORDED',
        { status: 'POST_RELEASE', custody: { releasedOn: '2026-11-25' } },
      ],
      [
        'RELEASED (RELEASED) on SUBMITTED: releasedOn set, status kept',
        'SUBMITTED' as const,
        {},
        RELEASED,
        { reason: 'RELEASED', prisonId: 'MRI' },
        'RELEASE_RECORDED',
        { status: 'SUBMITTED', custody: { releasedOn: '2026-11-25' } },
      ],
      [
        'RELEASED (TEMPORARY_ABSENCE_RELEASE): temporary licence began',
        'PRE_RELEASE' as const,
        {},
        RELEASED,
        { reason: 'TEMPORARY_ABSENCE_RELEASE', prisonId: 'MRI' },
        'TEMPORARY_LICENCE_STARTED',
        { status: 'PRE_RELEASE', custody: { onTemporaryLicence: true, releasedOn: null } },
      ],
      [
        'RECEIVED (TEMPORARY_ABSENCE_RETURN) on licence: temporary licence ended',
        'PRE_RELEASE' as const,
        { onTemporaryLicence: true },
        RECEIVED,
        { reason: 'TEMPORARY_ABSENCE_RETURN', prisonId: 'MRI' },
        'TEMPORARY_LICENCE_ENDED',
        { status: 'PRE_RELEASE', custody: { onTemporaryLicence: false } },
      ],
      [
        'RECEIVED (ADMISSION) on POST_RELEASE: returned to custody at the establishment',
        'POST_RELEASE' as const,
        {},
        RECEIVED,
        { reason: 'ADMISSION', prisonId: 'FBI' },
        'RETURN_TO_CUSTODY_RECORDED',
        { status: 'PRE_RELEASE', custody: { establishment: { code: 'FBI' }, releasedOn: null } },
      ],
      [
        'RECEIVED (TRANSFERRED): transferred to the establishment',
        'SUBMITTED' as const,
        {},
        RECEIVED,
        { reason: 'TRANSFERRED', prisonId: 'FBI' },
        'TRANSFER_RECORDED',
        { status: 'SUBMITTED', custody: { establishment: { code: 'FBI' } } },
      ],
      [
        'anything else (RELEASED_TO_HOSPITAL): IGNORED, staff decide',
        'PRE_RELEASE' as const,
        {},
        RELEASED,
        { reason: 'RELEASED_TO_HOSPITAL', prisonId: 'MRI' },
        'IGNORED',
        { status: 'PRE_RELEASE', custody: { releasedOn: null, expectedReleaseDate: '2027-01-15' } },
      ],
    ])('%s', async (_label, state, extra, eventType, info, outcome, expected) => {
      const { referral, prisonNumber } = await seedCase(hub, state, extra);
      const id = await publish(eventType, prisonNumber, info);
      expect(await s.settled(id)).toEqual({ messageId: id, disposition: 'ack', outcome });
      expect(await referralOf(referral.id)).toMatchObject(expected);
    });

    it('RELEASE_DATE_CHANGED: the date Prisoner Search holds (confirmedReleaseDate, else releaseDate)', async () => {
      const confirmed = await seedCase(hub, 'PRE_RELEASE');
      search.hold(confirmed.prisonNumber, { confirmedReleaseDate: '2027-02-20', releaseDate: '2027-03-01' });
      const provisional = await seedCase(hub, 'SUBMITTED');
      search.hold(provisional.prisonNumber, { confirmedReleaseDate: null, releaseDate: '2027-03-01' });
      const a = await publish(UPDATED, confirmed.prisonNumber, {
        categoriesChanged: ['SENTENCE', 'LOCATION'],
      });
      const b = await publish(UPDATED, provisional.prisonNumber, { categoriesChanged: ['SENTENCE'] });
      expect((await s.settled(a)).outcome).toBe('RELEASE_DATE_UPDATED');
      expect((await s.settled(b)).outcome).toBe('RELEASE_DATE_UPDATED');
      expect((await referralOf(confirmed.referral.id)).custody.expectedReleaseDate).toBe('2027-02-20');
      expect((await referralOf(provisional.referral.id)).custody.expectedReleaseDate).toBe('2027-03-01');
    });

    it('a release-date event with nothing to send (404, no date, no SENTENCE change) is acknowledged and changes nothing', async () => {
      const { referral, prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
      const notFound = await publish(UPDATED, prisonNumber, { categoriesChanged: ['SENTENCE'] });
      expect(await s.settled(notFound)).toMatchObject({ disposition: 'ack', outcome: 'NO_RELEASE_DATE' });
      search.hold(prisonNumber, { confirmedReleaseDate: null, releaseDate: null });
      const noDate = await publish(UPDATED, prisonNumber, { categoriesChanged: ['SENTENCE'] });
      expect(await s.settled(noDate)).toMatchObject({ disposition: 'ack', outcome: 'NO_RELEASE_DATE' });
      const location = await publish(UPDATED, prisonNumber, { categoriesChanged: ['LOCATION'] });
      expect(await s.settled(location)).toMatchObject({ disposition: 'ack', outcome: 'NOT_FOR_HUB' });
      expect(await referralOf(referral.id)).toMatchObject({ version: 1, history: [] });
    });

    it('MERGED: the kept prison number replaces the removed one', async () => {
      const { referral, prisonNumber: removed } = await seedCase(hub, 'PRE_RELEASE');
      const kept = randomPrisonNumber();
      const id = await publish(MERGED, kept, { removedNomsNumber: removed });
      expect((await s.settled(id)).outcome).toBe('PRISON_NUMBER_MERGED');
      expect((await referralOf(referral.id)).person.prisonNumber).toBe(kept);
    });

    it('Prisoner Search was always asked with its client token, and each token was fetched once', () => {
      expect(search.counts.refused).toBe(0);
      expect(search.counts.lookups).toBeGreaterThan(0);
      expect(search.counts.tokens).toBe(1);
      expect(idp.counts.tokens).toBe(1);
    });
  });

  describe('once per message, in any order', () => {
    it('a message delivered twice is applied once: the repeat is ALREADY_APPLIED', async () => {
      const { referral, prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
      const { messageId, body } = envelopeOf({
        eventType: RELEASED,
        prisonNumber,
        occurredAt: AT,
        additionalInformation: { reason: 'RELEASED', prisonId: 'MRI' },
      });
      await publisher.publishRaw(RELEASED, body);
      expect((await s.settled(messageId)).outcome).toBe('RELEASE_RECORDED');
      await publisher.publishRaw(RELEASED, body);
      expect((await s.settled(messageId, 2)).outcome).toBe('ALREADY_APPLIED');
      const seen = await referralOf(referral.id);
      expect(seen).toMatchObject({ status: 'POST_RELEASE', version: 2 });
      expect(seen.history).toEqual([{ type: 'referral.released', actor: 'hmpps-events-connector' }]);
    });

    it('an out-of-order pair: the older event, arriving second, is STALE', async () => {
      const { referral, prisonNumber } = await seedCase(hub, 'POST_RELEASE');
      const admitted = await publish(
        RECEIVED,
        prisonNumber,
        { reason: 'ADMISSION', prisonId: 'MRI' },
        '2026-11-25T09:00:00Z',
      );
      expect((await s.settled(admitted)).outcome).toBe('RETURN_TO_CUSTODY_RECORDED');
      const released = await publish(
        RELEASED,
        prisonNumber,
        { reason: 'RELEASED', prisonId: 'MRI' },
        '2026-11-25T08:00:00Z',
      );
      expect((await s.settled(released)).outcome).toBe('STALE');
      expect(await referralOf(referral.id)).toMatchObject({
        status: 'PRE_RELEASE',
        custody: { releasedOn: null },
      });
    });
  });

  describe('bad input: dead-lettered or IGNORED, never a crash or a stuck queue', () => {
    it('dead-letters what can never apply at once, and the messages behind it still flow', async () => {
      await deadLettered(); // start from an empty dead-letter queue
      const { referral, prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
      const valid = { reason: 'RELEASED', prisonId: 'MRI' };
      const inner = (event: Loose) =>
        JSON.stringify({ Type: 'Notification', MessageId: randomUUID(), Message: JSON.stringify(event) });
      const bad: [string, string | Buffer][] = [
        ['not JSON', Buffer.from('{"Type": "Notification", "MessageId": ')],
        ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x01])],
        ['not an SNS envelope', JSON.stringify({ eventType: RELEASED, nomsNumber: prisonNumber })],
        [
          'Message not JSON',
          JSON.stringify({ Type: 'Notification', MessageId: randomUUID(), Message: '{nope' }),
        ],
        ['no occurredAt', inner({ eventType: RELEASED, version: 1, additionalInformation: valid })],
        ['31 February', inner({ eventType: RELEASED, version: 1, occurredAt: '2026-02-31T10:00:00Z' })],
      ];
      const ids: string[] = [];
      for (const [, body] of bad) await publisher.publishRaw(RELEASED, body);
      // Parsed, but a field that can never apply (the connector's check, then the hub's).
      ids.push(await publish(RELEASED, 'A12345', valid));
      ids.push(await publish(MERGED, prisonNumber, { removedNomsNumber: 'NOT-A-NUMBER' }));
      ids.push(await publish(RELEASED, prisonNumber, valid, '2026-11-26T10:00:00Z'));
      // Behind them, one that applies.
      const good = await publish(RELEASED, prisonNumber, valid);
      expect(await s.settled(good)).toMatchObject({ disposition: 'ack', outcome: 'RELEASE_RECORDED' });
      for (const id of ids) expect((await s.settled(id)).disposition).toBe('dead-letter');
      expect(s.of(ids[2]!)[0]!.outcome).toBe('BAD_USER_INPUT');
      expect((await referralOf(referral.id)).status).toBe('POST_RELEASE');
      let dead: Awaited<ReturnType<typeof deadLettered>> = [];
      while (dead.length < bad.length + ids.length) dead = [...dead, ...(await deadLettered())];
      expect(dead).toHaveLength(bad.length + ids.length);
      expect(dead.every((d) => d.reason === 'rejected')).toBe(true);
      expect(dead.map((d) => d.messageId).filter((id) => ids.includes(id!))).toHaveLength(ids.length);
    });

    it('an unknown establishment is IGNORED; an event type the queue is not bound to is acknowledged and dropped', async () => {
      const { referral, prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
      const unknown = await publish(RELEASED, prisonNumber, { reason: 'RELEASED', prisonId: 'XYZ' });
      expect(await s.settled(unknown)).toMatchObject({ disposition: 'ack', outcome: 'IGNORED' });
      // Not bound: published on the exchange it goes nowhere; sent to the queue directly, it is dropped.
      const { messageId, body } = envelopeOf({
        eventType: 'prisoner-offender-search.prisoner.released',
        prisonNumber,
      });
      const direct = inspector.createPublisher({ confirm: true });
      await direct.send({ exchange: '', routingKey: QUEUE }, Buffer.from(body));
      await direct.close();
      expect(await s.settled(messageId)).toMatchObject({ disposition: 'ack', outcome: 'NOT_FOR_HUB' });
      expect(await referralOf(referral.id)).toMatchObject({ status: 'PRE_RELEASE', version: 1 });
    });

    it('a Prisoner Search date that is no date is dead-lettered', async () => {
      const { prisonNumber } = await seedCase(hub, 'PRE_RELEASE');
      search.hold(prisonNumber, { confirmedReleaseDate: '2027-13-45' });
      const id = await publish(UPDATED, prisonNumber, { categoriesChanged: ['SENTENCE'] });
      expect(await s.settled(id)).toMatchObject({ disposition: 'dead-letter', outcome: 'MALFORMED' });
    });
  });

  it('the queue is empty afterwards and every message is counted once', async () => {
    const { messageCount } = await inspector.queueDeclare({ queue: QUEUE, passive: true });
    expect(messageCount).toBe(0);
    expect(finished(connector.stats)).toBe(s.all.length);
    expect(connector.stats.requeued).toBe(0);
    expect(connector.stats.outcomes['RELEASE_RECORDED']).toBeGreaterThan(0);
  });
});
