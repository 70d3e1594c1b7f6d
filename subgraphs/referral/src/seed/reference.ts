/** The demo referrals' references: in the referral alphabet, derived from the referral's name. */
import { createHash } from 'node:crypto';
import { REFERENCE_ALPHABET } from '../service/reference.ts';

/** The reference of the demo referral named `name` (`<service code>:<case key>`). */
export function demoReference(name: string): string {
  const bytes = createHash('sha256').update(`reconnect-hub:reference:${name}`).digest();
  const chars = Array.from(
    bytes.subarray(0, 8),
    (b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length],
  ).join('');
  return `RC-${chars.slice(0, 4)}-${chars.slice(4)}`;
}
