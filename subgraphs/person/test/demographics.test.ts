/**
 * Corroboration, the rule alone (DOMAIN.md, "One person, many doors", step 2): a table of the
 * cases information governance asked about, and properties over random names and dates.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corroborates, normaliseName, type Demographics } from '../src/service/demographics.ts';

const person = (
  givenName: string,
  familyName: string,
  dateOfBirth: string | null = '1985-03-12',
): Demographics => ({
  givenName,
  familyName,
  dateOfBirth,
});

describe('normaliseName', () => {
  it.each([
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ['OBrien', 'obrien'],
    ['Smith-Jones', 'smithjones'],
    ['Smith Jones', 'smithjones'],
    ['José', 'jose'],
    ['JOSÉ', 'jose'],
    ['Zoë', 'zoe'],
    ['Zoe\u0308', 'zoe'],
    ['Ｊｏｓｅ', 'jose'],
    ['Łukasz', 'łukasz'],
    ['Ĳsselmeer', 'ijsselmeer'],
    ['  mary-ann  ', 'maryann'],
    ["'-", ''],
  ])('%s -> %s', (raw, normalised) => expect(normaliseName(raw)).toBe(normalised));
});

describe('corroborates', () => {
  const stored = person('Mary', 'Smith');
  it.each<[string, Demographics, Demographics, boolean]>([
    ['everything the same', stored, person('Mary', 'Smith'), true],
    ['marriage: family name changed, given name the same', stored, person('Mary', 'Jones'), true],
    [
      'a nickname: given name differs, family name the same',
      person('Robert', 'Smith'),
      person('Bob', 'Smith'),
      true,
    ],
    ['hyphens', person('Mary', 'Smith-Jones'), person('Ann', 'Smith Jones'), true],
    ["apostrophes: O'Brien and OBrien", person('Sean', "O'Brien"), person('Shaun', 'OBrien'), true],
    ['accents: José and Jose', person('José', 'García'), person('Jose', 'Garcia'), true],
    ['case', person('mary', 'SMITH'), person('MARY', 'smith'), true],
    [
      'day and month transposed',
      person('Mary', 'Smith', '1985-03-12'),
      person('Mary', 'Smith', '1985-12-03'),
      false,
    ],
    ['another year', person('Mary', 'Smith', '1985-03-12'), person('Mary', 'Smith', '1986-03-12'), false],
    ['both names differ', stored, person('Alice', 'Jones'), false],
    ['given and family names swapped', person('Smith', 'Mary'), person('Mary', 'Smith'), false],
    // Twins share a family name and a date of birth: one family name is enough (docs/GOVERNANCE.md,
    // "Matching", says why that is accepted and what catches it).
    [
      'twins: same family name and date of birth, other given names',
      person('Ann', 'Smith'),
      person('Jane', 'Smith'),
      true,
    ],
    ['a record without a date of birth corroborates nothing', person('Mary', 'Smith', null), stored, false],
    ['a name with no letters corroborates nothing', person('-', 'Smith'), person("'", 'Jones'), false],
  ])('%s', (_name, record, submission, expected) => {
    expect(corroborates(record, submission)).toBe(expected);
    // The rule does not care which side is the record.
    expect(corroborates(submission, record)).toBe(expected);
  });
});

const letters = fc.stringMatching(/^[A-Za-z][A-Za-z' -]{0,14}$/);
const date = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2008-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const demographics = fc.record({ givenName: letters, familyName: letters, dateOfBirth: date });

describe('corroborates (properties)', () => {
  it('links only when the dates of birth are equal and a normalised name agrees', () => {
    fc.assert(
      fc.property(demographics, demographics, (record, submission) => {
        const agree =
          record.dateOfBirth === submission.dateOfBirth &&
          ((normaliseName(record.familyName) !== '' &&
            normaliseName(record.familyName) === normaliseName(submission.familyName)) ||
            (normaliseName(record.givenName) !== '' &&
              normaliseName(record.givenName) === normaliseName(submission.givenName)));
        expect(corroborates(record, submission)).toBe(agree);
      }),
      { numRuns: 1000 },
    );
  });

  it('never links another date of birth, whatever the names', () => {
    fc.assert(
      fc.property(demographics, date, (record, other) => {
        fc.pre(other !== record.dateOfBirth);
        expect(corroborates(record, { ...record, dateOfBirth: other })).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('is blind to accents, case, spaces, hyphens and apostrophes', () => {
    const decorate = (name: string) =>
      name.toUpperCase().replace(/a/gi, 'á').replace(/e/gi, 'ë').split('').join("'");
    fc.assert(
      fc.property(demographics, (record) => {
        expect(
          corroborates(record, { ...record, givenName: 'x', familyName: decorate(record.familyName) }),
        ).toBe(normaliseName(record.familyName) !== '');
      }),
      { numRuns: 500 },
    );
  });
});

describe("the console's example prison number", () => {
  it('belongs to nobody in the demo data', async () => {
    const { EXAMPLE_PRISON_NUMBER } = await import('../../../console/src/presenters/referralForm.ts');
    const { DEMO_PEOPLE } = await import('../src/seed/people.ts');
    const { madeUpPerson } = await import('../src/seed/made-up-people.ts');
    const held = new Set([
      ...DEMO_PEOPLE.map((p) => p.prisonNumber),
      ...Array.from({ length: 5000 }, (_, n) => madeUpPerson(n, false, 'E08000003').prisonNumber),
    ]);
    expect(EXAMPLE_PRISON_NUMBER).toMatch(/^[A-Z]\d{4}[A-Z]{2}$/);
    expect(held.has(EXAMPLE_PRISON_NUMBER)).toBe(false);
  });
});
