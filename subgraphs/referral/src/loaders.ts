/** Per-request loaders for referrals and what hangs off them: one query per kind per tick. */
import DataLoader from 'dataloader';
import { asc, desc, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import type { Db } from '@reconnect/db';
import { handoversOfReferrals } from './service/handover.ts';
import {
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

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export function createLoaders(ctx: { db: Db }) {
  const { db } = ctx;
  return {
    handoverById: new DataLoader<string, HandoverRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.select().from(handovers).where(inArray(handovers.id, valid)) : [];
      const map = new Map(rows.map((h) => [h.id, h]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** Newest first. */
    handoversByReferral: new DataLoader<string, HandoverRow[]>(async (ids) =>
      groupBy(ids, await handoversOfReferrals(db, ids), (h) => h.referralId),
    ),
    referralById: new DataLoader<string, ReferralRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.select().from(referrals).where(inArray(referrals.id, valid)) : [];
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    referralByReference: new DataLoader<string, ReferralRow | null>(async (refs) => {
      const rows = await db
        .select()
        .from(referrals)
        .where(inArray(referrals.reference, [...refs]));
      const map = new Map(rows.map((r) => [r.reference, r]));
      return refs.map((ref) => map.get(ref) ?? null);
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
