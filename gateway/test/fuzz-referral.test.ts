/**
 * Property-based fuzzing (fast-check) of submitReferral and the 13 referral lifecycle mutations
 * through the gateway: each corrupts one argument of a valid call at a time (wrong JSON types,
 * 100 kB strings, unicode, injection, impossible dates, invalid identifiers, unknown enums) and
 * must get a coded refusal with the database unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@reconnect/hub';
import { fuzzMutation, rawRows, startTestHub, type FuzzCase, type TestHub } from '@reconnect/hub/testing';

const SEED = 20261125;
const NUM_RUNS = 40;
const LEAD = { role: 'RECONNECT_LEAD', org: 'RC-NW' };
const SUBMITTED = 'd135b4eb-780a-58a4-a96f-5f2f8d4fd15c';
const PRE_RELEASE = 'afa351fd-78cb-55c6-9077-0e37ff357b02';
const POST_RELEASE = '5e56d195-13fa-5d08-b647-ef0fbb2c0d65';
const STAFF_ID = 'cb586c95-c9cd-58f1-a8f8-cd07dcbdfce8';
const REF = '{ referral { id version } }';

function cases(versions: Record<string, number>): FuzzCase[] {
  const v = (id: string) => versions[id]!;
  const expectedVersion = { path: 'expectedVersion', kind: 'int', nullable: true } as const;
  return [
    {
      mutation: 'submitReferral',
      caller: { role: 'REFERRER', org: 'PROB-NW' },
      query: `mutation ($input: SubmitReferralInput!, $key: String!) { submitReferral(input: $input, idempotencyKey: $key) { replayed } }`,
      variables: {
        key: 'fuzz-submit-0001',
        input: {
          source: 'PROBATION',
          referrer: { name: 'Jo Bloggs', organisationName: 'Probation NW', email: 'jo.bloggs@example.org' },
          person: {
            givenName: 'Alex',
            familyName: 'Fuzz',
            dateOfBirth: '1988-04-12',
            nhsNumber: '943 476 5919',
            prisonNumber: 'a1234bc',
            crn: 'X123456',
            pncId: '2012/0052834K',
            homeLocalAuthorityCode: 'E08000003',
          },
          custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-20' },
          identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Depression' }],
          reasonForReferral: 'Needs GP registration on release.',
        },
      },
      args: [
        { path: 'key', kind: 'text' },
        { path: 'input', kind: 'object' },
        { path: 'input.source', kind: 'enum' },
        { path: 'input.referrer', kind: 'object' },
        { path: 'input.referrer.name', kind: 'text' },
        { path: 'input.person.givenName', kind: 'text' },
        { path: 'input.person.dateOfBirth', kind: 'date' },
        { path: 'input.person.nhsNumber', kind: 'nhs', nullable: true },
        { path: 'input.person.prisonNumber', kind: 'prison', nullable: true },
        { path: 'input.person.crn', kind: 'crn', nullable: true },
        { path: 'input.person.pncId', kind: 'pnc', nullable: true },
        { path: 'input.person.homeLocalAuthorityCode', kind: 'code', nullable: true },
        { path: 'input.custody.type', kind: 'enum' },
        { path: 'input.custody.establishmentCode', kind: 'code' },
        { path: 'input.custody.expectedReleaseDate', kind: 'date', nullable: true },
        { path: 'input.identifiedNeeds', kind: 'list' },
        { path: 'input.reasonForReferral', kind: 'text', nullable: true },
      ],
    },
    {
      mutation: 'withdrawReferral',
      caller: LEAD,
      query: `mutation ($id: ID!, $reason: String!, $expectedVersion: Int) { withdrawReferral(id: $id, reason: $reason, expectedVersion: $expectedVersion) ${REF} }`,
      variables: { id: SUBMITTED, reason: 'Referred in error', expectedVersion: v(SUBMITTED) },
      args: [{ path: 'id', kind: 'id' }, { path: 'reason', kind: 'text' }, expectedVersion],
    },
    {
      mutation: 'recordConsent',
      caller: LEAD,
      query: `mutation ($id: ID!, $d: ConsentDecision!, $m: ContactMode!, $expectedVersion: Int) { recordConsent(referralId: $id, decision: $d, method: $m, expectedVersion: $expectedVersion) ${REF} }`,
      variables: { id: SUBMITTED, d: 'GIVEN', m: 'FACE_TO_FACE', expectedVersion: v(SUBMITTED) },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'd', kind: 'enum' },
        { path: 'm', kind: 'enum' },
        expectedVersion,
      ],
    },
    {
      mutation: 'acceptReferral',
      caller: LEAD,
      query: `mutation ($id: ID!, $expectedVersion: Int) { acceptReferral(id: $id, expectedVersion: $expectedVersion) ${REF} }`,
      variables: { id: SUBMITTED, expectedVersion: v(SUBMITTED) },
      args: [{ path: 'id', kind: 'id' }, expectedVersion],
    },
    {
      mutation: 'declineReferral',
      caller: LEAD,
      query: `mutation ($id: ID!, $r: DeclineReason!, $note: String, $expectedVersion: Int) { declineReferral(id: $id, reason: $r, note: $note, expectedVersion: $expectedVersion) ${REF} }`,
      variables: {
        id: SUBMITTED,
        r: 'OTHER',
        note: 'Supported by another team',
        expectedVersion: v(SUBMITTED),
      },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'r', kind: 'enum' },
        { path: 'note', kind: 'text', nullable: true },
        expectedVersion,
      ],
    },
    ...(['assignWorker', 'assignPeerSupport'] as const).map((mutation): FuzzCase => ({
      mutation,
      caller: LEAD,
      query: `mutation ($id: ID!, $staffId: ID!, $expectedVersion: Int) { ${mutation}(referralId: $id, staffId: $staffId, expectedVersion: $expectedVersion) ${REF} }`,
      variables: { id: PRE_RELEASE, staffId: STAFF_ID, expectedVersion: v(PRE_RELEASE) },
      args: [{ path: 'id', kind: 'id' }, { path: 'staffId', kind: 'id' }, expectedVersion],
    })),
    {
      mutation: 'recordContact',
      caller: LEAD,
      query: `mutation ($id: ID!, $input: ContactInput!) { recordContact(referralId: $id, input: $input) ${REF} }`,
      variables: {
        id: PRE_RELEASE,
        input: {
          occurredAt: '2026-11-24T10:30:00Z',
          mode: 'FACE_TO_FACE',
          purpose: 'RELEASE_PLANNING',
          staffId: STAFF_ID,
          note: 'Plan agreed',
        },
      },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'input', kind: 'object' },
        { path: 'input.occurredAt', kind: 'dateTime' },
        { path: 'input.mode', kind: 'enum' },
        { path: 'input.purpose', kind: 'enum' },
        { path: 'input.staffId', kind: 'id', nullable: true },
        { path: 'input.note', kind: 'text', nullable: true },
      ],
    },
    {
      mutation: 'updateExpectedReleaseDate',
      caller: LEAD,
      query: `mutation ($id: ID!, $date: Date!, $reason: String!, $expectedVersion: Int) { updateExpectedReleaseDate(referralId: $id, expectedReleaseDate: $date, reason: $reason, expectedVersion: $expectedVersion) ${REF} }`,
      variables: {
        id: PRE_RELEASE,
        date: '2027-02-01',
        reason: 'Parole decision',
        expectedVersion: v(PRE_RELEASE),
      },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'date', kind: 'date' },
        { path: 'reason', kind: 'text' },
        expectedVersion,
      ],
    },
    {
      mutation: 'recordRelease',
      caller: LEAD,
      query: `mutation ($id: ID!, $on: Date!, $expectedVersion: Int) { recordRelease(referralId: $id, releasedOn: $on, expectedVersion: $expectedVersion) ${REF} }`,
      variables: { id: PRE_RELEASE, on: '2026-11-24', expectedVersion: v(PRE_RELEASE) },
      args: [{ path: 'id', kind: 'id' }, { path: 'on', kind: 'date' }, expectedVersion],
    },
    {
      mutation: 'recordReturnToCustody',
      caller: LEAD,
      query: `mutation ($id: ID!, $code: String!, $date: Date, $expectedVersion: Int) { recordReturnToCustody(referralId: $id, establishmentCode: $code, expectedReleaseDate: $date, expectedVersion: $expectedVersion) ${REF} }`,
      variables: { id: POST_RELEASE, code: 'MRI', date: '2027-06-01', expectedVersion: v(POST_RELEASE) },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'code', kind: 'code' },
        { path: 'date', kind: 'date', nullable: true },
        expectedVersion,
      ],
    },
    {
      mutation: 'recordEngagement',
      caller: LEAD,
      query: `mutation ($id: ID!, $input: EngagementInput!) { recordEngagement(referralId: $id, input: $input) ${REF} }`,
      variables: {
        id: POST_RELEASE,
        input: {
          serviceType: 'GP_REGISTRATION',
          providerName: 'Hope Street Surgery',
          appointmentOn: '2026-11-20',
          outcome: 'ATTENDED',
        },
      },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'input', kind: 'object' },
        { path: 'input.serviceType', kind: 'enum' },
        { path: 'input.providerName', kind: 'text' },
        { path: 'input.appointmentOn', kind: 'date', nullable: true },
        { path: 'input.outcome', kind: 'enum' },
      ],
    },
    {
      mutation: 'extendSupport',
      caller: LEAD,
      query: `mutation ($id: ID!, $until: Date!, $reason: String!, $expectedVersion: Int) { extendSupport(referralId: $id, until: $until, reason: $reason, expectedVersion: $expectedVersion) ${REF} }`,
      variables: {
        id: POST_RELEASE,
        until: '2027-12-31',
        reason: 'Awaiting assessment',
        expectedVersion: v(POST_RELEASE),
      },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'until', kind: 'date' },
        { path: 'reason', kind: 'text' },
        expectedVersion,
      ],
    },
    {
      mutation: 'dischargeReferral',
      caller: LEAD,
      query: `mutation ($id: ID!, $r: DischargeReason!, $note: String, $expectedVersion: Int) { dischargeReferral(referralId: $id, reason: $r, note: $note, expectedVersion: $expectedVersion) ${REF} }`,
      variables: {
        id: POST_RELEASE,
        r: 'NEEDS_MET',
        note: 'Registered with a GP',
        expectedVersion: v(POST_RELEASE),
      },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'r', kind: 'enum' },
        { path: 'note', kind: 'text', nullable: true },
        expectedVersion,
      ],
    },
  ];
}

describe('fuzzing the referral mutations', () => {
  let hub: TestHub;
  let table: FuzzCase[];
  let total = 0;
  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set('2026-11-25T10:00:00Z');
    await seedDemoData(hub.database.handle.db, hub.clock);
    const rows = await rawRows<{ id: string; version: number }>(
      hub.database.handle.db,
      `select id, version from referral.referrals where id in ('${SUBMITTED}', '${PRE_RELEASE}', '${POST_RELEASE}')`,
    );
    table = cases(Object.fromEntries(rows.map((r) => [r.id, Number(r.version)])));
  }, 60_000);
  afterAll(async () => {
    console.log(`fuzz-referral: ${total} corrupted mutation calls sent`);
    await hub?.stop();
  });

  it('covers submitReferral and the 13 lifecycle mutations', () => {
    expect(table.map((c) => c.mutation)).toHaveLength(14);
  });

  for (const name of [
    'submitReferral',
    'withdrawReferral',
    'recordConsent',
    'acceptReferral',
    'declineReferral',
    'assignWorker',
    'assignPeerSupport',
    'recordContact',
    'updateExpectedReleaseDate',
    'recordRelease',
    'recordReturnToCustody',
    'recordEngagement',
    'extendSupport',
    'dischargeReferral',
  ]) {
    it(`${name} refuses every corrupted argument and changes nothing`, async () => {
      const fuzzCase = table.find((c) => c.mutation === name)!;
      total += await fuzzMutation(hub, fuzzCase, { numRuns: NUM_RUNS, seed: SEED });
    }, 60_000);
  }
});
