/** Writing a referral's history: one ReferralEvent per change, in the change's transaction. */
import type { Queryable } from '@reconnect/db';
import type { Principal } from '@reconnect/auth';
import { referralEvents } from '../db/schema.ts';

export interface HistoryEntry {
  referralId: string;
  type: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  at: Date;
}

export async function recordHistory(tx: Queryable, actor: Principal, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(referralEvents).values(
    entries.map((e) => ({
      referralId: e.referralId,
      at: e.at,
      type: e.type,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      actor: actor.displayName ? `${actor.displayName} (${actor.subject})` : actor.subject,
      actorOrganisation: actor.organisationCode ?? null,
      reason: e.reason ?? null,
    })),
  );
}
