/**
 * Idempotency keys for `submitReferral`: a retry with the same key and the same input returns the
 * original referral; the same key with a different input is refused. Keys are scoped to the caller
 * (subject and organisation), so two organisations (or two users) can never see each other's
 * referrals by guessing a key.
 *
 * The input is compared by a SHA-256 of its canonical JSON (keys sorted, absent and null alike),
 * so a client that re-serialises the same input in another key order is still a retry.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@reconnect/db';
import { badInput, hubError } from '@reconnect/graph';
import { idempotencyKeys } from '../db/schema.ts';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

export interface IdempotencyScope {
  callerSubject: string;
  callerOrganisation: string;
  key: string;
}

export type StoredKey = typeof idempotencyKeys.$inferSelect;

export function validateIdempotencyKey(key: string): void {
  if (key.length < 1 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw badInput('idempotencyKey', `An idempotency key is 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`);
  }
}

/** JSON with object keys sorted and null/undefined members left out; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter(
        (k) =>
          (value as Record<string, unknown>)[k] !== null &&
          (value as Record<string, unknown>)[k] !== undefined,
      )
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function inputHash(input: unknown): string {
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

export async function findKey(db: Queryable, scope: IdempotencyScope): Promise<StoredKey | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.callerSubject, scope.callerSubject),
        eq(idempotencyKeys.callerOrganisation, scope.callerOrganisation),
        eq(idempotencyKeys.key, scope.key),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * What a stored key means for a request with `hash`: the referral to replay, or
 * IDEMPOTENCY_KEY_REUSED when the input differs. The message names neither input.
 */
export function replayOf(stored: StoredKey, hash: string): string {
  if (stored.inputHash !== hash) {
    throw hubError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was already used with a different input; use a new key for a new referral.',
    );
  }
  return stored.referralId;
}
