/**
 * Shared set-up for the lifecycle tests: the whole hub on a fresh database with its clock at
 * 2026-11-25, referrals seeded straight into any state (each test owns its own), every lifecycle
 * mutation with a valid input for the seeded states, and readers for a referral's row, history and
 * audit events.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { auditEvents } from '@reconnect/audit';
import type { Relationship } from '@reconnect/access';
import * as referralTables from '../src/db/schema.ts';
import {
  seedGrant,
  seedReferral,
  stableUuid,
  startTestHub,
  type GraphqlResponse,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';

// Test code reads results by path: the loose type is deliberate.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export const TODAY = '2026-11-25';
export const NOW = `${TODAY}T10:00:00Z`;
export const SUBMITTED_AT = new Date('2026-11-20T10:00:00Z');
/** Grants start long before any date the tests set the clock to. */
const GRANTS_FROM = new Date('2020-01-01T00:00:00Z');

/** Demo staff (regional-service seed): 0 team lead, 1–3 workers, 4–5 peer support, 6 has left. */
export const staffOf = (service: string, index: number) => stableUuid(`staff:${service}:${index}`);
export const NW_LEAD = staffOf('RC-NW', 0);
export const NW_WORKER = staffOf('RC-NW', 1);
export const NW_PEER = staffOf('RC-NW', 4);
export const NW_LEFT = staffOf('RC-NW', 6);
export const NEY_WORKER = staffOf('RC-NEY', 1);

const consent = {
  consentDecision: 'GIVEN' as const,
  consentMethod: 'FACE_TO_FACE' as const,
  consentRecordedAt: new Date('2026-11-21T10:00:00Z'),
  consentRecordedBy: 'seed',
};

/** Seeded states; the canonical inputs of OPS are valid for each state their operation allows. */
export const STATES = {
  SUBMITTED: { status: 'SUBMITTED' },
  SUBMITTED_CONSENTED: { status: 'SUBMITTED', ...consent },
  PRE_RELEASE: {
    status: 'PRE_RELEASE',
    ...consent,
    expectedReleaseDate: '2027-01-15',
    namedWorkerId: NW_WORKER,
  },
  POST_RELEASE: {
    status: 'POST_RELEASE',
    ...consent,
    expectedReleaseDate: '2026-11-22',
    releasedOn: '2026-11-22',
    namedWorkerId: NW_WORKER,
  },
  DECLINED: { status: 'DECLINED', declineReason: 'OTHER', declinedAt: new Date('2026-11-21T10:00:00Z') },
  WITHDRAWN: { status: 'WITHDRAWN' },
  DISCHARGED: {
    status: 'DISCHARGED',
    ...consent,
    releasedOn: '2026-11-22',
    dischargeReason: 'NEEDS_MET',
    dischargedAt: new Date('2026-11-24T10:00:00Z'),
  },
} as const;
export type State = keyof typeof STATES;
export const STATE_NAMES = Object.keys(STATES) as State[];

type NewReferral = typeof referralTables.referrals.$inferInsert;
export type ReferralRow = typeof referralTables.referrals.$inferSelect;

export interface SeedOptions {
  overrides?: Partial<NewReferral>;
  /** Grants on the referral; by default RC-NW owns it and PROB-NW referred it. */
  grants?: [string, Relationship][];
}

export const DEFAULT_GRANTS: [string, Relationship][] = [
  ['RC-NW', 'OWNING_SERVICE'],
  ['PROB-NW', 'REFERRER'],
];

export async function seedIn(hub: TestHub, state: State, options: SeedOptions = {}): Promise<ReferralRow> {
  const db = hub.database.handle.db;
  const personId = randomUUID();
  const row = await seedReferral(db, {
    personId,
    submittedAt: SUBMITTED_AT,
    ...(STATES[state] as Partial<NewReferral>),
    ...options.overrides,
  });
  for (const [organisationCode, relationship] of options.grants ?? DEFAULT_GRANTS) {
    await seedGrant(db, {
      organisationCode,
      relationship,
      personId,
      referralId: row.id,
      validFrom: GRANTS_FROM,
    });
  }
  return row;
}

export const PAYLOAD = /* GraphQL */ `referral { id status version }`;

export interface OpCase {
  mutation: string;
  /** The ReferralAction that advertises it (assignPeerSupport goes with ASSIGN_WORKER). */
  action: string;
  /** The statuses DOMAIN.md allows it in. */
  allowedIn: string[];
  /** The seeded state its happy path starts from. */
  from: State;
  event: string;
  document: string;
  variables: (id: string) => Loose;
}

const m = (signature: string, call: string) => `mutation (${signature}) { ${call} { ${PAYLOAD} } }`;

export const OPS: OpCase[] = [
  {
    mutation: 'withdrawReferral',
    action: 'WITHDRAW',
    allowedIn: ['SUBMITTED'],
    from: 'SUBMITTED',
    event: 'referral.withdrawn',
    document: m(
      '$id: ID!, $reason: String!, $v: Int',
      'withdrawReferral(id: $id, reason: $reason, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, reason: 'The person has moved to Scotland.' }),
  },
  {
    mutation: 'recordConsent',
    action: 'RECORD_CONSENT',
    allowedIn: ['SUBMITTED'],
    from: 'SUBMITTED',
    event: 'referral.consent-recorded',
    document: m(
      '$id: ID!, $d: ConsentDecision!, $m: ContactMode!, $v: Int',
      'recordConsent(referralId: $id, decision: $d, method: $m, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, d: 'GIVEN', m: 'VIDEO' }),
  },
  {
    mutation: 'acceptReferral',
    action: 'ACCEPT',
    allowedIn: ['SUBMITTED'],
    from: 'SUBMITTED_CONSENTED',
    event: 'referral.accepted',
    document: m('$id: ID!, $v: Int', 'acceptReferral(id: $id, expectedVersion: $v)'),
    variables: (id) => ({ id }),
  },
  {
    mutation: 'declineReferral',
    action: 'DECLINE',
    allowedIn: ['SUBMITTED'],
    from: 'SUBMITTED',
    event: 'referral.declined',
    document: m(
      '$id: ID!, $r: DeclineReason!, $note: String, $v: Int',
      'declineReferral(id: $id, reason: $r, note: $note, expectedVersion: $v)',
    ),
    variables: (id) => ({
      id,
      r: 'SUPPORTED_ELSEWHERE',
      note: 'Already supported by the community mental health team.',
    }),
  },
  {
    mutation: 'assignWorker',
    action: 'ASSIGN_WORKER',
    allowedIn: ['PRE_RELEASE', 'POST_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.worker-assigned',
    document: m(
      '$id: ID!, $staffId: ID!, $v: Int',
      'assignWorker(referralId: $id, staffId: $staffId, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, staffId: staffOf('RC-NW', 2) }),
  },
  {
    mutation: 'assignPeerSupport',
    action: 'ASSIGN_WORKER',
    allowedIn: ['PRE_RELEASE', 'POST_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.peer-support-assigned',
    document: m(
      '$id: ID!, $staffId: ID!, $v: Int',
      'assignPeerSupport(referralId: $id, staffId: $staffId, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, staffId: NW_PEER }),
  },
  {
    mutation: 'recordContact',
    action: 'RECORD_CONTACT',
    allowedIn: ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.contact-recorded',
    document: m('$id: ID!, $input: ContactInput!', 'recordContact(referralId: $id, input: $input)'),
    variables: (id) => ({
      id,
      input: {
        occurredAt: '2026-11-24T10:00:00Z',
        mode: 'FACE_TO_FACE',
        purpose: 'ASSESSMENT',
        staffId: NW_WORKER,
        note: 'Met on the wing.',
      },
    }),
  },
  {
    mutation: 'updateExpectedReleaseDate',
    action: 'UPDATE_EXPECTED_RELEASE_DATE',
    allowedIn: ['PRE_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.expected-release-date-updated',
    document: m(
      '$id: ID!, $date: Date!, $reason: String!, $v: Int',
      'updateExpectedReleaseDate(referralId: $id, expectedReleaseDate: $date, reason: $reason, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, date: '2027-02-01', reason: 'Parole hearing adjourned.' }),
  },
  {
    mutation: 'recordRelease',
    action: 'RECORD_RELEASE',
    allowedIn: ['PRE_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.released',
    document: m(
      '$id: ID!, $on: Date!, $v: Int',
      'recordRelease(referralId: $id, releasedOn: $on, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, on: '2026-11-24' }),
  },
  {
    mutation: 'recordReturnToCustody',
    action: 'RECORD_RETURN_TO_CUSTODY',
    allowedIn: ['POST_RELEASE'],
    from: 'POST_RELEASE',
    event: 'referral.returned-to-custody',
    document: m(
      '$id: ID!, $code: String!, $date: Date, $v: Int',
      'recordReturnToCustody(referralId: $id, establishmentCode: $code, expectedReleaseDate: $date, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, code: 'FBI', date: '2027-03-01' }),
  },
  {
    mutation: 'recordTransfer',
    action: 'RECORD_TRANSFER',
    allowedIn: ['SUBMITTED', 'PRE_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.transferred',
    document: m(
      '$id: ID!, $code: String!, $on: Date!, $v: Int',
      'recordTransfer(referralId: $id, establishmentCode: $code, transferredOn: $on, expectedVersion: $v)',
    ),
    // Forest Bank is in the owning service's (RC-NW's) area: no handover.
    variables: (id) => ({ id, code: 'FBI', on: '2026-11-24' }),
  },
  {
    mutation: 'recordTemporaryLicence',
    action: 'RECORD_TEMPORARY_LICENCE',
    allowedIn: ['SUBMITTED', 'PRE_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.temporary-licence-started',
    document: m(
      '$id: ID!, $rotl: Boolean!, $v: Int',
      'recordTemporaryLicence(referralId: $id, onTemporaryLicence: $rotl, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, rotl: true }),
  },
  {
    mutation: 'recordEngagement',
    action: 'RECORD_ENGAGEMENT',
    allowedIn: ['PRE_RELEASE', 'POST_RELEASE'],
    from: 'POST_RELEASE',
    event: 'referral.engagement-recorded',
    document: m('$id: ID!, $input: EngagementInput!', 'recordEngagement(referralId: $id, input: $input)'),
    variables: (id) => ({
      id,
      input: {
        serviceType: 'GP_REGISTRATION',
        providerName: 'Ardwick Medical Practice',
        appointmentOn: '2026-11-24',
        outcome: 'ATTENDED',
      },
    }),
  },
  {
    mutation: 'extendSupport',
    action: 'EXTEND_SUPPORT',
    allowedIn: ['POST_RELEASE'],
    from: 'POST_RELEASE',
    event: 'referral.support-extended',
    document: m(
      '$id: ID!, $until: Date!, $reason: String!, $v: Int',
      'extendSupport(referralId: $id, until: $until, reason: $reason, expectedVersion: $v)',
    ),
    variables: (id) => ({ id, until: '2027-08-22', reason: 'Awaiting a mental health assessment.' }),
  },
  {
    mutation: 'dischargeReferral',
    action: 'DISCHARGE',
    allowedIn: ['PRE_RELEASE', 'POST_RELEASE'],
    from: 'POST_RELEASE',
    event: 'referral.discharged',
    document: m(
      '$id: ID!, $r: DischargeReason!, $note: String, $v: Int',
      'dischargeReferral(referralId: $id, reason: $r, note: $note, expectedVersion: $v)',
    ),
    variables: (id) => ({
      id,
      r: 'ENGAGED_WITH_COMMUNITY_SERVICES',
      note: 'Registered with a GP and attending.',
    }),
  },
  {
    mutation: 'addCaseNote',
    action: 'ADD_NOTE',
    allowedIn: ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.note-added',
    document: m('$id: ID!, $text: String!', 'addCaseNote(referralId: $id, text: $text)'),
    variables: (id) => ({ id, text: 'Spoke to the wing officer: the GP registration form is signed.' }),
  },
  {
    mutation: 'bookAppointment',
    action: 'BOOK_APPOINTMENT',
    allowedIn: ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'],
    from: 'PRE_RELEASE',
    event: 'referral.appointment-booked',
    document: m(
      '$id: ID!, $input: BookAppointmentInput!, $v: Int',
      'bookAppointment(referralId: $id, input: $input, expectedVersion: $v)',
    ),
    variables: (id) => ({
      id,
      input: {
        at: '2026-11-27T14:30:00Z',
        with: 'RECONNECT',
        mode: 'FACE_TO_FACE',
        purpose: 'RELEASE_PLANNING',
        staffId: NW_WORKER,
        location: 'Legal visits hall',
        note: 'Bring the housing form.',
      },
    }),
  },
];

export const op = (mutation: string): OpCase => {
  const found = OPS.find((o) => o.mutation === mutation);
  if (!found) throw new Error(`no such operation ${mutation}`);
  return found;
};

/** Runs an operation with its canonical input, changed by `vars`. */
export function run(
  client: HubClientForTests,
  mutation: string,
  id: string,
  vars: Loose = {},
): Promise<GraphqlResponse<Loose>> {
  const o = op(mutation);
  return client.query<Loose>(o.document, { ...o.variables(id), ...vars });
}

/** The first error's code and field, or 'OK' when there is none. */
export function outcome(response: GraphqlResponse<Loose>): {
  code: string;
  field?: unknown;
  message?: string;
} {
  const error = response.body.errors?.[0];
  if (!error) return { code: 'OK' };
  return { code: String(error.extensions?.code), field: error.extensions?.field, message: error.message };
}

export async function rowOf(hub: TestHub, id: string): Promise<ReferralRow> {
  const [row] = await hub.database.handle.db
    .select()
    .from(referralTables.referrals)
    .where(eq(referralTables.referrals.id, id));
  return row!;
}

export async function historyOf(hub: TestHub, id: string) {
  const e = referralTables.referralEvents;
  return hub.database.handle.db.select().from(e).where(eq(e.referralId, id)).orderBy(asc(e.at), asc(e.id));
}

export async function auditOf(hub: TestHub, id: string) {
  return hub.database.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, 'Referral'), eq(auditEvents.subjectId, id)))
    .orderBy(asc(auditEvents.seq));
}

/** What a failed operation must leave as it was: the row, its history and its audit trail. */
export async function snapshot(hub: TestHub, id: string) {
  const [row, history, audit] = await Promise.all([rowOf(hub, id), historyOf(hub, id), auditOf(hub, id)]);
  return { row, history: history.length, audit: audit.length };
}

export interface Callers {
  staff: HubClientForTests;
  lead: HubClientForTests;
  referrer: HubClientForTests;
}

export async function startLifecycleHub(): Promise<TestHub> {
  const hub = await startTestHub();
  hub.clock.set(NOW);
  return hub;
}

export async function callersOf(hub: TestHub): Promise<Callers> {
  return {
    staff: await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'hbyrne', name: 'Hannah Byrne' }),
    lead: await hub.as('RECONNECT_LEAD', { org: 'RC-NW', sub: 'sokafor', name: 'Sam Okafor' }),
    referrer: await hub.as('REFERRER', { org: 'PROB-NW', sub: 'probation-nw-system' }),
  };
}
