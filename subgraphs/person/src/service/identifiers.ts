/**
 * Identifier and identity checks (DOMAIN.md, "Identifiers"): pure functions, no database. Each
 * normaliser returns the stored form of a valid identifier, or null when it is not valid; the
 * `validate*` functions turn an invalid value into BAD_USER_INPUT naming the input path.
 */
import { badInput, isCalendarDate, normalisePrisonNumber } from '@reconnect/graph';
import type { PersonIdentityMatchInput } from '../generated/graphql.ts';

/** NHS number: 10 digits, spaces accepted on input and dropped; Modulus 11 check digit. */
export function normaliseNhsNumber(raw: string): string | null {
  const digits = raw.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const remainder = 11 - (sum % 11);
  // 11 means a check digit of 0; 10 means no valid number has these nine digits.
  const check = remainder === 11 ? 0 : remainder;
  if (check === 10) return null;
  return check === Number(digits[9]) ? digits : null;
}

/** Prison (NOMIS) number, e.g. A1234BC: one rule for every subgraph (the referral's custody events too). */
export { normalisePrisonNumber };

/** Probation case reference number, e.g. X123456; upper-cased on input. */
export function normaliseCrn(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  return /^[A-Z][0-9]{6}$/.test(value) ? value : null;
}

const PNC_CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

/** The PNC check letter of a two-digit year and a serial (DOMAIN.md). */
export function pncCheckLetter(twoDigitYear: string, serial: string): string {
  const number = Number(`${twoDigitYear}${serial.padStart(7, '0')}`);
  return PNC_CHECK_LETTERS[number % 23]!;
}

/**
 * PNC id, YYYY/NNNNNNNL or YY/NNNNNNNL (serial up to 7 digits); the letter is upper-cased on
 * input. Stored as YYYY/NNNNNNNL so that the long and short forms of one id match each other. A
 * two-digit year is read as the most recent such year not after `currentYear` (the check letter
 * depends on the last two digits only, so the century is not part of the check).
 */
export function normalisePncId(raw: string, currentYear: number): string | null {
  const m = /^(\d{2}|\d{4})\/(\d{1,7})([A-Za-z])$/.exec(raw.trim());
  if (!m) return null;
  const [, year, serial, letter] = m as unknown as [string, string, string, string];
  const twoDigitYear = year.slice(-2);
  if (pncCheckLetter(twoDigitYear, serial) !== letter.toUpperCase()) return null;
  let fullYear = Number(year);
  if (year.length === 2) {
    const century = Math.floor(currentYear / 100) * 100;
    fullYear = century + fullYear > currentYear ? century - 100 + fullYear : century + fullYear;
  }
  return `${String(fullYear).padStart(4, '0')}/${serial.padStart(7, '0')}${letter.toUpperCase()}`;
}

/** Home Office reference: free text, 1 to 20 characters (trimmed). */
export function normaliseHomeOfficeReference(raw: string): string | null {
  const value = raw.trim();
  return value.length >= 1 && value.length <= 20 ? value : null;
}

/** ONS local authority district code (E06, E07, E08, E09): format only; the directory knows which exist. */
export function isLocalAuthorityCodeFormat(raw: string): boolean {
  return /^E0[6-9][0-9]{6}$/.test(raw);
}

export const MAX_NAME_LENGTH = 100;

/** A valid identity in stored form; identifiers the submission did not carry are null. */
export interface Identity {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
  prisonNumber: string | null;
  crn: string | null;
  pncId: string | null;
  homeOfficeReference: string | null;
  homeAreaCode: string | null;
}

/**
 * Blank optional values count as absent: forms send an empty string for "not known", and an
 * empty identifier identifies nobody.
 */
function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function identifier(
  value: string | null | undefined,
  field: string,
  normalise: (raw: string) => string | null,
  message: string,
): string | null {
  if (!present(value)) return null;
  const normalised = normalise(value);
  if (normalised === null) throw badInput(field, message);
  return normalised;
}

export function validateName(value: string, field: string): string {
  const name = value.trim();
  if (name.length === 0) throw badInput(field, 'A name is required.');
  if (name.length > MAX_NAME_LENGTH)
    throw badInput(field, `A name may be at most ${MAX_NAME_LENGTH} characters.`);
  return name;
}

/** A date that is a real calendar date and not after `today` (both YYYY-MM-DD). */
export function validatePastDate(value: string, field: string, today: string, what: string): string {
  if (!isCalendarDate(value)) throw badInput(field, `${what} must be a calendar date written YYYY-MM-DD.`);
  if (value > today) throw badInput(field, `${what} may not be in the future.`);
  return value;
}

/**
 * Validates and normalises a submitted identity; the first problem found is thrown as
 * BAD_USER_INPUT with `extensions.field = ${inputPath}.<field>`.
 */
export function validateIdentity(
  input: PersonIdentityMatchInput,
  inputPath: string,
  today: string,
): Identity {
  const at = (field: string) => `${inputPath}.${field}`;
  const currentYear = Number(today.slice(0, 4));
  const homeArea = present(input.homeLocalAuthorityCode)
    ? input.homeLocalAuthorityCode.trim().toUpperCase()
    : null;
  if (homeArea !== null && !isLocalAuthorityCodeFormat(homeArea)) {
    throw badInput(at('homeLocalAuthorityCode'), 'A local authority code is an ONS code such as E08000016.');
  }
  return {
    givenName: validateName(input.givenName, at('givenName')),
    familyName: validateName(input.familyName, at('familyName')),
    dateOfBirth: validatePastDate(input.dateOfBirth, at('dateOfBirth'), today, 'The date of birth'),
    nhsNumber: identifier(
      input.nhsNumber,
      at('nhsNumber'),
      normaliseNhsNumber,
      'An NHS number is 10 digits with a valid check digit.',
    ),
    prisonNumber: identifier(
      input.prisonNumber,
      at('prisonNumber'),
      normalisePrisonNumber,
      'A prison number looks like A1234BC.',
    ),
    crn: identifier(input.crn, at('crn'), normaliseCrn, 'A CRN is a letter and six digits, e.g. X123456.'),
    pncId: identifier(
      input.pncId,
      at('pncId'),
      (raw) => normalisePncId(raw, currentYear),
      'A PNC id is YYYY/NNNNNNNL with a valid check letter, e.g. 2012/0052834K.',
    ),
    homeOfficeReference: identifier(
      input.homeOfficeReference,
      at('homeOfficeReference'),
      normaliseHomeOfficeReference,
      'A Home Office reference is 1 to 20 characters.',
    ),
    homeAreaCode: homeArea,
  };
}
