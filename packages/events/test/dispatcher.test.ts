/**
 * The outbox and its dispatcher on a real database with a real HTTP receiver on loopback: who an
 * event goes to, what it looks like and how it is signed, that a rolled-back change sends nothing,
 * retries with back-off then parking after 24 hours and replay, a dispatcher that dies between the
 * POST and recording it, a receiver that is down, and removed subscriptions.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { accessMigrations, grantAccess, type Relationship } from '@reconnect/access';
import { createTestDatabase, type TestDatabase } from '@reconnect/testing';
import {
  Dispatcher,
  WebhookSecretKeyring,
  createSubscription,
  deliveries,
  emitReferralEvent,
  eventsMigrations,
  outbox,
  postPinned,
  removeSubscription,
  replayParked,
  subscriptions,
  verifySignature,
  type DispatcherOptions,
  type EventType,
} from '../src/index.ts';
import { startReceiver, type Receiver } from './receiver.ts';

const SECRET = 'whsec-0123456789abcdef';
/** The keys the subscriptions' secrets are sealed under (WEBHOOK_SECRET_KEYS). */
const secrets = WebhookSecretKeyring.parse(WebhookSecretKeyring.generateEntry('test-1'));
let database: TestDatabase;
let receiver: Receiver;
/** A clock that moves only when told, so back-off waits can be read exactly. */
const clock = {
  at: new Date('2026-11-25T10:00:00Z').getTime(),
  now: () => new Date(clock.at),
  set: (instant: Date) => void (clock.at = instant.getTime()),
  advance: (ms: number) => void (clock.at += ms),
};

beforeAll(async () => {
  database = await createTestDatabase({ migrations: [accessMigrations, eventsMigrations] });
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await database?.drop();
});

const db = () => database.handle.db;

interface SeededReferral {
  referralId: string;
  personId: string;
  reference: string;
}

/** A referral known only by its grants (the outbox reads nothing else). */
async function referralWith(grants: [string, Relationship, { until?: Date; onCase?: boolean }?][]) {
  const seeded: SeededReferral = {
    referralId: randomUUID(),
    personId: randomUUID(),
    reference: `RC-${randomUUID().slice(0, 4).toUpperCase()}-TEST`,
  };
  for (const [organisationCode, relationship, o = {}] of grants) {
    await grantAccess(db(), {
      organisationCode,
      relationship,
      personId: seeded.personId,
      referralId: o.onCase ? null : seeded.referralId,
      enhancedCaseId: o.onCase ? randomUUID() : null,
      validFrom: new Date('2020-01-01T00:00:00Z'),
      validUntil: o.until ?? null,
      reason: 'test',
    });
  }
  return seeded;
}

async function subscribe(organisationCode: string, path: string, eventTypes: string[] = [], url?: string) {
  const row = await createSubscription(
    db(),
    {
      organisationCode,
      url: url ?? `${receiver.url}${path}`,
      eventTypes,
      secret: SECRET,
      createdBy: 'test',
      at: clock.now(),
    },
    secrets,
  );
  return row.id;
}

function emit(referral: SeededReferral, type: EventType) {
  return db().transaction((tx) =>
    emitReferralEvent(tx, {
      type,
      referralId: referral.referralId,
      reference: referral.reference,
      occurredAt: clock.now(),
      ...(type.startsWith('handover.') ? { handoverId: randomUUID() } : {}),
    }),
  );
}

function dispatcher(options: Partial<DispatcherOptions> = {}) {
  return new Dispatcher({ db: db(), clock, environment: 'test', secrets, random: () => 0.5, ...options });
}

const at = (path: string) => receiver.received.filter((r) => r.path === path);

async function deliveriesOf(subscriptionId: string) {
  return db().select().from(deliveries).where(eq(deliveries.subscriptionId, subscriptionId));
}

describe('fan-out, body and signature', () => {
  it('goes to every related organisation whose subscription wants the type, signed, with no personal data', async () => {
    const referral = await referralWith([
      ['RC-A', 'OWNING_SERVICE'],
      ['PROB-A', 'REFERRER'],
      ['PARTNER-A', 'ER_PARTNER', { onCase: true }],
      ['RC-OLD', 'SENDING_SERVICE', { until: new Date('2021-01-01T00:00:00Z') }],
    ]);
    await subscribe('RC-A', '/a/rc');
    await subscribe('PROB-A', '/a/prob', ['referral.accepted']);
    await subscribe('PARTNER-A', '/a/partner');
    await subscribe('RC-OLD', '/a/old');
    await subscribe('UNRELATED-A', '/a/unrelated');
    const removed = await subscribe('RC-A', '/a/removed');
    await removeSubscription(db(), 'RC-A', removed, clock.now());

    const submitted = await emit(referral, 'referral.submitted');
    await dispatcher().drain();
    expect(at('/a/rc').map((r) => r.event.type)).toEqual(['referral.submitted']);
    expect(at('/a/partner').map((r) => r.event.type)).toEqual(['referral.submitted']);
    expect(at('/a/prob')).toEqual([]);
    expect(at('/a/old')).toEqual([]);
    expect(at('/a/unrelated')).toEqual([]);
    expect(at('/a/removed')).toEqual([]);

    const accepted = await emit(referral, 'referral.accepted');
    await dispatcher().drain();
    expect(at('/a/rc').map((r) => r.event.id)).toEqual([submitted, accepted]);
    expect(at('/a/prob').map((r) => r.event.id)).toEqual([accepted]);

    const [request] = at('/a/prob');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-reconnect-event-id']).toBe(accepted);
    expect(verifySignature(SECRET, request!.body, request!.headers['x-reconnect-signature'] as string)).toBe(
      true,
    );
    expect(
      verifySignature(
        'another-secret-entirely',
        request!.body,
        request!.headers['x-reconnect-signature'] as string,
      ),
    ).toBe(false);
    expect(JSON.parse(request!.body)).toEqual({
      id: accepted,
      type: 'referral.accepted',
      occurredAt: clock.now().toISOString(),
      referralId: referral.referralId,
      reference: referral.reference,
      detail: `query { referral(id: "${referral.referralId}") { id reference status version } }`,
    });
    // The person is not in the body, not even by id.
    expect(request!.body).not.toContain(referral.personId);
  });

  it('names the handover in handover events', async () => {
    const referral = await referralWith([['RC-H', 'RECEIVING_SERVICE']]);
    await subscribe('RC-H', '/h');
    await emit(referral, 'handover.requested');
    await dispatcher().drain();
    const [request] = at('/h');
    expect(request!.event).toMatchObject({ type: 'handover.requested', handoverId: expect.any(String) });
    expect(request!.event.detail).toContain('handovers { id status }');
  });

  it('writes nothing, and sends nothing, for a change that rolls back', async () => {
    const referral = await referralWith([['RC-R', 'OWNING_SERVICE']]);
    await subscribe('RC-R', '/r');
    await expect(
      db().transaction(async (tx) => {
        await emitReferralEvent(tx, {
          type: 'referral.withdrawn',
          referralId: referral.referralId,
          reference: referral.reference,
          occurredAt: clock.now(),
        });
        throw new Error('the change failed after the event was written');
      }),
    ).rejects.toThrow('the change failed');
    const [events] = await db()
      .select({ n: count() })
      .from(outbox)
      .where(eq(outbox.referralId, referral.referralId));
    expect(events!.n).toBe(0);
    await dispatcher().drain();
    expect(at('/r')).toEqual([]);
  });
});

describe('failures', () => {
  it('retries a failing receiver with back-off, parks it after 24 hours, and a replay delivers it', async () => {
    const failing = await startReceiver();
    failing.status = 500;
    try {
      const referral = await referralWith([['RC-F', 'OWNING_SERVICE']]);
      const id = await subscribe('RC-F', '/f', [], `${failing.url}/f`);
      const eventId = await emit(referral, 'referral.discharged');
      const pendingSince = clock.now().getTime();
      const d = dispatcher();
      await d.drain();
      let [delivery] = await deliveriesOf(id);
      expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'HTTP 500' });
      expect(delivery!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30_000);
      const [sub] = await db().select().from(subscriptions).where(eq(subscriptions.id, id));
      expect(sub!.failingSince).not.toBeNull();

      // Not due yet: nothing is sent.
      await d.drain();
      expect(failing.received).toHaveLength(1);
      clock.advance(30_000);
      await d.drain();
      [delivery] = await deliveriesOf(id);
      expect(delivery!.attempts).toBe(2);
      expect(delivery!.nextAttemptAt.getTime() - clock.now().getTime()).toBe(60_000);

      // Keep failing: the waits grow to an hour, and it is parked only after 24 hours.
      while (delivery!.status === 'PENDING') {
        clock.set(delivery!.nextAttemptAt);
        await d.drain();
        [delivery] = await deliveriesOf(id);
        const wait = delivery!.nextAttemptAt.getTime() - clock.now().getTime();
        if (delivery!.status === 'PENDING') expect(wait).toBeLessThanOrEqual(60 * 60_000);
      }
      expect(delivery!.status).toBe('PARKED');
      expect(delivery!.parkedAt!.getTime() - pendingSince).toBeGreaterThanOrEqual(24 * 60 * 60_000);
      expect(delivery!.attempts).toBe(failing.received.length);
      expect(delivery!.attempts).toBeGreaterThan(20);
      expect(delivery!.lastError).not.toContain('html');
      expect(new Set(failing.received.map((r) => r.event.id))).toEqual(new Set([eventId]));

      // Parked stays parked, however long.
      clock.advance(48 * 60 * 60_000);
      await d.drain();
      expect((await deliveriesOf(id))[0]!.status).toBe('PARKED');

      failing.status = 204;
      expect(await replayParked(db(), id, clock.now())).toBe(1);
      await d.drain();
      [delivery] = await deliveriesOf(id);
      expect(delivery!.status).toBe('DELIVERED');
      const [after] = await db().select().from(subscriptions).where(eq(subscriptions.id, id));
      expect(after!.failingSince).toBeNull();
      expect(failing.unique().map((r) => r.event.id)).toEqual([eventId]);
    } finally {
      await failing.close();
    }
  });

  it('delivers to a receiver that was down once it is up', async () => {
    const down = await startReceiver();
    const port = down.port;
    await down.close();
    const referral = await referralWith([['RC-D', 'OWNING_SERVICE']]);
    const id = await subscribe('RC-D', '/d', [], `${down.url}/d`);
    const eventId = await emit(referral, 'referral.released');
    await dispatcher().drain();
    const [delivery] = await deliveriesOf(id);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(delivery!.lastError).toMatch(/ECONNREFUSED|fetch failed/);

    const up = await startReceiver(port);
    try {
      clock.advance(60_000);
      await dispatcher().drain();
      expect(up.received.map((r) => r.event.id)).toEqual([eventId]);
      expect((await deliveriesOf(id))[0]!.status).toBe('DELIVERED');
    } finally {
      await up.close();
    }
  });

  it('sends every event exactly once to a de-duplicating receiver across a dispatcher dying mid-delivery', async () => {
    const referral = await referralWith([['RC-C', 'OWNING_SERVICE']]);
    const id = await subscribe('RC-C', '/c');
    const ids = [
      await emit(referral, 'referral.submitted'),
      await emit(referral, 'referral.accepted'),
      await emit(referral, 'referral.released'),
    ];
    // The first dispatcher POSTs all three, then dies before recording the second.
    let posted = 0;
    const dying = dispatcher({
      post: async (request) => {
        const status = await postPinned(request);
        posted += 1;
        return posted === 2 ? new Promise<number>(() => {}) : status;
      },
    });
    void dying.runOnce();
    await receiver.waitFor(receiver.received.length - at('/c').length + 3);
    for (let i = 0; i < 100; i += 1) {
      const rows = await deliveriesOf(id);
      if (rows.filter((r) => r.status === 'DELIVERED').length === 2) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // A new dispatcher leaves the lost one alone while its lease runs, then sends it again.
    const next = dispatcher();
    expect(await next.drain()).toBe(0);
    clock.advance(5 * 60_000 + 1000);
    expect(await next.drain()).toBe(1);
    const rows = await deliveriesOf(id);
    expect(rows.map((r) => r.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    expect(at('/c')).toHaveLength(4);
    const kept = receiver.unique().filter((r) => r.path === '/c');
    expect(kept.map((r) => r.event.id).sort()).toEqual([...ids].sort());
  });

  it('a stopped dispatcher sends nothing more; a new one started later sends what was left', async () => {
    const referral = await referralWith([['RC-S', 'OWNING_SERVICE']]);
    await subscribe('RC-S', '/s');
    const stopped = dispatcher({ pollIntervalMs: 60_000 });
    stopped.start();
    await stopped.stop();
    const eventId = await emit(referral, 'referral.withdrawn');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(at('/s')).toEqual([]);

    const before = receiver.received.length;
    const started = dispatcher({ pollIntervalMs: 20 });
    started.start();
    try {
      await receiver.waitFor(before + 1);
    } finally {
      await started.stop();
    }
    expect(at('/s').map((r) => r.event.id)).toEqual([eventId]);
  });

  it('two dispatchers working at once never send one delivery twice', async () => {
    const referral = await referralWith([['RC-T', 'OWNING_SERVICE']]);
    await subscribe('RC-T', '/t');
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push(await emit(referral, 'referral.accepted'));
    await Promise.all([dispatcher({ batchSize: 3 }).drain(), dispatcher({ batchSize: 3 }).drain()]);
    expect(
      at('/t')
        .map((r) => r.event.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('sends nothing more to a removed subscription', async () => {
    const referral = await referralWith([['RC-X', 'OWNING_SERVICE']]);
    const id = await subscribe('RC-X', '/x');
    await emit(referral, 'referral.declined');
    expect(await removeSubscription(db(), 'RC-X', id, clock.now())).toBe(true);
    await dispatcher().drain();
    expect(at('/x')).toEqual([]);
  });

  it('in production, does not POST to a loopback URL stored under development rules', async () => {
    const referral = await referralWith([['RC-P', 'OWNING_SERVICE']]);
    const id = await subscribe('RC-P', '/p');
    await emit(referral, 'referral.accepted');
    await dispatcher({ environment: 'production' }).drain();
    expect(at('/p')).toEqual([]);
    expect((await deliveriesOf(id))[0]).toMatchObject({ status: 'PENDING', attempts: 1 });
  });
});
