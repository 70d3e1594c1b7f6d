/**
 * A demo referral's history as rows: its entries in order, with each entry's from and to status,
 * its time (the submission, then 20 minutes apart from 10:00 on each day), the version it ends at
 * and when it last changed.
 */
import type { ReferralStatus } from '../db/schema.ts';
import type { DemoCase } from './story.ts';

/** Throws when the story does not end in the case's status: a demo must not contradict its own history. */
export function historyOf(c: DemoCase, submittedAt: Date, at: (daysAgo: number, hour?: number) => Date) {
  let status: ReferralStatus | null = null;
  let version = 0;
  let lastChangeAt = submittedAt;
  const perDay = new Map<number, number>();
  // A stable sort: entries of one day keep the order the story told them in.
  const entries = [...c.events]
    .sort((a, b) => b.daysAgo - a.daysAgo)
    .map((e, i) => {
      const nth = perDay.get(e.daysAgo) ?? 0;
      perDay.set(e.daysAgo, nth + 1);
      const when = i === 0 ? submittedAt : new Date(at(e.daysAgo, 10).getTime() + nth * 20 * 60_000);
      const from = status;
      if (!e.statusless) {
        status = e.becomes ?? status;
        version += 1;
        lastChangeAt = when;
      }
      return {
        at: when,
        type: e.type,
        fromStatus: e.statusless ? null : from,
        toStatus: e.statusless ? null : status,
        actor: e.actor,
        actorOrganisation: e.actorOrganisation,
        reason: e.reason ?? null,
      };
    });
  if (status !== c.status)
    throw new Error(`demo referral ${c.serviceCode}:${c.key} ends ${status}, not ${c.status}`);
  return { entries, version, lastChangeAt };
}
