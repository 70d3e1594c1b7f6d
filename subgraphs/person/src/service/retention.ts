/**
 * Retention, the person subgraph's part (DOMAIN.md "Subject access and retention"): erases the
 * identity and the clinical free text of people the referral subgraph found past retention. Run by
 * `pnpm retention` (scripts/retention.ts) through the composition root, on this subgraph's own
 * database handle (the `person` schema, and appends to `audit`).
 *
 * Erased: given and family name (to "[erased]": the columns are required), date of birth, every
 * identifier (NHS number, prison number, CRN, PNC id, Home Office reference), the home area, the
 * description of each health need and the summary of each risk assessment. Kept, de-identified:
 * the record's id (grants, referrals, enhanced cases and audit events point at it), need
 * categories and dates, risk levels, groups, dates and sources, identity conflicts (they hold an
 * identifier kind, never its value). The access log (audit) stays: it holds ids, never personal
 * data. Freed identifiers can be matched by a new submission only as a new person.
 *
 * One short transaction per batch, one audit event per person erased; a person already erased
 * (`erasedAt`) is skipped, so a second run erases and records nothing.
 */
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { recordAuditEvents, type AuditActor } from '@reconnect/audit';
import type { Db, Queryable } from '@reconnect/db';
import { healthNeeds, people, riskAssessments, submissions } from '../db/schema.ts';

export const ERASED = '[erased]';

export const PERSON_ERASED_FIELDS = [
  'givenName',
  'familyName',
  'dateOfBirth',
  'nhsNumber',
  'prisonNumber',
  'crn',
  'pncId',
  'homeOfficeReference',
  'homeArea',
  'healthNeeds.description',
  'riskAssessments.summary',
  'submissions',
];

export interface PersonErasureCounts {
  people: number;
  healthNeeds: number;
  riskAssessments: number;
}

const notErased = (personIds: string[]) => and(inArray(people.id, personIds), isNull(people.erasedAt));

async function childCounts(db: Queryable, ids: string[]) {
  const [needs] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(healthNeeds)
    .where(inArray(healthNeeds.personId, ids));
  const [risks] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(riskAssessments)
    .where(inArray(riskAssessments.personId, ids));
  return { healthNeeds: needs?.n ?? 0, riskAssessments: risks?.n ?? 0 };
}

/** What erasing these people would clear (people not yet erased). */
export async function countPersonErasure(db: Queryable, personIds: string[]): Promise<PersonErasureCounts> {
  if (personIds.length === 0) return { people: 0, healthNeeds: 0, riskAssessments: 0 };
  const ids = (await db.select({ id: people.id }).from(people).where(notErased(personIds))).map((r) => r.id);
  if (ids.length === 0) return { people: 0, healthNeeds: 0, riskAssessments: 0 };
  return { people: ids.length, ...(await childCounts(db, ids)) };
}

export async function erasePersonData(
  db: Db,
  personIds: string[],
  options: { actor: AuditActor },
): Promise<{ erased: string[]; counts: PersonErasureCounts }> {
  if (personIds.length === 0)
    return { erased: [], counts: { people: 0, healthNeeds: 0, riskAssessments: 0 } };
  return db.transaction(async (tx) => {
    const erased = (
      await tx
        .update(people)
        .set({
          givenName: ERASED,
          familyName: ERASED,
          dateOfBirth: null,
          nhsNumber: null,
          prisonNumber: null,
          crn: null,
          pncId: null,
          homeOfficeReference: null,
          homeAreaCode: null,
          erasedAt: options.actor.at,
          updatedAt: options.actor.at,
          version: sql`${people.version} + 1`,
        })
        .where(notErased(personIds))
        .returning({ id: people.id })
    ).map((r) => r.id);
    if (erased.length === 0) return { erased, counts: { people: 0, healthNeeds: 0, riskAssessments: 0 } };
    const needs = await tx
      .update(healthNeeds)
      .set({ description: ERASED })
      .where(inArray(healthNeeds.personId, erased))
      .returning({ id: healthNeeds.id });
    const risks = await tx
      .update(riskAssessments)
      .set({ summary: null })
      .where(inArray(riskAssessments.personId, erased))
      .returning({ id: riskAssessments.id });
    // What each submission said of the person (its names and date of birth) goes with the record.
    await tx
      .update(submissions)
      .set({ givenName: ERASED, familyName: ERASED, dateOfBirth: null })
      .where(inArray(submissions.personId, erased));
    await recordAuditEvents(
      tx,
      options.actor,
      erased.map((personId) => ({
        action: 'retention.erased',
        subjectType: 'Person',
        subjectId: personId,
        personId,
        fields: PERSON_ERASED_FIELDS.map((f) => `person.${f}`),
      })),
    );
    return {
      erased,
      counts: { people: erased.length, healthNeeds: needs.length, riskAssessments: risks.length },
    };
  });
}
