/**
 * The referral subgraph's part of a subject access report (DOMAIN.md "Subject access and
 * retention"): every referral of the person with its history, contacts, engagements, handovers, case notes and appointments,
 * and the HMPPS custody events applied about them. Asked for only by the person subgraph, which
 * assembles the report for information governance and audits it with the reason (the shield:
 * `calledByPerson` and RECONNECT_ADMIN).
 *
 * Every stored column is included, as stored: a subject access report is everything the hub
 * holds, not what a role may see.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import type { Queryable } from '@reconnect/db';
import { notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import {
  appointments,
  caseNotes,
  contacts,
  custodyEvents,
  engagements,
  handovers,
  referralEvents,
  referrals,
} from '../db/schema.ts';

export async function referralSubjectAccessPart(db: Queryable, personId: string) {
  const rows = await db
    .select()
    .from(referrals)
    .where(eq(referrals.personId, personId))
    .orderBy(asc(referrals.submittedAt), asc(referrals.id));
  const ids = rows.map((r) => r.id);
  const [history, contactRows, engagementRows, handoverRows, custody, noteRows, appointmentRows] =
    await Promise.all([
      ids.length
        ? db
            .select()
            .from(referralEvents)
            .where(inArray(referralEvents.referralId, ids))
            .orderBy(asc(referralEvents.at), asc(referralEvents.id))
        : [],
      ids.length
        ? db
            .select()
            .from(contacts)
            .where(inArray(contacts.referralId, ids))
            .orderBy(asc(contacts.occurredAt))
        : [],
      ids.length
        ? db
            .select()
            .from(engagements)
            .where(inArray(engagements.referralId, ids))
            .orderBy(asc(engagements.recordedAt))
        : [],
      ids.length
        ? db
            .select()
            .from(handovers)
            .where(inArray(handovers.referralId, ids))
            .orderBy(asc(handovers.requestedAt))
        : [],
      db
        .select()
        .from(custodyEvents)
        .where(eq(custodyEvents.personId, personId))
        .orderBy(asc(custodyEvents.occurredAt)),
      // DOMAIN.md, "Casework": case notes and appointments are the person's data too.
      ids.length
        ? db.select().from(caseNotes).where(inArray(caseNotes.referralId, ids)).orderBy(asc(caseNotes.at))
        : [],
      ids.length
        ? db
            .select()
            .from(appointments)
            .where(inArray(appointments.referralId, ids))
            .orderBy(asc(appointments.at))
        : [],
    ]);
  const of = <T extends { referralId: string | null }>(list: T[], id: string) =>
    list.filter((x) => x.referralId === id).map(({ referralId: _r, ...rest }) => rest);
  return {
    referrals: rows.map((r) => ({
      ...r,
      history: of(history, r.id),
      contacts: of(contactRows, r.id),
      engagements: of(engagementRows, r.id),
      handovers: of(handoverRows, r.id),
      notes: of(noteRows, r.id),
      appointments: of(appointmentRows, r.id),
    })),
    custodyEvents: custody,
  };
}

/** `referralSubjectAccessPart` (internal): the part as one JSON text. */
export async function subjectAccessPart(ctx: Context, args: { personId: string }): Promise<string> {
  if (!isUuid(args.personId)) throw notFound('Person');
  return JSON.stringify(await referralSubjectAccessPart(ctx.db, args.personId));
}
