/**
 * "One person, many doors" (DOMAIN.md): the matching rules, table-driven, on a real database
 * through `resolvePersonIdentity` as the referral subgraph calls it; the pure rule on its own; the
 * permission; and concurrent submissions of one new person.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq, inArray, or } from 'drizzle-orm';
import { grantAccess } from '@reconnect/access';
import { personSchema } from '@reconnect/person-subgraph';
// The lead exports these from @reconnect/testing; imported by path until then.
import {
  randomCrn,
  randomHomeOfficeReference,
  randomNhsNumber,
  randomPncId,
  randomPrisonNumber,
  seedPerson,
} from '@reconnect/hub/testing';
import { corroborates } from '../src/service/demographics.ts';
import { decideMatch, type Candidate } from '../src/service/matching.ts';
import { errorCodes, startPersonHarness, type Caller, type PersonHarness } from './harness.ts';

const { people, identityConflicts } = personSchema;

const RESOLVE = `mutation Resolve($input: PersonIdentityMatchInput!, $path: String) {
  resolvePersonIdentity(input: $input, inputPath: $path) {
    person { id }
    created
    matchedOn
    addedIdentifiers
    conflicts { id identifier otherPersonId resolved }
  }
}`;

const REFERRER: Caller = { roles: ['REFERRER'], org: 'PROB-NW', caller: 'referral' };

interface Match {
  person: { id: string };
  created: boolean;
  matchedOn: string | null;
  addedIdentifiers: string[];
  conflicts: { id: string; identifier: string; otherPersonId: string; resolved: boolean }[];
}

type Field = 'nhsNumber' | 'prisonNumber' | 'crn' | 'pncId' | 'homeOfficeReference';
const FRESH: Record<Field, () => string> = {
  nhsNumber: randomNhsNumber,
  prisonNumber: randomPrisonNumber,
  crn: randomCrn,
  pncId: randomPncId,
  homeOfficeReference: randomHomeOfficeReference,
};

/** How each identifier of the submission is made: A's or B's value, a new one, or none. */
type Source = 'A' | 'B' | 'new';

interface Case {
  name: string;
  /** Identifiers A and B do not have (null in the database). */
  aLacks?: Field[];
  submit: Partial<Record<Field, Source>>;
  expect: {
    linkedTo: 'A' | 'B' | 'new person';
    matchedOn: string | null;
    added: string[];
    conflicts: [string, 'A' | 'B'][];
  };
}

const CASES: Case[] = [
  {
    name: 'nothing matches: a new person',
    submit: { nhsNumber: 'new', crn: 'new' },
    expect: { linkedTo: 'new person', matchedOn: null, added: [], conflicts: [] },
  },
  {
    name: 'no identifiers at all: a new person',
    submit: {},
    expect: { linkedTo: 'new person', matchedOn: null, added: [], conflicts: [] },
  },
  {
    name: 'NHS number matches',
    submit: { nhsNumber: 'A' },
    expect: { linkedTo: 'A', matchedOn: 'NHS_NUMBER', added: [], conflicts: [] },
  },
  {
    name: 'prison number matches',
    submit: { prisonNumber: 'A' },
    expect: { linkedTo: 'A', matchedOn: 'PRISON_NUMBER', added: [], conflicts: [] },
  },
  {
    name: 'CRN matches',
    submit: { crn: 'A' },
    expect: { linkedTo: 'A', matchedOn: 'CRN', added: [], conflicts: [] },
  },
  {
    name: 'PNC id matches',
    submit: { pncId: 'A' },
    expect: { linkedTo: 'A', matchedOn: 'PNC_ID', added: [], conflicts: [] },
  },
  {
    name: 'Home Office reference matches',
    submit: { homeOfficeReference: 'A' },
    expect: { linkedTo: 'A', matchedOn: 'HOME_OFFICE_REFERENCE', added: [], conflicts: [] },
  },
  {
    name: 'every identifier matches the same person',
    submit: { nhsNumber: 'A', prisonNumber: 'A', crn: 'A', pncId: 'A', homeOfficeReference: 'A' },
    expect: { linkedTo: 'A', matchedOn: 'NHS_NUMBER', added: [], conflicts: [] },
  },
  {
    name: 'identifiers the match lacks are added to it',
    aLacks: ['nhsNumber', 'homeOfficeReference'],
    submit: { nhsNumber: 'new', prisonNumber: 'A', homeOfficeReference: 'new' },
    expect: {
      linkedTo: 'A',
      matchedOn: 'PRISON_NUMBER',
      added: ['NHS_NUMBER', 'HOME_OFFICE_REFERENCE'],
      conflicts: [],
    },
  },
  {
    name: 'an identifier the match has with another value is neither replaced nor added',
    submit: { nhsNumber: 'A', crn: 'new' },
    expect: { linkedTo: 'A', matchedOn: 'NHS_NUMBER', added: [], conflicts: [] },
  },
  {
    name: 'two people: link to the first match, record a conflict, do not add',
    aLacks: ['crn'],
    submit: { nhsNumber: 'A', crn: 'B' },
    expect: { linkedTo: 'A', matchedOn: 'NHS_NUMBER', added: [], conflicts: [['CRN', 'B']] },
  },
  {
    name: 'the order decides: NHS number before prison number',
    submit: { prisonNumber: 'B', nhsNumber: 'A' },
    expect: { linkedTo: 'A', matchedOn: 'NHS_NUMBER', added: [], conflicts: [['PRISON_NUMBER', 'B']] },
  },
  {
    name: 'the order decides: CRN before PNC id and Home Office reference',
    submit: { crn: 'B', pncId: 'A', homeOfficeReference: 'A' },
    expect: {
      linkedTo: 'B',
      matchedOn: 'CRN',
      added: [],
      // One conflict per other record, naming every identifier it shares with the submission.
      conflicts: [['PNC_ID', 'A']],
    },
  },
  {
    name: 'conflicts and additions together',
    aLacks: ['pncId'],
    submit: { prisonNumber: 'A', crn: 'B', pncId: 'new' },
    expect: { linkedTo: 'A', matchedOn: 'PRISON_NUMBER', added: ['PNC_ID'], conflicts: [['CRN', 'B']] },
  },
];

describe('decideMatch (the rule alone)', () => {
  const jo = { givenName: 'Jo', familyName: 'Bloggs', dateOfBirth: '1990-05-01' };
  const a: Candidate = {
    ...jo,
    id: 'a',
    nhsNumber: '1',
    prisonNumber: 'P1',
    crn: null,
    pncId: null,
    homeOfficeReference: null,
  };
  const b: Candidate = {
    ...jo,
    id: 'b',
    nhsNumber: '2',
    prisonNumber: 'P2',
    crn: 'C2',
    pncId: null,
    homeOfficeReference: null,
  };
  const none = {
    ...jo,
    nhsNumber: null,
    prisonNumber: null,
    crn: null,
    pncId: null,
    homeOfficeReference: null,
  };
  it.each([
    [
      { ...none, nhsNumber: '9' },
      { kind: 'create', withhold: [], conflicts: [] },
    ],
    [
      { ...none, prisonNumber: 'P1', crn: 'C2' },
      {
        kind: 'link',
        personId: 'a',
        matchedOn: 'PRISON_NUMBER',
        add: [],
        conflicts: [{ kind: 'TWO_RECORDS', identifiers: ['CRN'], otherPersonId: 'b' }],
      },
    ],
    [
      { ...none, prisonNumber: 'P1', crn: 'C9', pncId: 'X' },
      { kind: 'link', personId: 'a', matchedOn: 'PRISON_NUMBER', add: ['CRN', 'PNC_ID'], conflicts: [] },
    ],
    [
      { ...none, nhsNumber: '2', prisonNumber: 'P1' },
      {
        kind: 'link',
        personId: 'b',
        matchedOn: 'NHS_NUMBER',
        add: [],
        conflicts: [{ kind: 'TWO_RECORDS', identifiers: ['PRISON_NUMBER'], otherPersonId: 'a' }],
      },
    ],
  ])('%j -> %j', (input, decision) => expect(decideMatch(input, [a, b])).toEqual(decision));
});

describe('resolvePersonIdentity', () => {
  let h: PersonHarness;
  beforeAll(async () => {
    h = await startPersonHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const base = { givenName: 'Jo', familyName: 'Bloggs', dateOfBirth: '1990-05-01' };

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const nulls = Object.fromEntries((c.aLacks ?? []).map((f) => [f, null]));
    // Both records corroborate the submission (same date of birth and names): DEMOGRAPHICS_DIFFER
    // has its own tests below.
    const A = await seedPerson(h.db, { ...base, homeOfficeReference: randomHomeOfficeReference(), ...nulls });
    const B = await seedPerson(h.db, { ...base, homeOfficeReference: randomHomeOfficeReference() });
    const input: Record<string, string> = { ...base };
    for (const [field, source] of Object.entries(c.submit) as [Field, Source][]) {
      input[field] = source === 'new' ? FRESH[field]() : (source === 'A' ? A : B)[field]!;
    }
    const result = await h.exec<{ resolvePersonIdentity: Match }>(RESOLVE, { input }, REFERRER);
    expect(result.errors).toBeUndefined();
    const match = result.data!.resolvePersonIdentity;
    const ids = { A: A.id, B: B.id };

    expect(match.created).toBe(c.expect.linkedTo === 'new person');
    if (c.expect.linkedTo !== 'new person') expect(match.person.id).toBe(ids[c.expect.linkedTo]);
    else expect([A.id, B.id]).not.toContain(match.person.id);
    expect(match.matchedOn).toBe(c.expect.matchedOn);
    expect([...match.addedIdentifiers].sort()).toEqual([...c.expect.added].sort());
    expect(match.conflicts.map((x) => [x.identifier, x.otherPersonId])).toEqual(
      c.expect.conflicts.map(([kind, who]) => [kind, ids[who]]),
    );

    // What the database now holds: B never changes; A gains exactly the added identifiers.
    const [a, b] = (await Promise.all(
      [A, B].map(async (p) => (await h.db.select().from(people).where(eq(people.id, p.id)))[0]!),
    )) as [typeof A, typeof B];
    expect(b).toEqual(B);
    if (c.expect.linkedTo === 'A') {
      for (const field of Object.keys(FRESH) as Field[]) {
        const added = c.submit[field] === 'new' && (c.aLacks ?? []).includes(field);
        expect(a[field], field).toBe(added ? input[field] : A[field]);
      }
      expect(a.version).toBe(c.expect.added.length ? A.version + 1 : A.version);
    } else {
      expect(a).toEqual(A);
    }
    const conflictRows = await h.db
      .select()
      .from(identityConflicts)
      .where(or(inArray(identityConflicts.personId, [A.id, B.id])));
    expect(conflictRows).toHaveLength(c.expect.conflicts.length);

    // The audit event names what changed, never a value.
    const [event, ...more] = await h.auditOf(result.requestId);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({
      action: 'person.identity-resolved',
      subjectType: 'Person',
      subjectId: match.person.id,
      personId: match.person.id,
      actorSubject: 'test-REFERRER',
      outcome: 'SUCCESS',
    });
    const values = Object.values(input).filter((v) => v !== base.givenName);
    expect(JSON.stringify(event)).not.toMatch(
      new RegExp(values.map((v) => v.replace(/[/]/g, '\\/')).join('|')),
    );
    if (!match.created) {
      const expectedFields = [
        ...c.expect.added.map(
          (k) =>
            ({
              NHS_NUMBER: 'nhsNumber',
              PRISON_NUMBER: 'prisonNumber',
              CRN: 'crn',
              PNC_ID: 'pncId',
              HOME_OFFICE_REFERENCE: 'homeOfficeReference',
            })[k]!,
        ),
        ...(c.expect.conflicts.length ? ['identityConflicts'] : []),
      ];
      expect(event!.fields.sort()).toEqual(expectedFields.sort());
    }
  });

  it('creates a person with the normalised identifiers and records which fields it set', async () => {
    const nhs = randomNhsNumber();
    const spaced = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
    const prison = randomPrisonNumber();
    const result = await h.exec<{ resolvePersonIdentity: Match }>(
      RESOLVE,
      {
        input: {
          ...base,
          givenName: '  Jo ',
          nhsNumber: spaced,
          prisonNumber: prison.toLowerCase(),
          pncId: '12/52834K',
          homeLocalAuthorityCode: 'E08000003',
        },
      },
      REFERRER,
    );
    expect(result.errors).toBeUndefined();
    const id = result.data!.resolvePersonIdentity.person.id;
    const [row] = await h.db.select().from(people).where(eq(people.id, id));
    expect(row).toMatchObject({
      givenName: 'Jo',
      familyName: 'Bloggs',
      dateOfBirth: '1990-05-01',
      nhsNumber: nhs,
      prisonNumber: prison,
      crn: null,
      pncId: '2012/0052834K',
      homeAreaCode: 'E08000003',
    });
    const [event] = await h.auditOf(result.requestId);
    expect(event!.fields.sort()).toEqual([
      'dateOfBirth',
      'familyName',
      'givenName',
      'homeArea',
      'nhsNumber',
      'pncId',
      'prisonNumber',
    ]);

    // The same person through another door, written differently, is the same person.
    const again = await h.exec<{ resolvePersonIdentity: Match }>(
      RESOLVE,
      { input: { ...base, pncId: '2012/0052834k', crn: randomCrn() } },
      REFERRER,
    );
    expect(again.data!.resolvePersonIdentity).toMatchObject({
      person: { id },
      created: false,
      matchedOn: 'PNC_ID',
      addedIdentifiers: ['CRN'],
    });
  });

  it('records the home area when the person has none, and does not replace one', async () => {
    const withArea = await seedPerson(h.db, { ...base, homeAreaCode: 'E08000035' });
    const withoutArea = await seedPerson(h.db, { ...base, homeAreaCode: null });
    for (const p of [withArea, withoutArea]) {
      const r = await h.exec(
        RESOLVE,
        { input: { ...base, crn: p.crn, homeLocalAuthorityCode: 'E09000007' } },
        REFERRER,
      );
      expect(r.errors).toBeUndefined();
    }
    const rows = await h.db
      .select()
      .from(people)
      .where(inArray(people.id, [withArea.id, withoutArea.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.homeAreaCode]))).toEqual({
      [withArea.id]: 'E08000035',
      [withoutArea.id]: 'E09000007',
    });
  });

  it('records one open conflict per pair and identifier however often it is submitted', async () => {
    const A = await seedPerson(h.db, base);
    const B = await seedPerson(h.db, base);
    const first = await h.exec<{ resolvePersonIdentity: Match }>(
      RESOLVE,
      { input: { ...base, nhsNumber: A.nhsNumber, crn: B.crn } },
      REFERRER,
    );
    const second = await h.exec<{ resolvePersonIdentity: Match }>(
      RESOLVE,
      { input: { ...base, nhsNumber: A.nhsNumber, crn: B.crn } },
      REFERRER,
    );
    expect(first.data!.resolvePersonIdentity.conflicts).toHaveLength(1);
    expect(second.data!.resolvePersonIdentity.conflicts).toHaveLength(0);
    expect(
      await h.db.select().from(identityConflicts).where(eq(identityConflicts.personId, A.id)),
    ).toHaveLength(1);
  });

  it.each([
    [{ nhsNumber: '9434765918' }, 'input.person.nhsNumber'],
    [{ prisonNumber: 'A12B' }, 'input.person.prisonNumber'],
    [{ crn: '123' }, 'input.person.crn'],
    [{ pncId: '2012/0052834J' }, 'input.person.pncId'],
    [{ homeOfficeReference: 'x'.repeat(21) }, 'input.person.homeOfficeReference'],
    [{ homeLocalAuthorityCode: 'W06000001' }, 'input.person.homeLocalAuthorityCode'],
    [{ givenName: ' ' }, 'input.person.givenName'],
    [{ dateOfBirth: '2026-11-26' }, 'input.person.dateOfBirth'],
  ])('refuses %j with BAD_USER_INPUT at %s and stores nothing', async (change, field) => {
    const before = (await h.db.select({ id: people.id }).from(people)).length;
    const result = await h.exec(RESOLVE, { input: { ...base, ...change } }, REFERRER);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await h.db.select({ id: people.id }).from(people)).length).toBe(before);
    expect(await h.auditOf(result.requestId)).toHaveLength(0);
  });

  it('names the field under the input path it is given', async () => {
    const result = await h.exec(
      RESOLVE,
      { input: { ...base, crn: 'bad' }, path: 'input.referrals.0.person' },
      REFERRER,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.referrals.0.person.crn',
    });
  });

  it.each<[string, Caller]>([
    ['a referrer through the gateway', { roles: ['REFERRER'], org: 'PROB-NW', caller: 'gateway' }],
    ['staff through the gateway', { roles: ['RECONNECT_STAFF'], org: 'RC-NW', caller: 'gateway' }],
    ['staff through the partner subgraph', { roles: ['RECONNECT_STAFF'], org: 'RC-NW', caller: 'partner' }],
    ['a partner through the referral subgraph', { roles: ['ER_PARTNER'], org: 'P-1', caller: 'referral' }],
    [
      'an admin through the referral subgraph',
      { roles: ['RECONNECT_ADMIN'], org: 'RC-NW', caller: 'referral' },
    ],
    ['a commissioner through the referral subgraph', { roles: ['COMMISSIONER'], caller: 'referral' }],
    ['no role through the referral subgraph', { roles: [], org: 'X', caller: 'referral' }],
  ])('is FORBIDDEN to %s', async (_who, as) => {
    const nhs = randomNhsNumber();
    const result = await h.exec(RESOLVE, { input: { ...base, nhsNumber: nhs } }, as);
    expect(errorCodes(result)).toEqual({ resolvePersonIdentity: 'FORBIDDEN' });
    expect(await h.db.select().from(people).where(eq(people.nhsNumber, nhs))).toHaveLength(0);
  });

  it.each<[string, Caller]>([
    ['a referrer', REFERRER],
    ['staff', { roles: ['RECONNECT_STAFF'], org: 'RC-NW', caller: 'referral' }],
    ['a lead', { roles: ['RECONNECT_LEAD'], org: 'RC-NW', caller: 'referral' }],
  ])('is open to %s submitting through the referral subgraph', async (_who, as) => {
    const result = await h.exec<{ resolvePersonIdentity: Match }>(
      RESOLVE,
      { input: { ...base, nhsNumber: randomNhsNumber() } },
      as,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.resolvePersonIdentity.created).toBe(true);
  });

  it('lets the resolving caller read the id of the person, and nothing else without a relationship', async () => {
    const A = await seedPerson(h.db, base);
    const result = await h.exec(
      `mutation($input: PersonIdentityMatchInput!) { resolvePersonIdentity(input: $input) { person { id givenName nhsNumber } } }`,
      { input: { ...base, nhsNumber: A.nhsNumber } },
      REFERRER,
    );
    // givenName is non-null: its FORBIDDEN makes the person (and the non-null match) null.
    expect(errorCodes(result)).toMatchObject({ 'resolvePersonIdentity.person.givenName': 'FORBIDDEN' });
    const idOnly = await h.exec(
      `mutation($input: PersonIdentityMatchInput!) { resolvePersonIdentity(input: $input) { person { id } } }`,
      { input: { ...base, nhsNumber: A.nhsNumber } },
      REFERRER,
    );
    expect(idOnly).toMatchObject({ data: { resolvePersonIdentity: { person: { id: A.id } } } });
    expect(idOnly.errors).toBeUndefined();
  });

  it('makes one person of concurrent submissions of one new person', async () => {
    const nhs = randomNhsNumber();
    const prison = randomPrisonNumber();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        h.exec<{ resolvePersonIdentity: Match }>(
          RESOLVE,
          { input: { ...base, nhsNumber: nhs, ...(i % 2 ? { prisonNumber: prison } : {}) } },
          REFERRER,
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data!.resolvePersonIdentity.person.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.data!.resolvePersonIdentity.created)).toHaveLength(1);
    const rows = await h.db.select().from(people).where(eq(people.nhsNumber, nhs));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.prisonNumber).toBe(prison);
  });

  it('makes one person of concurrent submissions that share different identifiers', async () => {
    // Each submission carries the CRN and one other new identifier: whichever lands first creates
    // the person, the others link to it by CRN and add what it lacks or leave what it has.
    const crn = randomCrn();
    const results = await Promise.all([
      h.exec<{ resolvePersonIdentity: Match }>(
        RESOLVE,
        { input: { ...base, crn, pncId: randomPncId() } },
        REFERRER,
      ),
      h.exec<{ resolvePersonIdentity: Match }>(
        RESOLVE,
        { input: { ...base, crn, homeOfficeReference: randomHomeOfficeReference() } },
        REFERRER,
      ),
      h.exec<{ resolvePersonIdentity: Match }>(RESOLVE, { input: { ...base, crn } }, REFERRER),
    ]);
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data!.resolvePersonIdentity.person.id)).size).toBe(1);
    expect(await h.db.select().from(people).where(eq(people.crn, crn))).toHaveLength(1);
  });
});

// ---- corroboration: an identifier alone proves nothing (DOMAIN.md, steps 2, 4 and 5) ----------

const RESOLVE_FOR = `mutation Resolve($input: PersonIdentityMatchInput!, $referralId: ID) {
  resolvePersonIdentity(input: $input, referralId: $referralId) {
    person { id }
    created
    matchedOn
    addedIdentifiers
    conflicts { id identifier otherPersonId }
  }
}`;

/** Everything of a person a referrer may read (AUTH.md: its identifiers are staff's only). */
const READ_PERSON = `query($id: ID!) { person(id: $id) { id givenName familyName dateOfBirth mergedInto { id } } }`;

const POLICE: Caller = { roles: ['REFERRER'], org: 'POLICE-GMP', caller: 'referral' };
const POLICE_READER: Caller = { roles: ['REFERRER'], org: 'POLICE-GMP' };

describe('corroboration', () => {
  let h: PersonHarness;
  beforeAll(async () => {
    h = await startPersonHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** What the referral subgraph does: resolve with the new referral's id, then grant its submitter. */
  async function submit(input: Record<string, unknown>, as: Caller = POLICE) {
    const referralId = randomUUID();
    const result = await h.exec<{ resolvePersonIdentity: Match }>(RESOLVE_FOR, { input, referralId }, as);
    expect(result.errors).toBeUndefined();
    const match = result.data!.resolvePersonIdentity;
    await grantAccess(h.db, {
      organisationCode: as.org!,
      relationship: 'REFERRER',
      personId: match.person.id,
      referralId,
      validFrom: new Date(h.clock.now().getTime() - 1000),
      reason: 'referral.submitted',
    });
    return { match, referralId };
  }

  it.each([
    ['prisonNumber', 'PRISON_NUMBER'],
    ['nhsNumber', 'NHS_NUMBER'],
    ['crn', 'CRN'],
  ] as const)(
    "a made-up name with somebody else's %s: a new record without it, DEMOGRAPHICS_DIFFER, the other record untouched",
    async (field, kind) => {
      const victim = await seedPerson(h.db, {
        givenName: 'Margaret',
        familyName: 'Hale',
        dateOfBirth: '1961-07-30',
      });
      const madeUp = {
        givenName: 'John',
        familyName: 'Doe',
        dateOfBirth: '1990-01-01',
        [field]: victim[field],
      };
      const { match } = await submit(madeUp);
      expect(match).toMatchObject({ created: true, matchedOn: null, addedIdentifiers: [] });
      expect(match.person.id).not.toBe(victim.id);
      expect(match.conflicts).toEqual([
        { id: expect.any(String), identifier: kind, otherPersonId: victim.id },
      ]);

      const [stored] = await h.db.select().from(people).where(eq(people.id, victim.id));
      expect(stored).toEqual(victim);
      const [created] = await h.db.select().from(people).where(eq(people.id, match.person.id));
      expect(created).toMatchObject({ givenName: 'John', familyName: 'Doe', [field]: null });
      const [conflict] = await h.db
        .select()
        .from(identityConflicts)
        .where(eq(identityConflicts.personId, match.person.id));
      expect(conflict).toMatchObject({
        kind: 'DEMOGRAPHICS_DIFFER',
        otherPersonId: victim.id,
        identifierKind: kind,
        contestedIdentifierKinds: [kind],
        addedIdentifierKinds: [],
      });

      // The submitter reads its own submission, and cannot reach the other record at all.
      const own = await h.exec(READ_PERSON, { id: match.person.id }, POLICE_READER);
      expect(own.data!.person).toMatchObject({
        givenName: 'John',
        familyName: 'Doe',
        dateOfBirth: '1990-01-01',
      });
      expect(JSON.stringify(own)).not.toMatch(/Margaret|Hale|1961-07-30/);
      const other = await h.exec(READ_PERSON, { id: victim.id }, POLICE_READER);
      expect(other.data!.person).toBeNull();
    },
  );

  it('links when the demographics agree, and the referrer reads its own spelling, not the record', async () => {
    const record = await seedPerson(h.db, {
      givenName: 'Siobhán',
      familyName: "O'Brien",
      dateOfBirth: '1979-02-14',
    });
    const { match } = await submit({
      givenName: 'Shiv',
      familyName: 'OBrien',
      dateOfBirth: '1979-02-14',
      prisonNumber: record.prisonNumber,
    });
    expect(match).toMatchObject({ created: false, matchedOn: 'PRISON_NUMBER', person: { id: record.id } });
    const read = await h.exec(READ_PERSON, { id: record.id }, POLICE_READER);
    expect(read.errors).toBeUndefined();
    expect(read.data!.person).toMatchObject({
      givenName: 'Shiv',
      familyName: 'OBrien',
      dateOfBirth: '1979-02-14',
    });
    expect(JSON.stringify(read.data)).not.toContain('Siobhán');
  });

  it('links through the corroborated record and records DEMOGRAPHICS_DIFFER for another identifier held by a stranger', async () => {
    const jo = { givenName: 'Jo', familyName: 'Bloggs', dateOfBirth: '1990-05-01' };
    const A = await seedPerson(h.db, { ...jo, homeOfficeReference: null });
    const stranger = await seedPerson(h.db, {
      givenName: 'Ann',
      familyName: 'Other',
      dateOfBirth: '1950-01-01',
    });
    const { match } = await submit({ ...jo, crn: stranger.crn, prisonNumber: A.prisonNumber });
    expect(match).toMatchObject({ created: false, matchedOn: 'PRISON_NUMBER', person: { id: A.id } });
    const [conflict] = await h.db
      .select()
      .from(identityConflicts)
      .where(eq(identityConflicts.personId, A.id));
    expect(conflict).toMatchObject({
      kind: 'DEMOGRAPHICS_DIFFER',
      otherPersonId: stranger.id,
      contestedIdentifierKinds: ['CRN'],
    });
    expect((await h.db.select().from(people).where(eq(people.id, stranger.id)))[0]).toEqual(stranger);
  });

  it('does not let the submitter (or anyone but staff and governance) read kind and contestedIdentifiers', async () => {
    const victim = await seedPerson(h.db);
    const result = await h.exec(
      `mutation($input: PersonIdentityMatchInput!) { resolvePersonIdentity(input: $input) { conflicts { kind contestedIdentifiers } } }`,
      { input: { givenName: 'X', familyName: 'Y', dateOfBirth: '1999-09-09', nhsNumber: victim.nhsNumber } },
      POLICE,
    );
    expect(errorCodes(result)).toMatchObject({ 'resolvePersonIdentity.conflicts.0.kind': 'FORBIDDEN' });
  });

  // A small pool of names and dates, so that random pairs agree often enough to test both ways.
  const GIVEN = ['Mary', 'mary', 'MARY', 'Máry', 'Ann', 'Jose', 'José', 'Sean'];
  const FAMILY = ['Smith', 'smith', 'Smith-Jones', 'Smith Jones', "O'Brien", 'OBrien', 'Jones'];
  const DATES = ['1985-03-12', '1985-12-03', '1986-03-12'];
  const person = fc.record({
    givenName: fc.constantFrom(...GIVEN),
    familyName: fc.constantFrom(...FAMILY),
    dateOfBirth: fc.constantFrom(...DATES),
  });
  const field = fc.constantFrom('nhsNumber', 'prisonNumber', 'crn', 'pncId') as fc.Arbitrary<Field>;

  it('links random pairs only when the demographics agree; a submission that does not link changes and reveals nothing of the record', async () => {
    await fc.assert(
      fc.asyncProperty(person, person, field, async (storedDemographics, submitted, shared) => {
        const stored = await seedPerson(h.db, { ...storedDemographics, homeOfficeReference: null });
        const needsBefore = await h.db
          .select()
          .from(personSchema.healthNeeds)
          .where(eq(personSchema.healthNeeds.personId, stored.id));
        const input = {
          ...submitted,
          [shared]: stored[shared],
          homeOfficeReference: randomHomeOfficeReference(),
        };
        const { match } = await submit(input);
        const agree = corroborates(stored, submitted);
        expect(match.person.id === stored.id).toBe(agree);
        if (agree) return;
        // Not one byte of the stored record changed, and nothing was added to it.
        expect((await h.db.select().from(people).where(eq(people.id, stored.id)))[0]).toEqual(stored);
        expect(
          await h.db
            .select()
            .from(personSchema.healthNeeds)
            .where(eq(personSchema.healthNeeds.personId, stored.id)),
        ).toEqual(needsBefore);
        // What the submitter can read: its own record (as it sent it), never the stored one's fields.
        const own = await h.exec(READ_PERSON, { id: match.person.id }, POLICE_READER);
        expect(own.errors).toBeUndefined();
        expect(own.data!.person).toMatchObject(submitted);
        // (The match's conflicts are the referral subgraph's internal answer, inaccessible at the
        // gateway; the referral subgraph asks only for the person's id.)
        const readable = JSON.stringify([match.person, match.created, own.data]);
        for (const value of [stored.nhsNumber, stored.prisonNumber, stored.crn, stored.pncId, stored.id])
          expect(readable).not.toContain(value!);
        for (const [key, value] of Object.entries(storedDemographics))
          if (value !== (submitted as Record<string, string>)[key])
            expect(readable).not.toContain(`"${value}"`);
        expect((await h.exec(READ_PERSON, { id: stored.id }, POLICE_READER)).data!.person).toBeNull();
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
