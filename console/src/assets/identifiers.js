// The identifier formats of DOMAIN.md ("Identifiers"), for the referral form: the browser checks
// them as the user types (app.js) and the console again when the page is sent (the hub checks them
// a third time). One copy, served to the browser as it is and imported by the server.

/** NHS number: 10 digits (spaces allowed), Modulus 11 check digit. */
export function isNhsNumber(raw) {
  const digits = raw.replace(/\s+/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const remainder = 11 - (sum % 11);
  const check = remainder === 11 ? 0 : remainder;
  return check !== 10 && check === Number(digits[9]);
}

/** Prison number, e.g. X1234YZ (any case). */
export function isPrisonNumber(raw) {
  return /^[A-Z][0-9]{4}[A-Z]{2}$/.test(raw.trim().toUpperCase());
}

/** Probation case reference number, e.g. X123456 (any case). */
export function isCrn(raw) {
  return /^[A-Z][0-9]{6}$/.test(raw.trim().toUpperCase());
}

const PNC_CHECK_LETTERS = 'ZABCDEFGHJKLMNPQRTUVWXY';

/** PNC id, YYYY/NNNNNNNL or YY/NNNNNNNL, with its check letter. */
export function isPncId(raw) {
  const m = /^(\d{2}|\d{4})\/(\d{1,7})([A-Za-z])$/.exec(raw.trim());
  if (!m) return false;
  const number = Number(`${m[1].slice(-2)}${m[2].padStart(7, '0')}`);
  return PNC_CHECK_LETTERS[number % 23] === m[3].toUpperCase();
}

/** Home Office reference: 1 to 20 characters. */
export function isHomeOfficeReference(raw) {
  const value = raw.trim();
  return value.length >= 1 && value.length <= 20;
}

/** Each identifier's check and the words that say what is wrong. */
export const IDENTIFIERS = {
  nhsNumber: {
    check: isNhsNumber,
    message: 'Enter a real NHS number: 10 digits, for example 943 476 5919',
  },
  prisonNumber: {
    check: isPrisonNumber,
    message:
      'Enter a prison number in the right format: a letter, 4 numbers and 2 letters, for example X1234YZ',
  },
  crn: {
    check: isCrn,
    message: 'Enter a CRN in the right format: a letter and 6 numbers, for example X123456',
  },
  pncId: {
    check: isPncId,
    message: 'Enter a real PNC ID: year, slash, number and check letter, for example 2012/0052834K',
  },
  homeOfficeReference: {
    check: isHomeOfficeReference,
    message: 'Home Office reference must be 20 characters or fewer',
  },
};
