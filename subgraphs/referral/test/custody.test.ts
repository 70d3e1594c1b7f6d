/**
 * Custody changes through the gateway (DOMAIN.md, "Custody changes"): a transfer to another
 * service's establishment requests a handover to it in the same change (unless one is open), a
 * transfer to an IRC changes the custody type, a SUBMITTED transfer and the acceptance after it
 * leave one open handover, temporary licence begins and ends without touching status, dates or the
 * support window, and `referral.transferred` reaches the webhooks while temporary licence sends
 * nothing. The common paths (history, audit, versions, who may, input checks) are in lifecycle*.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '@reconnect/events';
import type { HubClientForTests, TestHub } from '@reconnect/hub/testing';
import { startReceiver, type Receiver } from '../../../packages/events/test/receiver.ts';
import {
  auditOf,
  callersOf,
  historyOf,
  outcome,
  rowOf,
  run,
  seedIn,
  snapshot,
  startLifecycleHub,
  type Callers,
  type Loose,
} from './lifecycle-harness.ts';

const READ = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      id
      status
      version
      owningService {
        code
      }
      custody {
        type
        establishment {
          code
        }
        expectedReleaseDate
        releasedOn
        onTemporaryLicence
      }
      supportWindow {
        startsOn
        endsOn
      }
      history {
        type
        fromStatus
        toStatus
        reason
      }
      handovers {
        status
        fromService {
          code
        }
        toService {
          code
        }
      }
    }
  }
`;
const SECRET = 'a-receiver-secret-of-some-length';
const REGISTER = `mutation ($url: String!, $types: [String!]!, $secret: String!) {
  registerWebhook(url: $url, eventTypes: $types, secret: $secret) { id }
}`;

let hub: TestHub;
let as: Callers;
let receiver: Receiver;

beforeAll(async () => {
  hub = await startLifecycleHub();
  as = await callersOf(hub);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await hub?.stop();
});

async function read(id: string, client: HubClientForTests = as.staff): Promise<Loose> {
  const { body } = await client.query<Loose>(READ, { id });
  expect(body.errors).toBeUndefined();
  return body.data!.referral as Loose;
}

describe('recordTransfer', () => {
  it("to another service's prison requests a handover to that service in the same change", async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE');
    const { body } = await run(as.staff, 'recordTransfer', seeded.id, { code: 'lei', v: 1 });
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordTransfer.referral).toEqual({ id: seeded.id, status: 'PRE_RELEASE', version: 2 });
    const referral = await read(seeded.id);
    expect(referral).toMatchObject({
      owningService: { code: 'RC-NW' },
      custody: { type: 'PRISON', establishment: { code: 'LEI' }, expectedReleaseDate: '2027-01-15' },
      handovers: [{ status: 'REQUESTED', fromService: { code: 'RC-NW' }, toService: { code: 'RC-NEY' } }],
    });
    // One change, one moment: the two events share their time, so their order is not asserted.
    const reasons = Object.fromEntries(referral.history.map((e: Loose) => [e.type, e.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['handover.requested', 'referral.transferred']);
    expect(reasons['handover.requested']).toMatch(/RC-NW to RC-NEY requested \(automatically, on transfer\)/);
    expect(reasons['referral.transferred']).toBe('Transferred from MRI to LEI on 2026-11-24');
    // The new establishment's service reads it through the handover's grant.
    const ney = await hub.as('RECONNECT_STAFF', { org: 'RC-NEY' });
    expect((await read(seeded.id, ney)).custody.establishment.code).toBe('LEI');
    expect((await auditOf(hub, seeded.id)).map((a) => a.action)).toEqual(['referral.transferred']);
  });

  it('requests no second handover while one is open', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE');
    const REQUEST = `mutation ($id: ID!) { requestHandover(referralId: $id, toServiceCode: "RC-MID") { handover { id } } }`;
    expect((await as.staff.query<Loose>(REQUEST, { id: seeded.id })).body.errors).toBeUndefined();
    expect(outcome(await run(as.staff, 'recordTransfer', seeded.id, { code: 'LEI' })).code).toBe('OK');
    const referral = await read(seeded.id);
    expect(referral.handovers).toEqual([
      { status: 'REQUESTED', fromService: { code: 'RC-NW' }, toService: { code: 'RC-MID' } },
    ]);
    expect(referral.custody.establishment.code).toBe('LEI');
  });

  it('to an IRC changes the custody type too', async () => {
    const seeded = await seedIn(hub, 'SUBMITTED');
    expect(outcome(await run(as.staff, 'recordTransfer', seeded.id, { code: 'IRC-DW' })).code).toBe('OK');
    const referral = await read(seeded.id);
    expect(referral.custody).toMatchObject({ type: 'IRC', establishment: { code: 'IRC-DW' } });
    const transferred = referral.history.find((e: Loose) => e.type === 'referral.transferred');
    expect(transferred.reason).toMatch(/to IRC-DW on 2026-11-24 \(PRISON to IRC\)$/);
    // Derwentside is in RC-NEY's area: the transfer asked it to take the referral over.
    expect(referral.handovers).toEqual([
      { status: 'REQUESTED', fromService: { code: 'RC-NW' }, toService: { code: 'RC-NEY' } },
    ]);
  });

  it('while SUBMITTED, then accepted: the transfer handover stays the one open handover', async () => {
    // The home area is RC-SW's: acceptance would request a handover to it, but one is open already.
    const seeded = await seedIn(hub, 'SUBMITTED_CONSENTED', { overrides: { receivingServiceCode: 'RC-SW' } });
    expect(outcome(await run(as.staff, 'recordTransfer', seeded.id, { code: 'LEI' })).code).toBe('OK');
    expect(outcome(await run(as.staff, 'acceptReferral', seeded.id)).code).toBe('OK');
    const referral = await read(seeded.id);
    expect(referral.status).toBe('PRE_RELEASE');
    expect(referral.handovers).toEqual([
      { status: 'REQUESTED', fromService: { code: 'RC-NW' }, toService: { code: 'RC-NEY' } },
    ]);
  });

  it('refuses a stale version and changes nothing, the handover included', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE', { overrides: { version: 3 } });
    const before = await snapshot(hub, seeded.id);
    expect(outcome(await run(as.staff, 'recordTransfer', seeded.id, { code: 'LEI', v: 2 })).code).toBe(
      'CONFLICT',
    );
    expect(await snapshot(hub, seeded.id)).toEqual(before);
    expect((await read(seeded.id)).handovers).toEqual([]);
  });
});

describe('recordTemporaryLicence', () => {
  it('begins and ends without changing status, dates or the support window', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE');
    const before = await read(seeded.id);
    expect(outcome(await run(as.staff, 'recordTemporaryLicence', seeded.id, { v: 1 })).code).toBe('OK');
    expect((await read(seeded.id)).custody.onTemporaryLicence).toBe(true);
    expect(
      outcome(await run(as.staff, 'recordTemporaryLicence', seeded.id, { rotl: false, v: 2 })).code,
    ).toBe('OK');
    const after = await read(seeded.id);
    expect(after).toMatchObject({
      status: 'PRE_RELEASE',
      version: 3,
      custody: { ...before.custody, onTemporaryLicence: false },
      supportWindow: before.supportWindow,
    });
    expect(after.history.map((e: Loose) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['referral.temporary-licence-started', 'PRE_RELEASE', 'PRE_RELEASE'],
      ['referral.temporary-licence-ended', 'PRE_RELEASE', 'PRE_RELEASE'],
    ]);
    expect(await auditOf(hub, seeded.id)).toHaveLength(2);
  });

  it.each([
    [true, true, /already on temporary licence/],
    [false, false, /not on temporary licence/],
  ])('on licence %s, recorded %s: INVALID_TRANSITION and nothing changes', async (now, rotl, message) => {
    const seeded = await seedIn(hub, 'SUBMITTED', { overrides: { onTemporaryLicence: now } });
    const before = await snapshot(hub, seeded.id);
    const result = outcome(await run(as.staff, 'recordTemporaryLicence', seeded.id, { rotl }));
    expect(result.code).toBe('INVALID_TRANSITION');
    expect(result.message).toMatch(message);
    expect(await snapshot(hub, seeded.id)).toEqual(before);
  });
});

describe('events to other agencies', () => {
  it('sends referral.transferred once, signed, and nothing for temporary licence', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE', {
      grants: [
        ['RC-NW', 'OWNING_SERVICE'],
        ['PROB-CUSTODY', 'REFERRER'],
      ],
    });
    const probation = await hub.as('REFERRER', { org: 'PROB-CUSTODY' });
    const registered = await probation.query<Loose>(REGISTER, {
      url: `${receiver.url}/custody`,
      types: [],
      secret: SECRET,
    });
    expect(registered.body.errors).toBeUndefined();
    expect(outcome(await run(as.staff, 'recordTemporaryLicence', seeded.id)).code).toBe('OK');
    expect(outcome(await run(as.staff, 'recordTemporaryLicence', seeded.id, { rotl: false })).code).toBe(
      'OK',
    );
    expect(outcome(await run(as.staff, 'recordTransfer', seeded.id, { code: 'FBI' })).code).toBe('OK');
    await hub.dispatcher.drain();
    const received = receiver.received.filter((r) => r.path === '/custody');
    expect(received.map((r) => r.event)).toEqual([
      expect.objectContaining({ type: 'referral.transferred', referralId: seeded.id }),
    ]);
    const [request] = received;
    expect(verifySignature(SECRET, request!.body, request!.headers['x-reconnect-signature'] as string)).toBe(
      true,
    );
    // No establishment or anything else about the person in the body: the detail query reads it.
    expect(request!.body).not.toContain('FBI');
    expect((await rowOf(hub, seeded.id)).establishmentCode).toBe('FBI');
    expect((await historyOf(hub, seeded.id)).map((e) => e.type)).toEqual([
      'referral.temporary-licence-started',
      'referral.temporary-licence-ended',
      'referral.transferred',
    ]);
  });
});
