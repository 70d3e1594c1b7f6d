/** Per-request loaders for referrals and what hangs off them: one query per kind per tick. */
import DataLoader from 'dataloader';
import { asc, desc, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import type { Db } from '@reconnect/db';
import { byKey, groupBy } from '@reconnect/graph';
import { handoversOfReferrals } from './db/queries.ts';
import {
  appointments,
  type AppointmentRow,
  caseNotes,
  type CaseNoteRow,
  contacts,
  engagements,
  handovers,
  type HandoverRow,
  referralEvents,
  referrals,
  type ContactRow,
  type EngagementRow,
  type ReferralEventRow,
  type ReferralRow,
} from './db/schema.ts';

export function createLoaders(ctx: { db: Db }) {
  const { db } = ctx;
  return {
    handoverById: new DataLoader<string, HandoverRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.select().from(handovers).where(inArray(handovers.id, valid)) : [];
      return byKey(ids, rows, (h) => h.id);
    }),
    /** Newest first. */
    handoversByReferral: new DataLoader<string, HandoverRow[]>(async (ids) =>
      groupBy(ids, await handoversOfReferrals(db, ids), (h) => h.referralId),
    ),
    referralById: new DataLoader<string, ReferralRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.select().from(referrals).where(inArray(referrals.id, valid)) : [];
      return byKey(ids, rows, (r) => r.id);
    }),
    referralByReference: new DataLoader<string, ReferralRow | null>(async (refs) => {
      const rows = await db
        .select()
        .from(referrals)
        .where(inArray(referrals.reference, [...refs]));
      return byKey(refs, rows, (r) => r.reference);
    }),
    referralsByPerson: new DataLoader<string, ReferralRow[]>(async (personIds) => {
      const valid = personIds.filter(isUuid);
      const rows = valid.length
        ? await db
            .select()
            .from(referrals)
            .where(inArray(referrals.personId, valid))
            .orderBy(desc(referrals.submittedAt))
        : [];
      return groupBy(personIds, rows, (r) => r.personId);
    }),
    historyByReferral: new DataLoader<string, ReferralEventRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(referralEvents)
          .where(inArray(referralEvents.referralId, [...ids]))
          .orderBy(asc(referralEvents.at), asc(referralEvents.id)),
        (e) => e.referralId,
      ),
    ),
    contactsByReferral: new DataLoader<string, ContactRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(contacts)
          .where(inArray(contacts.referralId, [...ids]))
          .orderBy(asc(contacts.occurredAt)),
        (c) => c.referralId,
      ),
    ),
    /** Newest first. */
    notesByReferral: new DataLoader<string, CaseNoteRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(caseNotes)
          .where(inArray(caseNotes.referralId, [...ids]))
          .orderBy(desc(caseNotes.at), desc(caseNotes.id)),
        (n) => n.referralId,
      ),
    ),
    /** In time order; the resolver puts the ones to come first. */
    appointmentsByReferral: new DataLoader<string, AppointmentRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(appointments)
          .where(inArray(appointments.referralId, [...ids]))
          .orderBy(asc(appointments.at), asc(appointments.id)),
        (a) => a.referralId,
      ),
    ),
    engagementsByReferral: new DataLoader<string, EngagementRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(engagements)
          .where(inArray(engagements.referralId, [...ids]))
          .orderBy(asc(engagements.recordedAt)),
        (e) => e.referralId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
