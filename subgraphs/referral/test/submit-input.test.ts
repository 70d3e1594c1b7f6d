/** The pure parts of submitReferral: input shape checks, the idempotency hash, the audited field list. */
import { describe, expect, it } from 'vitest';
import { codeOf } from '@reconnect/graph';
import {
  canonicalJson,
  inputHash,
  replayOf,
  validateIdempotencyKey,
  type StoredKey,
} from '../src/service/idempotency.ts';
import {
  normaliseSubmission,
  submittedFields,
  type SubmitReferralInput,
} from '../src/service/submission-input.ts';

const INPUT: SubmitReferralInput = {
  source: 'PROBATION',
  referrer: {
    name: '  Pat Probation ',
    organisationName: 'Probation NW',
    email: 'pat@probation.example',
    phone: '+44 161 000 0000',
  },
  person: {
    givenName: 'Alex',
    familyName: 'Smith',
    dateOfBirth: '1990-04-01',
    nhsNumber: '943 476 5919',
    homeLocalAuthorityCode: ' e08000003 ',
  },
  custody: {
    type: 'PRISON',
    establishmentCode: ' mri ',
    expectedReleaseDate: '2027-01-15',
    onTemporaryLicence: false,
  },
  identifiedNeeds: [
    { category: 'MENTAL_HEALTH', description: ' Low mood ' },
    { category: 'MENTAL_HEALTH', description: 'Anxiety' },
    { category: 'ALCOHOL', description: 'Daily drinking' },
  ],
  reasonForReferral: '',
};

type Patch = (i: SubmitReferralInput) => void;
const x = (n: number) => 'x'.repeat(n);

function fieldOf(patch: Patch): string | undefined {
  const input = structuredClone(INPUT);
  patch(input);
  try {
    normaliseSubmission(input);
    return undefined;
  } catch (error) {
    expect(codeOf(error)).toBe('BAD_USER_INPUT');
    return (error as { extensions: { field: string } }).extensions.field;
  }
}

describe('normaliseSubmission', () => {
  it('trims, upper-cases codes, drops blanks and keeps distinct need categories in order', () => {
    const s = normaliseSubmission(structuredClone(INPUT));
    expect(s.referrer).toEqual({
      name: 'Pat Probation',
      organisationName: 'Probation NW',
      email: 'pat@probation.example',
      phone: '+44 161 000 0000',
      relationship: null,
    });
    expect(s.custody).toEqual({
      type: 'PRISON',
      establishmentCode: 'MRI',
      expectedReleaseDate: '2027-01-15',
      releasedOn: null,
      onTemporaryLicence: false,
    });
    expect(s.person.homeLocalAuthorityCode).toBe('E08000003');
    expect(s.person.nhsNumber).toBe('943 476 5919'); // the person subgraph normalises identifiers
    expect(s.needs.map((n) => n.description)).toEqual(['Low mood', 'Anxiety', 'Daily drinking']);
    expect(s.needCategories).toEqual(['MENTAL_HEALTH', 'ALCOHOL']);
    expect(s.reasonForReferral).toBeNull();
  });

  it.each<[string, Patch, string | undefined]>([
    ['a blank referrer name', (i) => (i.referrer.name = '   '), 'input.referrer.name'],
    ['a referrer name of 200 characters', (i) => (i.referrer.name = x(200)), undefined],
    ['a referrer name of 201 characters', (i) => (i.referrer.name = x(201)), 'input.referrer.name'],
    [
      'an organisation name of 201 characters',
      (i) => (i.referrer.organisationName = x(201)),
      'input.referrer.organisationName',
    ],
    ['an email without @', (i) => (i.referrer.email = 'pat.probation.example'), 'input.referrer.email'],
    [
      'an email of 255 characters',
      (i) => (i.referrer.email = `${x(243)}@example.org`),
      'input.referrer.email',
    ],
    ['a blank email', (i) => (i.referrer.email = ' '), undefined],
    ['a phone number of letters', (i) => (i.referrer.phone = 'call me'), 'input.referrer.phone'],
    ['a phone number of 41 characters', (i) => (i.referrer.phone = '1'.repeat(41)), 'input.referrer.phone'],
    [
      'a relationship of 201 characters',
      (i) => (i.referrer.relationship = x(201)),
      'input.referrer.relationship',
    ],
    ['a reason of 4000 characters', (i) => (i.reasonForReferral = x(4000)), undefined],
    ['a reason of 4001 characters', (i) => (i.reasonForReferral = x(4001)), 'input.reasonForReferral'],
    [
      'a blank first need description',
      (i) => (i.identifiedNeeds[0]!.description = ' '),
      'input.identifiedNeeds.0.description',
    ],
    [
      'a need description of 2001 characters',
      (i) => (i.identifiedNeeds[2]!.description = x(2001)),
      'input.identifiedNeeds.2.description',
    ],
    [
      '21 needs',
      (i) =>
        (i.identifiedNeeds = Array.from({ length: 21 }, () => ({ category: 'OTHER', description: 'n' }))),
      'input.identifiedNeeds',
    ],
    ['no needs (an eligibility matter)', (i) => (i.identifiedNeeds = []), undefined],
    [
      'a blank establishment code',
      (i) => (i.custody.establishmentCode = '  '),
      'input.custody.establishmentCode',
    ],
    [
      'an establishment code of 21 characters',
      (i) => (i.custody.establishmentCode = x(21)),
      'input.custody.establishmentCode',
    ],
  ])('%s', (_name, patch, field) => expect(fieldOf(patch)).toBe(field));
});

describe('idempotency', () => {
  it.each([
    ['', 'idempotencyKey'],
    [x(201), 'idempotencyKey'],
  ])('refuses the key %#', (key, field) => {
    try {
      validateIdempotencyKey(key);
      expect.unreachable();
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('accepts keys of 1 and 200 characters', () => {
    expect(() => validateIdempotencyKey('k')).not.toThrow();
    expect(() => validateIdempotencyKey(x(200))).not.toThrow();
  });

  it('hashes the same input in any key order, absent and null alike, to the same value', () => {
    const a = { b: 1, a: { d: [1, 2], c: null } };
    const b = { a: { d: [1, 2] }, b: 1, e: undefined };
    expect(canonicalJson(a)).toBe('{"a":{"d":[1,2]},"b":1}');
    expect(inputHash(a)).toBe(inputHash(b));
  });

  it('tells different inputs apart, including the order of needs', () => {
    expect(inputHash({ a: [1, 2] })).not.toBe(inputHash({ a: [2, 1] }));
    expect(inputHash({ a: '1' })).not.toBe(inputHash({ a: 1 }));
  });

  it('replays a stored key with the same hash and refuses one with another', () => {
    const stored = { inputHash: 'h1', referralId: 'r1' } as StoredKey;
    expect(replayOf(stored, 'h1')).toBe('r1');
    expect(() => replayOf(stored, 'h2')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }) }),
    );
  });
});

describe('submittedFields', () => {
  it('lists the paths of the fields given, never a value', () => {
    const fields = submittedFields(structuredClone(INPUT));
    expect(fields).toEqual([
      'custody.establishmentCode',
      'custody.expectedReleaseDate',
      'custody.onTemporaryLicence',
      'custody.type',
      'identifiedNeeds',
      'person.dateOfBirth',
      'person.familyName',
      'person.givenName',
      'person.homeLocalAuthorityCode',
      'person.nhsNumber',
      'referrer.email',
      'referrer.name',
      'referrer.organisationName',
      'referrer.phone',
      'source',
    ]);
    expect(JSON.stringify(fields)).not.toMatch(/Smith|9434765919|Low mood/);
  });
});
