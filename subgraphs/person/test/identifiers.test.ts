/** Identifier rules (DOMAIN.md, "Identifiers"), table-driven; every expected value worked by hand. */
import { describe, expect, it } from 'vitest';
import { codeOf } from '@reconnect/graph';
import {
  isLocalAuthorityCodeFormat,
  normaliseCrn,
  normaliseHomeOfficeReference,
  normaliseNhsNumber,
  normalisePncId,
  normalisePrisonNumber,
  pncCheckLetter,
  validateIdentity,
} from '../src/service/identifiers.ts';
import { DEMO_PEOPLE } from '../src/seed/index.ts';

describe('NHS number (Modulus 11)', () => {
  it.each([
    // 9×10+4×9+3×8+4×7+7×6+6×5+5×4+9×3+1×2 = 299; 299 mod 11 = 2; 11−2 = 9
    ['9434765919', '9434765919'],
    ['943 476 5919', '9434765919'],
    [' 9434765919 ', '9434765919'],
    ['94 34 76 59 19', '9434765919'],
    // 9×10+9×9+9×8+2×5 = 253 = 23×11: remainder 0, 11 means a check digit of 0
    ['9990020000', '9990020000'],
    // 243+7×4+9×3+2×2 = 302; 302 mod 11 = 5; 11−5 = 6
    ['9990007926', '9990007926'],
    // 1×10 = 10; 11−10 = 1
    ['1000000001', '1000000001'],
  ])('%j is valid, stored as %s', (input, stored) => {
    expect(normaliseNhsNumber(input)).toBe(stored);
  });

  it.each([
    ['9434765918', 'wrong check digit'],
    ['9990020001', 'check digit should be 0'],
    // 9×10+9×9+9×8 = 243; 243 mod 11 = 1; 11−1 = 10: no valid number starts 999000000
    ['9990000000', 'check digit would be 10'],
    ['9990000001', 'check digit would be 10'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['943476591A', 'a letter'],
    ['943-476-5919', 'hyphens are not spaces'],
    ['', 'empty'],
  ])('%j is invalid (%s)', (input) => {
    expect(normaliseNhsNumber(input)).toBeNull();
  });
});

describe('prison number', () => {
  it.each([
    ['A1234BC', 'A1234BC'],
    ['a1234bc', 'A1234BC'],
    [' G2718st ', 'G2718ST'],
  ])('%j is valid, stored as %s', (input, stored) => expect(normalisePrisonNumber(input)).toBe(stored));

  it.each(['A1234B', 'A12345BC', '11234BC', 'A1234B1', 'AB1234C', 'A 1234BC', 'A123BCD', ''])(
    '%j is invalid',
    (input) => expect(normalisePrisonNumber(input)).toBeNull(),
  );
});

describe('CRN', () => {
  it.each([
    ['X123456', 'X123456'],
    ['x123456', 'X123456'],
    [' e112358 ', 'E112358'],
  ])('%j is valid, stored as %s', (input, stored) => expect(normaliseCrn(input)).toBe(stored));

  it.each(['X12345', 'X1234567', '1234567', 'XX12345', 'X12 456', ''])('%j is invalid', (input) =>
    expect(normaliseCrn(input)).toBeNull(),
  );
});

describe('PNC id', () => {
  it.each([
    // 120052834 = 23×5219688 + 10; letter 10 of ZABCDEFGHJKLMNPQRTUVWXY is K
    ['2012/0052834K', '2012/0052834K'],
    ['2012/52834K', '2012/0052834K'],
    ['2012/0052834k', '2012/0052834K'],
    ['12/52834K', '2012/0052834K'],
    ['12/0052834K', '2012/0052834K'],
    // 150123456 = 23×6527106 + 18; letter 18 is U
    ['2015/0123456U', '2015/0123456U'],
    // 10000009 = 23×434783 + 0; letter 0 is Z
    ['2001/9Z', '2001/0000009Z'],
    ['01/0000009Z', '2001/0000009Z'],
    // 991234567 = 23×43097155 + 2; letter 2 is B; 99 is after this year's 26, so 1999
    ['99/1234567B', '1999/1234567B'],
    ['1999/1234567B', '1999/1234567B'],
  ])('%j is valid, stored as %s', (input, stored) => expect(normalisePncId(input, 2026)).toBe(stored));

  it.each([
    ['2012/0052834J', 'wrong check letter'],
    ['2015/0123456T', 'wrong check letter'],
    ['1912/0052834L', 'the check uses the two-digit year only: K is right for 12, so L is wrong'],
    ['2012/00528340K', 'eight-digit serial'],
    ['201/0052834K', 'three-digit year'],
    ['2012-0052834K', 'hyphen for slash'],
    ['2012/0052834', 'no check letter'],
    ['2012/K', 'no serial'],
    ['2012/0052834KK', 'two letters'],
  ])('%j is invalid (%s)', (input) => expect(normalisePncId(input, 2026)).toBeNull());

  it('computes the check letter from the two-digit year and the zero-padded serial', () => {
    expect(pncCheckLetter('12', '52834')).toBe('K');
    expect(pncCheckLetter('12', '0052834')).toBe('K');
    expect(pncCheckLetter('01', '9')).toBe('Z');
  });
});

describe('Home Office reference', () => {
  it.each([
    ['N1234567', 'N1234567'],
    ['  F9876543 ', 'F9876543'],
    ['X', 'X'],
    ['12345678901234567890', '12345678901234567890'],
  ])('%j is valid, stored as %s', (input, stored) =>
    expect(normaliseHomeOfficeReference(input)).toBe(stored),
  );

  it.each(['123456789012345678901', '   ', ''])('%j is invalid', (input) =>
    expect(normaliseHomeOfficeReference(input)).toBeNull(),
  );
});

describe('local authority code format', () => {
  it.each([
    ['E06000001', true],
    ['E07000146', true],
    ['E08000035', true],
    ['E09000007', true],
    ['E10000001', false],
    ['E05000001', false],
    ['W06000001', false],
    ['E0800003', false],
    ['E080000350', false],
  ])('%s -> %s', (code, ok) => expect(isLocalAuthorityCodeFormat(code)).toBe(ok));
});

describe('validateIdentity', () => {
  const today = '2026-11-25';
  const base = { givenName: ' Daniel ', familyName: 'Marsh', dateOfBirth: '1988-03-14' };

  it('normalises every identifier and treats blank ones as absent', () => {
    expect(
      validateIdentity(
        {
          ...base,
          nhsNumber: '943 476 5919',
          prisonNumber: 'a1234bc',
          crn: 'x123456',
          pncId: '12/52834k',
          homeOfficeReference: ' ',
          homeLocalAuthorityCode: 'e08000035',
        },
        'input.person',
        today,
      ),
    ).toEqual({
      givenName: 'Daniel',
      familyName: 'Marsh',
      dateOfBirth: '1988-03-14',
      nhsNumber: '9434765919',
      prisonNumber: 'A1234BC',
      crn: 'X123456',
      pncId: '2012/0052834K',
      homeOfficeReference: null,
      homeAreaCode: 'E08000035',
    });
  });

  it('needs nothing but names and a date of birth', () => {
    expect(validateIdentity(base, 'input.person', today)).toMatchObject({
      nhsNumber: null,
      prisonNumber: null,
      crn: null,
      pncId: null,
    });
  });

  it.each([
    [{ nhsNumber: '9434765918' }, 'input.person.nhsNumber'],
    [{ prisonNumber: 'A1234B' }, 'input.person.prisonNumber'],
    [{ crn: 'X12345' }, 'input.person.crn'],
    [{ pncId: '2012/0052834J' }, 'input.person.pncId'],
    [{ homeOfficeReference: 'x'.repeat(21) }, 'input.person.homeOfficeReference'],
    [{ homeLocalAuthorityCode: 'E10000001' }, 'input.person.homeLocalAuthorityCode'],
    [{ givenName: '   ' }, 'input.person.givenName'],
    [{ familyName: '' }, 'input.person.familyName'],
    [{ familyName: 'x'.repeat(101) }, 'input.person.familyName'],
    [{ dateOfBirth: '2026-11-26' }, 'input.person.dateOfBirth'],
    [{ dateOfBirth: '2026-02-30' }, 'input.person.dateOfBirth'],
  ])('%j is BAD_USER_INPUT at %s', (change, field) => {
    let error: unknown;
    try {
      validateIdentity({ ...base, ...change }, 'input.person', today);
    } catch (e) {
      error = e;
    }
    expect(codeOf(error)).toBe('BAD_USER_INPUT');
    expect((error as { extensions: { field: string } }).extensions.field).toBe(field);
  });

  it('accepts a name of 100 characters and a birth date of today', () => {
    expect(
      validateIdentity({ ...base, familyName: 'x'.repeat(100), dateOfBirth: today }, 'p', today).familyName,
    ).toHaveLength(100);
  });

  it('names the path it is given', () => {
    expect(() => validateIdentity({ ...base, crn: 'bad' }, 'input.referrals.2.person', today)).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ field: 'input.referrals.2.person.crn' }),
      }),
    );
  });
});

describe('demo people', () => {
  it.each(DEMO_PEOPLE.map((p) => [p.key, p] as const))('%s has valid identifiers', (_key, p) => {
    const identity = validateIdentity(
      { ...p, homeLocalAuthorityCode: p.homeAreaCode ?? null },
      'seed',
      '2026-11-25',
    );
    expect(identity.nhsNumber).toBe(p.nhsNumber ?? null);
    expect(identity.pncId).toBe(p.pncId ?? null);
    expect(identity.prisonNumber).toBe(p.prisonNumber ?? null);
    expect(identity.crn).toBe(p.crn ?? null);
  });
});
