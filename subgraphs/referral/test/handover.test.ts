/**
 * Cross-area handovers through the gateway (DOMAIN.md "Cross-area handover", AUTH.md): the
 * automatic request on acceptance, each transition and each refusal, the access each service has
 * at each point (before, during, after completion, 28 days later), and the INCOMING / OUTGOING lists.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { grants } from '@reconnect/access';
import { auditEvents } from '@reconnect/audit';
import { outbox as outboxEvents } from '@reconnect/events';
import { randomNhsNumber, type HubClientForTests, type TestHub } from '@reconnect/hub/testing';
import {
  NOW,
  historyOf,
  outcome,
  rowOf,
  seedIn,
  startLifecycleHub,
  type Loose,
  type State,
} from './lifecycle-harness.ts';
import { handovers } from '../src/db/schema.ts';

const F = /* GraphQL */ `id status fromService { code } toService { code } requestedAt respondBy respondedAt overdue note declineReason completedAt`;
const REQUEST = `mutation ($id: ID!, $to: String!, $note: String) { requestHandover(referralId: $id, toServiceCode: $to, note: $note) { handover { ${F} } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptHandover(id: $id) { handover { ${F} } } }`;
const DECLINE = `mutation ($id: ID!, $reason: String!) { declineHandover(id: $id, reason: $reason) { handover { ${F} } } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelHandover(id: $id, reason: $reason) { handover { ${F} } } }`;
const COMPLETE = `mutation ($id: ID!) { completeHandover(id: $id) { handover { ${F} referral { id owningService { code } } } } }`;
const READ = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      id
      status
      version
      owningService { code }
      receivingService { code }
      availableActions
      contacts { id }
      history { type reason }
      handovers { ${F} }
    }
  }
`;
const LIST = `query ($d: HandoverDirection!, $s: [HandoverStatus!], $first: Int, $after: String) {
  handovers(direction: $d, status: $s, first: $first, after: $after) {
    nodes { ${F} } pageInfo { endCursor hasNextPage } totalCount } }`;
const CASELOAD = `query { referrals(first: 100) { nodes { id } } }`;
const CONTACT = `mutation ($id: ID!) { recordContact(referralId: $id, input: { occurredAt: "2026-11-24T10:00:00Z", mode: TELEPHONE, purpose: RELEASE_PLANNING }) { referral { id } } }`;

const NOTE = `mutation ($id: ID!) { addCaseNote(referralId: $id, text: "Gate meet planned with RC-NW.") { referral { id } } }`;
const DISCHARGE = `mutation ($id: ID!) { dischargeReferral(referralId: $id, reason: NEEDS_MET) { referral { id } } }`;

const DAY = 24 * 60 * 60 * 1000;

let hub: TestHub;
let nwStaff: HubClientForTests;
let nwLead: HubClientForTests;
let ldnStaff: HubClientForTests;
let ldnLead: HubClientForTests;
let swStaff: HubClientForTests;
let swLead: HubClientForTests;
let probation: HubClientForTests;

beforeAll(async () => {
  hub = await startLifecycleHub();
  nwStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker', name: 'Hannah Byrne' });
  nwLead = await hub.as('RECONNECT_LEAD', { org: 'RC-NW', sub: 'nw-lead' });
  ldnStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-LDN', sub: 'ldn-worker' });
  ldnLead = await hub.as('RECONNECT_LEAD', { org: 'RC-LDN', sub: 'ldn-lead' });
  swStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-SW', sub: 'sw-worker' });
  swLead = await hub.as('RECONNECT_LEAD', { org: 'RC-SW', sub: 'sw-lead' });
  probation = await hub.as('REFERRER', { org: 'PROB-NW', sub: 'pat-probation' });
});
afterAll(async () => {
  await hub?.stop();
});
beforeEach(() => {
  hub.clock.set(NOW);
});

/** A referral RC-NW owns for a person whose home area is Westminster (RC-LDN). */
const seedOwned = (state: State = 'PRE_RELEASE') =>
  seedIn(hub, state, { overrides: { receivingServiceCode: 'RC-LDN', homeAreaCode: 'E09000033' } });

async function call(client: HubClientForTests, document: string, variables: Loose) {
  const response = await client.query<Loose>(document, variables);
  return { ...outcome(response), data: response.body.data as Loose | null | undefined };
}

/** A REQUESTED handover from RC-NW to RC-LDN of a fresh referral. */
async function requested(state: State = 'PRE_RELEASE') {
  const referral = await seedOwned(state);
  const r = await call(nwStaff, REQUEST, { id: referral.id, to: 'RC-LDN', note: 'Moving to Westminster.' });
  expect(r.code, r.message).toBe('OK');
  return { referral, handover: r.data!.requestHandover.handover as Loose };
}

async function accepted(state: State = 'PRE_RELEASE') {
  const h = await requested(state);
  expect((await call(ldnStaff, ACCEPT, { id: h.handover.id })).code).toBe('OK');
  return h;
}

const read = async (client: HubClientForTests, id: string) =>
  (await client.query<Loose>(READ, { id })).body.data?.referral as Loose | null;

async function liveGrants(referralId: string, at: Date) {
  const rows = await hub.database.handle.db
    .select()
    .from(grants)
    .where(eq(grants.referralId, referralId))
    .orderBy(asc(grants.createdAt));
  return rows
    .filter((g) => g.validFrom <= at && (g.validUntil === null || g.validUntil > at))
    .map((g) => `${g.organisationCode}:${g.relationship}`)
    .sort();
}

async function handoverAudit(handoverId: string) {
  const rows = await hub.database.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'Handover'), eq(auditEvents.subjectId, handoverId)))
    .orderBy(asc(auditEvents.seq));
  return rows.map((e) => e.action);
}

const SUBMIT = `mutation ($input: SubmitReferralInput!, $key: String!) {
  submitReferral(input: $input, idempotencyKey: $key) { referral { id receivingService { code } } } }`;

describe('the automatic request on acceptance', () => {
  it('hands a person held at Manchester (RC-NW) whose home is Westminster over to RC-LDN', async () => {
    const submitted = await call(probation, SUBMIT, {
      key: randomUUID(),
      input: {
        source: 'PROBATION',
        referrer: { name: 'Pat Probation', organisationName: 'Probation North West' },
        person: {
          givenName: 'Alex',
          familyName: 'Smith',
          dateOfBirth: '1990-04-01',
          nhsNumber: randomNhsNumber(),
          homeLocalAuthorityCode: 'E09000033',
        },
        custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-15' },
        identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood.' }],
      },
    });
    expect(submitted.code, submitted.message).toBe('OK');
    const id = submitted.data!.submitReferral.referral.id as string;
    expect(submitted.data!.submitReferral.referral.receivingService).toEqual({ code: 'RC-LDN' });
    // Before acceptance the receiving service sees nothing.
    expect(await read(ldnStaff, id)).toBeNull();

    const consent = `mutation ($id: ID!) { recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE) { referral { id } } }`;
    expect((await call(nwStaff, consent, { id })).code).toBe('OK');
    expect(
      (await call(nwStaff, `mutation ($id: ID!) { acceptReferral(id: $id) { referral { id } } }`, { id }))
        .code,
    ).toBe('OK');

    const owner = (await read(nwStaff, id))!;
    expect(owner.status).toBe('PRE_RELEASE');
    expect(owner.handovers).toHaveLength(1);
    const h = owner.handovers[0];
    expect(h).toMatchObject({
      status: 'REQUESTED',
      fromService: { code: 'RC-NW' },
      toService: { code: 'RC-LDN' },
      overdue: false,
      respondedAt: null,
    });
    // Requested on a Wednesday: due on Friday at the same time.
    expect(Date.parse(h.respondBy) - Date.parse(h.requestedAt)).toBe(2 * DAY);
    expect(owner.availableActions).not.toContain('REQUEST_HANDOVER');
    expect(owner.history.map((e: Loose) => e.type)).toEqual(
      expect.arrayContaining(['referral.accepted', 'handover.requested']),
    );
    expect(await liveGrants(id, hub.clock.now())).toContain('RC-LDN:RECEIVING_SERVICE');
    expect(await handoverAudit(h.id)).toEqual(['handover.requested']);

    // The receiving service now reads it and sees it as INCOMING.
    expect((await read(ldnStaff, id))?.id).toBe(id);
    const incoming = await call(ldnStaff, LIST, { d: 'INCOMING', s: ['REQUESTED'] });
    expect(incoming.data!.handovers.nodes.map((n: Loose) => n.id)).toContain(h.id);
  });

  it('requests nothing when the home area is the owning service’s own', async () => {
    const referral = await seedIn(hub, 'SUBMITTED_CONSENTED');
    const r = await call(nwStaff, `mutation ($id: ID!) { acceptReferral(id: $id) { referral { id } } }`, {
      id: referral.id,
    });
    expect(r.code).toBe('OK');
    expect((await read(nwStaff, referral.id))!.handovers).toEqual([]);
  });
});

describe('requestHandover', () => {
  it('lets the owning service request one by hand, once', async () => {
    const referral = await seedOwned('POST_RELEASE');
    expect((await read(nwStaff, referral.id))!.availableActions).toContain('REQUEST_HANDOVER');
    const r = await call(nwStaff, REQUEST, {
      id: referral.id,
      to: ' rc-ldn ',
      note: 'Moving to Westminster.',
    });
    expect(r.code, r.message).toBe('OK');
    expect(r.data!.requestHandover.handover).toMatchObject({
      status: 'REQUESTED',
      toService: { code: 'RC-LDN' },
      note: 'Moving to Westminster.',
    });
    const after = (await read(nwStaff, referral.id))!;
    expect(after.availableActions).not.toContain('REQUEST_HANDOVER');
    // The receiving service can act but not hand over what it does not own.
    expect((await read(ldnStaff, referral.id))!.availableActions).not.toContain('REQUEST_HANDOVER');
    // No referral field changed: only its history.
    expect(after.version).toBe(referral.version);
    expect(after.history.map((e: Loose) => e.type)).toContain('handover.requested');

    const second = await call(nwStaff, REQUEST, { id: referral.id, to: 'RC-SW' });
    expect(second.code).toBe('INVALID_TRANSITION');
  });

  it.each([
    ['a referral the caller cannot see', 'sw', 'PRE_RELEASE', 'RC-LDN', 'NOT_FOUND'],
    ['a referrer (role)', 'probation', 'PRE_RELEASE', 'RC-LDN', 'FORBIDDEN'],
    ['a SUBMITTED referral', 'nw', 'SUBMITTED', 'RC-LDN', 'INVALID_TRANSITION'],
    ['a DISCHARGED referral', 'nw', 'DISCHARGED', 'RC-LDN', 'INVALID_TRANSITION'],
    ['to the owning service itself', 'nw', 'PRE_RELEASE', 'RC-NW', 'BAD_USER_INPUT'],
    ['to an unknown service', 'nw', 'PRE_RELEASE', 'RC-XX', 'BAD_USER_INPUT'],
  ] as const)('refuses %s (caller %s, %s, to %s): %s', async (_name, caller, state, to, code) => {
    const referral = await seedOwned(state);
    const client = { sw: swStaff, probation, nw: nwStaff }[caller];
    const r = await call(client, REQUEST, { id: referral.id, to });
    expect(r.code, r.message).toBe(code);
    if (code === 'BAD_USER_INPUT') expect(r.field).toBe('toServiceCode');
    expect((await read(nwStaff, referral.id))?.handovers ?? []).toEqual([]);
  });

  it('refuses the receiving service (FORBIDDEN) and an id that is not one (NOT_FOUND)', async () => {
    const { referral } = await requested();
    expect((await call(ldnStaff, REQUEST, { id: referral.id, to: 'RC-SW' })).code).toBe('FORBIDDEN');
    expect((await call(nwStaff, REQUEST, { id: 'nope', to: 'RC-SW' })).code).toBe('NOT_FOUND');
  });
});

describe('transitions', () => {
  it('accept: the receiving service only, while REQUESTED', async () => {
    const { referral, handover } = await requested();
    expect((await call(nwStaff, ACCEPT, { id: handover.id })).code).toBe('FORBIDDEN');
    expect((await call(swStaff, ACCEPT, { id: handover.id })).code).toBe('NOT_FOUND');
    expect((await call(ldnStaff, ACCEPT, { id: randomUUID() })).code).toBe('NOT_FOUND');
    const r = await call(ldnStaff, ACCEPT, { id: handover.id });
    expect(r.code, r.message).toBe('OK');
    expect(r.data!.acceptHandover.handover).toMatchObject({ status: 'ACCEPTED', overdue: false });
    expect(r.data!.acceptHandover.handover.respondedAt).not.toBeNull();
    expect((await call(ldnStaff, ACCEPT, { id: handover.id })).code).toBe('INVALID_TRANSITION');
    expect((await call(ldnLead, DECLINE, { id: handover.id, reason: 'Too late.' })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(await liveGrants(referral.id, hub.clock.now())).toContain('RC-LDN:RECEIVING_SERVICE');
    expect(await handoverAudit(handover.id)).toEqual(['handover.requested', 'handover.accepted']);
  });

  it('decline: a lead of the receiving service, with a reason; its access ends', async () => {
    const { referral, handover } = await requested();
    expect((await call(ldnStaff, DECLINE, { id: handover.id, reason: 'No.' })).code).toBe('FORBIDDEN');
    expect((await call(nwLead, DECLINE, { id: handover.id, reason: 'No.' })).code).toBe('FORBIDDEN');
    expect((await call(swLead, DECLINE, { id: handover.id, reason: 'No.' })).code).toBe('NOT_FOUND');
    const blank = await call(ldnLead, DECLINE, { id: handover.id, reason: '  ' });
    expect(blank).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const r = await call(ldnLead, DECLINE, {
      id: handover.id,
      reason: 'Not our area: the person lives in Kent.',
    });
    expect(r.code, r.message).toBe('OK');
    expect(r.data!.declineHandover.handover).toMatchObject({
      status: 'DECLINED',
      declineReason: 'Not our area: the person lives in Kent.',
    });
    expect(await liveGrants(referral.id, hub.clock.now())).not.toContain('RC-LDN:RECEIVING_SERVICE');
    expect(await read(ldnStaff, referral.id)).toBeNull();
    expect((await call(ldnStaff, CONTACT, { id: referral.id })).code).toBe('NOT_FOUND');
    // Its access has ended, so the declined handover leaves its list (AUTH.md: lists leave out what
    // the caller has no relationship with); the sending service still lists it.
    const incoming = await call(ldnStaff, LIST, { d: 'INCOMING', s: ['DECLINED'] });
    expect(incoming.code, incoming.message).toBe('OK');
    expect(incoming.data!.handovers.nodes.map((n: Loose) => n.id)).not.toContain(handover.id);
    const outgoing = await call(nwStaff, LIST, { d: 'OUTGOING', s: ['DECLINED'] });
    expect(outgoing.data!.handovers.nodes.map((n: Loose) => n.id)).toContain(handover.id);
    expect((await call(ldnStaff, ACCEPT, { id: handover.id })).code).toBe('INVALID_TRANSITION');
    expect((await call(nwStaff, CANCEL, { id: handover.id, reason: 'x' })).code).toBe('INVALID_TRANSITION');
    expect((await call(nwStaff, COMPLETE, { id: handover.id })).code).toBe('INVALID_TRANSITION');
    // Declined is closed: a new request may follow, and the referral lists both, newest first.
    const again = await call(nwStaff, REQUEST, { id: referral.id, to: 'RC-SW' });
    expect(again.code, again.message).toBe('OK');
    const mine = (await read(nwStaff, referral.id))!;
    expect(mine.handovers.map((h: Loose) => h.status)).toEqual(['REQUESTED', 'DECLINED']);
    expect(mine.history.map((e: Loose) => e.type)).toEqual(
      expect.arrayContaining(['handover.requested', 'handover.declined']),
    );
    expect(await handoverAudit(handover.id)).toEqual(['handover.requested', 'handover.declined']);
  });

  it.each(['REQUESTED', 'ACCEPTED'] as const)(
    'cancel: the sending service, with a reason, while %s; the receiving access ends',
    async (status) => {
      const { referral, handover } = status === 'REQUESTED' ? await requested() : await accepted();
      expect((await call(ldnStaff, CANCEL, { id: handover.id, reason: 'x' })).code).toBe('FORBIDDEN');
      expect((await call(swStaff, CANCEL, { id: handover.id, reason: 'x' })).code).toBe('NOT_FOUND');
      expect(await call(nwStaff, CANCEL, { id: handover.id, reason: '' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      const r = await call(nwStaff, CANCEL, {
        id: handover.id,
        reason: 'The person is staying in Manchester.',
      });
      expect(r.code, r.message).toBe('OK');
      expect(r.data!.cancelHandover.handover.status).toBe('CANCELLED');
      expect(await read(ldnStaff, referral.id)).toBeNull();
      expect((await call(ldnStaff, CONTACT, { id: referral.id })).code).toBe('NOT_FOUND');
      expect((await call(nwStaff, CANCEL, { id: handover.id, reason: 'again' })).code).toBe(
        'INVALID_TRANSITION',
      );
      expect((await handoverAudit(handover.id)).at(-1)).toBe('handover.cancelled');
    },
  );

  it('complete: either side once ACCEPTED, never straight from REQUESTED', async () => {
    const { handover } = await requested();
    expect((await call(nwStaff, COMPLETE, { id: handover.id })).code).toBe('INVALID_TRANSITION');
    expect((await call(swStaff, COMPLETE, { id: handover.id })).code).toBe('NOT_FOUND');
    const done = await accepted();
    const r = await call(nwStaff, COMPLETE, { id: done.handover.id });
    expect(r.code, r.message).toBe('OK');
    expect(r.data!.completeHandover.handover.status).toBe('COMPLETED');
    expect((await call(ldnStaff, COMPLETE, { id: done.handover.id })).code).toBe('INVALID_TRANSITION');
    expect((await call(nwStaff, CANCEL, { id: done.handover.id, reason: 'x' })).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('the access timeline', () => {
  it('before, during, after completion, and 28 days later', async () => {
    const referral = await seedOwned();
    const seen = async (client: HubClientForTests) => {
      const body = (await client.query<Loose>(CASELOAD)).body;
      expect(body.errors).toBeUndefined();
      return (body.data!.referrals.nodes as Loose[]).some((n) => n.id === referral.id);
    };

    // Before: the receiving service sees nothing and can do nothing.
    expect(await read(ldnStaff, referral.id)).toBeNull();
    expect(await seen(ldnStaff)).toBe(false);
    expect((await call(ldnStaff, CONTACT, { id: referral.id })).code).toBe('NOT_FOUND');

    // REQUESTED: full read access; it plans (notes, appointments) and changes nothing else
    // (contract/next/casework.md, "Who acts on a referral").
    const req = await call(nwStaff, REQUEST, { id: referral.id, to: 'RC-LDN' });
    const id = req.data!.requestHandover.handover.id as string;
    const during = (await read(ldnStaff, referral.id))!;
    expect(during.history.length).toBeGreaterThan(0);
    expect(during.availableActions).toEqual(['ADD_NOTE', 'BOOK_APPOINTMENT']);
    expect(await seen(ldnStaff)).toBe(true);
    expect((await call(ldnStaff, CONTACT, { id: referral.id })).code).toBe('FORBIDDEN');
    expect((await call(ldnLead, DISCHARGE, { id: referral.id })).code).toBe('FORBIDDEN');
    expect((await call(ldnStaff, NOTE, { id: referral.id })).code).toBe('OK');
    // The owning service still acts.
    expect((await call(nwStaff, CONTACT, { id: referral.id })).code).toBe('OK');

    // ACCEPTED: the same.
    hub.clock.set('2026-11-26T09:00:00Z');
    expect((await call(ldnStaff, ACCEPT, { id })).code).toBe('OK');
    expect((await call(ldnStaff, CONTACT, { id: referral.id })).code).toBe('FORBIDDEN');
    expect((await call(ldnLead, DISCHARGE, { id: referral.id })).code).toBe('FORBIDDEN');
    expect((await read(ldnStaff, referral.id))!.availableActions).toEqual(['ADD_NOTE', 'BOOK_APPOINTMENT']);
    expect((await call(nwStaff, CONTACT, { id: referral.id })).code).toBe('OK');

    // COMPLETED: the receiving service owns it; the sender reads it but cannot act.
    hub.clock.set('2026-11-27T09:00:00Z');
    const versionBefore = (await rowOf(hub, referral.id)).version;
    const completed = await call(ldnStaff, COMPLETE, { id });
    expect(completed.code, completed.message).toBe('OK');
    const completedAt = new Date(completed.data!.completeHandover.handover.completedAt as string);
    expect(completed.data!.completeHandover.handover.referral.owningService).toEqual({ code: 'RC-LDN' });
    const owner = (await read(ldnStaff, referral.id))!;
    expect(owner.owningService).toEqual({ code: 'RC-LDN' });
    expect(owner.receivingService).toBeNull();
    expect(owner.version).toBe(versionBefore + 1);
    expect(owner.contacts).toHaveLength(2);
    expect(owner.availableActions).toContain('REQUEST_HANDOVER');
    expect(owner.history.map((e: Loose) => e.type)).toContain('handover.completed');
    expect(await seen(ldnStaff)).toBe(true);
    expect((await call(ldnStaff, CONTACT, { id: referral.id })).code).toBe('OK');
    expect((await rowOf(hub, referral.id)).owningServiceCode).toBe('RC-LDN');
    expect(await liveGrants(referral.id, hub.clock.now())).toEqual(
      ['PROB-NW:REFERRER', 'RC-LDN:OWNING_SERVICE', 'RC-NW:SENDING_SERVICE'].sort(),
    );

    const sender = (await read(nwStaff, referral.id))!;
    expect(sender.contacts).toHaveLength(3);
    expect(sender.availableActions).toEqual([]);
    expect(await seen(nwStaff)).toBe(true);
    expect((await call(nwStaff, CONTACT, { id: referral.id })).code).toBe('FORBIDDEN');
    expect((await call(nwStaff, REQUEST, { id: referral.id, to: 'RC-SW' })).code).toBe('FORBIDDEN');

    // 28 days on, the sender still reads it; a minute after that, nothing.
    hub.clock.set(new Date(completedAt.getTime() + 28 * DAY - 60_000));
    expect((await read(nwStaff, referral.id))?.id).toBe(referral.id);
    hub.clock.set(new Date(completedAt.getTime() + 28 * DAY + 60_000));
    expect(await read(nwStaff, referral.id)).toBeNull();
    expect(await seen(nwStaff)).toBe(false);
    expect((await call(nwStaff, CONTACT, { id: referral.id })).code).toBe('NOT_FOUND');
    expect((await read(ldnStaff, referral.id))?.owningService).toEqual({ code: 'RC-LDN' });
    // With the referral gone from its view, the handover leaves the sender's list too (AUTH.md:
    // lists leave out what the caller has no relationship with); the new owner still lists it.
    const outgoing = await call(nwStaff, LIST, { d: 'OUTGOING', s: ['COMPLETED'] });
    expect(outgoing.code, outgoing.message).toBe('OK');
    expect(outgoing.data!.handovers.nodes.map((n: Loose) => n.id)).not.toContain(id);
    const incoming = await call(ldnStaff, LIST, { d: 'INCOMING', s: ['COMPLETED'] });
    expect(incoming.data!.handovers.nodes.map((n: Loose) => n.id)).toContain(id);
    expect((await historyOf(hub, referral.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['handover.requested', 'handover.accepted', 'handover.completed']),
    );
  });
});

describe('handovers(direction)', () => {
  // Services no other test here uses, so the counts are this test's own.
  it('lists INCOMING and OUTGOING with a status filter, pages and a total; overdue after respondBy', async () => {
    const se = await hub.as('RECONNECT_STAFF', { org: 'RC-SE' });
    const eoe = await hub.as('RECONNECT_STAFF', { org: 'RC-EOE' });
    const eoeLead = await hub.as('RECONNECT_LEAD', { org: 'RC-EOE' });
    const ids: string[] = [];
    for (const [i, at] of [
      '2026-11-25T10:00:00Z',
      '2026-11-25T11:00:00Z',
      '2026-11-25T12:00:00Z',
    ].entries()) {
      hub.clock.set(at);
      const referral = await seedIn(hub, 'PRE_RELEASE', {
        overrides: { owningServiceCode: 'RC-SE' },
        grants: [['RC-SE', 'OWNING_SERVICE']],
      });
      const r = await call(se, REQUEST, { id: referral.id, to: 'RC-EOE', note: `number ${i}` });
      expect(r.code, r.message).toBe('OK');
      ids.push(r.data!.requestHandover.handover.id as string);
    }
    const [first, second, third] = ids as [string, string, string];
    expect((await call(eoe, ACCEPT, { id: second })).code).toBe('OK');
    expect((await call(eoeLead, DECLINE, { id: first, reason: 'Not ours.' })).code).toBe('OK');

    const list = async (client: HubClientForTests, vars: Loose) =>
      (await call(client, LIST, vars)).data!.handovers as Loose;
    // The declined one left the receiver's view with its access (AUTH.md: lists leave it out).
    const all = await list(eoe, { d: 'INCOMING' });
    expect(all.totalCount).toBe(2);
    expect(all.nodes.map((n: Loose) => n.id)).toEqual([third, second]);
    expect((await list(se, { d: 'OUTGOING' })).totalCount).toBe(3);
    expect((await list(eoe, { d: 'OUTGOING' })).totalCount).toBe(0);
    expect((await list(se, { d: 'INCOMING' })).totalCount).toBe(0);
    // Nobody else's: another service sees none of them.
    expect((await list(swStaff, { d: 'INCOMING' })).nodes.map((n: Loose) => n.id)).not.toContain(third);

    const open = await list(eoe, { d: 'INCOMING', s: ['REQUESTED', 'ACCEPTED'] });
    expect(open.totalCount).toBe(2);
    expect(open.nodes.map((n: Loose) => n.status)).toEqual(['REQUESTED', 'ACCEPTED']);

    const page1 = await list(se, { d: 'OUTGOING', first: 2 });
    expect(page1.nodes.map((n: Loose) => n.id)).toEqual([third, second]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list(se, { d: 'OUTGOING', first: 2, after: page1.pageInfo.endCursor });
    expect(page2.nodes.map((n: Loose) => n.id)).toEqual([first]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.totalCount).toBe(3);
    expect((await call(eoe, LIST, { d: 'INCOMING', first: 101 })).code).toBe('BAD_USER_INPUT');
    expect((await call(eoe, LIST, { d: 'INCOMING', after: 'garbage' })).code).toBe('BAD_USER_INPUT');
    expect((await call(probation, LIST, { d: 'INCOMING' })).code).toBe('FORBIDDEN');

    // Requested Wednesday 12:00 UTC: due Friday 12:00; overdue only after that, and only REQUESTED.
    // (The sender lists all three; the receiver no longer sees the one it declined.)
    const overdue = async () =>
      Object.fromEntries(
        ((await list(se, { d: 'OUTGOING' })).nodes as Loose[]).map((n) => [n.id, n.overdue]),
      );
    hub.clock.set('2026-11-27T11:59:00Z');
    expect(await overdue()).toEqual({ [first]: false, [second]: false, [third]: false });
    hub.clock.set('2026-11-27T12:01:00Z');
    expect(await overdue()).toEqual({ [first]: false, [second]: false, [third]: true });
  });
});

describe('closing the referral cancels its open handover (DOMAIN.md, Cross-area handover 6)', () => {
  const DISCHARGE = `mutation ($id: ID!) { dischargeReferral(referralId: $id, reason: NEEDS_MET, note: "Needs met.") { referral { id status handovers { ${F} } } } }`;
  const DECLINE_REFERRAL = `mutation ($id: ID!) { declineReferral(id: $id, reason: SUPPORTED_ELSEWHERE) { referral { id status } } }`;
  const WITHDRAW = `mutation ($id: ID!) { withdrawReferral(id: $id, reason: "Moved to Scotland.") { referral { id status } } }`;
  const TRANSFER = `mutation ($id: ID!) { recordTransfer(referralId: $id, establishmentCode: "PVI", transferredOn: "2026-11-24") { referral { id handovers { ${F} } } } }`;

  /**
   * What the receiving service (RC-LDN) can still reach of the referral, through every door. It
   * stays party to the handover row (as after a manual cancel), so accepting it is refused as
   * INVALID_TRANSITION (it is CANCELLED), not NOT_FOUND; nothing of the referral opens.
   */
  async function receivingSees(referralId: string, handoverId: string) {
    const incoming = await call(ldnStaff, LIST, { d: 'INCOMING' });
    const caseload = await call(ldnStaff, CASELOAD, {});
    return {
      referral: await read(ldnStaff, referralId),
      incoming: (incoming.data!.handovers.nodes as Loose[]).filter((n) => n.id === handoverId),
      caseload: (caseload.data!.referrals.nodes as Loose[]).filter((n) => n.id === referralId),
      accept: (await call(ldnStaff, ACCEPT, { id: handoverId })).code,
    };
  }

  async function expectCancelledWith(referralId: string, handoverId: string, closedBy: string) {
    const owner = (await read(nwStaff, referralId))!;
    const h = owner.handovers.find((x: Loose) => x.id === handoverId);
    expect(h.status).toBe('CANCELLED');
    const history = owner.history as Loose[];
    const cancelled = history.filter((e) => e.type === 'handover.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.reason).toMatch(/RC-NW to RC-LDN cancelled: referral closed$/);
    expect(history.map((e) => e.type)).toContain(closedBy);
    expect(await liveGrants(referralId, hub.clock.now())).not.toContain('RC-LDN:RECEIVING_SERVICE');
    expect(await handoverAudit(handoverId)).toEqual(expect.arrayContaining(['handover.cancelled']));
    const [row] = await hub.database.handle.db
      .select({ cancelReason: handovers.cancelReason })
      .from(handovers)
      .where(eq(handovers.id, handoverId));
    expect(row?.cancelReason).toBe('referral closed');
    const outbox = await hub.database.handle.db
      .select({ type: outboxEvents.type })
      .from(outboxEvents)
      .where(and(eq(outboxEvents.referralId, referralId), eq(outboxEvents.handoverId, handoverId)));
    expect(outbox.map((o) => o.type)).toContain('handover.cancelled');
  }

  it('discharging with a REQUESTED handover: the receiving service then sees nothing', async () => {
    const { referral, handover } = await requested('POST_RELEASE');
    expect((await read(ldnStaff, referral.id))?.id).toBe(referral.id);
    const r = await call(nwStaff, DISCHARGE, { id: referral.id });
    expect(r.code, r.message).toBe('OK');
    // The payload already shows the cancelled handover.
    expect(r.data!.dischargeReferral.referral.handovers[0].status).toBe('CANCELLED');
    await expectCancelledWith(referral.id, handover.id, 'referral.discharged');
    const seen = await receivingSees(referral.id, handover.id);
    expect(seen).toEqual({ referral: null, incoming: [], caseload: [], accept: 'INVALID_TRANSITION' });
  });

  it('discharging with an ACCEPTED handover cancels it too', async () => {
    const { referral, handover } = await accepted('PRE_RELEASE');
    expect((await call(nwStaff, DISCHARGE, { id: referral.id })).code).toBe('OK');
    await expectCancelledWith(referral.id, handover.id, 'referral.discharged');
    expect((await receivingSees(referral.id, handover.id)).referral).toBeNull();
  });

  it.each([
    ['declining', DECLINE_REFERRAL, 'referral.declined'],
    ['withdrawing (by the referrer)', WITHDRAW, 'referral.withdrawn'],
  ] as const)('%s a SUBMITTED referral with a transfer handover', async (_name, document, event) => {
    const referral = await seedOwned('SUBMITTED');
    const t = await call(nwStaff, TRANSFER, { id: referral.id });
    expect(t.code, t.message).toBe('OK');
    const handover = (t.data!.recordTransfer.referral.handovers as Loose[]).find(
      (h) => h.status === 'REQUESTED',
    )!;
    expect(handover.toService).toEqual({ code: 'RC-LDN' });
    const closer = document === WITHDRAW ? probation : nwStaff;
    const r = await call(closer, document, { id: referral.id });
    expect(r.code, r.message).toBe('OK');
    await expectCancelledWith(referral.id, handover.id, event);
    expect(await receivingSees(referral.id, handover.id)).toEqual({
      referral: null,
      incoming: [],
      caseload: [],
      accept: 'INVALID_TRANSITION',
    });
  });

  it('leaves a closed handover alone: discharging after a declined handover cancels nothing', async () => {
    const { referral, handover } = await requested('POST_RELEASE');
    expect((await call(ldnLead, DECLINE, { id: handover.id, reason: 'Not our area.' })).code).toBe('OK');
    expect((await call(nwStaff, DISCHARGE, { id: referral.id })).code).toBe('OK');
    const owner = (await read(nwStaff, referral.id))!;
    expect(owner.handovers.map((h: Loose) => h.status)).toEqual(['DECLINED']);
    expect(owner.history.filter((e: Loose) => e.type === 'handover.cancelled')).toEqual([]);
  });
});
