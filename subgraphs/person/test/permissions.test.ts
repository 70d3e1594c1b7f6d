/**
 * The Person rows of contract/AUTH.md, field by field and role by role, through the subgraph with
 * the real shield rules and grants: who sees the person at all, and which fields each may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsWithoutRules } from '@reconnect/graph';
import type { Relationship } from '@reconnect/access';
import { seedGrant, seedHealthNeed, seedPerson, seedRiskAssessment } from '@reconnect/hub/testing';
import type { PersonRow } from '../src/db/schema.ts';
import { errorCodes, startPersonHarness, type Caller, type PersonHarness } from './harness.ts';

/** Every field of Person in the public API, with a selection that reads it. */
const FIELDS: Record<string, string> = {
  id: 'id',
  givenName: 'givenName',
  familyName: 'familyName',
  dateOfBirth: 'dateOfBirth',
  nhsNumber: 'nhsNumber',
  prisonNumber: 'prisonNumber',
  crn: 'crn',
  pncId: 'pncId',
  homeOfficeReference: 'homeOfficeReference',
  homeArea: 'homeArea { code }',
  healthNeeds: 'healthNeeds { id category description active recordedAt }',
  riskOfSeriousHarm: 'riskOfSeriousHarm { id level riskTo summary assessedOn source }',
  riskAssessments: 'riskAssessments { id level }',
  accessLog: 'accessLog { nodes { action } pageInfo { hasNextPage endCursor } }',
  identityConflicts: 'identityConflicts { id }',
  mergedInto: 'mergedInto { id }',
};
const IDENTITY = ['id', 'givenName', 'familyName', 'dateOfBirth'];
const IDENTIFIERS = ['nhsNumber', 'prisonNumber', 'crn', 'pncId', 'homeOfficeReference', 'homeArea'];
const RISK = ['riskOfSeriousHarm', 'riskAssessments'];
const STAFF_FIELDS = [...IDENTITY, ...IDENTIFIERS, 'healthNeeds', ...RISK, 'identityConflicts'];
/** Grants start well before the harness's today (the clock is set; seedGrant's default is the real now). */
const GRANTED = new Date('2026-01-01T00:00:00Z');
/** Fields whose denial nulls the whole person (non-null in the schema). */
const NON_NULL = new Set(['id', 'givenName', 'familyName']);

interface Grant {
  org: string;
  relationship: Relationship;
  scopes?: string[];
  expired?: boolean;
}

interface Row {
  who: string;
  caller: Caller;
  grants: Grant[];
  /** null: the person is not revealed at all. */
  reads: string[] | null;
}

const MATRIX: Row[] = [
  {
    who: 'staff of the owning service',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-NW' },
    grants: [{ org: 'RC-NW', relationship: 'OWNING_SERVICE' }],
    reads: STAFF_FIELDS,
  },
  {
    who: 'a lead of the owning service',
    caller: { roles: ['RECONNECT_LEAD'], org: 'RC-NW' },
    grants: [{ org: 'RC-NW', relationship: 'OWNING_SERVICE' }],
    reads: STAFF_FIELDS,
  },
  {
    who: 'staff of the receiving service',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-LON' },
    grants: [{ org: 'RC-LON', relationship: 'RECEIVING_SERVICE' }],
    reads: STAFF_FIELDS,
  },
  {
    who: 'staff of the sending service',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-SW' },
    grants: [{ org: 'RC-SW', relationship: 'SENDING_SERVICE' }],
    reads: STAFF_FIELDS,
  },
  {
    who: 'staff of another service',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-MID' },
    grants: [{ org: 'RC-NW', relationship: 'OWNING_SERVICE' }],
    reads: null,
  },
  {
    who: 'staff whose grant has ended',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-SE' },
    grants: [{ org: 'RC-SE', relationship: 'SENDING_SERVICE', expired: true }],
    reads: null,
  },
  {
    who: 'staff holding only a referrer grant',
    caller: { roles: ['RECONNECT_STAFF'], org: 'PROB-1' },
    grants: [{ org: 'PROB-1', relationship: 'REFERRER' }],
    reads: null,
  },
  {
    who: 'the referrer',
    caller: { roles: ['REFERRER'], org: 'PROB-1' },
    grants: [{ org: 'PROB-1', relationship: 'REFERRER' }],
    reads: IDENTITY,
  },
  {
    who: 'another referrer',
    caller: { roles: ['REFERRER'], org: 'POL-9' },
    grants: [{ org: 'PROB-1', relationship: 'REFERRER' }],
    reads: null,
  },
  {
    who: 'a referrer whose organisation code has a service grant',
    caller: { roles: ['REFERRER'], org: 'RC-NW' },
    grants: [{ org: 'RC-NW', relationship: 'OWNING_SERVICE' }],
    reads: null,
  },
  {
    who: 'a partner with RISK',
    caller: { roles: ['ER_PARTNER'], org: 'P-RISK' },
    grants: [{ org: 'P-RISK', relationship: 'ER_PARTNER', scopes: ['RISK'] }],
    reads: [...IDENTITY, ...RISK],
  },
  {
    who: 'a partner with NEEDS',
    caller: { roles: ['ER_PARTNER'], org: 'P-NEEDS' },
    grants: [{ org: 'P-NEEDS', relationship: 'ER_PARTNER', scopes: ['NEEDS'] }],
    reads: [...IDENTITY, 'healthNeeds'],
  },
  {
    who: 'a partner with RISK and NEEDS',
    caller: { roles: ['ER_PARTNER'], org: 'P-BOTH' },
    grants: [{ org: 'P-BOTH', relationship: 'ER_PARTNER', scopes: ['RISK', 'NEEDS'] }],
    reads: [...IDENTITY, 'healthNeeds', ...RISK],
  },
  {
    who: 'a partner with no scopes',
    caller: { roles: ['ER_PARTNER'], org: 'P-NONE' },
    grants: [{ org: 'P-NONE', relationship: 'ER_PARTNER' }],
    reads: IDENTITY,
  },
  {
    who: 'a partner whose access has ended',
    caller: { roles: ['ER_PARTNER'], org: 'P-END' },
    grants: [{ org: 'P-END', relationship: 'ER_PARTNER', scopes: ['RISK', 'NEEDS'], expired: true }],
    reads: null,
  },
  {
    who: 'an admin',
    caller: { roles: ['RECONNECT_ADMIN'], org: 'RC-NW' },
    grants: [],
    reads: ['id', 'accessLog', 'identityConflicts', 'mergedInto'],
  },
  {
    who: 'an admin of a service with a grant',
    caller: { roles: ['RECONNECT_ADMIN'], org: 'RC-NW' },
    grants: [{ org: 'RC-NW', relationship: 'OWNING_SERVICE' }],
    reads: ['id', 'accessLog', 'identityConflicts', 'mergedInto'],
  },
];

describe('Person permissions', () => {
  let h: PersonHarness;
  const people = new Map<string, PersonRow>();

  beforeAll(async () => {
    h = await startPersonHarness();
    // A person per row, so that each row's grants are the only ones on its person.
    for (const row of MATRIX) {
      const person = await seedPerson(h.db, {
        homeOfficeReference: `HO-${people.size}`,
        homeAreaCode: 'E08000003',
      });
      await seedHealthNeed(h.db, person.id, { category: 'MENTAL_HEALTH' });
      await seedRiskAssessment(h.db, person.id, { level: 'HIGH', assessedOn: '2026-10-01' });
      for (const g of row.grants) {
        await seedGrant(h.db, {
          organisationCode: g.org,
          relationship: g.relationship,
          personId: person.id,
          scopes: g.scopes ?? [],
          validFrom: GRANTED,
          validUntil: g.expired ? new Date('2026-11-01T00:00:00Z') : null,
        });
      }
      people.set(row.who, person);
    }
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('has a rule for every field of every type', () => {
    expect(fieldsWithoutRules(h.subgraph.schema, h.subgraph.permissions)).toEqual([]);
  });

  const cells = MATRIX.flatMap((row) => Object.keys(FIELDS).map((field) => [row.who, field, row] as const));

  it.each(cells)('%s: %s', async (_who, field, row) => {
    const person = people.get(row.who)!;
    const result = await h.exec(
      `query($id: ID!) { person(id: $id) { ${FIELDS[field]} } }`,
      { id: person.id },
      row.caller,
    );
    if (row.reads === null) {
      expect(result).toMatchObject({ data: { person: null } });
      expect(result.errors).toBeUndefined();
      return;
    }
    // contract/next/governance.md: whoever reads a person's identity reads its mergedInto.
    const reads = row.reads.includes(field) || (field === 'mergedInto' && row.reads.includes('givenName'));
    if (reads) {
      expect(result.errors).toBeUndefined();
      const value = result.data!.person[field];
      // Nobody here was merged: mergedInto is null, and readable.
      if (field === 'mergedInto') return expect(value).toBeNull();
      expect(value).not.toBeNull();
      if (field === 'id') expect(value).toBe(person.id);
      if (field === 'nhsNumber') expect(value).toBe(person.nhsNumber);
      if (field === 'healthNeeds')
        expect(value).toEqual([expect.objectContaining({ category: 'MENTAL_HEALTH', active: true })]);
      if (field === 'riskOfSeriousHarm')
        expect(value).toMatchObject({ level: 'HIGH', assessedOn: '2026-10-01' });
    } else {
      expect(errorCodes(result)).toEqual({ [`person.${field}`]: 'FORBIDDEN' });
      expect(result.data!.person).toEqual(NON_NULL.has(field) ? null : { [field]: null });
    }
  });

  it('keeps the rest of the response when one field is denied', async () => {
    const person = people.get('the referrer')!;
    const row = MATRIX.find((r) => r.who === 'the referrer')!;
    const result = await h.exec(
      `query($id: ID!) { person(id: $id) { id givenName nhsNumber healthNeeds { id } } }`,
      { id: person.id },
      row.caller,
    );
    expect(result.data).toEqual({
      person: { id: person.id, givenName: person.givenName, nhsNumber: null, healthNeeds: null },
    });
    expect(errorCodes(result)).toEqual({
      'person.nhsNumber': 'FORBIDDEN',
      'person.healthNeeds': 'FORBIDDEN',
    });
  });

  it('answers FORBIDDEN to a commissioner, whatever the person', async () => {
    const person = people.get('staff of the owning service')!;
    const result = await h.exec(
      `query($id: ID!) { person(id: $id) { id } }`,
      { id: person.id },
      { roles: ['COMMISSIONER'] },
    );
    expect(result.data).toEqual({ person: null });
    expect(errorCodes(result)).toEqual({ person: 'FORBIDDEN' });
  });

  it.each(['not-a-uuid', '', "1' or '1'='1", '00000000-0000-0000-0000-000000000000'])(
    'answers null, not an error, for the id %j',
    async (id) => {
      const staff = MATRIX[0]!.caller;
      const admin: Caller = { roles: ['RECONNECT_ADMIN'], org: 'RC-NW' };
      for (const caller of [staff, admin]) {
        const result = await h.exec(`query($id: ID!) { person(id: $id) { id } }`, { id }, caller);
        expect(result).toMatchObject({ data: { person: null } });
        expect(result.errors).toBeUndefined();
      }
    },
  );

  it('shows resolved health needs only when asked', async () => {
    const row = MATRIX[0]!;
    const person = await seedPerson(h.db);
    await seedGrant(h.db, {
      organisationCode: 'RC-NW',
      relationship: 'OWNING_SERVICE',
      personId: person.id,
      validFrom: GRANTED,
    });
    await seedHealthNeed(h.db, person.id, { category: 'ALCOHOL', active: false });
    await seedHealthNeed(h.db, person.id, { category: 'SOCIAL_CARE' });
    const result = await h.exec(
      `query($id: ID!) { person(id: $id) { active: healthNeeds { category } all: healthNeeds(activeOnly: false) { category active } } }`,
      { id: person.id },
      row.caller,
    );
    expect(result.data).toEqual({
      person: {
        active: [{ category: 'SOCIAL_CARE' }],
        all: expect.arrayContaining([
          { category: 'ALCOHOL', active: false },
          { category: 'SOCIAL_CARE', active: true },
        ]),
      },
    });
  });

  it('gives the latest assessment as the risk of serious harm, newest first in the list', async () => {
    const person = await seedPerson(h.db);
    await seedGrant(h.db, {
      organisationCode: 'RC-NW',
      relationship: 'OWNING_SERVICE',
      personId: person.id,
      validFrom: GRANTED,
    });
    await seedRiskAssessment(h.db, person.id, { level: 'LOW', assessedOn: '2025-01-01' });
    await seedRiskAssessment(h.db, person.id, { level: 'VERY_HIGH', assessedOn: '2026-06-01' });
    await seedRiskAssessment(h.db, person.id, { level: 'MEDIUM', assessedOn: '2026-02-01' });
    const result = await h.exec(
      `query($id: ID!) { person(id: $id) { riskOfSeriousHarm { level } riskAssessments { level assessedOn } } }`,
      { id: person.id },
      MATRIX[0]!.caller,
    );
    expect(result.data).toEqual({
      person: {
        riskOfSeriousHarm: { level: 'VERY_HIGH' },
        riskAssessments: [
          { level: 'VERY_HIGH', assessedOn: '2026-06-01' },
          { level: 'MEDIUM', assessedOn: '2026-02-01' },
          { level: 'LOW', assessedOn: '2025-01-01' },
        ],
      },
    });
  });

  it('pages the access log for an admin, newest first, at most 200 a page', async () => {
    const person = await seedPerson(h.db);
    await seedGrant(h.db, {
      organisationCode: 'RC-NW',
      relationship: 'OWNING_SERVICE',
      personId: person.id,
      validFrom: GRANTED,
    });
    for (let i = 0; i < 5; i += 1)
      await h.exec(
        `query($id: ID!) { person(id: $id) { id } }`,
        { id: person.id },
        { roles: ['RECONNECT_STAFF'], org: 'RC-NW', sub: `reader-${i}` },
      );
    const admin: Caller = { roles: ['RECONNECT_ADMIN'], org: 'RC-NW', sub: 'ig-admin' };
    const PAGE = `query($id: ID!, $first: Int, $after: String) { person(id: $id) { accessLog(first: $first, after: $after) { nodes { actorSubject action fields subjectId } pageInfo { hasNextPage endCursor } } } }`;
    const first = await h.exec(PAGE, { id: person.id, first: 3 }, admin);
    expect(first.errors).toBeUndefined();
    const log1 = first.data!.person.accessLog;
    // The admin's own read is recorded before the log is read: it comes first.
    expect(log1.nodes.map((n: { actorSubject: string }) => n.actorSubject)).toEqual([
      'ig-admin',
      'reader-4',
      'reader-3',
    ]);
    expect(log1.nodes[1]).toEqual({
      actorSubject: 'reader-4',
      action: 'person.read',
      fields: ['id'],
      subjectId: person.id,
    });
    expect(log1.pageInfo.hasNextPage).toBe(true);
    const second = await h.exec(PAGE, { id: person.id, first: 3, after: log1.pageInfo.endCursor }, admin);
    const log2 = second.data!.person.accessLog;
    expect(log2.nodes.map((n: { actorSubject: string }) => n.actorSubject)).toEqual([
      'reader-2',
      'reader-1',
      'reader-0',
    ]);
    expect(log2.pageInfo.hasNextPage).toBe(false);

    const tooMany = await h.exec(PAGE, { id: person.id, first: 201 }, admin);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await h.exec(
      PAGE,
      { id: person.id, first: 3, after: Buffer.from('seq:1').toString('base64url') },
      admin,
    );
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const max = await h.exec(PAGE, { id: person.id, first: 200 }, admin);
    expect(max.errors).toBeUndefined();
  });
});
