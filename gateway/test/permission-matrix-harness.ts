/**
 * The machinery of the permission matrix (permission-matrix-*.test.ts): the callers, generated from
 * AUTH.md's Roles table; what each Field-matrix cell means (its phrase, interpreted once here, so
 * a cell the harness does not understand fails the test instead of being guessed); the records
 * every read cell looks at; and a runner that sends the probes through the gateway, many to a
 * request under aliases, and compares each one with what the contract says, path by path.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, isNonNullType, type GraphQLSchema } from 'graphql';
import {
  REPO_ROOT,
  randomHomeOfficeReference,
  readAuthContract,
  seedGrant,
  seedHealthNeed,
  seedIdentityConflict,
  seedPerson,
  seedReferral,
  seedRiskAssessment,
  stableUuid,
  type GraphqlResponse,
  type HubClientForTests,
  type MatrixColumn,
  type TestHub,
} from '@reconnect/hub/testing';

// Test code reads results by path: the loose type is deliberate.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export const CONTRACT = readAuthContract();
export const API_SCHEMA: GraphQLSchema = buildSchema(
  readFileSync(resolve(REPO_ROOT, 'schema/api.graphql'), 'utf8'),
);

/** The clock of every matrix hub; grants seeded here start long before it. */
export const NOW = '2026-11-25T10:00:00Z';
export const GRANTS_FROM = new Date('2020-01-01T00:00:00Z');
export const staffOf = (service: string, index: number) => stableUuid(`staff:${service}:${index}`);

// ---------------------------------------------------------------------------------------------
// What a cell says

/** One cell of the field matrix, read. */
export interface Grant {
  read: boolean;
  write: boolean;
  /** Only these names (fields, or `parent.field` paths) of the row. */
  only?: string[];
  /** Read only when the partner's data sharing agreement shares this scope. */
  scope?: string;
  /** A list shows only what the caller may see. */
  filtered?: boolean;
  /** Scoped to the caller's own organisation or service (not to a record). */
  own?: boolean;
  /** Named operations beyond read and write. */
  operations: string[];
}

const NONE: Grant = { read: false, write: false, operations: [] };

/**
 * Every phrase AUTH.md uses in a cell, and what it grants. A new phrase fails `grantOf` until it is
 * added here, so the matrix never guesses what the contract means.
 */
const PHRASES: Record<string, Grant> = {
  no: NONE,
  read: { ...NONE, read: true },
  'read, write': { ...NONE, read: true, write: true },
  yes: { ...NONE, write: true },
  'read (only the referrals the caller may see)': { ...NONE, read: true, filtered: true },
  'read (only its own)': { ...NONE, read: true, filtered: true },
  'read; add updates': { ...NONE, read: true, operations: ['add updates'] },
  'own organisation only': { ...NONE, read: true, own: true },
  "own organisation's": { ...NONE, read: true, write: true, own: true },
  'own service': { ...NONE, read: true, own: true },
  'every service': { ...NONE, read: true },
  // Reached only through `Referral.namedWorker` of a case the partner is on.
  "names of the case's named worker": { ...NONE, read: true, only: ['namedWorker.name'] },
  'withdraw own SUBMITTED referral only': { ...NONE, operations: ['withdraw own SUBMITTED'] },
  // next/custody-events.md: no person's column; the system client's role alone (see `grantOf`).
  'no (HMPPS_EVENTS only)': NONE,
  // next/governance.md: information governance's queue (the audit is identity-conflicts.test.ts's).
  'read (each record read is audited as a person read, purpose "identity resolution")': {
    ...NONE,
    read: true,
  },
  // next/governance.md: a query information governance may call (the reason is required, and
  // producing the report is audited: gateway/test/subject-access.test.ts checks both).
  'yes (reason required; audited)': { ...NONE, read: true },
  // next/casework.md: a search among the caller's own referrals (a referrer's by reference only:
  // search.test.ts covers the names it may not search); a service's own due work.
  'yes (among its own)': { ...NONE, read: true, filtered: true },
  'reference only (among its own)': { ...NONE, read: true, filtered: true, operations: ['reference only'] },
  'own service only': { ...NONE, read: true, own: true },
};

export function interpret(text: string): Grant {
  const exact = PHRASES[text];
  if (exact) return exact;
  const scope = /^read if the agreement's scopes include ([A-Z]+)$/.exec(text);
  if (scope) return { ...NONE, read: true, scope: scope[1]! };
  const only = /^([A-Za-z]+(?:, [A-Za-z]+)* and [A-Za-z]+) only$/.exec(text);
  if (only) return { ...NONE, read: true, only: only[1]!.split(/, | and /) };
  throw new Error(`AUTH.md cell "${text}" has no interpretation in permission-matrix-harness.ts`);
}

// ---------------------------------------------------------------------------------------------
// Who calls

/** The field-matrix column of each role in the Roles table. */
const ROLE_COLUMN: Record<string, MatrixColumn | null> = {
  // A system client with no column: its relationship cell names the one operation it may call.
  HMPPS_EVENTS: null,
  RECONNECT_STAFF: 'STAFF/LEAD',
  RECONNECT_LEAD: 'STAFF/LEAD',
  RECONNECT_ADMIN: 'ADMIN',
  REFERRER: 'REFERRER',
  ER_PARTNER: 'ER_PARTNER',
  COMMISSIONER: 'COMMISSIONER',
};

interface Variant {
  /** Absent: a client-credentials token with no organisation. */
  org?: string;
  /** How the label names it, e.g. "of the owning service". */
  as: string;
  /** Only in the read cells (the write cells' fresh records give it no relationship). */
  readsOnly?: boolean;
}

/**
 * Who plays each role, with the relationship to the fixture's records and without it where the
 * role has one. The records (see `seedFixture`) are owned by RC-NW, referred by PROB-NW, handed
 * over (REQUESTED) to RC-MID and on an enhanced case with ERP-NW-MH (RISK and NEEDS) and ERP-NW-HSG
 * (NEEDS only); ERP-NEY-AP has a live agreement but is not on the case.
 */
const VARIANTS: Record<string, Variant[]> = {
  RECONNECT_STAFF: [
    { org: 'RC-NW', as: 'of the owning service' },
    { org: 'RC-SW', as: 'of an unrelated service' },
    { org: 'RC-MID', as: 'of the receiving service (handover REQUESTED)', readsOnly: true },
  ],
  RECONNECT_LEAD: [
    { org: 'RC-NW', as: 'of the owning service' },
    { org: 'RC-SW', as: 'of an unrelated service' },
  ],
  RECONNECT_ADMIN: [{ org: 'NHSE-IG', as: '' }],
  REFERRER: [
    { org: 'PROB-NW', as: 'that referred' },
    { org: 'POL-GMP', as: 'of another organisation' },
  ],
  ER_PARTNER: [
    { org: 'ERP-NW-MH', as: 'on the case (RISK, NEEDS)' },
    { org: 'ERP-NW-HSG', as: 'on the case (NEEDS only)' },
    { org: 'ERP-NEY-AP', as: 'not on the case' },
  ],
  COMMISSIONER: [{ org: 'NHSE', as: '' }],
  HMPPS_EVENTS: [{ as: '(the custody events client)' }],
};

export interface Caller {
  label: string;
  /** The `roles` claim as sent; empty with `token: false` means no Authorization header at all. */
  roles: string[];
  org?: string;
  token: boolean;
  /** The AUTH.md column whose cells apply; null when the hub knows none of the roles. */
  column: MatrixColumn | null;
  lead: boolean;
  /** The roles `me` must report (the claim, parsed as the hub parses it). */
  bareRoles: string[];
  readsOnly: boolean;
  /**
   * A system client's one operation (its Roles row: "none: it may call X and nothing else"): it
   * reads nothing, `me` included, and may call X, whose row has a cell "no (ROLE only)".
   */
  onlyOperation?: string;
}

/** The one operation a system role's relationship cell allows, or null for a role of people. */
export function onlyOperationOf(relationship: string): string | null {
  return /^none: it may call (\w+) and nothing else\b/.exec(relationship)?.[1] ?? null;
}

function callerOf(role: string, roles: string[], v: Variant, prefixed = false): Caller {
  const column = ROLE_COLUMN[role];
  if (column === undefined)
    throw new Error(`AUTH.md role ${role} has no column in permission-matrix-harness.ts`);
  const only = onlyOperationOf(CONTRACT.roles.find((r) => r.role === role)!.relationship);
  if (column === null && !only)
    throw new Error(`AUTH.md role ${role} has neither a column nor one operation it may call`);
  return {
    label: `${prefixed ? `ROLE_${role} (prefixed)` : role}${v.as ? ` ${v.as}` : ''} [${v.org ?? 'no org'}]`,
    roles,
    ...(v.org ? { org: v.org } : {}),
    ...(only ? { onlyOperation: only } : {}),
    token: true,
    column,
    lead: role === 'RECONNECT_LEAD',
    bareRoles: [role],
    readsOnly: v.readsOnly === true,
  };
}

/**
 * Every role of AUTH.md's Roles table in each of its variants; the first variant again with the
 * `ROLE_` prefix (which must change nothing); and three callers with no usable role: no token, a
 * token whose roles are empty, and one whose only role the hub does not know. The last two carry
 * RC-NW, the owning service's code, so that only the missing role can explain a refusal.
 */
export function callersFromContract(): Caller[] {
  const callers: Caller[] = [];
  for (const { role } of CONTRACT.roles) {
    const variants = VARIANTS[role];
    if (!variants) throw new Error(`AUTH.md role ${role} has no callers in permission-matrix-harness.ts`);
    for (const v of variants) callers.push(callerOf(role, [role], v));
  }
  for (const { role } of CONTRACT.roles)
    callers.push(callerOf(role, [`ROLE_${role}`], VARIANTS[role]![0]!, true));
  const nobody = { token: true, column: null, lead: false, bareRoles: [], org: 'RC-NW', readsOnly: false };
  callers.push(
    { ...nobody, label: 'no token', roles: [], token: false },
    { ...nobody, label: 'a token with no role [RC-NW]', roles: [] },
    { ...nobody, label: 'a token with an unknown role [RC-NW]', roles: ['RECONNECT_SUPERVISOR'] },
  );
  return callers;
}

export const CALLERS = callersFromContract();

/**
 * The cell of `row` for this caller (nothing for a caller with no role). A system client writes
 * exactly the row of its one operation, which a cell reserves to it: "no (ROLE only)".
 */
export function grantOf(row: string, caller: Caller): Grant {
  const found = CONTRACT.rows.find((r) => r.data === row);
  if (!found) throw new Error(`AUTH.md has no field-matrix row "${row}"`);
  if (caller.onlyOperation) {
    const reserved = caller.bareRoles.some((role) =>
      Object.values(found.cells).some((c) => c === `no (${role} only)`),
    );
    return reserved && row === caller.onlyOperation ? { ...NONE, write: true } : NONE;
  }
  return caller.column ? interpret(found.cells[caller.column]) : NONE;
}

/** Whether the caller's column is qualified "(own)" / "(own case)": it reads records only through a relationship. */
export function needsRelationship(caller: Caller): boolean {
  return !!caller.column && CONTRACT.columns.find((c) => c.column === caller.column)!.qualifier !== null;
}

// ---------------------------------------------------------------------------------------------
// The records every read cell looks at

export type RecordKey = 'referral' | 'submitted' | 'duplicate' | 'person' | 'case';

export interface Fixture {
  person: string;
  /** The referral most cells read: PRE_RELEASE, every optional field set, on an enhanced case. */
  referral: string;
  reference: string;
  /** The person's SUBMITTED referral (for `availableActions` of its referrer). */
  submitted: string;
  enhancedCase: string;
  /** A REQUESTED handover of `referral` from RC-NW to RC-MID. */
  handover: string;
  /** The organisations with a live grant that opens each record. */
  orgs: Record<RecordKey, string[]>;
  /** The person's referrals each organisation may see (`Person.referrals`). */
  visible: Record<string, string[]>;
  /** Every partner organisation in the directory, and those on the enhanced case. */
  partnerCodes: string[];
  casePartnerCodes: string[];
  /** Each partner's active agreement's scopes, as the hub reports them. */
  scopes: Record<string, string[]>;
  /** One webhook subscription of each caller's organisation, and one of RC-LDN's. */
  webhooks: Record<string, string>;
  otherWebhook: string;
  /** An open identity conflict of `person` with another record (next/governance.md). */
  conflict: string;
  /** A record merged into `person` (its `mergedInto`). */
  mergedPerson: string;
}

/** Fails the set-up with the response when a set-up request did not succeed. */
export function ok<T>(response: GraphqlResponse<T>, what: string): T {
  if (response.body.errors?.length || !response.body.data) {
    throw new Error(`${what} failed: ${JSON.stringify(response.body.errors ?? response.body)}`);
  }
  return response.body.data;
}

export async function staffClient(hub: TestHub, org = 'RC-NW', role = 'RECONNECT_STAFF') {
  return hub.as(role, { org, sub: `matrix-setup-${org}` });
}

export const ENROL_INPUT = (partnerCodes: string[]) => ({
  rationale: 'High risk with co-occurring mental health and substance misuse needs.',
  sharingConsent: 'GIVEN',
  consentMethod: 'FACE_TO_FACE',
  partnerCodes,
});

const ENROL = `mutation ($id: ID!, $input: EnrolEnhancedInput!) {
  enrolEnhancedReconnect(referralId: $id, input: $input) { enhancedCase { id } } }`;

/** Enrols a referral as RC-NW staff (the API's own path, so the partners get their real grants). */
export async function enrol(hub: TestHub, referralId: string, partnerCodes: string[]): Promise<string> {
  const staff = await staffClient(hub);
  const data = ok(
    await staff.query<Loose>(ENROL, { id: referralId, input: ENROL_INPUT(partnerCodes) }),
    'enrolEnhancedReconnect',
  );
  return data.enrolEnhancedReconnect.enhancedCase.id as string;
}

export const consented = {
  consentDecision: 'GIVEN' as const,
  consentMethod: 'FACE_TO_FACE' as const,
  consentRecordedAt: new Date('2026-11-21T10:00:00Z'),
  consentRecordedBy: 'matrix',
};

/** A person the enhanced-case rules accept: latest risk HIGH, needs in two categories. */
export async function seedEligiblePerson(hub: TestHub, extra: Parameters<typeof seedPerson>[1] = {}) {
  const db = hub.database.handle.db;
  const person = await seedPerson(db, extra);
  await seedRiskAssessment(db, person.id, { level: 'MEDIUM', assessedOn: '2026-10-01' });
  await seedRiskAssessment(db, person.id, { level: 'HIGH', assessedOn: '2026-10-02' });
  await seedHealthNeed(db, person.id, { category: 'MENTAL_HEALTH' });
  await seedHealthNeed(db, person.id, { category: 'SUBSTANCE_MISUSE' });
  return person;
}

/** A referral of `personId` and the grants that open it to its owning service and referrer. */
export async function seedOpenReferral(
  hub: TestHub,
  personId: string,
  overrides: Partial<Parameters<typeof seedReferral>[1]> = {},
  grants: [string, 'OWNING_SERVICE' | 'REFERRER'][] = [
    ['RC-NW', 'OWNING_SERVICE'],
    ['PROB-NW', 'REFERRER'],
  ],
) {
  const db = hub.database.handle.db;
  const referral = await seedReferral(db, {
    personId,
    status: 'PRE_RELEASE',
    submittedAt: new Date('2026-11-20T10:00:00Z'),
    expectedReleaseDate: '2027-01-15',
    namedWorkerId: staffOf('RC-NW', 1),
    ...consented,
    ...overrides,
  });
  for (const [organisationCode, relationship] of grants) {
    await seedGrant(db, {
      organisationCode,
      relationship,
      personId,
      referralId: referral.id,
      validFrom: GRANTS_FROM,
    });
  }
  return referral;
}

/**
 * The records of the read cells. Written through the API wherever the API can write them (contacts,
 * engagements, the handover, the enhanced case, its update, webhooks), so that grants, history and
 * audit are what the hub itself would have written; seeded directly where it cannot (people, and
 * referrals in a given state with every optional field filled so that a readable cell has a value).
 */
export async function seedFixture(hub: TestHub, callers: Caller[]): Promise<Fixture> {
  const person = await seedEligiblePerson(hub, { homeOfficeReference: randomHomeOfficeReference() });
  const declined = await seedOpenReferral(hub, person.id, {
    status: 'DECLINED',
    declineReason: 'DUPLICATE',
    declinedAt: new Date('2026-11-21T10:00:00Z'),
  });
  const discharged = await seedOpenReferral(
    hub,
    person.id,
    {
      status: 'DISCHARGED',
      source: 'LIAISON_AND_DIVERSION',
      referrerOrganisationCode: 'LD-NW',
      submittedAt: new Date('2025-10-01T10:00:00Z'),
      releasedOn: '2025-11-01',
      dischargeReason: 'NEEDS_MET',
      dischargedAt: new Date('2026-05-01T10:00:00Z'),
    },
    [
      ['RC-NW', 'OWNING_SERVICE'],
      ['LD-NW', 'REFERRER'],
    ],
  );
  await seedOpenReferral(
    hub,
    person.id,
    {
      status: 'WITHDRAWN',
      owningServiceCode: 'RC-LDN',
      establishmentCode: 'PVI',
      referrerOrganisationCode: 'LD-LDN',
    },
    [
      ['RC-LDN', 'OWNING_SERVICE'],
      ['LD-LDN', 'REFERRER'],
    ],
  );
  const submitted = await seedOpenReferral(hub, person.id, {
    status: 'SUBMITTED',
    consentDecision: null,
    consentMethod: null,
    consentRecordedAt: null,
    consentRecordedBy: null,
    namedWorkerId: null,
  });
  // Decline, discharge and duplicateOf are set on an open referral only so that they have a value.
  const referral = await seedOpenReferral(hub, person.id, {
    receivingServiceCode: 'RC-MID',
    referrerEmail: 'referrer@probation.example.org',
    reasonForReferral: 'Depression; needs a GP on release.',
    identifiedNeeds: ['MENTAL_HEALTH', 'SUBSTANCE_MISUSE'],
    peerSupportWorkerId: staffOf('RC-NW', 4),
    duplicateOfId: declined.id,
    declineReason: 'OTHER',
    declineNote: 'For the permission matrix only.',
    declinedAt: new Date('2026-11-21T10:00:00Z'),
    dischargeReason: 'OTHER',
    dischargeNote: 'For the permission matrix only.',
    dischargedAt: new Date('2026-11-22T10:00:00Z'),
  });

  const staff = await staffClient(hub);
  ok(
    await staff.query(
      `mutation ($id: ID!, $s: ID!) {
        recordContact(referralId: $id, input: { occurredAt: "2026-11-24T10:00:00Z", mode: FACE_TO_FACE,
          purpose: ASSESSMENT, staffId: $s, note: "Met on the wing." }) { referral { id } } }`,
      { id: referral.id, s: staffOf('RC-NW', 1) },
    ),
    'recordContact',
  );
  ok(
    await staff.query(
      `mutation ($id: ID!) { recordEngagement(referralId: $id, input: { serviceType: GP_REGISTRATION,
        providerName: "Ardwick Medical Practice", appointmentOn: "2027-01-20", outcome: BOOKED }) { referral { id } } }`,
      { id: referral.id },
    ),
    'recordEngagement',
  );
  // next/casework.md: a case note and an appointment, for Referral.notes and Referral.appointments.
  ok(
    await staff.query(
      `mutation ($id: ID!) { addCaseNote(referralId: $id, text: "Housing form signed.") { referral { id } } }`,
      { id: referral.id },
    ),
    'addCaseNote',
  );
  ok(
    await staff.query(
      `mutation ($id: ID!) { bookAppointment(referralId: $id, input: { at: "2027-01-10T10:00:00Z",
        with: COMMUNITY_SERVICE, serviceType: GP_REGISTRATION, providerName: "Ardwick Medical Practice" }) { referral { id } } }`,
      { id: referral.id },
    ),
    'bookAppointment',
  );
  const handover = ok(
    await staff.query<Loose>(
      `mutation ($id: ID!) { requestHandover(referralId: $id, toServiceCode: "RC-MID") { handover { id } } }`,
      { id: referral.id },
    ),
    'requestHandover',
  ).requestHandover.handover.id as string;
  const casePartnerCodes = ['ERP-NW-MH', 'ERP-NW-HSG'];
  const enhancedCase = await enrol(hub, referral.id, casePartnerCodes);
  const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH', sub: 'matrix-setup-partner' });
  ok(
    await partner.query(
      `mutation ($id: ID!) { recordPartnerUpdate(caseId: $id, note: "Housing referral made.") { enhancedCase { id } } }`,
      { id: enhancedCase },
    ),
    'recordPartnerUpdate',
  );

  const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG', sub: 'matrix-setup-admin' });
  const partners = ok(
    await admin.query<Loose>(`{ partnerOrganisations { code activeAgreement { scopes } } }`),
    'partnerOrganisations',
  ).partnerOrganisations as { code: string; activeAgreement: { scopes: string[] } | null }[];

  const webhooks: Record<string, string> = {};
  const orgs = [...new Set(callers.flatMap((c) => (c.org ? [c.org] : []))), 'RC-LDN'];
  for (const org of orgs) webhooks[org] = await registerWebhookOf(hub, org);
  const { 'RC-LDN': otherWebhook, ...own } = webhooks;

  // next/governance.md: a conflict of the person with a record nobody has a relationship with, and
  // a record merged into the person (readable through the person's grants).
  const db = hub.database.handle.db;
  const stranger = await seedPerson(db);
  const conflict = await seedIdentityConflict(db, {
    personId: person.id,
    otherPersonId: stranger.id,
    referralId: submitted.id,
  });
  const merged = await seedPerson(db, {
    mergedInto: person.id,
    nhsNumber: null,
    prisonNumber: null,
    crn: null,
    pncId: null,
  });

  const nw = [referral.id, submitted.id, declined.id, discharged.id];
  return {
    conflict: conflict.id,
    mergedPerson: merged.id,
    person: person.id,
    referral: referral.id,
    reference: referral.reference,
    submitted: submitted.id,
    enhancedCase,
    handover,
    orgs: {
      referral: ['RC-NW', 'RC-MID', 'PROB-NW', ...casePartnerCodes],
      submitted: ['RC-NW', 'PROB-NW'],
      duplicate: ['RC-NW', 'PROB-NW'],
      person: ['RC-NW', 'RC-MID', 'PROB-NW', ...casePartnerCodes],
      case: ['RC-NW', 'RC-MID', ...casePartnerCodes],
    },
    visible: {
      'RC-NW': nw,
      'RC-MID': [referral.id],
      'PROB-NW': [referral.id, submitted.id, declined.id],
    },
    partnerCodes: partners.map((p) => p.code),
    casePartnerCodes,
    scopes: Object.fromEntries(partners.map((p) => [p.code, p.activeAgreement?.scopes ?? []])),
    webhooks: own,
    otherWebhook: otherWebhook!,
  };
}

/** Registers a webhook for `org` (as an admin token of that organisation: any subscriber role will do). */
export async function registerWebhookOf(hub: TestHub, org: string): Promise<string> {
  const client = await hub.as('RECONNECT_ADMIN', { org, sub: `matrix-setup-${org}` });
  return ok(
    await client.query<Loose>(
      `mutation { registerWebhook(url: "https://hooks.example.org/${org}", eventTypes: [],
        secret: "a-secret-of-thirty-two-characters") { id } }`,
    ),
    'registerWebhook',
  ).registerWebhook.id as string;
}

// ---------------------------------------------------------------------------------------------
// Probes and their expected outcomes

export type Expected =
  | { kind: 'read'; check?: (value: unknown) => string | null }
  /** null, with one FORBIDDEN error at the path's first `depth + 1` names. */
  | { kind: 'forbidden'; depth: number }
  /** No relationship: the root is null, with no error. */
  | { kind: 'hidden' }
  | { kind: 'unauthenticated' };

export interface ReadProbe {
  /** Names the cell in a failure, e.g. `referral.person.nhsNumber`. */
  name: string;
  /** The row's field this probe reads (checked against the label's list of fields). */
  field?: string;
  /** One root field with its selection, the fixture's ids filled in. */
  select: (fx: Fixture) => string;
  /** The names along the path, root field first. */
  path: string[];
  expect: (caller: Caller, fx: Fixture) => Expected;
  /** A readable value may be null (a nullable field the record leaves empty) or an empty list. */
  mayBeNull?: boolean;
  mayBeEmpty?: boolean;
}

export type WriteOutcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_TRANSITION' | 'UNAUTHENTICATED';

export interface WriteProbe {
  name: string;
  mutation: string;
  expect: (caller: Caller, fx: Fixture) => WriteOutcome;
  /** The mutation and its variables for this cell: a fresh record when the cell is to succeed. */
  prepare: (hub: TestHub, caller: Caller, fx: Fixture, expected: WriteOutcome) => Promise<WriteRequest>;
}

export interface WriteRequest {
  query: string;
  variables: Loose;
}

// ---------------------------------------------------------------------------------------------
// Sending probes and judging cells

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || v === undefined) return v;
    v = (v as Loose)[key as string];
  }
  return v;
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 300);

/** What went back for one alias: its errors (path, code) and value. */
function errorsUnder(response: GraphqlResponse<Loose>, alias: string) {
  return (response.body.errors ?? [])
    .filter((e) => !e.path || e.path[0] === alias)
    .map((e) => ({ path: (e.path ?? []).join('.'), code: String(e.extensions?.code) }));
}

/** Judges one read cell; returns what is wrong, or null. */
function judgeRead(
  response: GraphqlResponse<Loose>,
  alias: string,
  probe: ReadProbe,
  expected: Expected,
): string | null {
  if (expected.kind === 'unauthenticated') {
    const code = response.body.errors?.[0]?.extensions?.code;
    return response.status === 401 && code === 'UNAUTHENTICATED' && response.body.data == null
      ? null
      : `expected HTTP 401 UNAUTHENTICATED, got ${response.status} ${show(response.body)}`;
  }
  const errors = errorsUnder(response, alias);
  const path = [alias, ...probe.path.slice(1)];
  const value = valueAt(response.body.data, path);
  if (expected.kind === 'read') {
    if (errors.length) return `expected read, got errors ${show(errors)}`;
    if (value == null && !probe.mayBeNull) return `expected a value, got ${show(value)}`;
    if (Array.isArray(value) && value.length === 0 && !probe.mayBeEmpty) return 'expected a value, got []';
    return expected.check?.(value) ?? null;
  }
  if (expected.kind === 'hidden') {
    const root = valueAt(response.body.data, [alias]);
    return errors.length === 0 && root === null
      ? null
      : `expected null without an error (hidden), got ${show(root)} with ${show(errors)}`;
  }
  const at = path.slice(0, expected.depth + 1);
  const want = [{ path: at.join('.'), code: 'FORBIDDEN' }];
  if (show(errors) !== show(want))
    return `expected FORBIDDEN at ${at.join('.')}, got errors ${show(errors)} and ${show(value)}`;
  const there = valueAt(response.body.data, at);
  return there == null ? null : `expected null at ${at.join('.')}, got ${show(there)}`;
}

/** The largest number of aliases in one request (the gateway allows 20). */
const BATCH = 19;

export class MatrixRun {
  cells = 0;
  private readonly clients = new Map<string, HubClientForTests>();

  constructor(
    readonly hub: TestHub,
    readonly fx: Fixture,
  ) {}

  private async send(caller: Caller, query: string, variables?: Loose): Promise<GraphqlResponse<Loose>> {
    if (!caller.token) return this.hub.graphql<Loose>(query, variables);
    let client = this.clients.get(caller.label);
    if (!client) {
      client = await this.hub.as(caller.roles, { org: caller.org, sub: `matrix-${caller.label}` });
      this.clients.set(caller.label, client);
    }
    return client.query<Loose>(query, variables);
  }

  /**
   * Sends read probes, many to a request under aliases (each alias's root is nullable, so one
   * alias's FORBIDDEN cannot null another's), and returns one line per cell that is wrong. A probe
   * whose root field is non-null goes alone: its FORBIDDEN nulls the whole response.
   */
  async read(caller: Caller, row: string, probes: ReadProbe[]): Promise<string[]> {
    const queryFields = API_SCHEMA.getQueryType()!.getFields();
    const alone = (p: ReadProbe) => !caller.token || isNonNullType(queryFields[p.path[0]!]!.type);
    const groups = [
      ...probes.filter(alone).map((p) => [p]),
      ...chunks(
        probes.filter((p) => !alone(p)),
        BATCH,
      ),
    ];
    const wrong: string[] = [];
    await Promise.all(
      groups.map(async (group) => {
        const fields = group.map((p, i) => `c${i}: ${p.select(this.fx)}`).join('\n');
        const response = await this.send(caller, `{ ${fields} }`);
        group.forEach((probe, i) => {
          this.cells += 1;
          const problem = judgeRead(response, `c${i}`, probe, probe.expect(caller, this.fx));
          if (problem) wrong.push(`${caller.label} | ${row} | ${probe.name}: ${problem}`);
        });
      }),
    );
    return wrong;
  }

  /** Runs one mutation cell on its own request; returns what is wrong, or null. */
  async write(caller: Caller, row: string, probe: WriteProbe): Promise<string | null> {
    const expected = probe.expect(caller, this.fx);
    const { query, variables } = await probe.prepare(this.hub, caller, this.fx, expected);
    const response = await this.send(caller, query, variables);
    this.cells += 1;
    const { body, status } = response;
    const codes = (body.errors ?? []).map((e) => ({
      path: (e.path ?? []).join('.'),
      code: String(e.extensions?.code),
    }));
    let problem: string | null = null;
    if (expected === 'UNAUTHENTICATED') {
      if (status !== 401 || codes[0]?.code !== 'UNAUTHENTICATED' || body.data != null)
        problem = `expected HTTP 401 UNAUTHENTICATED, got ${status} ${show(body)}`;
    } else if (expected === 'OK') {
      if (codes.length || body.data?.[probe.mutation] == null)
        problem = `expected success, got ${show(codes)}`;
    } else if (show(codes) !== show([{ path: probe.mutation, code: expected }]) || body.data != null) {
      problem = `expected ${expected}, got ${show(codes)} and data ${show(body.data)}`;
    }
    return problem && `${caller.label} | ${row} | ${probe.name}: ${problem}`;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
