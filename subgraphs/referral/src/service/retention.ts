/**
 * Retention, the referral subgraph's part (DOMAIN.md "Subject access and retention"): who is past
 * retention, and the erasure of the personal data this subgraph holds about them. Run by
 * `pnpm retention` (scripts/retention.ts) through the composition root, on this subgraph's own
 * database handle: it reads and writes only the `referral` schema (and appends to `audit`).
 *
 * Past retention: every referral of the person is closed (DECLINED, WITHDRAWN, DISCHARGED) and
 * the last one closed before the cutoff (the run's date less RETENTION_YEARS). A closed referral's
 * closing time is its declinedAt or dischargedAt, else (WITHDRAWN, whose row changes no more once
 * final) its updatedAt.
 *
 * Erased: the referrer's name and contact details, the reason for referral, every free-text
 * reason and note (decline, discharge, extension, history reasons, contact notes, handover
 * notes and reasons), engagement provider names, case notes' text, appointments' location, note
 * and provider, and the idempotency records (a hash of the
 * submitted personal data). Kept, de-identified, because metrics count them: statuses, dates,
 * sources, services, categories (identified needs), contact modes and times, engagement types and
 * outcomes, handovers' services and times, custody events (ids and types only).
 *
 * Safe beside live traffic: one short transaction per batch, which locks the batch's referrals
 * and checks the rule again under the lock, so a person who got a new referral since the batch
 * was chosen is left alone. Idempotent: an erased referral has `erasedAt`, and nothing is
 * erased or audited twice.
 */
import { and, gt, inArray, isNull, sql } from 'drizzle-orm';
import { recordAuditEvents, type AuditActor } from '@reconnect/audit';
import type { Db, Queryable } from '@reconnect/db';
import {
  appointments,
  caseNotes,
  contacts,
  engagements,
  handovers,
  idempotencyKeys,
  referralEvents,
  referrals,
} from '../db/schema.ts';

/** What a not-null text column holds once erased. */
export const ERASED = '[erased]';

/** The referral columns and rows an erasure clears, named in its audit event. */
export const REFERRAL_ERASED_FIELDS = [
  'referrer.name',
  'referrer.email',
  'referrer.phone',
  'referrer.relationship',
  'reasonForReferral',
  'decline.note',
  'discharge.note',
  'supportWindow.extensionReason',
  'homeArea',
  'history.reason',
  'contacts.note',
  'engagements.providerName',
  'handovers.note',
  'handovers.declineReason',
  'handovers.cancelReason',
  'idempotencyKeys',
  'notes.text',
  'appointments.location',
  'appointments.note',
  'appointments.providerName',
];

const CLOSED = sql`('DECLINED', 'WITHDRAWN', 'DISCHARGED')`;

/** The rule, over the referrals of one person (a GROUP BY person_id). */
const pastRetention = (cutoff: Date) => sql`
  bool_and(${referrals.status} in ${CLOSED})
  and max(coalesce(${referrals.declinedAt}, ${referrals.dischargedAt}, ${referrals.updatedAt})) < ${cutoff.toISOString()}::timestamptz`;

/**
 * People past retention at `cutoff`, by person id after `after`, at most `limit`: erased ones too
 * (their dates stay), so a run that stopped between subgraphs picks them up again; each subgraph
 * skips what it has erased already.
 */
export async function peoplePastRetention(
  db: Queryable,
  options: { cutoff: Date; after?: string | undefined; limit: number },
): Promise<string[]> {
  const rows = await db
    .select({ personId: referrals.personId })
    .from(referrals)
    .where(options.after ? gt(referrals.personId, options.after) : undefined)
    .groupBy(referrals.personId)
    .having(pastRetention(options.cutoff))
    .orderBy(referrals.personId)
    .limit(options.limit);
  return rows.map((r) => r.personId);
}

/** Of `personIds`, those still past retention now (none has had a new referral since). */
export async function stillPastRetention(
  db: Queryable,
  personIds: string[],
  cutoff: Date,
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ personId: referrals.personId })
    .from(referrals)
    .where(inArray(referrals.personId, personIds))
    .groupBy(referrals.personId)
    .having(pastRetention(cutoff));
  return rows.map((r) => r.personId);
}

export interface ReferralErasureCounts {
  people: number;
  referrals: number;
  history: number;
  contacts: number;
  engagements: number;
  handovers: number;
  /** Case notes and appointments (DOMAIN.md, "Casework": retention erases their text). */
  notes: number;
  appointments: number;
}

/** What erasing these people would clear (referrals not yet erased, and what hangs off them). */
export async function countReferralErasure(
  db: Queryable,
  personIds: string[],
): Promise<ReferralErasureCounts> {
  const none = {
    people: 0,
    referrals: 0,
    history: 0,
    contacts: 0,
    engagements: 0,
    handovers: 0,
    notes: 0,
    appointments: 0,
  };
  if (personIds.length === 0) return none;
  const ids = await db
    .select({ id: referrals.id, personId: referrals.personId })
    .from(referrals)
    .where(and(inArray(referrals.personId, personIds), isNull(referrals.erasedAt)));
  if (ids.length === 0) return none;
  const referralIds = ids.map((r) => r.id);
  const count = async (
    table:
      | typeof referralEvents
      | typeof contacts
      | typeof engagements
      | typeof handovers
      | typeof caseNotes
      | typeof appointments,
  ) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(inArray(table.referralId, referralIds));
    return row?.n ?? 0;
  };
  return {
    people: new Set(ids.map((r) => r.personId)).size,
    referrals: referralIds.length,
    history: await count(referralEvents),
    contacts: await count(contacts),
    engagements: await count(engagements),
    handovers: await count(handovers),
    notes: await count(caseNotes),
    appointments: await count(appointments),
  };
}

/**
 * Erases the personal data of the referrals of `personIds` that are still past retention, in one
 * transaction, with one audit event per person (`retention.erased`, subject the person, the
 * fields cleared). Returns the people erased now and the counts.
 */
export async function eraseReferralData(
  db: Db,
  personIds: string[],
  options: { cutoff: Date; actor: AuditActor },
): Promise<{ erased: string[]; counts: ReferralErasureCounts }> {
  const none = {
    people: 0,
    referrals: 0,
    history: 0,
    contacts: 0,
    engagements: 0,
    handovers: 0,
    notes: 0,
    appointments: 0,
  };
  if (personIds.length === 0) return { erased: [], counts: none };
  return db.transaction(async (tx) => {
    // Lock the people's referrals, then decide again: a referral submitted or reopened since the
    // batch was chosen waits for this transaction or makes its person fail the rule here.
    await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(inArray(referrals.personId, personIds))
      .for('update');
    const still = await stillPastRetention(tx, personIds, options.cutoff);
    const rows = still.length
      ? await tx
          .select({ id: referrals.id, personId: referrals.personId })
          .from(referrals)
          .where(and(inArray(referrals.personId, still), isNull(referrals.erasedAt)))
      : [];
    if (rows.length === 0) return { erased: [], counts: none };
    const ids = rows.map((r) => r.id);
    const [updated, history, contactRows, engagementRows, handoverRows] = [
      await tx
        .update(referrals)
        .set({
          referrerName: ERASED,
          referrerEmail: null,
          referrerPhone: null,
          referrerRelationship: null,
          reasonForReferral: null,
          declineNote: null,
          dischargeNote: null,
          extensionReason: null,
          homeAreaCode: null,
          erasedAt: options.actor.at,
        })
        .where(inArray(referrals.id, ids))
        .returning({ id: referrals.id }),
      await tx
        .update(referralEvents)
        .set({ reason: null })
        .where(inArray(referralEvents.referralId, ids))
        .returning({ id: referralEvents.id }),
      await tx
        .update(contacts)
        .set({ note: null })
        .where(inArray(contacts.referralId, ids))
        .returning({ id: contacts.id }),
      await tx
        .update(engagements)
        .set({ providerName: ERASED })
        .where(inArray(engagements.referralId, ids))
        .returning({ id: engagements.id }),
      await tx
        .update(handovers)
        .set({ note: null, declineReason: null, cancelReason: null })
        .where(inArray(handovers.referralId, ids))
        .returning({ id: handovers.id }),
    ];
    const noteRows = await tx
      .update(caseNotes)
      .set({ text: ERASED, erasedAt: options.actor.at })
      .where(and(inArray(caseNotes.referralId, ids), isNull(caseNotes.erasedAt)))
      .returning({ id: caseNotes.id });
    const appointmentRows = await tx
      .update(appointments)
      .set({
        location: null,
        note: null,
        providerName: sql`case when ${appointments.providerName} is null then null else ${ERASED} end`,
        erasedAt: options.actor.at,
      })
      .where(and(inArray(appointments.referralId, ids), isNull(appointments.erasedAt)))
      .returning({ id: appointments.id });
    await tx.delete(idempotencyKeys).where(inArray(idempotencyKeys.referralId, ids));
    const erased = [...new Set(rows.map((r) => r.personId))];
    await recordAuditEvents(
      tx,
      options.actor,
      erased.map((personId) => ({
        action: 'retention.erased',
        subjectType: 'Person',
        subjectId: personId,
        personId,
        fields: REFERRAL_ERASED_FIELDS.map((f) => `referral.${f}`),
      })),
    );
    return {
      erased,
      counts: {
        people: erased.length,
        referrals: updated.length,
        history: history.length,
        contacts: contactRows.length,
        engagements: engagementRows.length,
        handovers: handoverRows.length,
        notes: noteRows.length,
        appointments: appointmentRows.length,
      },
    };
  });
}
