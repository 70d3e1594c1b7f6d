/**
 * Webhooks end to end through the gateway (DOMAIN.md "Events to other agencies", AUTH.md webhooks
 * row): registering with every input rule, each organisation seeing and changing only its own
 * subscriptions, referral.submitted and referral.accepted reaching the referrer's and the owning
 * service's receivers (signed, thin, no personal data) and only the types asked for, a change that
 * rolls back sending nothing, a failing receiver's delivery parked after 24 hours, visible, and
 * replayed, and removal. The receivers are real HTTP servers on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { deliveries, outbox, verifySignature } from '@reconnect/events';
import { randomNhsNumber, startTestHub, type HubClientForTests, type TestHub } from '@reconnect/hub/testing';
import { startReceiver, type Receiver } from '../../../packages/events/test/receiver.ts';
import { validateWebhookInput } from '../src/service/webhooks.ts';
import { NOW, callersOf, outcome, run, seedIn, type Callers, type Loose } from './lifecycle-harness.ts';

const SECRET = 'a-receiver-secret-of-some-length';

const REGISTER = `mutation ($url: String!, $types: [String!]!, $secret: String!) {
  registerWebhook(url: $url, eventTypes: $types, secret: $secret) {
    id url eventTypes active createdAt failingSince parkedDeliveries
  }
}`;
const LIST = `{ webhooks { id url eventTypes active failingSince parkedDeliveries } }`;
const REMOVE = `mutation ($id: ID!) { removeWebhook(id: $id) }`;
const REPLAY = `mutation ($id: ID!) { replayParkedDeliveries(id: $id) { id parkedDeliveries failingSince } }`;

let hub: TestHub;
let receiver: Receiver;
let callers: Callers;

beforeAll(async () => {
  // The test hub does not start the dispatcher: the test drives it (drain), moving the clock between rounds.
  hub = await startTestHub();
  hub.clock.set(NOW);
  receiver = await startReceiver();
  callers = await callersOf(hub);
});

afterAll(async () => {
  await receiver?.close();
  await hub?.stop();
});

async function register(client: HubClientForTests, path: string, types: string[] = [], url?: string) {
  const response = await client.query<Loose>(REGISTER, {
    url: url ?? `${receiver.url}${path}`,
    types,
    secret: SECRET,
  });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.registerWebhook as Loose;
}

const at = (path: string) => receiver.received.filter((r) => r.path === path);

describe('registering', () => {
  it('registers for the caller organisation and never returns the secret', async () => {
    const partner = await hub.as('ER_PARTNER', { org: 'PARTNER-WH' });
    const created = await register(partner, '/partner', ['referral.accepted', 'handover.completed']);
    expect(created).toMatchObject({
      url: `${receiver.url}/partner`,
      eventTypes: ['referral.accepted', 'handover.completed'],
      active: true,
      failingSince: null,
      parkedDeliveries: 0,
    });
    const listed = await partner.query<Loose>(LIST);
    expect(listed.body.data!.webhooks).toEqual([expect.objectContaining({ id: created.id })]);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'RC-NW' });
    expect(
      (await admin.query<Loose>(REGISTER, { url: `${receiver.url}/admin`, types: [], secret: SECRET })).body
        .errors,
    ).toBeUndefined();
  });

  it.each([
    ['url', 'ftp://127.0.0.1/hook', [], SECRET],
    ['url', 'http://hooks.probation.example/hook', [], SECRET],
    ['url', 'not a url', [], SECRET],
    ['eventTypes', 'http://127.0.0.1:9/hook', ['referral.submitted', 'referral.exploded'], SECRET],
    ['eventTypes', 'http://127.0.0.1:9/hook', ['referral.contact-recorded'], SECRET],
    ['secret', 'http://127.0.0.1:9/hook', [], 'too-short'],
    ['secret', 'http://127.0.0.1:9/hook', [], 'x'.repeat(257)],
  ])('refuses a bad %s (%s)', async (field, url, types, secret) => {
    const response = await callers.referrer.query<Loose>(REGISTER, { url, types, secret });
    expect(outcome(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses callers with no organisation or no subscribing role', async () => {
    const orgless = await hub.as('REFERRER');
    expect(
      outcome(await orgless.query<Loose>(REGISTER, { url: `${receiver.url}/x`, types: [], secret: SECRET }))
        .code,
    ).toBe('FORBIDDEN');
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE' });
    expect(
      outcome(
        await commissioner.query<Loose>(REGISTER, { url: `${receiver.url}/x`, types: [], secret: SECRET }),
      ).code,
    ).toBe('FORBIDDEN');
    expect(outcome(await commissioner.query<Loose>(LIST)).code).toBe('FORBIDDEN');
  });

  it('refuses private and loopback URLs in production', () => {
    const input = (url: string) => ({ url, eventTypes: [], secret: SECRET });
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'https://127.0.0.1/hook',
      'https://10.0.0.8/hook',
      'https://localhost/hook',
      'https://[::1]/hook',
      'https://169.254.169.254/',
    ]) {
      expect(() => validateWebhookInput(input(url), 'production')).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'url' }),
        }),
      );
    }
    expect(validateWebhookInput(input('https://hooks.probation.example/x'), 'production').url).toBe(
      'https://hooks.probation.example/x',
    );
  });
});

describe('organisations see only their own subscriptions', () => {
  it('another organisation can neither list, remove nor replay them (NOT_FOUND)', async () => {
    const mine = await register(callers.staff, '/scoped');
    const other = await hub.as('REFERRER', { org: 'PROB-YH' });
    expect((await other.query<Loose>(LIST)).body.data!.webhooks).toEqual([]);
    expect(outcome(await other.query<Loose>(REMOVE, { id: mine.id })).code).toBe('NOT_FOUND');
    expect(outcome(await other.query<Loose>(REPLAY, { id: mine.id })).code).toBe('NOT_FOUND');
    expect(outcome(await other.query<Loose>(REMOVE, { id: 'not-an-id' })).code).toBe('NOT_FOUND');
    // Colleagues in the same organisation share its subscriptions.
    const ids = ((await callers.lead.query<Loose>(LIST)).body.data!.webhooks as Loose[]).map((w) => w.id);
    expect(ids).toContain(mine.id);
    expect((await callers.lead.query<Loose>(REMOVE, { id: mine.id })).body.data).toEqual({
      removeWebhook: true,
    });
    expect(outcome(await callers.staff.query<Loose>(REMOVE, { id: mine.id })).code).toBe('NOT_FOUND');
  });
});

const SUBMIT = `mutation ($input: SubmitReferralInput!, $key: String!) {
  submitReferral(input: $input, idempotencyKey: $key) { referral { id reference status version } }
}`;

describe('events from referral changes', () => {
  it('sends referral.submitted and referral.accepted to the referrer and the owning service, as each asked', async () => {
    const probation = await hub.as('REFERRER', { org: 'PROB-NE', sub: 'pat' });
    await register(probation, '/ev/prob');
    await register(callers.staff, '/ev/rc');
    await register(callers.lead, '/ev/rc-accepted', ['referral.accepted']);
    await register(await hub.as('RECONNECT_STAFF', { org: 'RC-SE' }), '/ev/rc-se');

    const person = {
      givenName: 'Zebedee',
      familyName: 'Quarrington',
      dateOfBirth: '1988-02-29',
      nhsNumber: randomNhsNumber(),
    };
    const submitted = await probation.query<Loose>(SUBMIT, {
      key: 'webhook-test-1',
      input: {
        source: 'PROBATION',
        referrer: {
          name: 'Pat Probation',
          organisationName: 'Probation Events',
          email: 'pat@probation.example',
        },
        person,
        custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-15' },
        identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood.' }],
      },
    });
    expect(submitted.body.errors).toBeUndefined();
    const referral = submitted.body.data!.submitReferral.referral as Loose;
    await hub.dispatcher.drain();

    for (const path of ['/ev/prob', '/ev/rc']) {
      expect(at(path).map((r) => r.event)).toEqual([
        expect.objectContaining({
          type: 'referral.submitted',
          referralId: referral.id,
          reference: referral.reference,
        }),
      ]);
    }
    expect(at('/ev/rc-accepted')).toEqual([]);
    expect(at('/ev/rc-se')).toEqual([]);

    const [request] = at('/ev/prob');
    expect(verifySignature(SECRET, request!.body, request!.headers['x-reconnect-signature'] as string)).toBe(
      true,
    );
    expect(request!.headers['x-reconnect-event-id']).toBe(request!.event.id);
    expect(request!.headers['content-type']).toBe('application/json');
    for (const secret of [
      person.givenName,
      person.familyName,
      person.nhsNumber,
      person.dateOfBirth,
      'Low mood',
    ]) {
      expect(request!.body).not.toContain(secret);
    }
    // The same event, with one id, to everyone.
    expect(at('/ev/rc')[0]!.event.id).toBe(request!.event.id);

    // Consent is not an event for other agencies; acceptance is.
    expect(outcome(await run(callers.staff, 'recordConsent', referral.id)).code).toBe('OK');
    expect(outcome(await run(callers.staff, 'acceptReferral', referral.id)).code).toBe('OK');
    await hub.dispatcher.drain();
    expect(at('/ev/rc').map((r) => r.event.type)).toEqual(['referral.submitted', 'referral.accepted']);
    expect(at('/ev/prob').map((r) => r.event.type)).toEqual(['referral.submitted', 'referral.accepted']);
    expect(at('/ev/rc-accepted').map((r) => r.event.type)).toEqual(['referral.accepted']);

    // The detail query reads the rest through the gateway, with the receiver's own token.
    const detail = await callers.staff.query<Loose>(at('/ev/rc')[1]!.event.detail);
    expect(detail.body.data!.referral).toMatchObject({ id: referral.id, status: 'PRE_RELEASE' });
  });

  it('sends nothing for a change that rolls back', async () => {
    const seeded = await seedIn(hub, 'SUBMITTED', {
      grants: [
        ['RC-NW', 'OWNING_SERVICE'],
        ['PROB-EM', 'REFERRER'],
      ],
    });
    await register(await hub.as('REFERRER', { org: 'PROB-EM' }), '/rb');
    const db = hub.database.handle.db;
    // Fails at commit, after everything in the transaction (the event included) was written.
    await db.execute(
      sql.raw(`create or replace function referral.fail_commit() returns trigger language plpgsql as
        $$ begin raise exception 'commit refused by the test'; end $$`),
    );
    await db.execute(
      sql.raw(`create constraint trigger fail_commit after update on referral.referrals
        deferrable initially deferred for each row when (new.id = '${seeded.id}')
        execute function referral.fail_commit()`),
    );
    try {
      const response = await run(callers.staff, 'withdrawReferral', seeded.id);
      expect(outcome(response).code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await db.execute(sql.raw(`drop trigger fail_commit on referral.referrals`));
    }
    await hub.dispatcher.drain();
    expect(at('/rb')).toEqual([]);
    expect(await db.select().from(outbox).where(eq(outbox.referralId, seeded.id))).toEqual([]);
    // The same change, once it can commit, is sent.
    expect(outcome(await run(callers.staff, 'withdrawReferral', seeded.id)).code).toBe('OK');
    await hub.dispatcher.drain();
    expect(at('/rb').map((r) => r.event.type)).toEqual(['referral.withdrawn']);
  });

  it('parks a delivery that fails for 24 hours, shows it, and delivers it on replay', async () => {
    const failing = await startReceiver();
    failing.status = 503;
    try {
      const seeded = await seedIn(hub, 'SUBMITTED', {
        grants: [
          ['RC-NW', 'OWNING_SERVICE'],
          ['PROB-GM', 'REFERRER'],
        ],
      });
      const probation = await hub.as('REFERRER', { org: 'PROB-GM' });
      const subscription = await register(probation, '/pk', [], `${failing.url}/pk`);
      expect(outcome(await run(callers.staff, 'withdrawReferral', seeded.id)).code).toBe('OK');
      await hub.dispatcher.drain();
      expect(failing.received).toHaveLength(1);
      let [listed] = (await probation.query<Loose>(LIST)).body.data!.webhooks as Loose[];
      expect(listed).toMatchObject({ failingSince: expect.any(String), parkedDeliveries: 0 });

      const db = hub.database.handle.db;
      const statusOf = async () =>
        (await db.select().from(deliveries).where(eq(deliveries.subscriptionId, subscription.id)))[0]!;
      for (let hour = 0; hour < 30 && (await statusOf()).status === 'PENDING'; hour += 1) {
        hub.clock.advance(60 * 60_000);
        await hub.dispatcher.drain();
      }
      const parked = await statusOf();
      expect(parked.status).toBe('PARKED');
      expect(failing.received.length).toBeGreaterThan(20);
      [listed] = (await probation.query<Loose>(LIST)).body.data!.webhooks as Loose[];
      expect(listed!.parkedDeliveries).toBe(1);

      failing.status = 200;
      const replayed = await probation.query<Loose>(REPLAY, { id: subscription.id });
      expect(replayed.body.data!.replayParkedDeliveries).toMatchObject({
        id: subscription.id,
        parkedDeliveries: 0,
      });
      await hub.dispatcher.drain();
      expect((await statusOf()).status).toBe('DELIVERED');
      [listed] = (await probation.query<Loose>(LIST)).body.data!.webhooks as Loose[];
      expect(listed).toMatchObject({ failingSince: null, parkedDeliveries: 0 });
      expect(new Set(failing.received.map((r) => r.event.type))).toEqual(new Set(['referral.withdrawn']));
    } finally {
      await failing.close();
    }
  });

  it('sends handover events, naming the handover, to both services', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE', {
      grants: [
        ['RC-NW', 'OWNING_SERVICE'],
        ['PROB-HO', 'REFERRER'],
      ],
    });
    const ney = await hub.as('RECONNECT_STAFF', { org: 'RC-NEY', sub: 'ney-worker' });
    await register(ney, '/ho/ney', ['handover.requested', 'handover.accepted', 'handover.completed']);
    await register(callers.staff, '/ho/nw', [
      'handover.requested',
      'handover.accepted',
      'handover.completed',
    ]);
    const requested = await callers.staff.query<Loose>(
      `mutation ($id: ID!) { requestHandover(referralId: $id, toServiceCode: "RC-NEY") { handover { id } } }`,
      { id: seeded.id },
    );
    expect(requested.body.errors).toBeUndefined();
    const handoverId = requested.body.data!.requestHandover.handover.id as string;
    const accepted = await ney.query<Loose>(
      `mutation ($id: ID!) { acceptHandover(id: $id) { handover { id } } }`,
      {
        id: handoverId,
      },
    );
    expect(accepted.body.errors).toBeUndefined();
    const completed = await ney.query<Loose>(
      `mutation ($id: ID!) { completeHandover(id: $id) { handover { id } } }`,
      {
        id: handoverId,
      },
    );
    expect(completed.body.errors).toBeUndefined();
    await hub.dispatcher.drain();
    for (const path of ['/ho/ney', '/ho/nw']) {
      const events = at(path).map((r) => r.event);
      expect(events.map((e) => e.type).sort()).toEqual([
        'handover.accepted',
        'handover.completed',
        'handover.requested',
      ]);
      expect(events.every((e) => e.handoverId === handoverId && e.referralId === seeded.id)).toBe(true);
    }
  });

  it('stops sending to a removed subscription, and the running dispatcher delivers the rest', async () => {
    const seeded = await seedIn(hub, 'SUBMITTED_CONSENTED', {
      grants: [
        ['RC-NW', 'OWNING_SERVICE'],
        ['PROB-WM', 'REFERRER'],
      ],
    });
    const probation = await hub.as('REFERRER', { org: 'PROB-WM' });
    const gone = await register(probation, '/rm/gone');
    await register(probation, '/rm/kept');
    expect(outcome(await run(callers.staff, 'acceptReferral', seeded.id)).code).toBe('OK');
    expect((await probation.query<Loose>(REMOVE, { id: gone.id })).body.data).toEqual({
      removeWebhook: true,
    });
    const pending = await hub.database.handle.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.subscriptionId, gone.id), eq(deliveries.status, 'PENDING')));
    expect(pending).toHaveLength(1);

    const before = receiver.received.length;
    hub.dispatcher.start();
    try {
      await receiver.waitFor(before + 1);
    } finally {
      await hub.dispatcher.stop();
    }
    expect(at('/rm/kept').map((r) => r.event.type)).toEqual(['referral.accepted']);
    expect(at('/rm/gone')).toEqual([]);
    expect((await probation.query<Loose>(LIST)).body.data!.webhooks).toHaveLength(1);
  });
});
