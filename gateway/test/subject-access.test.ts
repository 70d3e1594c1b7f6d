/**
 * Subject access reports through the gateway (issue 18 item 2; DOMAIN.md "Subject access and
 * retention"; contract/next/governance.md): information governance (RECONNECT_ADMIN) gets one JSON
 * document of everything each subgraph holds about a person, each part read by its owner through
 * an internal operation; producing it is an audit event with the reason; the reason is required;
 * every other role is FORBIDDEN, and the internal parts answer nobody but the person subgraph
 * acting for an admin.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTODY_EVENTS_ROLE, internalRequestHeaders, type Role } from '@reconnect/auth';
import {
  randomNhsNumber,
  randomPrisonNumber,
  rawRows,
  seedGrant,
  seedHealthNeed,
  seedPerson,
  seedReferral,
  seedRiskAssessment,
  stableUuid,
  startTestHub,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read by path
type Loose = Record<string, any>;

const REPORT = /* GraphQL */ `
  query ($personId: ID!, $reason: String!) {
    subjectAccessReport(personId: $personId, reason: $reason) {
      personId
      generatedAt
      reason
      document
    }
  }
`;
const NOW = '2026-11-25T10:00:00Z';
const NW_WORKER = stableUuid('staff:RC-NW:1');

let hub: TestHub;
let admin: HubClientForTests;
let nwStaff: HubClientForTests;
let personId: string;
let referralId: string;
let caseId: string;
let nhsNumber: string;

const codeOf = (r: { body: { errors?: { extensions?: Loose }[] } }) =>
  r.body.errors?.[0]?.extensions?.['code'];

async function ok(client: HubClientForTests, document: string, variables: Loose): Promise<Loose> {
  const r = await client.query<Loose>(document, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data!;
}

interface ReportEvent {
  actor_subject: string;
  subject_type: string;
  subject_id: string;
  person_id: string;
  purpose: string;
  outcome: string;
  fields: string[];
}

const reportEvents = () =>
  rawRows<ReportEvent>(
    hub.database.handle.db,
    `select actor_subject, subject_type, subject_id, person_id, purpose, outcome, fields
       from audit.events where action = 'person.subject-access-report' order by seq`,
  );

beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set(NOW);
  admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG', sub: 'ig-officer' });
  nwStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker', staffId: NW_WORKER });
  const db = hub.database.handle.db;
  nhsNumber = randomNhsNumber();
  const person = await seedPerson(db, {
    givenName: 'Robin',
    familyName: 'Okafor',
    dateOfBirth: '1984-02-03',
    nhsNumber,
    prisonNumber: randomPrisonNumber(),
  });
  personId = person.id;
  const referral = await seedReferral(db, {
    personId,
    status: 'PRE_RELEASE',
    submittedAt: new Date('2026-11-20T10:00:00Z'),
    reasonForReferral: 'Low mood and alcohol use before release.',
    namedWorkerId: NW_WORKER,
    consentDecision: 'GIVEN',
    consentMethod: 'FACE_TO_FACE',
    consentRecordedAt: new Date('2026-11-21T10:00:00Z'),
    consentRecordedBy: 'seed',
  });
  referralId = referral.id;
  await seedGrant(db, {
    organisationCode: 'RC-NW',
    relationship: 'OWNING_SERVICE',
    personId,
    referralId,
    validFrom: new Date('2026-11-20T10:00:00Z'),
  });
  await seedRiskAssessment(db, personId, { level: 'HIGH', assessedOn: '2026-10-01' });
  await seedHealthNeed(db, personId, { category: 'MENTAL_HEALTH' });
  await seedHealthNeed(db, personId, { category: 'SUBSTANCE_MISUSE' });

  // The rest through the gateway, as staff and a partner would: a read, a contact, a handover,
  // an enhanced case with a partner, and the partner's update.
  await ok(nwStaff, `query ($id: ID!) { person(id: $id) { givenName nhsNumber } }`, { id: personId });
  await ok(
    nwStaff,
    `mutation ($id: ID!) { recordContact(referralId: $id, input: { occurredAt: "2026-11-24T10:00:00Z", mode: TELEPHONE, purpose: RELEASE_PLANNING, note: "Talked through housing." }) { referral { id } } }`,
    { id: referralId },
  );
  // Casework (DOMAIN.md): a case note and an appointment are the person's data too.
  await ok(
    nwStaff,
    `mutation ($id: ID!) { addCaseNote(referralId: $id, text: "His sister in Leeds will meet him at the gate.") { referral { id } } }`,
    { id: referralId },
  );
  await ok(
    nwStaff,
    `mutation ($id: ID!) { bookAppointment(referralId: $id, input: { at: "2026-11-30T10:00:00Z", with: RECONNECT, mode: VIDEO, purpose: RELEASE_PLANNING, location: "Video link, HMP Manchester", note: "Housing form." }) { referral { id } } }`,
    { id: referralId },
  );
  await ok(
    nwStaff,
    `mutation ($id: ID!) { requestHandover(referralId: $id, toServiceCode: "RC-LDN", note: "Moving to Westminster.") { handover { id } } }`,
    { id: referralId },
  );
  const enrolled = await ok(
    nwStaff,
    `mutation ($id: ID!) { enrolEnhancedReconnect(referralId: $id, input: { rationale: "High risk with two needs.", sharingConsent: GIVEN, consentMethod: FACE_TO_FACE, partnerCodes: ["ERP-NW-MH"] }) { enhancedCase { id } } }`,
    { id: referralId },
  );
  caseId = enrolled.enrolEnhancedReconnect.enhancedCase.id;
  const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH', sub: 'erp-worker' });
  await ok(
    partner,
    `mutation ($id: ID!) { recordPartnerUpdate(caseId: $id, note: "First appointment booked.") { enhancedCase { id } } }`,
    { id: caseId },
  );
}, 90_000);
afterAll(async () => {
  await hub?.stop();
});

describe('subjectAccessReport', () => {
  it('gives information governance one document of every subgraph’s part, and audits it with the reason', async () => {
    const before = (await reportEvents()).length;
    const r = await admin.query<Loose>(REPORT, { personId, reason: 'SAR-2026-0142 (Article 15 request)' });
    expect(r.body.errors).toBeUndefined();
    const report = r.body.data!.subjectAccessReport;
    expect(report).toMatchObject({
      personId,
      reason: 'SAR-2026-0142 (Article 15 request)',
    });
    expect(Date.parse(report.generatedAt)).toBeGreaterThanOrEqual(Date.parse(NOW));
    const doc = JSON.parse(report.document) as Loose;
    expect(doc.generatedAt).toBe(report.generatedAt);
    expect(Object.keys(doc)).toEqual([
      'personId',
      'generatedAt',
      'reason',
      'identity',
      'healthNeeds',
      'riskAssessments',
      'identityConflicts',
      'submissions',
      'referrals',
      'custodyEvents',
      'enhancedCases',
      'accessLog',
    ]);
    expect(doc.identity).toMatchObject({ id: personId, givenName: 'Robin', familyName: 'Okafor', nhsNumber });
    expect(doc.healthNeeds.map((n: Loose) => n.category).sort()).toEqual([
      'MENTAL_HEALTH',
      'SUBSTANCE_MISUSE',
    ]);
    expect(doc.riskAssessments).toHaveLength(1);
    expect(doc.riskAssessments[0]).toMatchObject({ level: 'HIGH', assessedOn: '2026-10-01' });

    expect(doc.referrals).toHaveLength(1);
    const referral = doc.referrals[0];
    expect(referral).toMatchObject({
      id: referralId,
      status: 'PRE_RELEASE',
      reasonForReferral: 'Low mood and alcohol use before release.',
    });
    expect(referral.contacts).toEqual([
      expect.objectContaining({ mode: 'TELEPHONE', note: 'Talked through housing.' }),
    ]);
    expect(referral.handovers).toEqual([
      expect.objectContaining({
        toServiceCode: 'RC-LDN',
        status: 'REQUESTED',
        note: 'Moving to Westminster.',
      }),
    ]);
    expect(referral.history.map((e: Loose) => e.type)).toEqual(
      expect.arrayContaining(['referral.contact-recorded', 'handover.requested']),
    );
    expect(referral.engagements).toEqual([]);
    expect(referral.notes).toEqual([
      expect.objectContaining({ text: 'His sister in Leeds will meet him at the gate.' }),
    ]);
    expect(referral.appointments).toEqual([
      expect.objectContaining({
        status: 'BOOKED',
        location: 'Video link, HMP Manchester',
        note: 'Housing form.',
      }),
    ]);

    expect(doc.enhancedCases).toHaveLength(1);
    expect(doc.enhancedCases[0]).toMatchObject({
      id: caseId,
      referralId,
      rationale: 'High risk with two needs.',
      partners: [expect.objectContaining({ partnerCode: 'ERP-NW-MH', removedAt: null })],
      updates: [expect.objectContaining({ note: 'First appointment booked.', partnerCode: 'ERP-NW-MH' })],
    });

    // The access log: the staff member's read, the changes, the partner's update.
    const actions = doc.accessLog.map((e: Loose) => `${e.actorSubject}:${e.action}`);
    expect(actions).toEqual(
      expect.arrayContaining(['nw-worker:person.read', 'erp-worker:enhancedCase.updateRecorded']),
    );

    const events = await reportEvents();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      actor_subject: 'ig-officer',
      subject_type: 'Person',
      subject_id: personId,
      person_id: personId,
      purpose: 'subject access: SAR-2026-0142 (Article 15 request)',
      outcome: 'SUCCESS',
    });
    expect(events.at(-1)!.fields).toEqual(
      expect.arrayContaining(['identity', 'referrals', 'enhancedCases', 'accessLog']),
    );
  });

  it('requires a reason: BAD_USER_INPUT on `reason`, and nothing is audited', async () => {
    const before = (await reportEvents()).length;
    for (const reason of ['', '   ']) {
      const r = await admin.query<Loose>(REPORT, { personId, reason });
      expect(r.body.data).toBeNull();
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect(await reportEvents()).toHaveLength(before);
  });

  it('is NOT_FOUND for a person the hub does not hold', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      expect(codeOf(await admin.query(REPORT, { personId: id, reason: 'SAR-1' }))).toBe('NOT_FOUND');
    }
  });

  it.each([
    ['RECONNECT_STAFF', 'RC-NW'],
    ['RECONNECT_LEAD', 'RC-NW'],
    ['REFERRER', 'PROB-NW'],
    ['ER_PARTNER', 'ERP-NW-MH'],
    ['COMMISSIONER', 'NHSE'],
    [CUSTODY_EVENTS_ROLE, 'HMPPS'],
  ] as [Role, string][])('is FORBIDDEN to %s, even with a relationship to the person', async (role, org) => {
    const before = (await reportEvents()).length;
    const client = await hub.as(role, { org });
    const r = await client.query<Loose>(REPORT, { personId, reason: 'SAR-1' });
    expect(r.body.data).toBeNull();
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(await reportEvents()).toHaveLength(before);
  });
});

describe('the internal parts', () => {
  it('are not in the public API', async () => {
    for (const field of ['referralSubjectAccessPart', 'partnerSubjectAccessPart']) {
      const r = await admin.query(`query ($id: ID!) { ${field}(personId: $id) }`, { id: personId });
      // The gateway answers a query the API schema does not have as the caller's bad input.
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.body.errors?.[0]?.message).toMatch(new RegExp(`Cannot query field "${field}"`));
    }
  });

  /** Calls a subgraph directly with a valid internal token, as `caller` for `roles`. */
  async function direct(subgraph: string, field: string, caller: string, roles: Role[]) {
    const query = `query ($personId: ID!) { ${field}(personId: $personId) }`;
    const variables = { personId };
    const headers = await internalRequestHeaders(
      hub.internalSecret,
      subgraph,
      {
        principal: { subject: 'someone', roles, organisationCode: 'RC-NW' },
        requestId: randomUUID(),
        caller,
      },
      { query, variables },
    );
    const response = await fetch(hub.subgraphUrls[subgraph]!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Loose | null; errors?: { extensions?: Loose }[] };
  }

  it.each([
    ['referral', 'referralSubjectAccessPart'],
    ['partner', 'partnerSubjectAccessPart'],
  ])('%s answers only the person subgraph acting for an admin', async (subgraph, field) => {
    const asAdminFromPerson = await direct(subgraph, field, 'person', ['RECONNECT_ADMIN']);
    expect(asAdminFromPerson.errors).toBeUndefined();
    expect(JSON.parse(asAdminFromPerson.data![field] as string)).toBeTypeOf('object');
    for (const [caller, roles] of [
      ['gateway', ['RECONNECT_ADMIN']],
      ['referral', ['RECONNECT_ADMIN']],
      ['person', ['RECONNECT_STAFF']],
    ] as [string, Role[]][]) {
      const refused = await direct(subgraph, field, caller, roles);
      expect(refused.errors?.[0]?.extensions?.['code'], `${caller} ${roles.join()}`).toBe('FORBIDDEN');
    }
  });
});
