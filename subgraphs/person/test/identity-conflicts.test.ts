/**
 * Identity conflicts resolved by people, through the gateway (DOMAIN.md, "Identity conflicts";
 * contract/next/governance.graphql and governance.md): a submission whose identifiers point at two
 * people records a conflict naming the referral; staff with a relationship see it on the person
 * (the other record only as an id); information governance reads the queue with both records'
 * identity fields (each read audited, purpose "identity resolution") and resolves it.
 * DIFFERENT_PEOPLE takes the identifiers that submission added off the linked record; SAME_PERSON
 * merges the other record into the kept one in every subgraph (identifiers, needs, risk,
 * referrals, enhanced cases, grants; two open referrals: the newer a DUPLICATE of the older), and
 * a merge stopped half way by a subgraph that is down shows nothing half-merged and completes,
 * exactly once, when the subgraph is back (docs/GOVERNANCE.md, "Merging two person records").
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@reconnect/audit';
import { grants } from '@reconnect/access';
import {
  randomNhsNumber,
  randomPrisonNumber,
  seedGrant,
  seedHealthNeed,
  seedPerson,
  seedReferral,
  seedRiskAssessment,
  startTestHub,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';
import { appliedPersonMerges as partnerApplied, enhancedCases } from '../../partner/src/db/schema.ts';
import { identityConflicts, people, personMerges } from '../src/db/schema.ts';
import {
  appliedPersonMerges as referralApplied,
  referralEvents,
  referrals,
} from '../../referral/src/db/schema.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const GRANTED = new Date('2026-01-01T00:00:00Z');
const PARTNER = 'ERP-NW-TEST';
/** The test clock starts at 10:00 on 25 November and runs on. */
const TODAY_AT = /^2026-11-25T10:\d\d:\d\d\.\d{3}Z$/;

let hub: TestHub;
let admin: HubClientForTests;
let nwStaff: HubClientForTests;
let neyStaff: HubClientForTests;
let seStaff: HubClientForTests;
let probation: HubClientForTests;
let partner: HubClientForTests;
let commissioner: HubClientForTests;

beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set('2026-11-25T10:00:00Z');
  admin = await hub.as('RECONNECT_ADMIN', { sub: 'ig-officer', org: 'NHSE-IG' });
  nwStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker' });
  neyStaff = await hub.as('RECONNECT_LEAD', { org: 'RC-NEY', sub: 'ney-lead' });
  seStaff = await hub.as('RECONNECT_LEAD', { org: 'RC-SE', sub: 'se-lead' });
  probation = await hub.as('REFERRER', { org: 'PROB-NW', sub: 'pat-probation' });
  partner = await hub.as('ER_PARTNER', { org: PARTNER, sub: 'partner-worker' });
  commissioner = await hub.as('COMMISSIONER', { sub: 'commissioner' });
});
afterAll(async () => {
  await hub?.stop();
});

const db = () => hub.database.handle.db;

const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmitReferralInput!, $key: String!) {
    submitReferral(input: $input, idempotencyKey: $key) {
      referral {
        id
        status
      }
    }
  }
`;

const CONFLICT_FIELDS = /* GraphQL */ `
  id
  status
  detectedAt
  identifierType
  referral {
    id
  }
  person {
    id
    givenName
    familyName
    dateOfBirth
    nhsNumber
    prisonNumber
    crn
    pncId
    homeOfficeReference
  }
  otherPerson {
    id
    givenName
    familyName
    dateOfBirth
    nhsNumber
    prisonNumber
    crn
    pncId
    homeOfficeReference
  }
  resolution {
    outcome
    keptPerson {
      id
    }
    note
    resolvedAt
    resolvedBy
  }
`;

const QUEUE = /* GraphQL */ `
  query ($status: IdentityConflictStatus, $first: Int, $after: String) {
    identityConflicts(status: $status, first: $first, after: $after) {
      nodes { ${CONFLICT_FIELDS} }
      pageInfo { endCursor hasNextPage }
      totalCount
    }
  }
`;

const RESOLVE = /* GraphQL */ `
  mutation ($id: ID!, $outcome: IdentityResolution!, $note: String!, $keep: ID) {
    resolveIdentityConflict(id: $id, outcome: $outcome, note: $note, keepPersonId: $keep) {
      conflict { ${CONFLICT_FIELDS} }
    }
  }
`;

const PERSON_CONFLICTS = /* GraphQL */ `
  query ($id: ID!, $status: IdentityConflictStatus) {
    person(id: $id) {
      id
      identityConflicts(status: $status) {
        id
        status
        detectedAt
        identifierType
        referral {
          id
        }
        otherPerson {
          id
        }
      }
    }
  }
`;

interface Case {
  linked: Loose;
  other: Loose;
  /** The referral whose submission found the conflict (linked person, owned by RC-NW). */
  referralId: string;
  /** The other person's older open referral (owned by RC-NEY), with an enhanced case. */
  otherReferralId: string;
  caseId: string;
  conflictId: string;
}

/**
 * Two records: `linked` (an NHS number only) and `other` (a prison number, an older open referral
 * owned by RC-NEY, a need, a risk assessment and an enhanced case with a partner). Then a
 * probation referral carrying the linked person's NHS number, the other's prison number and a new
 * CRN: it is linked to `linked`, gets the CRN, and records a PRISON_NUMBER conflict.
 */
async function conflictCase(): Promise<Case> {
  const linked = await seedPerson(db(), {
    givenName: 'Jordan',
    familyName: `Linked-${randomUUID().slice(0, 6)}`,
    nhsNumber: randomNhsNumber(),
    prisonNumber: null,
    crn: null,
    pncId: null,
  });
  const other = await seedPerson(db(), {
    givenName: 'Jordan',
    familyName: `Other-${randomUUID().slice(0, 6)}`,
    nhsNumber: null,
    prisonNumber: randomPrisonNumber(),
    crn: null,
  });
  const otherReferral = await seedReferral(db(), {
    personId: other.id,
    status: 'PRE_RELEASE',
    submittedAt: new Date('2026-11-20T10:00:00Z'),
    owningServiceCode: 'RC-NEY',
    establishmentCode: 'FSI',
    referrerOrganisationCode: 'POLICE-NEY',
  });
  await seedGrant(db(), {
    organisationCode: 'RC-NEY',
    relationship: 'OWNING_SERVICE',
    personId: other.id,
    referralId: otherReferral.id,
    validFrom: GRANTED,
  });
  await seedHealthNeed(db(), other.id, { category: 'SUBSTANCE_MISUSE', description: 'Opiate use.' });
  await seedRiskAssessment(db(), other.id, { level: 'HIGH' });
  const [enhanced] = await db()
    .insert(enhancedCases)
    .values({
      referralId: otherReferral.id,
      personId: other.id,
      region: 'NORTH_EAST_AND_YORKSHIRE',
      openedAt: GRANTED,
      openedBy: 'ney-lead',
      rationale: 'High risk, several needs.',
      sharingConsentDecision: 'GIVEN',
      consentMethod: 'FACE_TO_FACE',
      consentRecordedAt: GRANTED,
      consentRecordedBy: 'ney-lead',
    })
    .returning();
  await seedGrant(db(), {
    organisationCode: PARTNER,
    relationship: 'ER_PARTNER',
    personId: other.id,
    referralId: otherReferral.id,
    enhancedCaseId: enhanced!.id,
    scopes: ['NEEDS', 'RISK'],
    validFrom: GRANTED,
  });

  const crn = `X${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const response = await probation.query<Loose>(SUBMIT, {
    key: randomUUID(),
    input: {
      source: 'PROBATION',
      referrer: {
        name: 'Pat Probation',
        organisationName: 'Probation North West',
        email: 'pat@probation.example',
      },
      person: {
        givenName: 'Jordan',
        familyName: linked.familyName,
        dateOfBirth: '1990-01-01',
        nhsNumber: linked.nhsNumber,
        prisonNumber: other.prisonNumber,
        crn,
      },
      custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-15' },
      identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood.' }],
    },
  });
  expect(response.body.errors).toBeUndefined();
  const referralId = response.body.data!.submitReferral.referral.id as string;
  const [conflict] = await db()
    .select()
    .from(identityConflicts)
    .where(eq(identityConflicts.personId, linked.id));
  return {
    linked: { ...linked, crn },
    other,
    referralId,
    otherReferralId: otherReferral.id,
    caseId: enhanced!.id,
    conflictId: conflict!.id,
  };
}

const codesOf = (body: { errors?: { path?: (string | number)[]; extensions?: Loose }[] }) =>
  Object.fromEntries((body.errors ?? []).map((e) => [(e.path ?? []).join('.'), e.extensions?.['code']]));

async function readsOf(requestId: string) {
  return db().select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
}

describe('a conflict found by a submission', () => {
  let c: Case;
  beforeAll(async () => {
    c = await conflictCase();
  });

  it('is recorded against the linked record, naming the referral and the identifiers it added', async () => {
    const [row] = await db().select().from(identityConflicts).where(eq(identityConflicts.id, c.conflictId));
    expect(row).toMatchObject({
      personId: c.linked.id,
      otherPersonId: c.other.id,
      identifierKind: 'PRISON_NUMBER',
      referralId: c.referralId,
      addedIdentifierKinds: ['CRN'],
      resolvedAt: null,
    });
  });

  it('shows staff of the linked person its open conflicts, and of the other record only the id', async () => {
    const mine = await nwStaff.query<Loose>(PERSON_CONFLICTS, { id: c.linked.id });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data!.person.identityConflicts).toEqual([
      {
        id: c.conflictId,
        status: 'OPEN',
        detectedAt: expect.stringMatching(TODAY_AT),
        identifierType: 'PRISON_NUMBER',
        referral: { id: c.referralId },
        otherPerson: { id: c.other.id },
      },
    ]);
    // The other record's identity is not theirs to read through the conflict.
    const theirs = await nwStaff.query<Loose>(
      `query ($id: ID!) { person(id: $id) { identityConflicts { otherPerson { id givenName nhsNumber } } } }`,
      { id: c.linked.id },
    );
    expect(codesOf(theirs.body)).toEqual({
      'person.identityConflicts.0.otherPerson.givenName': 'FORBIDDEN',
      'person.identityConflicts.0.otherPerson.nhsNumber': 'FORBIDDEN',
    });
    // Staff of the other record's service see it from their side; resolved ones only when asked.
    const fromOther = await neyStaff.query<Loose>(PERSON_CONFLICTS, { id: c.other.id });
    expect(fromOther.body.data!.person.identityConflicts).toEqual([
      expect.objectContaining({ id: c.conflictId, otherPerson: { id: c.other.id } }),
    ]);
    const resolved = await nwStaff.query<Loose>(PERSON_CONFLICTS, { id: c.linked.id, status: 'RESOLVED' });
    expect(resolved.body.data!.person.identityConflicts).toEqual([]);
  });

  it('is denied where governance.md says no', async () => {
    // Staff without a relationship do not see the person at all.
    const se = await seStaff.query<Loose>(PERSON_CONFLICTS, { id: c.linked.id });
    expect(se.body.data!.person).toBeNull();
    // The referrer reads the person's identity, not its conflicts; the partner likewise.
    const referrer = await probation.query<Loose>(PERSON_CONFLICTS, { id: c.linked.id });
    expect(codesOf(referrer.body)).toEqual({ 'person.identityConflicts': 'FORBIDDEN' });
    const byPartner = await partner.query<Loose>(PERSON_CONFLICTS, { id: c.other.id });
    expect(codesOf(byPartner.body)).toEqual({ 'person.identityConflicts': 'FORBIDDEN' });
    const byCommissioner = await commissioner.query<Loose>(PERSON_CONFLICTS, { id: c.linked.id });
    expect(codesOf(byCommissioner.body)).toEqual({ person: 'FORBIDDEN' });
    for (const client of [nwStaff, neyStaff, seStaff, probation, partner, commissioner]) {
      const queue = await client.query<Loose>(QUEUE, {});
      expect(codesOf(queue.body)).toEqual({ identityConflicts: 'FORBIDDEN' });
      const resolve = await client.query<Loose>(RESOLVE, {
        id: c.conflictId,
        outcome: 'SAME_PERSON',
        note: 'not mine to decide',
      });
      expect(codesOf(resolve.body)).toEqual({ resolveIdentityConflict: 'FORBIDDEN' });
    }
    expect(
      (await db().select().from(identityConflicts).where(eq(identityConflicts.id, c.conflictId)))[0],
    ).toMatchObject({ resolvedAt: null });
  });

  it('gives information governance both records identity fields in the queue, each read audited', async () => {
    const response = await admin.query<Loose>(QUEUE, { first: 200 });
    expect(response.body.errors).toBeUndefined();
    const queue = response.body.data!.identityConflicts;
    const node = queue.nodes.find((n: Loose) => n.id === c.conflictId);
    expect(node).toEqual({
      id: c.conflictId,
      status: 'OPEN',
      detectedAt: expect.stringMatching(TODAY_AT),
      identifierType: 'PRISON_NUMBER',
      referral: { id: c.referralId },
      person: {
        id: c.linked.id,
        givenName: 'Jordan',
        familyName: c.linked.familyName,
        dateOfBirth: '1990-01-01',
        nhsNumber: c.linked.nhsNumber,
        prisonNumber: null,
        crn: c.linked.crn,
        pncId: null,
        homeOfficeReference: null,
      },
      otherPerson: expect.objectContaining({
        id: c.other.id,
        familyName: c.other.familyName,
        prisonNumber: c.other.prisonNumber,
      }),
      resolution: null,
    });
    expect(queue.totalCount).toBeGreaterThanOrEqual(1);
    const events = await readsOf(response.headers.get('x-request-id')!);
    const reads = events.filter((e) => e.action === 'person.read');
    expect(reads.filter((e) => e.personId === c.linked.id || e.personId === c.other.id)).toEqual([
      expect.objectContaining({ purpose: 'identity resolution', actorSubject: 'ig-officer' }),
      expect.objectContaining({ purpose: 'identity resolution', actorSubject: 'ig-officer' }),
    ]);
  });

  it('opens nothing else of either record to information governance', async () => {
    // Not through person(id): only id (and accessLog, conflicts and mergedInto) as before.
    const direct = await admin.query<Loose>(
      `query ($id: ID!) { person(id: $id) { id givenName nhsNumber healthNeeds { id } } }`,
      { id: c.other.id },
    );
    expect(codesOf(direct.body)).toMatchObject({ 'person.givenName': 'FORBIDDEN' });
    // Not through Person.identityConflicts (there the other record is only an id for everyone).
    const viaPerson = await admin.query<Loose>(
      `query ($id: ID!) { person(id: $id) { identityConflicts { otherPerson { id givenName } } } }`,
      { id: c.linked.id },
    );
    expect(codesOf(viaPerson.body)).toEqual({
      'person.identityConflicts.0.otherPerson.givenName': 'FORBIDDEN',
    });
    // Not needs or risk through the conflict either.
    const beyond = await admin.query<Loose>(
      `query { identityConflicts(first: 200) { nodes { id otherPerson { healthNeeds { id } riskAssessments { id } homeArea { code } } } } }`,
    );
    const codes = Object.values(codesOf(beyond.body));
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(['FORBIDDEN']));
  });

  it('refuses bad input with the field', async () => {
    const cases: [Loose, string, string | undefined][] = [
      [{ id: c.conflictId, outcome: 'SAME_PERSON', note: '   ' }, 'BAD_USER_INPUT', 'note'],
      [
        { id: c.conflictId, outcome: 'SAME_PERSON', note: 'x', keep: randomUUID() },
        'BAD_USER_INPUT',
        'keepPersonId',
      ],
      [
        { id: c.conflictId, outcome: 'DIFFERENT_PEOPLE', note: 'x', keep: c.linked.id },
        'BAD_USER_INPUT',
        'keepPersonId',
      ],
      [{ id: randomUUID(), outcome: 'SAME_PERSON', note: 'x' }, 'NOT_FOUND', undefined],
    ];
    for (const [variables, code, field] of cases) {
      const response = await admin.query<Loose>(RESOLVE, variables);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    }
  });
});

describe('DIFFERENT_PEOPLE', () => {
  it('takes the identifiers the submission added off the linked record, and cannot be resolved again', async () => {
    const c = await conflictCase();
    const response = await admin.query<Loose>(RESOLVE, {
      id: c.conflictId,
      outcome: 'DIFFERENT_PEOPLE',
      note: 'Different dates of birth on the prison record; two people.',
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.resolveIdentityConflict.conflict).toMatchObject({
      status: 'RESOLVED',
      person: { id: c.linked.id, crn: null, nhsNumber: c.linked.nhsNumber },
      otherPerson: { id: c.other.id, prisonNumber: c.other.prisonNumber },
      resolution: {
        outcome: 'DIFFERENT_PEOPLE',
        keptPerson: null,
        note: 'Different dates of birth on the prison record; two people.',
        resolvedAt: expect.stringMatching(TODAY_AT),
        resolvedBy: 'ig-officer',
      },
    });
    const [linked] = await db().select().from(people).where(eq(people.id, c.linked.id));
    expect(linked).toMatchObject({ crn: null, mergedInto: null });
    const again = await admin.query<Loose>(RESOLVE, { id: c.conflictId, outcome: 'SAME_PERSON', note: 'x' });
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_TRANSITION');
    // Nothing merged anywhere.
    expect(await db().select().from(personMerges).where(eq(personMerges.conflictId, c.conflictId))).toEqual(
      [],
    );
    const events = await readsOf(response.headers.get('x-request-id')!);
    expect(
      events
        .filter((e) => e.action === 'person.identity-conflict-resolved')
        .map((e) => e.personId)
        .sort(),
    ).toEqual([c.linked.id, c.other.id].sort());
  });
});

const MERGED_VIEW = /* GraphQL */ `
  query ($id: ID!) {
    person(id: $id) {
      id
      givenName
      prisonNumber
      mergedInto {
        id
        givenName
        healthNeeds {
          category
        }
        riskAssessments {
          level
        }
      }
    }
  }
`;

async function expectMerged(c: Case) {
  const [kept] = await db().select().from(people).where(eq(people.id, c.linked.id));
  const [merged] = await db().select().from(people).where(eq(people.id, c.other.id));
  expect(kept).toMatchObject({ prisonNumber: c.other.prisonNumber, pendingMergeOf: null, mergedInto: null });
  expect(merged).toMatchObject({ prisonNumber: null, mergedInto: c.linked.id });
  // Referrals and the enhanced case follow the kept person; the newer open referral is declined.
  const rows = await db().select().from(referrals).where(eq(referrals.personId, c.linked.id));
  expect(rows.map((r) => r.id).sort()).toEqual([c.referralId, c.otherReferralId].sort());
  const newer = rows.find((r) => r.id === c.referralId)!;
  expect(newer).toMatchObject({
    status: 'DECLINED',
    declineReason: 'DUPLICATE',
    duplicateOfId: c.otherReferralId,
  });
  expect(rows.find((r) => r.id === c.otherReferralId)).toMatchObject({ status: 'PRE_RELEASE' });
  const historyOf = async (id: string) =>
    (await db().select().from(referralEvents).where(eq(referralEvents.referralId, id))).map((e) => e.type);
  expect((await historyOf(c.referralId)).filter((t) => t === 'referral.declined')).toHaveLength(1);
  expect(
    (await historyOf(c.otherReferralId)).filter((t) => t === 'referral.duplicate-received'),
  ).toHaveLength(1);
  const [enhanced] = await db().select().from(enhancedCases).where(eq(enhancedCases.id, c.caseId));
  expect(enhanced!.personId).toBe(c.linked.id);
  // Every grant on the merged record moved, once.
  expect(await db().select().from(grants).where(eq(grants.personId, c.other.id))).toEqual([]);
  const partnerGrants = await db()
    .select()
    .from(grants)
    .where(and(eq(grants.personId, c.linked.id), eq(grants.relationship, 'ER_PARTNER')));
  expect(partnerGrants).toHaveLength(1);
  // Each owner applied the merge once.
  const [merge] = await db().select().from(personMerges).where(eq(personMerges.conflictId, c.conflictId));
  expect(merge).toMatchObject({ pendingSteps: [], completedAt: expect.any(Date) });
  expect(
    await db().select().from(referralApplied).where(eq(referralApplied.mergeId, merge!.id)),
  ).toHaveLength(1);
  expect(await db().select().from(partnerApplied).where(eq(partnerApplied.mergeId, merge!.id))).toHaveLength(
    1,
  );
  return merge!;
}

describe('SAME_PERSON', () => {
  it('merges the other record into the kept one in every subgraph', async () => {
    const c = await conflictCase();
    // A record merged into the other one before: it answers the kept one afterwards.
    const earlier = await seedPerson(db(), {
      mergedInto: c.other.id,
      nhsNumber: null,
      prisonNumber: null,
      crn: null,
      pncId: null,
    });
    const response = await admin.query<Loose>(RESOLVE, {
      id: c.conflictId,
      outcome: 'SAME_PERSON',
      note: 'Same person: prison record confirms the NHS number.',
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.resolveIdentityConflict.conflict).toMatchObject({
      status: 'RESOLVED',
      resolution: { outcome: 'SAME_PERSON', keptPerson: { id: c.linked.id }, resolvedBy: 'ig-officer' },
    });
    await expectMerged(c);

    // The other record's service now reads the kept person, with everything both held.
    const ney = await neyStaff.query<Loose>(
      `query ($id: ID!) { referral(id: $id) { person { id prisonNumber nhsNumber healthNeeds { category } } } }`,
      { id: c.otherReferralId },
    );
    expect(ney.body.errors).toBeUndefined();
    expect(ney.body.data!.referral.person).toMatchObject({
      id: c.linked.id,
      prisonNumber: c.other.prisonNumber,
      nhsNumber: c.linked.nhsNumber,
    });
    expect(ney.body.data!.referral.person.healthNeeds.map((n: Loose) => n.category).sort()).toEqual([
      'MENTAL_HEALTH',
      'SUBSTANCE_MISUSE',
    ]);
    // person(id) of the merged record answers the kept one through mergedInto, to its readers.
    for (const client of [neyStaff, nwStaff, partner]) {
      const view = await client.query<Loose>(
        `query ($id: ID!) { person(id: $id) { id mergedInto { id } } }`,
        { id: c.other.id },
      );
      expect(view.body.errors).toBeUndefined();
      expect(view.body.data!.person).toEqual({ id: c.other.id, mergedInto: { id: c.linked.id } });
    }
    const byCommissioner = await commissioner.query<Loose>(
      `query ($id: ID!) { person(id: $id) { mergedInto { id } } }`,
      {
        id: c.other.id,
      },
    );
    expect(codesOf(byCommissioner.body)).toEqual({ person: 'FORBIDDEN' });
    const se = await seStaff.query<Loose>(`query ($id: ID!) { person(id: $id) { mergedInto { id } } }`, {
      id: c.other.id,
    });
    expect(se.body.data!.person).toBeNull();

    const [earlierRow] = await db().select().from(people).where(eq(people.id, earlier.id));
    expect(earlierRow!.mergedInto).toBe(c.linked.id);
    const viaEarlier = await nwStaff.query<Loose>(
      `query ($id: ID!) { person(id: $id) { mergedInto { id } } }`,
      {
        id: earlier.id,
      },
    );
    expect(viaEarlier.body.data!.person).toEqual({ mergedInto: { id: c.linked.id } });
    // The merge is an audit event on both records, naming the other.
    const merges = (await readsOf(response.headers.get('x-request-id')!)).filter(
      (e) => e.action === 'person.merged',
    );
    expect(merges.map((e) => [e.personId, e.subjectId])).toEqual(
      expect.arrayContaining([
        [c.linked.id, c.other.id],
        [c.other.id, c.linked.id],
      ]),
    );
    const again = await admin.query<Loose>(RESOLVE, { id: c.conflictId, outcome: 'SAME_PERSON', note: 'x' });
    expect(again.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_TRANSITION');
  });

  it('keeps the other record when asked to', async () => {
    const c = await conflictCase();
    const response = await admin.query<Loose>(RESOLVE, {
      id: c.conflictId,
      outcome: 'SAME_PERSON',
      note: 'Keep the prison record.',
      keep: c.other.id,
    });
    expect(response.body.errors).toBeUndefined();
    const [linked] = await db().select().from(people).where(eq(people.id, c.linked.id));
    expect(linked).toMatchObject({ mergedInto: c.other.id, nhsNumber: null });
    const [kept] = await db().select().from(people).where(eq(people.id, c.other.id));
    expect(kept).toMatchObject({ nhsNumber: c.linked.nhsNumber, crn: c.linked.crn, pendingMergeOf: null });
    const [newer] = await db().select().from(referrals).where(eq(referrals.id, c.referralId));
    expect(newer).toMatchObject({
      personId: c.other.id,
      status: 'DECLINED',
      duplicateOfId: c.otherReferralId,
    });
  });
});

describe('a merge stopped half way by a subgraph that is down', () => {
  it('shows nothing half-merged, and completes exactly once when the subgraph is back', async () => {
    const c = await conflictCase();
    await hub.stopSubgraph('partner');
    let restarted = false;
    try {
      const response = await admin.query<Loose>(RESOLVE, {
        id: c.conflictId,
        outcome: 'SAME_PERSON',
        note: 'Same person.',
      });
      // The decision is recorded (the person subgraph's commit point) and reported.
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.resolveIdentityConflict.conflict.status).toBe('RESOLVED');
      const [merge] = await db().select().from(personMerges).where(eq(personMerges.conflictId, c.conflictId));
      expect(merge).toMatchObject({ pendingSteps: ['partner'], completedAt: null, attempts: 1 });
      expect(merge!.lastError).toMatch(/^partner: /);
      // The partner subgraph's data is untouched, its grant still on the merged record...
      const [enhanced] = await db().select().from(enhancedCases).where(eq(enhancedCases.id, c.caseId));
      expect(enhanced!.personId).toBe(c.other.id);
      // ...and still opens the person to the partner: the merged record, and through mergedInto
      // the kept one with both records' needs and risk (nothing lost from sight half way).
      const view = await partner.query<Loose>(MERGED_VIEW, { id: c.other.id });
      expect(codesOf(view.body)).toEqual({ 'person.prisonNumber': 'FORBIDDEN' });
      expect(view.body.data!.person).toMatchObject({
        id: c.other.id,
        givenName: 'Jordan',
        mergedInto: { id: c.linked.id, givenName: 'Jordan', riskAssessments: [{ level: 'HIGH' }] },
      });
      expect(view.body.data!.person.mergedInto.healthNeeds.map((n: Loose) => n.category).sort()).toEqual([
        'MENTAL_HEALTH',
        'SUBSTANCE_MISUSE',
      ]);
      // The referral subgraph's step is complete: the other service reads the kept person.
      const ney = await neyStaff.query<Loose>(
        `query ($id: ID!) { referral(id: $id) { status person { id prisonNumber } } }`,
        { id: c.otherReferralId },
      );
      expect(ney.body.data!.referral).toEqual({
        status: 'PRE_RELEASE',
        person: { id: c.linked.id, prisonNumber: c.other.prisonNumber },
      });
      // A resumer round while the partner subgraph is still down changes nothing.
      expect(await hub.mergeResumer.drain()).toBe(0);

      await hub.restartSubgraph('partner');
      restarted = true;
      expect(await hub.mergeResumer.drain()).toBe(1);
      expect(await hub.mergeResumer.drain()).toBe(0);
      const done = await expectMerged(c);
      expect(done.attempts).toBe(2);
      const after = await partner.query<Loose>(MERGED_VIEW, { id: c.other.id });
      expect(after.body.data!.person.mergedInto.id).toBe(c.linked.id);
      const kept = await partner.query<Loose>(`query ($id: ID!) { person(id: $id) { id } }`, {
        id: c.linked.id,
      });
      expect(kept.body.data!.person).toEqual({ id: c.linked.id });
    } finally {
      if (!restarted) await hub.restartSubgraph('partner');
    }
  });

  it('applies a repeated step once', async () => {
    const c = await conflictCase();
    const response = await admin.query<Loose>(RESOLVE, {
      id: c.conflictId,
      outcome: 'SAME_PERSON',
      note: 'Same.',
    });
    expect(response.body.errors).toBeUndefined();
    const merge = await expectMerged(c);
    // The owners asked again (as a resumer that died before striking the step off would ask).
    await db()
      .update(personMerges)
      .set({ pendingSteps: ['referral', 'partner'], completedAt: null })
      .where(eq(personMerges.id, merge.id));
    expect(await hub.mergeResumer.drain()).toBe(1);
    await expectMerged(c);
  });
});

describe('DEMOGRAPHICS_DIFFER (an identifier whose record has other demographics)', () => {
  /** Margaret Hale's record, with an open referral of RC-NEY; a probation referral of a made-up person with her prison number. */
  async function differCase() {
    const held = await seedPerson(db(), {
      givenName: 'Margaret',
      familyName: `Hale-${randomUUID().slice(0, 6)}`,
      dateOfBirth: '1961-07-30',
    });
    const heldReferral = await seedReferral(db(), {
      personId: held.id,
      status: 'PRE_RELEASE',
      owningServiceCode: 'RC-NEY',
      establishmentCode: 'FSI',
    });
    await seedGrant(db(), {
      organisationCode: 'RC-NEY',
      relationship: 'OWNING_SERVICE',
      personId: held.id,
      referralId: heldReferral.id,
      validFrom: GRANTED,
    });
    const response = await probation.query<Loose>(SUBMIT, {
      key: randomUUID(),
      input: {
        source: 'PROBATION',
        referrer: { name: 'Pat Probation', organisationName: 'Probation North West' },
        person: {
          givenName: 'Casey',
          familyName: 'Unknown',
          dateOfBirth: '1985-05-05',
          prisonNumber: held.prisonNumber,
        },
        custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-15' },
        identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood.' }],
      },
    });
    expect(response.body.errors).toBeUndefined();
    const referralId = response.body.data!.submitReferral.referral.id as string;
    expect(response.body.data!.submitReferral.referral.status).toBe('SUBMITTED');
    const [conflict] = await db()
      .select()
      .from(identityConflicts)
      .where(eq(identityConflicts.otherPersonId, held.id));
    return { held, referralId, conflict: conflict! };
  }

  const KIND_OF = /* GraphQL */ `
    query ($id: ID!) {
      person(id: $id) {
        identityConflicts {
          id
          kind
          contestedIdentifiers
          identifierType
          referral {
            id
          }
          otherPerson {
            id
          }
        }
      }
    }
  `;

  it('is recorded against the new record, and read by staff of either record without the other side', async () => {
    const c = await differCase();
    expect(c.conflict).toMatchObject({
      kind: 'DEMOGRAPHICS_DIFFER',
      identifierKind: 'PRISON_NUMBER',
      contestedIdentifierKinds: ['PRISON_NUMBER'],
      referralId: c.referralId,
      addedIdentifierKinds: [],
    });
    const newId = c.conflict.personId;
    const [made] = await db().select().from(people).where(eq(people.id, newId));
    expect(made).toMatchObject({ givenName: 'Casey', familyName: 'Unknown', prisonNumber: null });

    // RC-NW (the new referral's service) sees its conflict: the kind, what is contested, the other id.
    const nw = (await nwStaff.query<Loose>(KIND_OF, { id: newId })).body;
    expect(nw.errors).toBeUndefined();
    expect(nw.data!.person.identityConflicts).toEqual([
      {
        id: c.conflict.id,
        kind: 'DEMOGRAPHICS_DIFFER',
        contestedIdentifiers: ['PRISON_NUMBER'],
        identifierType: 'PRISON_NUMBER',
        referral: { id: c.referralId },
        otherPerson: { id: c.held.id },
      },
    ]);
    // RC-NEY (the held record's service) sees the conflict on its person, but not the id of a
    // referral it cannot read.
    const ney = (await neyStaff.query<Loose>(KIND_OF, { id: c.held.id })).body;
    expect(ney.errors).toBeUndefined();
    expect(ney.data!.person.identityConflicts).toEqual([
      expect.objectContaining({ id: c.conflict.id, kind: 'DEMOGRAPHICS_DIFFER', referral: null }),
    ]);
    // Information governance reads both in the queue.
    const queue = (
      await admin.query<Loose>(
        `{ identityConflicts(first: 200) { nodes { id kind contestedIdentifiers person { givenName } otherPerson { givenName } } } }`,
      )
    ).body;
    expect(queue.data!.identityConflicts.nodes).toContainEqual({
      id: c.conflict.id,
      kind: 'DEMOGRAPHICS_DIFFER',
      contestedIdentifiers: ['PRISON_NUMBER'],
      person: { givenName: 'Casey' },
      otherPerson: { givenName: 'Margaret' },
    });
  });

  it('SAME_PERSON merges the new record into the record that held the identifier by default', async () => {
    const c = await differCase();
    const response = await admin.query<Loose>(RESOLVE, {
      id: c.conflict.id,
      outcome: 'SAME_PERSON',
      note: 'The referral gave a wrong name and date of birth; the prison record is right.',
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.resolveIdentityConflict.conflict.resolution.keptPerson).toEqual({
      id: c.held.id,
    });
    const [merged] = await db().select().from(people).where(eq(people.id, c.conflict.personId));
    expect(merged!.mergedInto).toBe(c.held.id);
    const [kept] = await db().select().from(people).where(eq(people.id, c.held.id));
    expect(kept).toMatchObject({ givenName: 'Margaret', prisonNumber: c.held.prisonNumber });
  });

  it('DIFFERENT_PEOPLE leaves the identifier with the record that held it, and the new record without it', async () => {
    const c = await differCase();
    const response = await admin.query<Loose>(RESOLVE, {
      id: c.conflict.id,
      outcome: 'DIFFERENT_PEOPLE',
      note: 'Another person altogether.',
    });
    expect(response.body.errors).toBeUndefined();
    const [held] = await db().select().from(people).where(eq(people.id, c.held.id));
    expect(held).toEqual(c.held);
    const [made] = await db().select().from(people).where(eq(people.id, c.conflict.personId));
    expect(made).toMatchObject({ prisonNumber: null, mergedInto: null });
  });
});
