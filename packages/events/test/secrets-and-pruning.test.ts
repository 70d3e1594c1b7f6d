/**
 * Webhook secrets at rest and the outbox's growth (issue 19, items 4 and 6), on a real database:
 * sealing and opening (bound to the subscription and key), the start-up step that seals secrets
 * stored in plaintext before encryption, rotation under a new key (what `pnpm webhooks:rotate-key`
 * runs) with deliveries still signed with the right secret throughout, and pruning of delivered
 * events in batches, keeping anything still pending or parked, with its counters.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { accessMigrations, grantAccess } from '@reconnect/access';
import { createTestDatabase, type TestDatabase } from '@reconnect/testing';
import {
  Dispatcher,
  WebhookSecretError,
  WebhookSecretKeyring,
  createSubscription,
  deliveries,
  emitReferralEvent,
  eventsMigrations,
  maxSubscriptionsPerOrganisation,
  outbox,
  reencryptWebhookSecrets,
  subscriptions,
  verifySignature,
} from '../src/index.ts';
import { startReceiver, type Receiver } from './receiver.ts';

const DAY = 24 * 60 * 60 * 1000;
const oldKey = WebhookSecretKeyring.generateEntry('k-2025');
const newKey = WebhookSecretKeyring.generateEntry('k-2026');
const before = WebhookSecretKeyring.parse(oldKey);
/** During a rotation: the new key first, the old one still there to open what it sealed. */
const during = WebhookSecretKeyring.parse(`${newKey},${oldKey}`);
const after = WebhookSecretKeyring.parse(newKey);

let database: TestDatabase;
let receiver: Receiver;
const clock = {
  at: new Date('2026-11-25T10:00:00Z').getTime(),
  now: () => new Date(clock.at),
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

async function relatedReferral(organisationCode: string): Promise<string> {
  const referralId = randomUUID();
  await grantAccess(db(), {
    organisationCode,
    relationship: 'OWNING_SERVICE',
    personId: randomUUID(),
    referralId,
    enhancedCaseId: null,
    validFrom: new Date('2020-01-01T00:00:00Z'),
    validUntil: null,
    reason: 'test',
  });
  return referralId;
}

const emit = (referralId: string) =>
  db().transaction((tx) =>
    emitReferralEvent(tx, {
      type: 'referral.submitted',
      referralId,
      reference: 'RC-TEST-0001',
      occurredAt: clock.now(),
    }),
  );

const dispatcher = (
  secrets: WebhookSecretKeyring,
  extra: Partial<ConstructorParameters<typeof Dispatcher>[0]> = {},
) => new Dispatcher({ db: db(), clock, environment: 'test', secrets, random: () => 0.5, ...extra });

describe('sealing', () => {
  it('is AES-256-GCM bound to the subscription and the key id; nothing else opens it', () => {
    const sealed = before.seal('whsec-correct-horse', 'sub-1');
    expect(sealed.keyId).toBe('k-2025');
    expect(sealed.ciphertext).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed.ciphertext).not.toContain('correct-horse');
    expect(before.seal('whsec-correct-horse', 'sub-1').ciphertext).not.toBe(sealed.ciphertext); // fresh IV
    expect(before.open(sealed.ciphertext, 'k-2025', 'sub-1')).toBe('whsec-correct-horse');
    expect(() => before.open(sealed.ciphertext, 'k-2025', 'sub-2')).toThrow(WebhookSecretError);
    expect(() => after.open(sealed.ciphertext, 'k-2025', 'sub-1')).toThrow(/not configured/);
    const tampered = sealed.ciphertext.replace(/\.([\w-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
    expect(() => before.open(tampered, 'k-2025', 'sub-1')).toThrow(WebhookSecretError);
  });

  it('refuses malformed key lists', () => {
    expect(() => WebhookSecretKeyring.parse('')).toThrow(WebhookSecretError);
    expect(() => WebhookSecretKeyring.parse('k1:c2hvcnQ=')).toThrow(/not 32 bytes/);
    expect(() => WebhookSecretKeyring.parse(`${oldKey},${oldKey}`)).toThrow(/twice/);
  });
});

describe('plaintext secrets from before encryption, and rotation', () => {
  it('seals plaintext rows at start, re-encrypts under a new key, and every delivery stays correctly signed', async () => {
    const organisationCode = 'ROT-A';
    const referralId = await relatedReferral(organisationCode);
    // Two rows as the previous version stored them: the secret in plaintext, no key id.
    const legacy = ['whsec-legacy-secret-one', 'whsec-legacy-secret-two'];
    const legacyIds: string[] = [];
    for (const [i, secret] of legacy.entries()) {
      const [row] = await db()
        .insert(subscriptions)
        .values({
          organisationCode,
          url: `${receiver.url}/rot/legacy-${i}`,
          secret,
          createdBy: 'old-version',
          createdAt: clock.now(),
        })
        .returning({ id: subscriptions.id });
      legacyIds.push(row!.id);
    }
    const current = await createSubscription(
      db(),
      {
        organisationCode,
        url: `${receiver.url}/rot/new`,
        eventTypes: [],
        secret: 'whsec-sealed-secret',
        createdBy: 't',
        at: clock.now(),
      },
      before,
    );
    const secretOf: Record<string, string> = {
      [`/rot/legacy-0`]: legacy[0]!,
      [`/rot/legacy-1`]: legacy[1]!,
      [`/rot/new`]: 'whsec-sealed-secret',
    };
    const checkDelivered = async (secrets: WebhookSecretKeyring) => {
      const start = receiver.received.length;
      await emit(referralId);
      await dispatcher(secrets).drain();
      const got = receiver.received.slice(start).filter((r) => r.path.startsWith('/rot/'));
      expect(got.map((r) => r.path).sort()).toEqual(Object.keys(secretOf).sort());
      for (const r of got) {
        expect(verifySignature(secretOf[r.path]!, r.body, r.headers['x-reconnect-signature'] as string)).toBe(
          true,
        );
      }
    };
    const stored = async () =>
      db()
        .select({ id: subscriptions.id, secret: subscriptions.secret, keyId: subscriptions.secretKeyId })
        .from(subscriptions)
        .where(eq(subscriptions.organisationCode, organisationCode));

    // Before the start-up step, plaintext rows still deliver (nothing breaks mid-upgrade).
    await checkDelivered(before);

    // The start-up step: plaintext only.
    expect(await reencryptWebhookSecrets(db(), before, { onlyPlaintext: true })).toEqual({
      reencrypted: 2,
      wasPlaintext: 2,
      current: 1,
    });
    for (const row of await stored()) {
      expect(row.keyId).toBe('k-2025');
      expect(row.secret.startsWith('v1.')).toBe(true);
      for (const secret of [...legacy, 'whsec-sealed-secret']) expect(row.secret).not.toContain(secret);
    }
    expect((await reencryptWebhookSecrets(db(), before, { onlyPlaintext: true })).reencrypted).toBe(0);
    await checkDelivered(before);

    // Rotation: the new key first, the old still listed; the command re-encrypts, in batches of 2.
    const sealedBefore = new Map((await stored()).map((r) => [r.id, r.secret]));
    await checkDelivered(during);
    expect(await reencryptWebhookSecrets(db(), during, { batchSize: 2 })).toEqual({
      reencrypted: 3,
      wasPlaintext: 0,
      current: 0,
    });
    for (const row of await stored()) {
      expect(row.keyId).toBe('k-2026');
      expect(row.secret).not.toBe(sealedBefore.get(row.id));
    }
    expect((await reencryptWebhookSecrets(db(), during)).reencrypted).toBe(0);
    // The old key can now be dropped.
    await checkDelivered(after);
    expect((await stored()).map((r) => r.id).sort()).toEqual([...legacyIds, current.id].sort());
  });

  it('a delivery whose key is missing is not sent, fails visibly, and is retried', async () => {
    const organisationCode = 'ROT-B';
    const referralId = await relatedReferral(organisationCode);
    const created = await createSubscription(
      db(),
      {
        organisationCode,
        url: `${receiver.url}/rot-b`,
        eventTypes: [],
        secret: 'whsec-under-an-old-key',
        createdBy: 't',
        at: clock.now(),
      },
      before,
    );
    await emit(referralId);
    const start = receiver.received.length;
    await dispatcher(after).runOnce();
    expect(receiver.received.length).toBe(start);
    const [row] = await db().select().from(deliveries).where(eq(deliveries.subscriptionId, created.id));
    expect(row).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'The signing secret cannot be opened with the configured keys.',
    });
  });
});

describe('outbox pruning and the figures', () => {
  it('deletes events delivered longer ago than the retention, in batches, and keeps pending, parked and recent ones', async () => {
    clock.at = new Date('2026-09-01T10:00:00Z').getTime();
    const organisationCode = 'PRUNE-A';
    const referralId = await relatedReferral(organisationCode);
    await createSubscription(
      db(),
      {
        organisationCode,
        url: `${receiver.url}/prune`,
        eventTypes: [],
        secret: 'whsec-prune-secret',
        createdBy: 't',
        at: clock.now(),
      },
      after,
    );
    // Five old events, delivered on the day.
    const delivered = [];
    for (let i = 0; i < 5; i += 1) delivered.push(await emit(referralId));
    await dispatcher(after).drain();
    // Two more old ones: one left pending (receiver failing), one parked.
    receiver.status = 500;
    const pending = await emit(referralId);
    const parked = await emit(referralId);
    await dispatcher(after).runOnce();
    receiver.status = 200;
    await db().update(deliveries).set({ status: 'PARKED' }).where(eq(deliveries.eventId, parked));
    // An old event nobody subscribed to (an unrelated referral): no deliveries at all.
    const unsubscribed = await emit(randomUUID());
    // And a recent delivered one, 10 days before "now".
    clock.at = new Date('2026-11-15T10:00:00Z').getTime();
    const recent = await emit(referralId);
    await dispatcher(after).drain();
    clock.at = new Date('2026-11-25T10:00:00Z').getTime();

    const ids = [...delivered, pending, parked, unsubscribed, recent];
    const pruner = dispatcher(after, { outboxRetentionMs: 30 * DAY, pruneBatchSize: 2 });
    expect(await pruner.prune()).toBe(6);
    const left = await db().select({ id: outbox.id }).from(outbox).where(inArray(outbox.id, ids));
    expect(left.map((r) => r.id).sort()).toEqual([pending, parked, recent].sort());
    const leftDeliveries = await db()
      .select({ eventId: deliveries.eventId })
      .from(deliveries)
      .where(inArray(deliveries.eventId, ids));
    expect(leftDeliveries.map((r) => r.eventId).sort()).toEqual([pending, parked, recent].sort());
    expect(pruner.metrics()).toMatchObject({ prunedEvents: 6, prunedDeliveries: 5 });
    expect(await pruner.prune()).toBe(0);
  });

  it('counts deliveries and failures, and reports the most subscriptions one organisation has', async () => {
    const organisationCode = 'COUNT-A';
    const referralId = await relatedReferral(organisationCode);
    for (const path of ['/count/1', '/count/2', '/count/3']) {
      await createSubscription(
        db(),
        {
          organisationCode,
          url: `${receiver.url}${path}`,
          eventTypes: [],
          secret: 'whsec-count-secret',
          createdBy: 't',
          at: clock.now(),
        },
        after,
      );
    }
    // ROT-A and COUNT-A have three active subscriptions each, the most of any organisation here.
    expect(await maxSubscriptionsPerOrganisation(db())).toBe(3);
    await createSubscription(
      db(),
      {
        organisationCode,
        url: `${receiver.url}/count/4`,
        eventTypes: ['referral.accepted'],
        secret: 'whsec-count-secret',
        createdBy: 't',
        at: clock.now(),
      },
      after,
    );
    expect(await maxSubscriptionsPerOrganisation(db())).toBe(4);
    await emit(referralId);
    const counting = dispatcher(after);
    await counting.drain();
    expect(counting.metrics()).toMatchObject({ delivered: 3, failed: 0, parked: 0, refusedAddress: 0 });
  });
});
