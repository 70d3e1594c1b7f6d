/** Free-text input checks shared by every subgraph's services: trimmed, bounded, BAD_USER_INPUT at the field. */
import { badInput } from './errors.ts';

/** The trimmed text, or null when empty; longer than `max` is refused. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  what: string,
  max: number,
): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw badInput(field, `${what} may be at most ${max} characters.`);
  return text.length > 0 ? text : null;
}

/** The trimmed text; empty or longer than `max` is refused. */
export function requiredText(
  value: string | null | undefined,
  field: string,
  what: string,
  max: number,
): string {
  const text = optionalText(value, field, what, max);
  if (!text) throw badInput(field, `${what} is required.`);
  return text;
}

/** Prison (NOMIS) number, e.g. A1234BC, upper-cased on input; null when it is not one. */
export function normalisePrisonNumber(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  return /^[A-Z][0-9]{4}[A-Z]{2}$/.test(value) ? value : null;
}

export const PRISON_NUMBER_FORMAT = 'A prison number is a letter, four digits and two letters (A1234BC).';

/** The prison number's stored form; BAD_USER_INPUT at `field` when it is not one. */
export function prisonNumberAt(raw: string, field: string): string {
  const value = normalisePrisonNumber(raw);
  if (!value) throw badInput(field, PRISON_NUMBER_FORMAT);
  return value;
}

export const MAX_ESTABLISHMENT_CODE_LENGTH = 20;

/** An establishment (HMPPS) code, upper-cased; BAD_USER_INPUT at `field` when blank or too long. */
export function establishmentCodeAt(raw: string, field: string): string {
  const value = raw.trim().toUpperCase();
  if (value.length === 0 || value.length > MAX_ESTABLISHMENT_CODE_LENGTH)
    throw badInput(field, 'Name the establishment by its code.');
  return value;
}
