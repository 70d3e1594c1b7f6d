/**
 * Referral references: `RC-XXXX-XXXX` from an alphabet without look-alike characters (no 0/O,
 * 1/I/L, 2/Z, 5/S, 8/B), read over the phone by people in a hurry. 23^8 ≈ 7.8e10 possibilities;
 * a collision is caught by the unique index and retried.
 */
import { randomInt } from 'node:crypto';

export const REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

export function newReference(): string {
  const pick = () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  const block = () => Array.from({ length: 4 }, pick).join('');
  return `RC-${block()}-${block()}`;
}

const REFERENCE = new RegExp(`^RC-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

/** Normalises what a caller typed (case, spaces, missing dashes); null when it cannot be a reference. */
export function normaliseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('RC') ? compact.slice(2) : compact;
  if (body.length !== 8) return null;
  const candidate = `RC-${body.slice(0, 4)}-${body.slice(4)}`;
  return REFERENCE.test(candidate) ? candidate : null;
}
