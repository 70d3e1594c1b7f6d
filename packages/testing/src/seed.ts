/**
 * Composable seed builders: each test builds the data it needs (and owns it), so tests can run
 * concurrently without sharing state.
 */
import { grants, type NewGrant, type Relationship } from '@reconnect/access';
import { stableUuid, type Queryable } from '@reconnect/db';
import { randomUUID } from 'node:crypto';

export interface GrantSeed {
  organisationCode: string;
  relationship: Relationship;
  personId: string;
  referralId?: string | null;
  enhancedCaseId?: string | null;
  scopes?: string[];
  validFrom?: Date;
  validUntil?: Date | null;
  reason?: string;
}

/** Gives an organisation a relationship with a person (and referral); open-ended unless `validUntil`. */
export async function seedGrant(db: Queryable, seed: GrantSeed): Promise<NewGrant> {
  const row: NewGrant = {
    organisationCode: seed.organisationCode,
    relationship: seed.relationship,
    personId: seed.personId,
    referralId: seed.referralId ?? null,
    enhancedCaseId: seed.enhancedCaseId ?? null,
    scopes: seed.scopes ?? [],
    validFrom: seed.validFrom ?? new Date(Date.now() - 60_000),
    validUntil: seed.validUntil ?? null,
    reason: seed.reason ?? 'test.seed',
  };
  await db.insert(grants).values(row);
  return row;
}

/** A fresh id for test data; `stableUuid` when a test needs the same id twice. */
export function newId(): string {
  return randomUUID();
}

export { stableUuid };
