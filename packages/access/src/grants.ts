/** Writing grants: always inside the transaction of the change that causes them. */
import { and, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '@reconnect/db';
import { grants, type NewGrant, type Relationship } from './schema.ts';

/**
 * The organisation's grants in these relationships that are live at `at` (valid_from <= at <
 * valid_until): the condition every visibility query and Access share.
 */
export function liveGrantsOf(
  organisationCode: string,
  relationships: readonly Relationship[],
  at: Date,
): SQL {
  return and(
    eq(grants.organisationCode, organisationCode),
    inArray(grants.relationship, [...relationships]),
    lte(grants.validFrom, at),
    or(isNull(grants.validUntil), gt(grants.validUntil, at)),
  )!;
}

export async function grantAccess(tx: Queryable, grant: NewGrant): Promise<void> {
  await tx.insert(grants).values(grant);
}

export interface GrantSelector {
  referralId?: string;
  enhancedCaseId?: string;
  personId?: string;
  organisationCode?: string;
  relationship?: Relationship;
}

/** Ends the matching live grants at `at` (they stay in the table as history). Returns how many. */
export async function endGrants(tx: Queryable, selector: GrantSelector, at: Date): Promise<number> {
  const conditions: SQL[] = [];
  if (selector.referralId) conditions.push(eq(grants.referralId, selector.referralId));
  if (selector.enhancedCaseId) conditions.push(eq(grants.enhancedCaseId, selector.enhancedCaseId));
  if (selector.personId) conditions.push(eq(grants.personId, selector.personId));
  if (selector.organisationCode) conditions.push(eq(grants.organisationCode, selector.organisationCode));
  if (selector.relationship) conditions.push(eq(grants.relationship, selector.relationship));
  if (conditions.length === 0) throw new Error('endGrants needs a selector');
  const ended = await tx
    .update(grants)
    .set({ validUntil: at })
    .where(and(...conditions, or(isNull(grants.validUntil), gt(grants.validUntil, at))))
    .returning({ id: grants.id });
  return ended.length;
}
