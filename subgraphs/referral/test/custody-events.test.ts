/**
 * `applyCustodyEvent` through the gateway (DOMAIN.md, "Custody events from HMPPS"; contract/next/
 * custody-events.md): every row of the table that changes a referral, applied through the staff
 * operations' write paths (history, audit and the webhook outbox as theirs) and attributed to the
 * client; a repeated message id (ALREADY_APPLIED, nothing twice); an older event after a newer one
 * (STALE); people with no open referral and establishments outside England (IGNORED, nothing
 * stored); a change the rules refuse (IGNORED with a history note, nothing half-applied); MERGED
 * through the person subgraph (the kept number replaces the removed one; two people: an identity
 * conflict); bad input (BAD_USER_INPUT and the path); and that only HMPPS_EVENTS may call it, and
 * that it reads nothing else.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '@reconnect/events';
import {
  randomPrisonNumber,
  seedGrant,
  seedPerson,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';
import { people, identityConflicts } from '../../person/src/db/schema.ts';
import { custodyEvents } from '../src/db/schema.ts';
import {
  auditOf,
  callersOf,
  historyOf,
  outcome,
  rowOf,
  seedIn,
  snapshot,
  startLifecycleHub,
  type Callers,
  type Loose,
  type State,
} from './lifecycle-harness.ts';

const APPLY = /* GraphQL */ `
  mutation ($event: CustodyEventInput!) {
    applyCustodyEvent(event: $event) {
      outcome
      referralId
    }
  }
`;

let hub: TestHub;
let as: Callers;
let hmpps: HubClientForTests;

beforeAll(async () => {
  hub = await startLifecycleHub();
  as = await callersOf(hub);
  hmpps = await hub.as('HMPPS_EVENTS', { sub: 'hmpps-events-connector' });
});
afterAll(async () => {
  await hub?.stop();
});

const db = () => hub.database.handle.db;

/** A person with a prison number and a referral in `state` (RC-NW owns it, PROB-NW referred). */
async function seedCase(state: State, overrides: Loose = {}) {
  const person = await seedPerson(db(), { prisonNumber: randomPrisonNumber() });
  const referral = await seedIn(hub, state, { overrides: { personId: person.id, ...overrides }, grants: [] });
  for (const [organisationCode, relationship] of [
    ['RC-NW', 'OWNING_SERVICE'],
    ['PROB-NW', 'REFERRER'],
  ] as const) {
    await seedGrant(db(), {
      organisationCode,
      relationship,
      personId: person.id,
      referralId: referral.id,
      validFrom: new Date('2020-01-01T00:00:00Z'),
    });
  }
  return { person, referral, prisonNumber: person.prisonNumber! };
}

const event = (prisonNumber: string, e: Loose) => ({
  messageId: randomUUID(),
  occurredAt: '2026-11-25T09:15:00Z',
  prisonNumber,
  ...e,
});

async function apply(e: Loose, client = hmpps) {
  const response = await client.query<Loose>(APPLY, { event: e });
  return { response, result: response.body.data?.applyCustodyEvent as Loose | undefined };
}

async function applied(e: Loose) {
  const { response, result } = await apply(e);
  expect(response.body.errors).toBeUndefined();
  return result!;
}

const CLIENT_ACTOR = 'hmpps-events-connector';

describe('the table, through the staff write paths', () => {
  it.each([
    [
      'RELEASED (RELEASED) on PRE_RELEASE: recordRelease on the London date',
      'PRE_RELEASE' as State,
      // 00:30 on 25 November UTC is 00:30 in London (GMT): the release is on the 25th.
      { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'MRI', occurredAt: '2026-11-25T00:30:00Z' },
      'RELEASE_RECORDED',
      { status: 'POST_RELEASE', releasedOn: '2026-11-25', version: 2 },
      'referral.released',
    ],
    [
      'RELEASED (RELEASED) on SUBMITTED: releasedOn set, status kept',
      'SUBMITTED' as State,
      { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'MRI' },
      'RELEASE_RECORDED',
      { status: 'SUBMITTED', releasedOn: '2026-11-25', version: 2 },
      'referral.release-reported',
    ],
    [
      'RELEASED (TEMPORARY_ABSENCE_RELEASE): temporary licence began',
      'PRE_RELEASE' as State,
      { type: 'RELEASED', reason: 'TEMPORARY_ABSENCE_RELEASE', establishmentCode: 'MRI' },
      'TEMPORARY_LICENCE_STARTED',
      { status: 'PRE_RELEASE', onTemporaryLicence: true, releasedOn: null },
      'referral.temporary-licence-started',
    ],
    [
      'RECEIVED (ADMISSION) on POST_RELEASE: recordReturnToCustody at the establishment',
      'POST_RELEASE' as State,
      { type: 'RECEIVED', reason: 'ADMISSION', establishmentCode: 'fbi' },
      'RETURN_TO_CUSTODY_RECORDED',
      { status: 'PRE_RELEASE', establishmentCode: 'FBI', releasedOn: null, expectedReleaseDate: null },
      'referral.returned-to-custody',
    ],
    [
      'RECEIVED (TRANSFERRED): recordTransfer to the establishment',
      'SUBMITTED' as State,
      { type: 'RECEIVED', reason: 'TRANSFERRED', establishmentCode: 'FBI' },
      'TRANSFER_RECORDED',
      { status: 'SUBMITTED', establishmentCode: 'FBI' },
      'referral.transferred',
    ],
    [
      'RELEASE_DATE_CHANGED on SUBMITTED: the expected release date',
      'SUBMITTED' as State,
      { type: 'RELEASE_DATE_CHANGED', expectedReleaseDate: '2027-03-01' },
      'RELEASE_DATE_UPDATED',
      { status: 'SUBMITTED', expectedReleaseDate: '2027-03-01' },
      'referral.expected-release-date-updated',
    ],
  ])('%s', async (_label, state, input, expectedOutcome, row, historyType) => {
    const { referral, prisonNumber } = await seedCase(state, { expectedReleaseDate: '2027-01-15' });
    const result = await applied(event(prisonNumber, input));
    expect(result).toEqual({ outcome: expectedOutcome, referralId: referral.id });
    expect(await rowOf(hub, referral.id)).toMatchObject(row);
    const history = await historyOf(hub, referral.id);
    expect(history.map((h) => h.type)).toEqual([historyType]);
    expect(history[0]!.actor).toBe(CLIENT_ACTOR);
    const audit = await auditOf(hub, referral.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: historyType, actorSubject: CLIENT_ACTOR, outcome: 'SUCCESS' });
    const [stored] = await db().select().from(custodyEvents).where(eq(custodyEvents.referralId, referral.id));
    expect(stored).toMatchObject({ outcome: expectedOutcome, type: input.type });
  });

  it('RELEASE_DATE_CHANGED gives the reason "HMPPS sentence dates"', async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    await applied(event(prisonNumber, { type: 'RELEASE_DATE_CHANGED', expectedReleaseDate: '2027-02-20' }));
    expect((await historyOf(hub, referral.id))[0]!.reason).toBe(
      '2027-01-15 to 2027-02-20: HMPPS sentence dates',
    );
  });

  it('RECEIVED (TEMPORARY_ABSENCE_RETURN) ends a temporary licence, and only one', async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE', { onTemporaryLicence: true });
    const back = event(prisonNumber, {
      type: 'RECEIVED',
      reason: 'TEMPORARY_ABSENCE_RETURN',
      establishmentCode: 'MRI',
    });
    expect(await applied(back)).toEqual({ outcome: 'TEMPORARY_LICENCE_ENDED', referralId: referral.id });
    expect((await rowOf(hub, referral.id)).onTemporaryLicence).toBe(false);
    // Not on licence any more: the table applies nothing (a note says so).
    const again = await applied({ ...back, messageId: randomUUID(), occurredAt: '2026-11-25T09:30:00Z' });
    expect(again).toEqual({ outcome: 'IGNORED', referralId: referral.id });
  });

  it("a transfer to another service's prison requests the handover, and referral.released reaches the outbox", async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    await applied(
      event(prisonNumber, {
        type: 'RECEIVED',
        reason: 'TRANSFERRED',
        establishmentCode: 'LEI',
        occurredAt: '2026-11-25T08:00:00Z',
      }),
    );
    const { body } = await as.staff.query<Loose>(
      `query ($id: ID!) { referral(id: $id) { custody { establishment { code } } handovers { status toService { code } } } }`,
      { id: referral.id },
    );
    expect(body.data!.referral).toEqual({
      custody: { establishment: { code: 'LEI' } },
      handovers: [{ status: 'REQUESTED', toService: { code: 'RC-NEY' } }],
    });
    await applied(event(prisonNumber, { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'LEI' }));
    const events = await db().select().from(outbox).where(eq(outbox.referralId, referral.id));
    expect(events.map((e) => e.type).sort()).toEqual([
      'handover.requested',
      'referral.released',
      'referral.transferred',
    ]);
  });

  it('asks the directory about the establishment once per event, though two steps need it', async () => {
    const { prisonNumber } = await seedCase('SUBMITTED');
    const asked: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (body.includes('on Establishment')) asked.push(String(input));
      return realFetch(input, init);
    });
    try {
      const result = await applied(
        event(prisonNumber, { type: 'RECEIVED', reason: 'TRANSFERRED', establishmentCode: 'FBI' }),
      );
      expect(result.outcome).toBe('TRANSFER_RECORDED');
    } finally {
      spy.mockRestore();
    }
    // In England (the event's check) and its type and local service (the transfer's): one question.
    expect(asked).toEqual([hub.subgraphUrls['regional-service']]);
  });

  it('attributes the change to the client in the history that staff read', async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    await applied(event(prisonNumber, { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'MRI' }));
    const { body } = await as.staff.query<Loose>(
      `query ($id: ID!) { referral(id: $id) { status custody { releasedOn } history { type actor } } }`,
      { id: referral.id },
    );
    expect(body.data!.referral).toEqual({
      status: 'POST_RELEASE',
      custody: { releasedOn: '2026-11-25' },
      history: [{ type: 'referral.released', actor: CLIENT_ACTOR }],
    });
  });
});

describe('once per message, in order', () => {
  it('applies a message id once: a repeat is ALREADY_APPLIED and changes nothing', async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    const released = event(prisonNumber, { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'MRI' });
    expect((await applied(released)).outcome).toBe('RELEASE_RECORDED');
    const before = await snapshot(hub, referral.id);
    expect(await applied(released)).toEqual({ outcome: 'ALREADY_APPLIED', referralId: referral.id });
    // The same id with any other content is still the same message.
    expect(await applied({ ...released, type: 'RECEIVED', reason: 'ADMISSION' })).toEqual({
      outcome: 'ALREADY_APPLIED',
      referralId: referral.id,
    });
    expect(await snapshot(hub, referral.id)).toEqual(before);
  });

  it('a message sent five times at once is applied once', async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    const released = event(prisonNumber, { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'MRI' });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => applied(released)));
    expect(results.map((r) => r.outcome).sort()).toEqual([
      'ALREADY_APPLIED',
      'ALREADY_APPLIED',
      'ALREADY_APPLIED',
      'ALREADY_APPLIED',
      'RELEASE_RECORDED',
    ]);
    expect(await historyOf(hub, referral.id)).toHaveLength(1);
    expect((await rowOf(hub, referral.id)).version).toBe(2);
  });

  it('an event older than the last one applied to the person is STALE', async () => {
    const { referral, prisonNumber } = await seedCase('POST_RELEASE');
    // The admission at 09:00 arrives first; the release at 08:00 (before it) arrives after.
    const admitted = event(prisonNumber, {
      type: 'RECEIVED',
      reason: 'ADMISSION',
      establishmentCode: 'MRI',
      occurredAt: '2026-11-25T09:00:00Z',
    });
    expect((await applied(admitted)).outcome).toBe('RETURN_TO_CUSTODY_RECORDED');
    const before = await snapshot(hub, referral.id);
    const released = event(prisonNumber, {
      type: 'RELEASED',
      reason: 'RELEASED',
      establishmentCode: 'MRI',
      occurredAt: '2026-11-25T08:00:00Z',
    });
    expect(await applied(released)).toEqual({ outcome: 'STALE', referralId: referral.id });
    expect(await snapshot(hub, referral.id)).toEqual(before);
    expect((await rowOf(hub, referral.id)).status).toBe('PRE_RELEASE');
  });
});

describe('nothing kept, or nothing half-applied', () => {
  it('IGNORED and nothing stored for a prison number nobody holds, or no open referral', async () => {
    const unknown = event(randomPrisonNumber(), {
      type: 'RELEASED',
      reason: 'RELEASED',
      establishmentCode: 'MRI',
    });
    expect(await applied(unknown)).toEqual({ outcome: 'IGNORED', referralId: null });
    const { referral, prisonNumber } = await seedCase('DISCHARGED');
    const before = await snapshot(hub, referral.id);
    const closed = event(prisonNumber, { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'MRI' });
    expect(await applied(closed)).toEqual({ outcome: 'IGNORED', referralId: null });
    expect(await snapshot(hub, referral.id)).toEqual(before);
    for (const id of [unknown.messageId, closed.messageId]) {
      expect(await db().select().from(custodyEvents).where(eq(custodyEvents.messageId, id))).toEqual([]);
    }
  });

  it('IGNORED and nothing stored for an establishment that is not in England', async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    const before = await snapshot(hub, referral.id);
    // Cardiff (HMP) is in Wales.
    const wales = event(prisonNumber, { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'CFI' });
    expect(await applied(wales)).toEqual({ outcome: 'IGNORED', referralId: null });
    expect(await snapshot(hub, referral.id)).toEqual(before);
    expect(
      await db().select().from(custodyEvents).where(eq(custodyEvents.messageId, wales.messageId)),
    ).toEqual([]);
  });

  it.each([
    [
      'an event the table does not apply',
      { type: 'RELEASED', reason: 'RELEASED_TO_HOSPITAL', establishmentCode: 'MRI' },
      /staff decide/,
    ],
    [
      'a release date in the past',
      { type: 'RELEASE_DATE_CHANGED', expectedReleaseDate: '2026-11-01' },
      /may not be in the past/,
    ],
    [
      'a temporary licence already running',
      { type: 'RELEASED', reason: 'TEMPORARY_ABSENCE_RELEASE', establishmentCode: 'MRI' },
      /already on temporary licence/,
    ],
  ])('IGNORED with a history note for %s, the referral unchanged', async (_label, input, note) => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE', { onTemporaryLicence: true });
    const before = await rowOf(hub, referral.id);
    const e = event(prisonNumber, input);
    expect(await applied(e)).toEqual({ outcome: 'IGNORED', referralId: referral.id });
    expect(await rowOf(hub, referral.id)).toEqual(before);
    const history = await historyOf(hub, referral.id);
    expect(history.map((h) => h.type)).toEqual(['referral.custody-event-ignored']);
    expect(history[0]!.reason).toMatch(note);
    expect(history[0]!.actor).toBe(CLIENT_ACTOR);
    expect((await auditOf(hub, referral.id)).map((a) => a.action)).toEqual([
      'referral.custody-event-ignored',
    ]);
    expect(await applied(e)).toEqual({ outcome: 'ALREADY_APPLIED', referralId: referral.id });
    expect(await historyOf(hub, referral.id)).toHaveLength(1);
  });
});

describe('MERGED, through the person subgraph', () => {
  it('the kept number replaces the removed one on the person', async () => {
    const { person, referral, prisonNumber: removed } = await seedCase('PRE_RELEASE');
    const kept = randomPrisonNumber();
    const merged = event(kept, { type: 'MERGED', removedPrisonNumber: removed });
    expect(await applied(merged)).toEqual({ outcome: 'PRISON_NUMBER_MERGED', referralId: referral.id });
    const [row] = await db().select().from(people).where(eq(people.id, person.id));
    expect(row!.prisonNumber).toBe(kept);
    // Events with the kept number now find the person.
    const released = event(kept, { type: 'RELEASED', reason: 'RELEASED', establishmentCode: 'MRI' });
    expect((await applied(released)).outcome).toBe('RELEASE_RECORDED');
    expect(await applied(merged)).toEqual({ outcome: 'ALREADY_APPLIED', referralId: referral.id });
  });

  it('two people holding the two numbers: an identity conflict, never a merge', async () => {
    const { person, referral, prisonNumber: removed } = await seedCase('PRE_RELEASE');
    const other = await seedPerson(db(), { prisonNumber: randomPrisonNumber() });
    const merged = event(other.prisonNumber!, { type: 'MERGED', removedPrisonNumber: removed });
    expect(await applied(merged)).toEqual({ outcome: 'IDENTITY_CONFLICT_RECORDED', referralId: referral.id });
    const [mine] = await db().select().from(people).where(eq(people.id, person.id));
    const [theirs] = await db().select().from(people).where(eq(people.id, other.id));
    expect([mine!.prisonNumber, theirs!.prisonNumber]).toEqual([removed, other.prisonNumber]);
    const conflicts = await db()
      .select()
      .from(identityConflicts)
      .where(eq(identityConflicts.personId, person.id));
    expect(conflicts).toEqual([
      expect.objectContaining({ otherPersonId: other.id, identifierKind: 'PRISON_NUMBER', resolvedAt: null }),
    ]);
    // A second message about the same merge records no second conflict.
    await applied({ ...merged, messageId: randomUUID() });
    expect(
      await db().select().from(identityConflicts).where(eq(identityConflicts.personId, person.id)),
    ).toHaveLength(1);
  });

  it('IGNORED when nobody holds either number', async () => {
    expect(
      await applied(
        event(randomPrisonNumber(), { type: 'MERGED', removedPrisonNumber: randomPrisonNumber() }),
      ),
    ).toEqual({ outcome: 'IGNORED', referralId: null });
  });
});

describe('bad input and callers', () => {
  it.each([
    [
      'a prison number of the wrong format',
      { type: 'RELEASED', reason: 'RELEASED', prisonNumber: '12345' },
      'event.prisonNumber',
    ],
    ['a MERGED event without the removed number', { type: 'MERGED' }, 'event.removedPrisonNumber'],
    [
      'an admission with no establishment',
      { type: 'RECEIVED', reason: 'ADMISSION' },
      'event.establishmentCode',
    ],
    [
      'an event in the future',
      { type: 'RELEASED', reason: 'RELEASED', occurredAt: '2026-11-26T10:00:00Z' },
      'event.occurredAt',
    ],
    ['a blank message id', { type: 'RELEASED', reason: 'RELEASED', messageId: ' ' }, 'event.messageId'],
  ])('refuses %s with BAD_USER_INPUT on %s, and stores nothing', async (_label, input, field) => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    const before = await snapshot(hub, referral.id);
    const { response } = await apply(event(prisonNumber, input));
    expect(outcome(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot(hub, referral.id)).toEqual(before);
  });

  it('is FORBIDDEN to every other role', async () => {
    const { referral, prisonNumber } = await seedCase('PRE_RELEASE');
    const before = await snapshot(hub, referral.id);
    const others = [
      as.staff,
      as.lead,
      as.referrer,
      await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' }),
      await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' }),
      await hub.as('COMMISSIONER', { org: 'NHSE' }),
    ];
    for (const client of others) {
      const { response } = await apply(event(prisonNumber, { type: 'RELEASED', reason: 'RELEASED' }), client);
      expect(outcome(response).code).toBe('FORBIDDEN');
    }
    expect(await snapshot(hub, referral.id)).toEqual(before);
  });

  it('the HMPPS events client reads nothing and may change nothing else', async () => {
    const { referral } = await seedCase('PRE_RELEASE');
    const denied = [
      `{ me { subject } }`,
      `{ reconnectServices { code } }`,
      `{ establishment(code: "MRI") { code } }`,
      `{ referrals { totalCount } }`,
      `{ handovers(direction: INCOMING) { totalCount } }`,
      `{ serviceMetrics(from: "2026-01-01", to: "2026-11-25") { referralsReceived } }`,
      `{ partnerOrganisations { code } }`,
      `{ enhancedCases { totalCount } }`,
      `{ webhooks { id } }`,
      `query ($id: ID!) { referral(id: $id) { id } }`,
      `query ($id: ID!) { person(id: $id) { id } }`,
      `mutation ($id: ID!) { recordRelease(referralId: $id, releasedOn: "2026-11-25") { referral { id } } }`,
      `mutation ($id: ID!) { recordTransfer(referralId: $id, establishmentCode: "FBI", transferredOn: "2026-11-25") { referral { id } } }`,
    ];
    for (const query of denied) {
      const response = await hmpps.query<Loose>(query, { id: referral.id });
      expect(outcome(response).code, query).toBe('FORBIDDEN');
    }
  });
});
