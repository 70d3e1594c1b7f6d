/**
 * The referral subgraph's demo seed: every RECONNECT service gets referrals in every state, from
 * every kind of referrer, with consent, named and peer support workers, contacts (some meeting the
 * two-contact target, some not), community engagements, history, a declined duplicate and, in some
 * services, discharge-overdue and extended cases. All names and identifiers are fictional.
 *
 * It writes only the referral schema and the grants this subgraph owns: the people the referrals
 * are about are the person subgraph's (its seed writes them, and `DEMO_CASELOAD` says who each
 * referral is about), the workers the directory's demo staff, and the names of establishments,
 * local authorities and services come from the reference data.
 *
 * Idempotent: ids and references are derived from stable names, rows are inserted with ON CONFLICT
 * DO NOTHING, and dates are relative to `clock.today()` on the first run.
 */
import type { Clock } from '@reconnect/config';
import { grants } from '@reconnect/access';
import type { Queryable } from '@reconnect/db';
import { contacts, engagements, referralEvents, referrals } from '../db/schema.ts';
import { allCases } from './cases.ts';
import type { DemoInputs } from './inputs.ts';
import { demoRows } from './rows.ts';

export { DEMO_SERVICE_CODES, PLANS } from './plans.ts';
export type { DemoCaseRef, DemoInputs, DemoPersonRef, DemoStaffRef } from './inputs.ts';

/** Seeds the demo referrals; returns how many there are (new or already there). */
export async function seedDemo(db: Queryable, clock: Clock, inputs: DemoInputs): Promise<number> {
  const cases = allCases(inputs, clock.today());
  const rows = demoRows(cases, clock.today());
  await db.transaction(async (tx) => {
    await tx.insert(referrals).values(rows.referrals).onConflictDoNothing();
    await tx.insert(referralEvents).values(rows.events).onConflictDoNothing();
    if (rows.contacts.length) await tx.insert(contacts).values(rows.contacts).onConflictDoNothing();
    if (rows.engagements.length) await tx.insert(engagements).values(rows.engagements).onConflictDoNothing();
    await tx.insert(grants).values(rows.grants).onConflictDoNothing();
  });
  return cases.length;
}
