/** Queries shared by the loaders and the services (so that loaders import nothing above db/). */
import { desc, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import type { Queryable } from '@reconnect/db';
import { handovers, type HandoverRow } from './schema.ts';

/** The handovers of some referrals, newest first (for the per-request loader). */
export async function handoversOfReferrals(
  db: Queryable,
  referralIds: readonly string[],
): Promise<HandoverRow[]> {
  const valid = referralIds.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .select()
    .from(handovers)
    .where(inArray(handovers.referralId, valid))
    .orderBy(desc(handovers.requestedAt), desc(handovers.id));
}
