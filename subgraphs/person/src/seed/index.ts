/**
 * The person subgraph's demo seed: every demo person, named or made up for the demo caseload, and
 * their health needs and risk assessments. `DEMO_CASELOAD` (who each demo referral is about) is
 * what the composition root hands to the referral subgraph's seed.
 */
import type { Clock } from '@reconnect/config';
import type { Queryable } from '@reconnect/db';
import { seedCaseloadPeople, seedDemoPeople } from './write.ts';

export { DEMO_PEOPLE, demoPersonId } from './people.ts';
export { DEMO_CASELOAD, type DemoCaseloadReferral, type DemoCaseloadPerson } from './caseload.ts';
export { seedDemoPeople };

/** Seeds every demo person; returns how many there are (new or already there). Idempotent. */
export async function seedDemo(db: Queryable, clock: Clock): Promise<number> {
  return (await seedDemoPeople(db, clock)) + (await seedCaseloadPeople(db, clock));
}
