/** Seed builders for referrals (rows written straight to the referral subgraph's table), for tests. */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '@reconnect/db';
import * as referralTables from './db/schema.ts';
import { newReference } from './service/reference.ts';

type NewReferral = typeof referralTables.referrals.$inferInsert;

/** A referral for `personId`: SUBMITTED, by probation, from Manchester (MRI) to RECONNECT North West. */
export async function seedReferral(
  db: Queryable,
  overrides: Partial<NewReferral> & { personId: string },
): Promise<typeof referralTables.referrals.$inferSelect> {
  const [row] = await db
    .insert(referralTables.referrals)
    .values({
      id: randomUUID(),
      reference: newReference(),
      status: 'SUBMITTED',
      source: 'PROBATION',
      referrerOrganisationCode: 'PROB-NW',
      // The directory's organisation that submitted it: the referrer's, unless a test says otherwise.
      referringOrganisationCode: overrides.referrerOrganisationCode ?? 'PROB-NW',
      referrerName: 'Test Probation Practitioner',
      submittedAt: new Date(),
      submittedBy: 'test-referrer',
      custodyType: 'PRISON',
      establishmentCode: 'MRI',
      expectedReleaseDate: '2027-01-15',
      identifiedNeeds: ['MENTAL_HEALTH'],
      owningServiceCode: 'RC-NW',
      receivingServiceCode: null,
      ...overrides,
    })
    .returning();
  return row!;
}
