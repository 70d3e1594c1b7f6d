/**
 * Casework through the gateway (DOMAIN.md, "Casework"; contract/next/casework.md): case notes and
 * appointments, who reads and writes them, an outcome recorded once, and an ATTENDED appointment
 * becoming the Contact or CommunityEngagement in the same change.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubClientForTests, TestHub } from '@reconnect/hub/testing';
import { appointments } from '../src/db/schema.ts';
import {
  DEFAULT_GRANTS,
  NOW,
  NW_WORKER,
  auditOf,
  callersOf,
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
      version
      notes {
        id
        at
        author
        text
      }
      appointments {
        id
        at
        with
        status
        note
        serviceType
        providerName
        outcomeRecordedAt
        outcomeRecordedBy
      }
      contacts {
        occurredAt
        mode
        purpose
        preRelease
      }
      preReleaseContacts {
        count
      }
      engagements {
        serviceType
        providerName
        appointmentOn
        outcome
      }
    }
  }
`;

const OUTCOME = /* GraphQL */ `
  mutation ($id: ID!, $status: AppointmentStatus!, $note: String, $v: Int) {
    recordAppointmentOutcome(appointmentId: $id, status: $status, note: $note, expectedVersion: $v) {
      referral {
        id
        version
      }
    }
  }
`;

const COMMUNITY = {
  at: '2026-11-26T09:15:00Z',
  with: 'COMMUNITY_SERVICE',
  serviceType: 'GP_REGISTRATION',
  providerName: 'Ardwick Medical Practice',
  location: '2 Ardwick Green, Manchester',
};

describe('casework', () => {
  let hub: TestHub;
  let as: Callers;
  let partner: HubClientForTests;
  let otherStaff: HubClientForTests;

  beforeAll(async () => {
    hub = await startLifecycleHub();
    as = await callersOf(hub);
    partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' });
    otherStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
  });
  afterEach(() => {
    hub.clock.set(NOW);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const read = async (id: string, client: HubClientForTests = as.staff) => {
    const { body } = await client.query<Loose>(READ, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.referral as Loose;
  };
  /** Books an appointment and answers its id. */
  const book = async (id: string, input: Loose = {}) => {
    const merged = { ...bookingInput(), ...input };
    const response = await run(as.staff, 'bookAppointment', id, { input: merged });
    expect(outcome(response).code).toBe('OK');
    const rows = await hub.database.handle.db
      .select()
      .from(appointments)
      .where(eq(appointments.referralId, id));
    return rows.find((a) => a.at.getTime() === new Date(merged.at).getTime())!.id;
  };
  const bookingInput = (): Loose => ({
    at: '2026-11-27T14:30:00Z',
    with: 'RECONNECT',
    mode: 'FACE_TO_FACE',
    purpose: 'RELEASE_PLANNING',
    staffId: NW_WORKER,
  });
  const record = (client: HubClientForTests, id: string, vars: Loose) =>
    client.query<Loose>(OUTCOME, { id, ...vars });

  describe('case notes', () => {
    it('keeps every note with who and when, newest first, and audits each', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      expect(outcome(await run(as.staff, 'addCaseNote', seeded.id, { text: 'First note.' })).code).toBe('OK');
      hub.clock.set('2026-11-25T11:00:00Z');
      expect(
        outcome(
          await run(as.lead, 'addCaseNote', seeded.id, {
            text: 'Correction: the first note meant HMP Manchester.',
          }),
        ).code,
      ).toBe('OK');
      const referral = await read(seeded.id);
      expect(referral.notes.map((n: Loose) => [n.author, n.text, String(n.at).slice(0, 16)])).toEqual([
        ['Sam Okafor (sokafor)', 'Correction: the first note meant HMP Manchester.', '2026-11-25T11:00'],
        ['Hannah Byrne (hbyrne)', 'First note.', '2026-11-25T10:00'],
      ]);
      const audit = await auditOf(hub, seeded.id);
      expect(audit.map((a) => a.action)).toEqual(['referral.note-added', 'referral.note-added']);
      expect(JSON.stringify(audit)).not.toMatch(/First note|Correction/);
    });

    it('accepts 10,000 characters', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED');
      const text = 'n'.repeat(10_000);
      expect(outcome(await run(as.staff, 'addCaseNote', seeded.id, { text })).code).toBe('OK');
      expect((await read(seeded.id)).notes[0].text).toHaveLength(10_000);
    });

    it('has no way to change or remove a note', () => {
      const api = readFileSync(new URL('../../../schema/api.graphql', import.meta.url), 'utf8');
      const mutations = api.slice(api.indexOf('type Mutation {'));
      const names = [...mutations.slice(0, mutations.indexOf('\n}')).matchAll(/^ {2}(\w+)\(/gm)].map(
        (m) => m[1],
      );
      expect(names).toContain('addCaseNote');
      expect(names.filter((n) => /note/i.test(n!))).toEqual(['addCaseNote']);
    });
  });

  describe('who reads notes and appointments', () => {
    it.each(['referrer', 'partner'] as const)('the %s may not (FORBIDDEN)', async (who) => {
      const grants: typeof DEFAULT_GRANTS = [...DEFAULT_GRANTS, ['ERP-NW-MH', 'ER_PARTNER']];
      const seeded = await seedIn(hub, 'PRE_RELEASE', { grants });
      await run(as.staff, 'addCaseNote', seeded.id);
      const client = who === 'referrer' ? as.referrer : partner;
      for (const field of ['notes { text }', 'appointments { id }']) {
        const { body } = await client.query<Loose>(`query ($id: ID!) { referral(id: $id) { id ${field} } }`, {
          id: seeded.id,
        });
        expect(body.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
        expect(JSON.stringify(body.data ?? {})).not.toMatch(/wing officer/);
      }
    });

    it('staff of another service do not see the referral at all', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      const { body } = await otherStaff.query<Loose>(READ, { id: seeded.id });
      expect(body.data?.referral ?? null).toBeNull();
    });
  });

  describe('appointments', () => {
    it('lists those to come soonest first, then past ones newest first', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      for (const at of [
        '2026-11-25T10:30:00Z',
        '2026-11-27T10:00:00Z',
        '2026-11-26T10:00:00Z',
        '2026-11-25T11:00:00Z',
      ])
        expect(
          outcome(await run(as.staff, 'bookAppointment', seeded.id, { input: { ...bookingInput(), at } }))
            .code,
        ).toBe('OK');
      hub.clock.set('2026-11-25T12:00:00Z');
      expect((await read(seeded.id)).appointments.map((a: Loose) => a.at)).toEqual([
        '2026-11-26T10:00:00.000Z',
        '2026-11-27T10:00:00.000Z',
        '2026-11-25T11:00:00.000Z',
        '2026-11-25T10:30:00.000Z',
      ]);
    });

    it('an ATTENDED RECONNECT appointment is a pre-release contact, recorded once', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      const id = await book(seeded.id);
      hub.clock.set('2026-11-27T16:00:00Z');
      const version = (await rowOf(hub, seeded.id)).version;
      const { body } = await record(as.staff, id, {
        status: 'ATTENDED',
        note: 'Gate plan agreed.',
        v: version,
      });
      expect(body.errors).toBeUndefined();
      expect(body.data!.recordAppointmentOutcome.referral.version).toBe(version + 1);
      const referral = await read(seeded.id);
      expect(referral.appointments[0]).toMatchObject({
        status: 'ATTENDED',
        note: 'Gate plan agreed.',
        outcomeRecordedAt: expect.stringMatching(/^2026-11-27T16:00/),
        outcomeRecordedBy: 'Hannah Byrne (hbyrne)',
      });
      expect(referral.contacts).toEqual([
        {
          occurredAt: '2026-11-27T14:30:00.000Z',
          mode: 'FACE_TO_FACE',
          purpose: 'RELEASE_PLANNING',
          preRelease: true,
        },
      ]);
      expect(referral.preReleaseContacts.count).toBe(1);

      // Once: a second outcome, of any kind, is refused and changes nothing.
      const before = await snapshot(hub, seeded.id);
      for (const status of ['ATTENDED', 'MISSED', 'CANCELLED']) {
        expect(outcome(await record(as.staff, id, { status })).code, status).toBe('INVALID_TRANSITION');
      }
      expect(await snapshot(hub, seeded.id)).toEqual(before);
      expect((await read(seeded.id)).contacts).toHaveLength(1);
    });

    it('an ATTENDED community appointment is an engagement', async () => {
      const seeded = await seedIn(hub, 'POST_RELEASE');
      const id = await book(seeded.id, { ...COMMUNITY, mode: null, purpose: null, staffId: null });
      hub.clock.set('2026-11-26T10:00:00Z');
      expect(outcome(await record(as.staff, id, { status: 'ATTENDED' })).code).toBe('OK');
      const referral = await read(seeded.id);
      expect(referral.engagements).toEqual([
        {
          serviceType: 'GP_REGISTRATION',
          providerName: 'Ardwick Medical Practice',
          appointmentOn: '2026-11-26',
          outcome: 'ATTENDED',
        },
      ]);
      expect(referral.contacts).toEqual([]);
    });

    it('MISSED and CANCELLED make no contact or engagement', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      const missed = await book(seeded.id, { at: '2026-11-26T09:00:00Z' });
      const cancelled = await book(seeded.id, { at: '2026-12-01T09:00:00Z' });
      // Cancelling needs no waiting; missing does.
      expect(outcome(await record(as.staff, missed, { status: 'MISSED' })).code).toBe('BAD_USER_INPUT');
      expect(outcome(await record(as.staff, cancelled, { status: 'CANCELLED' })).code).toBe('OK');
      hub.clock.set('2026-11-26T12:00:00Z');
      expect(outcome(await record(as.staff, missed, { status: 'MISSED' })).code).toBe('OK');
      const referral = await read(seeded.id);
      expect(referral.appointments.map((a: Loose) => a.status).sort()).toEqual(['CANCELLED', 'MISSED']);
      expect(referral.contacts).toEqual([]);
      expect(referral.engagements).toEqual([]);
    });

    it('a community appointment is booked once the referral is accepted', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED');
      const response = await run(as.staff, 'bookAppointment', seeded.id, {
        input: { ...COMMUNITY },
      });
      expect(outcome(response).code).toBe('INVALID_TRANSITION');
    });

    it('refuses BOOKED as an outcome, a stale version, and unknown or unseen appointments', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      const id = await book(seeded.id, { at: '2026-11-25T10:30:00Z' });
      hub.clock.set('2026-11-25T11:00:00Z');
      const before = await snapshot(hub, seeded.id);
      const bad = outcome(await record(as.staff, id, { status: 'BOOKED' }));
      expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
      expect(outcome(await record(as.staff, id, { status: 'ATTENDED', v: 1 })).code).toBe('CONFLICT');
      for (const unknown of [randomUUID(), 'not-an-id']) {
        const result = outcome(await record(as.staff, unknown, { status: 'CANCELLED' }));
        expect(result).toMatchObject({ code: 'NOT_FOUND', message: 'Appointment was not found.' });
      }
      expect(outcome(await record(otherStaff, id, { status: 'CANCELLED' }))).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Appointment was not found.',
      });
      expect(outcome(await record(as.referrer, id, { status: 'CANCELLED' })).code).toBe('FORBIDDEN');
      expect(outcome(await record(partner, id, { status: 'CANCELLED' })).code).toBe('FORBIDDEN');
      expect(await snapshot(hub, seeded.id)).toEqual(before);
    });

    it('of two outcomes recorded at once exactly one lands', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      const id = await book(seeded.id, { at: '2026-11-25T10:30:00Z' });
      hub.clock.set('2026-11-25T11:00:00Z');
      const results = await Promise.all([
        record(as.staff, id, { status: 'ATTENDED' }),
        record(as.lead, id, { status: 'MISSED' }),
      ]);
      expect(results.map((r) => outcome(r).code).sort()).toEqual(['INVALID_TRANSITION', 'OK']);
      const referral = await read(seeded.id);
      expect(referral.contacts.length).toBe(referral.appointments[0].status === 'ATTENDED' ? 1 : 0);
    });
  });
  describe('who records an outcome (casework.md, "Who acts on a referral")', () => {
    it('the receiving service of an open handover may; the sending service after completion may not', async () => {
      const receiving = await hub.as('RECONNECT_STAFF', { org: 'RC-MID', sub: 'mid-worker' });
      const planned = await seedIn(hub, 'PRE_RELEASE', {
        grants: [...DEFAULT_GRANTS, ['RC-MID', 'RECEIVING_SERVICE']],
        overrides: { receivingServiceCode: 'RC-MID' },
      });
      const id = await book(planned.id, { at: '2026-11-25T10:30:00Z' });
      hub.clock.set('2026-11-25T11:00:00Z');
      expect(outcome(await record(receiving, id, { status: 'MISSED' })).code).toBe('OK');

      const sending = await hub.as('RECONNECT_STAFF', { org: 'RC-MID', sub: 'mid-sender' });
      const handedOver = await seedIn(hub, 'PRE_RELEASE', {
        grants: [...DEFAULT_GRANTS, ['RC-MID', 'SENDING_SERVICE']],
      });
      hub.clock.set(NOW);
      const other = await book(handedOver.id, { at: '2026-11-25T10:30:00Z' });
      hub.clock.set('2026-11-25T11:00:00Z');
      const before = await snapshot(hub, handedOver.id);
      expect(outcome(await record(sending, other, { status: 'CANCELLED' })).code).toBe('FORBIDDEN');
      expect(await snapshot(hub, handedOver.id)).toEqual(before);
    });
  });
});
