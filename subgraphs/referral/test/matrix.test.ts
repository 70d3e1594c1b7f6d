/**
 * The AUTH.md field matrix for referral and person data, through the gateway, for every role:
 * the "Referral: ..." rows, the "Person: ..." rows (with "Person: referrals", also reached through
 * `referral { person { referrals } }`), and the "submitReferral" and "referral transitions,
 * contacts, engagements" rows. Each cell is one request for one field, and asserts:
 *   read            the value is there, and no error;
 *   forbidden       null, with a FORBIDDEN error at exactly that path;
 *   hidden          no relationship: `referral` / `person` is null, with no error;
 *   root-forbidden  the role may not ask at all: null and FORBIDDEN at `referral` / `person`.
 * Mutation cells check the shield level only (FORBIDDEN or not) on a fresh referral each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  randomHomeOfficeReference,
  seedGrant,
  seedHealthNeed,
  seedPerson,
  seedReferral,
  seedRiskAssessment,
  startTestHub,
  type GraphqlResponse,
  type TestHub,
} from '@reconnect/hub/testing';
import { contacts, engagements, referralEvents } from '../src/db/schema.ts';

type Kind =
  | 'staff'
  | 'unrelatedStaff'
  | 'referrer'
  | 'otherReferrer'
  | 'partner'
  | 'partnerNeedsOnly'
  | 'otherPartner'
  | 'commissioner'
  | 'admin'
  | 'noRole';

interface Caller {
  label: string;
  roles: string[];
  org: string;
  kind: Kind;
  lead?: boolean;
}

const CALLERS: Caller[] = [
  { label: 'RECONNECT_STAFF of the owning service', roles: ['RECONNECT_STAFF'], org: 'RC-NW', kind: 'staff' },
  {
    label: 'RECONNECT_LEAD of the owning service',
    roles: ['RECONNECT_LEAD'],
    org: 'RC-NW',
    kind: 'staff',
    lead: true,
  },
  {
    label: 'ROLE_RECONNECT_STAFF (prefixed) of the owning service',
    roles: ['ROLE_RECONNECT_STAFF'],
    org: 'RC-NW',
    kind: 'staff',
  },
  {
    label: 'RECONNECT_STAFF of an unrelated service',
    roles: ['RECONNECT_STAFF'],
    org: 'RC-SW',
    kind: 'unrelatedStaff',
  },
  { label: 'REFERRER that referred', roles: ['REFERRER'], org: 'PROB-NW', kind: 'referrer' },
  { label: 'REFERRER of another organisation', roles: ['REFERRER'], org: 'POL-GMP', kind: 'otherReferrer' },
  { label: 'ER_PARTNER on the case (RISK, NEEDS)', roles: ['ER_PARTNER'], org: 'ERP-NW-MH', kind: 'partner' },
  {
    label: 'ER_PARTNER on the case (NEEDS only)',
    roles: ['ER_PARTNER'],
    org: 'ERP-NW-HSG',
    kind: 'partnerNeedsOnly',
  },
  { label: 'ER_PARTNER without a grant', roles: ['ER_PARTNER'], org: 'ERP-SW-SUB', kind: 'otherPartner' },
  { label: 'COMMISSIONER', roles: ['COMMISSIONER'], org: 'NHSE', kind: 'commissioner' },
  { label: 'RECONNECT_ADMIN', roles: ['RECONNECT_ADMIN'], org: 'NHSE-IG', kind: 'admin' },
  { label: 'a token with no role', roles: [], org: 'RC-NW', kind: 'noRole' },
];

type Expectation = 'read' | 'forbidden' | 'hidden' | 'root-forbidden' | { ids: string[] };

/** Groups of the AUTH.md rows. */
type ReferralGroup = 'status' | 'submission' | 'case' | 'partnerCase';
type PersonGroup = 'id' | 'name' | 'identifiers' | 'needs' | 'risk' | 'accessLog' | 'referrals';

const NO_ACCESS: Kind[] = ['commissioner', 'admin', 'noRole'];
const NO_RELATIONSHIP: Kind[] = ['unrelatedStaff', 'otherReferrer', 'otherPartner'];

function referralCell(kind: Kind, group: ReferralGroup): Expectation {
  if (NO_ACCESS.includes(kind)) return 'root-forbidden';
  if (NO_RELATIONSHIP.includes(kind)) return 'hidden';
  if (kind === 'staff') return 'read';
  if (kind === 'referrer') return group === 'status' || group === 'submission' ? 'read' : 'forbidden';
  // A partner on the case: status fields, the named worker and the support window.
  return group === 'status' || group === 'partnerCase' ? 'read' : 'forbidden';
}

/** Reached as `person(id)`; `root` is false when reached through `referral { person }`. */
function personCell(
  kind: Kind,
  group: PersonGroup,
  ids: { staff: string[]; referrer: string[] },
  root = true,
): Expectation {
  if (!root && (NO_ACCESS.includes(kind) || NO_RELATIONSHIP.includes(kind)))
    return referralCell(kind, 'status');
  if (kind === 'commissioner' || kind === 'noRole') return 'root-forbidden';
  if (NO_RELATIONSHIP.includes(kind)) return 'hidden';
  if (kind === 'admin') return group === 'id' || group === 'accessLog' ? 'read' : 'forbidden';
  if (group === 'accessLog') return 'forbidden';
  if (kind === 'staff') return group === 'referrals' ? { ids: ids.staff } : 'read';
  if (kind === 'referrer') {
    if (group === 'referrals') return { ids: ids.referrer };
    return group === 'id' || group === 'name' ? 'read' : 'forbidden';
  }
  // Partners: identity, and needs / risk as the agreement's scopes allow; never the referrals.
  if (group === 'id' || group === 'name') return 'read';
  if (group === 'needs') return 'read';
  if (group === 'risk') return kind === 'partner' ? 'read' : 'forbidden';
  return 'forbidden';
}

interface ReferralField {
  field: string;
  selection: string;
  group: ReferralGroup;
  /** The field may be an empty list for a reader (availableActions of a partner). */
  mayBeEmpty?: boolean;
}

const REFERRAL_FIELDS: ReferralField[] = [
  { field: 'id', selection: 'id', group: 'status' },
  { field: 'reference', selection: 'reference', group: 'status' },
  { field: 'status', selection: 'status', group: 'status' },
  { field: 'version', selection: 'version', group: 'status' },
  { field: 'source', selection: 'source', group: 'status' },
  { field: 'submittedAt', selection: 'submittedAt', group: 'status' },
  {
    field: 'custody',
    selection: 'custody { type expectedReleaseDate establishment { code name } }',
    group: 'status',
  },
  { field: 'owningService', selection: 'owningService { code name }', group: 'status' },
  { field: 'receivingService', selection: 'receivingService { code }', group: 'status' },
  { field: 'availableActions', selection: 'availableActions', group: 'status', mayBeEmpty: true },
  { field: 'referrer', selection: 'referrer { organisationCode name email }', group: 'submission' },
  { field: 'reasonForReferral', selection: 'reasonForReferral', group: 'submission' },
  { field: 'identifiedNeeds', selection: 'identifiedNeeds', group: 'submission' },
  { field: 'decline', selection: 'decline { reason note at }', group: 'submission' },
  { field: 'duplicateOf', selection: 'duplicateOf { id }', group: 'submission' },
  { field: 'consent', selection: 'consent { decision method }', group: 'case' },
  { field: 'contacts', selection: 'contacts { id mode preRelease }', group: 'case' },
  { field: 'engagements', selection: 'engagements { id outcome }', group: 'case' },
  { field: 'history', selection: 'history { type actor }', group: 'case' },
  { field: 'peerSupportWorker', selection: 'peerSupportWorker { name }', group: 'case' },
  { field: 'preReleaseContacts', selection: 'preReleaseContacts { count met }', group: 'case' },
  { field: 'discharge', selection: 'discharge { reason at }', group: 'case' },
  { field: 'namedWorker', selection: 'namedWorker { name }', group: 'partnerCase' },
  { field: 'supportWindow', selection: 'supportWindow { startsOn dischargeOverdue }', group: 'partnerCase' },
];

interface PersonField {
  field: string;
  selection: string;
  group: PersonGroup;
}

const PERSON_FIELDS: PersonField[] = [
  { field: 'id', selection: 'id', group: 'id' },
  { field: 'givenName', selection: 'givenName', group: 'name' },
  { field: 'familyName', selection: 'familyName', group: 'name' },
  { field: 'dateOfBirth', selection: 'dateOfBirth', group: 'name' },
  { field: 'nhsNumber', selection: 'nhsNumber', group: 'identifiers' },
  { field: 'prisonNumber', selection: 'prisonNumber', group: 'identifiers' },
  { field: 'crn', selection: 'crn', group: 'identifiers' },
  { field: 'pncId', selection: 'pncId', group: 'identifiers' },
  { field: 'homeOfficeReference', selection: 'homeOfficeReference', group: 'identifiers' },
  { field: 'homeArea', selection: 'homeArea { code name }', group: 'identifiers' },
  { field: 'healthNeeds', selection: 'healthNeeds { category description }', group: 'needs' },
  { field: 'riskOfSeriousHarm', selection: 'riskOfSeriousHarm { level }', group: 'risk' },
  { field: 'riskAssessments', selection: 'riskAssessments { level summary }', group: 'risk' },
  { field: 'accessLog', selection: 'accessLog { nodes { action } }', group: 'accessLog' },
  { field: 'referrals', selection: 'referrals { id }', group: 'referrals' },
];

/** Person fields also checked through `referral { person { ... } }`. */
const PERSON_VIA_REFERRAL = PERSON_FIELDS.filter((f) =>
  ['givenName', 'nhsNumber', 'healthNeeds', 'riskOfSeriousHarm', 'referrals'].includes(f.field),
);

let cells = 0;

function valueAt(data: unknown, path: string[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || v === undefined) return v;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Asserts one cell; `where` names it in a failure. */
function assertCell(
  response: GraphqlResponse,
  path: string[],
  expected: Expectation,
  where: string,
  mayBeEmpty = false,
) {
  cells += 1;
  const { body } = response;
  const errors = (body.errors ?? []).map((e) => ({
    path: (e.path ?? []).join('.'),
    code: e.extensions?.code,
  }));
  const value = valueAt(body.data, path);
  if (expected === 'read' || typeof expected === 'object') {
    expect(errors, where).toEqual([]);
    expect(value, where).not.toBeNull();
    expect(value, where).not.toBeUndefined();
    if (Array.isArray(value) && !mayBeEmpty) expect(value.length, where).toBeGreaterThan(0);
    if (typeof expected === 'object') {
      expect(new Set((value as { id: string }[]).map((r) => r.id)), where).toEqual(new Set(expected.ids));
    }
    return;
  }
  if (expected === 'forbidden') {
    expect(errors, where).toEqual([{ path: path.join('.'), code: 'FORBIDDEN' }]);
    expect(value ?? null, where).toBeNull();
    return;
  }
  const root = path[0]!;
  expect(valueAt(body.data, [root]) ?? null, where).toBeNull();
  expect(errors, where).toEqual(expected === 'hidden' ? [] : [{ path: root, code: 'FORBIDDEN' }]);
}

describe('the permission matrix for referral and person data', () => {
  let hub: TestHub;
  let personId: string;
  let referralId: string;
  const visible = { staff: [] as string[], referrer: [] as string[] };
  let worker: string;
  let peer: string;

  beforeAll(async () => {
    hub = await startTestHub();
    const db = hub.database.handle.db;
    const directory = await (
      await hub.as('RECONNECT_LEAD', { org: 'RC-NW' })
    ).query<{ reconnectService: { staff: { id: string; role: string }[] } }>(
      `{ reconnectService(code: "RC-NW") { staff { id role } } }`,
    );
    worker = directory.body.data!.reconnectService.staff.find((s) => s.role === 'RECONNECT_WORKER')!.id;
    peer = directory.body.data!.reconnectService.staff.find((s) => s.role === 'PEER_SUPPORT_WORKER')!.id;

    const person = await seedPerson(db, { homeOfficeReference: randomHomeOfficeReference() });
    personId = person.id;
    await seedHealthNeed(db, personId, { category: 'MENTAL_HEALTH' });
    await seedRiskAssessment(db, personId, { level: 'HIGH' });

    // The person's other referrals: one the owning service and the referrer share, one by another
    // referrer to the same service, and one in another service altogether.
    const declined = await seedReferral(db, {
      personId,
      status: 'DECLINED',
      declineReason: 'DUPLICATE',
      declinedAt: new Date(),
    });
    const discharged = await seedReferral(db, {
      personId,
      status: 'DISCHARGED',
      referrerOrganisationCode: 'LD-NW',
      source: 'LIAISON_AND_DIVERSION',
      submittedAt: new Date(Date.now() - 400 * 86_400_000),
      dischargeReason: 'NEEDS_MET',
      dischargedAt: new Date(Date.now() - 100 * 86_400_000),
    });
    const elsewhere = await seedReferral(db, {
      personId,
      status: 'WITHDRAWN',
      owningServiceCode: 'RC-LDN',
      establishmentCode: 'PVI',
      referrerOrganisationCode: 'LD-LDN',
    });

    // The referral every referral cell reads. It carries every optional field (decline, discharge,
    // duplicateOf too, which a real open referral would not) so that a readable cell has a value.
    const referral = await seedReferral(db, {
      personId,
      status: 'PRE_RELEASE',
      receivingServiceCode: 'RC-MID',
      referrerEmail: 'referrer@probation.example.org',
      reasonForReferral: 'Depression; needs a GP on release.',
      identifiedNeeds: ['MENTAL_HEALTH'],
      consentDecision: 'GIVEN',
      consentMethod: 'FACE_TO_FACE',
      consentRecordedAt: new Date(),
      consentRecordedBy: 'test',
      namedWorkerId: worker,
      peerSupportWorkerId: peer,
      duplicateOfId: declined.id,
      declineReason: 'OTHER',
      declineNote: 'For the matrix only.',
      declinedAt: new Date(),
      dischargeReason: 'OTHER',
      dischargeNote: 'For the matrix only.',
      dischargedAt: new Date(),
    });
    referralId = referral.id;
    await db.insert(contacts).values({
      referralId,
      occurredAt: new Date(),
      mode: 'FACE_TO_FACE',
      purpose: 'ASSESSMENT',
      recordedAt: new Date(),
      recordedBy: 'test',
    });
    await db.insert(engagements).values({
      referralId,
      serviceType: 'GP_REGISTRATION',
      providerName: 'Health Centre',
      outcome: 'BOOKED',
      recordedAt: new Date(),
      recordedBy: 'test',
    });
    await db.insert(referralEvents).values({
      referralId,
      at: new Date(),
      type: 'referral.submitted',
      toStatus: 'SUBMITTED',
      actor: 'test',
    });

    for (const r of [referral, declined, discharged]) {
      await seedGrant(db, {
        organisationCode: 'RC-NW',
        relationship: 'OWNING_SERVICE',
        personId,
        referralId: r.id,
      });
      await seedGrant(db, {
        organisationCode: r.referrerOrganisationCode,
        relationship: 'REFERRER',
        personId,
        referralId: r.id,
      });
    }
    await seedGrant(db, {
      organisationCode: 'RC-LDN',
      relationship: 'OWNING_SERVICE',
      personId,
      referralId: elsewhere.id,
    });
    await seedGrant(db, {
      organisationCode: 'LD-LDN',
      relationship: 'REFERRER',
      personId,
      referralId: elsewhere.id,
    });
    const enhancedCaseId = randomUUID();
    await seedGrant(db, {
      organisationCode: 'ERP-NW-MH',
      relationship: 'ER_PARTNER',
      personId,
      referralId,
      enhancedCaseId,
      scopes: ['RISK', 'NEEDS'],
    });
    await seedGrant(db, {
      organisationCode: 'ERP-NW-HSG',
      relationship: 'ER_PARTNER',
      personId,
      referralId,
      enhancedCaseId,
      scopes: ['NEEDS'],
    });
    visible.staff = [referral.id, declined.id, discharged.id];
    visible.referrer = [referral.id, declined.id];
  });

  afterAll(async () => {
    console.log(`permission matrix: ${cells} cells checked`);
    await hub?.stop();
  });

  describe.each(CALLERS)('$label', (caller) => {
    const client = () => hub.as(caller.roles, { org: caller.org });

    it('reads the Referral rows as AUTH.md says', async () => {
      const c = await client();
      await Promise.all(
        REFERRAL_FIELDS.map(async (f) => {
          const response = await c.query(`query ($id: ID!) { referral(id: $id) { ${f.selection} } }`, {
            id: referralId,
          });
          assertCell(
            response,
            ['referral', f.field],
            referralCell(caller.kind, f.group),
            `${caller.label}: referral.${f.field}`,
            f.mayBeEmpty,
          );
        }),
      );
    });

    it('reads the Person rows as AUTH.md says, through person(id) and through referral { person }', async () => {
      const c = await client();
      await Promise.all([
        ...PERSON_FIELDS.map(async (f) => {
          const response = await c.query(`query ($id: ID!) { person(id: $id) { ${f.selection} } }`, {
            id: personId,
          });
          assertCell(
            response,
            ['person', f.field],
            personCell(caller.kind, f.group, visible),
            `${caller.label}: person.${f.field}`,
          );
        }),
        ...PERSON_VIA_REFERRAL.map(async (f) => {
          const response = await c.query(
            `query ($id: ID!) { referral(id: $id) { person { ${f.selection} } } }`,
            { id: referralId },
          );
          assertCell(
            response,
            ['referral', 'person', f.field],
            personCell(caller.kind, f.group, visible, false),
            `${caller.label}: referral.person.${f.field}`,
          );
        }),
      ]);
    });

    it('may submit and change referrals only as AUTH.md says (shield level)', async () => {
      const c = await client();
      const db = hub.database.handle.db;
      const today = hub.clock.today();
      const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const staffRole = caller.kind === 'staff' || caller.kind === 'unrelatedStaff';
      const referrerRole = caller.kind === 'referrer' || caller.kind === 'otherReferrer';
      const operations: {
        name: string;
        allowed: boolean;
        query: string;
        variables: (id: string) => Record<string, unknown>;
      }[] = [
        {
          name: 'submitReferral',
          allowed: staffRole || referrerRole,
          query: `mutation ($input: SubmitReferralInput!, $key: String!) { submitReferral(input: $input, idempotencyKey: $key) { replayed referral { id } } }`,
          variables: () => ({
            key: randomUUID(),
            input: {
              source: 'PROBATION',
              referrer: { name: 'Matrix Test' },
              person: {
                givenName: 'Matrix',
                familyName: `Cell ${randomUUID().slice(0, 8)}`,
                dateOfBirth: '1985-01-01',
              },
              // Staff submit for their own service's establishments (service/submit.ts refuses others).
              custody: {
                type: 'PRISON',
                establishmentCode: caller.org === 'RC-SW' ? 'BLI' : 'MRI',
                expectedReleaseDate: inAMonth,
              },
              identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Depression.' }],
            },
          }),
        },
        {
          name: 'withdrawReferral',
          allowed: staffRole || referrerRole,
          query: `mutation ($id: ID!) { withdrawReferral(id: $id, reason: "Matrix") { referral { id } } }`,
          variables: (id) => ({ id }),
        },
        {
          name: 'recordConsent',
          allowed: staffRole,
          query: `mutation ($id: ID!) { recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE) { referral { id } } }`,
          variables: (id) => ({ id }),
        },
        {
          name: 'acceptReferral',
          allowed: staffRole,
          query: `mutation ($id: ID!) { acceptReferral(id: $id) { referral { id } } }`,
          variables: (id) => ({ id }),
        },
        {
          name: 'declineReferral',
          allowed: staffRole,
          query: `mutation ($id: ID!) { declineReferral(id: $id, reason: OTHER, note: "Matrix") { referral { id } } }`,
          variables: (id) => ({ id }),
        },
        {
          name: 'assignWorker',
          allowed: staffRole,
          query: `mutation ($id: ID!, $s: ID!) { assignWorker(referralId: $id, staffId: $s) { referral { id } } }`,
          variables: (id) => ({ id, s: worker }),
        },
        {
          name: 'assignPeerSupport',
          allowed: staffRole,
          query: `mutation ($id: ID!, $s: ID!) { assignPeerSupport(referralId: $id, staffId: $s) { referral { id } } }`,
          variables: (id) => ({ id, s: peer }),
        },
        {
          name: 'recordContact',
          allowed: staffRole,
          query: `mutation ($id: ID!, $at: DateTime!) { recordContact(referralId: $id, input: { occurredAt: $at, mode: VIDEO, purpose: ASSESSMENT }) { referral { id } } }`,
          variables: (id) => ({ id, at: new Date().toISOString() }),
        },
        {
          name: 'updateExpectedReleaseDate',
          allowed: staffRole,
          query: `mutation ($id: ID!, $d: Date!) { updateExpectedReleaseDate(referralId: $id, expectedReleaseDate: $d, reason: "Matrix") { referral { id } } }`,
          variables: (id) => ({ id, d: inAMonth }),
        },
        {
          name: 'recordRelease',
          allowed: staffRole,
          query: `mutation ($id: ID!, $d: Date!) { recordRelease(referralId: $id, releasedOn: $d) { referral { id } } }`,
          variables: (id) => ({ id, d: today }),
        },
        {
          name: 'recordReturnToCustody',
          allowed: staffRole,
          query: `mutation ($id: ID!, $d: Date) { recordReturnToCustody(referralId: $id, establishmentCode: "MRI", expectedReleaseDate: $d) { referral { id } } }`,
          variables: (id) => ({ id, d: inAMonth }),
        },
        {
          name: 'recordEngagement',
          allowed: staffRole,
          query: `mutation ($id: ID!) { recordEngagement(referralId: $id, input: { serviceType: GP_REGISTRATION, providerName: "Health Centre", outcome: BOOKED }) { referral { id } } }`,
          variables: (id) => ({ id }),
        },
        {
          name: 'dischargeReferral',
          allowed: staffRole,
          query: `mutation ($id: ID!) { dischargeReferral(referralId: $id, reason: NEEDS_MET) { referral { id } } }`,
          variables: (id) => ({ id }),
        },
        {
          name: 'extendSupport',
          // Extending support needs RECONNECT_LEAD.
          allowed: caller.kind === 'staff' && caller.lead === true,
          query: `mutation ($id: ID!, $d: Date!) { extendSupport(referralId: $id, until: $d, reason: "Matrix") { referral { id } } }`,
          variables: (id) => ({ id, d: inAMonth }),
        },
      ];
      for (const op of operations) {
        // A fresh SUBMITTED referral of the owning service and the referrer, for this cell alone.
        // No NHS number: seedPerson draws them from a million, and this test makes ~170 people.
        const person = await seedPerson(db, { nhsNumber: null });
        const target = await seedReferral(db, {
          personId: person.id,
          consentDecision: 'GIVEN',
          consentMethod: 'FACE_TO_FACE',
          consentRecordedAt: new Date(),
          consentRecordedBy: 'test',
        });
        await seedGrant(db, {
          organisationCode: 'RC-NW',
          relationship: 'OWNING_SERVICE',
          personId: person.id,
          referralId: target.id,
        });
        await seedGrant(db, {
          organisationCode: 'PROB-NW',
          relationship: 'REFERRER',
          personId: person.id,
          referralId: target.id,
        });
        const { body } = await c.query(op.query, op.variables(target.id));
        cells += 1;
        const forbidden = (body.errors ?? [])
          .filter((e) => e.extensions?.code === 'FORBIDDEN')
          .map((e) => e.path?.join('.'));
        const where = `${caller.label}: ${op.name}`;
        if (op.allowed) expect(forbidden, where).toEqual([]);
        else {
          expect(forbidden, where).toEqual([op.name]);
          expect(body.data ?? null, where).toBeNull();
        }
      }
    });
  });
});
