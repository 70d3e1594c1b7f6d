/**
 * Retention, the partner subgraph's part (DOMAIN.md "Subject access and retention"): erases the
 * personal data of the Enhanced RECONNECT cases of people the referral subgraph found past
 * retention. Run by `pnpm retention` (scripts/retention.ts) through the composition root, on this
 * subgraph's own database handle (the `partner` schema, and appends to `audit`).
 *
 * Erased: each case's rationale and close reason, partners' removal reasons, and the text of every
 * partner update. Kept, de-identified: the case (status, region, dates, consent decision), which
 * partners were on it and when, and when each update was written and by which organisation.
 *
 * One short transaction per batch, one audit event per person whose cases it erased; an erased
 * case (`erasedAt`) is skipped, so a second run erases and records nothing.
 */
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { recordAuditEvents, type AuditActor } from '@reconnect/audit';
import type { Db, Queryable } from '@reconnect/db';
import { casePartners, enhancedCases, partnerUpdates } from '../db/schema.ts';

export const ERASED = '[erased]';

export const PARTNER_ERASED_FIELDS = [
  'enhancedCase.rationale',
  'enhancedCase.closeReason',
  'enhancedCase.partners.removeReason',
  'enhancedCase.updates.note',
];

export interface PartnerErasureCounts {
  people: number;
  enhancedCases: number;
  partnerUpdates: number;
}

const notErased = (personIds: string[]) =>
  and(inArray(enhancedCases.personId, personIds), isNull(enhancedCases.erasedAt));

/** What erasing these people would clear (cases not yet erased). */
export async function countPartnerErasure(db: Queryable, personIds: string[]): Promise<PartnerErasureCounts> {
  const none = { people: 0, enhancedCases: 0, partnerUpdates: 0 };
  if (personIds.length === 0) return none;
  const cases = await db
    .select({ id: enhancedCases.id, personId: enhancedCases.personId })
    .from(enhancedCases)
    .where(notErased(personIds));
  if (cases.length === 0) return none;
  const [updates] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partnerUpdates)
    .where(
      inArray(
        partnerUpdates.caseId,
        cases.map((c) => c.id),
      ),
    );
  return {
    people: new Set(cases.map((c) => c.personId)).size,
    enhancedCases: cases.length,
    partnerUpdates: updates?.n ?? 0,
  };
}

export async function erasePartnerData(
  db: Db,
  personIds: string[],
  options: { actor: AuditActor },
): Promise<{ erased: string[]; counts: PartnerErasureCounts }> {
  const none = { people: 0, enhancedCases: 0, partnerUpdates: 0 };
  if (personIds.length === 0) return { erased: [], counts: none };
  return db.transaction(async (tx) => {
    const cases = await tx
      .update(enhancedCases)
      .set({ rationale: ERASED, closeReason: null, erasedAt: options.actor.at })
      .where(notErased(personIds))
      .returning({ id: enhancedCases.id, personId: enhancedCases.personId });
    if (cases.length === 0) return { erased: [], counts: none };
    const caseIds = cases.map((c) => c.id);
    await tx.update(casePartners).set({ removeReason: null }).where(inArray(casePartners.caseId, caseIds));
    const updates = await tx
      .update(partnerUpdates)
      .set({ note: ERASED })
      .where(inArray(partnerUpdates.caseId, caseIds))
      .returning({ id: partnerUpdates.id });
    const erased = [...new Set(cases.map((c) => c.personId))];
    await recordAuditEvents(
      tx,
      options.actor,
      erased.map((personId) => ({
        action: 'retention.erased',
        subjectType: 'Person',
        subjectId: personId,
        personId,
        fields: PARTNER_ERASED_FIELDS.map((f) => `partner.${f}`),
      })),
    );
    return {
      erased,
      counts: { people: erased.length, enhancedCases: cases.length, partnerUpdates: updates.length },
    };
  });
}
