/**
 * Writes the demo people: the named ones with their own health needs and risk assessments, and
 * the people made up for the demo caseload with the health needs their referrals identified.
 * Idempotent: ids are stable and existing rows are left alone (ON CONFLICT DO NOTHING).
 * Referrals and grants (who may see them) are written by the referral subgraph's seed.
 */
import { londonDateOf, type Clock } from '@reconnect/config';
import { stableUuid, type Queryable } from '@reconnect/db';
import { healthNeeds, people, riskAssessments } from '../db/schema.ts';
import { madeUpCaseloadPeople, referralIdentifiedNeeds } from './caseload.ts';
import { DEMO_PEOPLE, demoPersonId } from './people.ts';

function daysBefore(clock: Clock, days: number): string {
  return londonDateOf(new Date(clock.now().getTime() - days * 86_400_000));
}

/** Seeds the named demo people; returns how many there are (new or already there). */
export async function seedDemoPeople(db: Queryable, clock: Clock): Promise<number> {
  const at = clock.now();
  await db.transaction(async (tx) => {
    await tx
      .insert(people)
      .values(
        DEMO_PEOPLE.map((p) => ({
          id: demoPersonId(p.key),
          givenName: p.givenName,
          familyName: p.familyName,
          dateOfBirth: p.dateOfBirth,
          nhsNumber: p.nhsNumber ?? null,
          prisonNumber: p.prisonNumber ?? null,
          crn: p.crn ?? null,
          pncId: p.pncId ?? null,
          homeOfficeReference: p.homeOfficeReference ?? null,
          homeAreaCode: p.homeAreaCode ?? null,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflictDoNothing();
    const needs = DEMO_PEOPLE.flatMap((p) =>
      (p.needs ?? []).map(([category, description], i) => ({
        id: stableUuid(`person:demo:${p.key}:need:${i}`),
        personId: demoPersonId(p.key),
        category,
        description,
        active: true,
        recordedAt: at,
        recordedBy: 'seed',
      })),
    );
    if (needs.length) await tx.insert(healthNeeds).values(needs).onConflictDoNothing();
    const risks = DEMO_PEOPLE.flatMap((p) =>
      p.risk
        ? [
            {
              id: stableUuid(`person:demo:${p.key}:risk:0`),
              personId: demoPersonId(p.key),
              level: p.risk.level,
              riskTo: p.risk.riskTo,
              summary: p.risk.summary,
              assessedOn: daysBefore(clock, p.risk.daysAgo),
              source: p.risk.source,
              recordedAt: at,
              recordedBy: 'seed',
            },
          ]
        : [],
    );
    if (risks.length) await tx.insert(riskAssessments).values(risks).onConflictDoNothing();
  });
  return DEMO_PEOPLE.length;
}

/**
 * Seeds the people made up for the demo caseload and the health needs its referrals identified;
 * returns how many made-up people there are (new or already there).
 */
export async function seedCaseloadPeople(db: Queryable, clock: Clock): Promise<number> {
  const at = clock.now();
  const madeUp = madeUpCaseloadPeople();
  await db.transaction(async (tx) => {
    await tx
      .insert(people)
      .values(madeUp.map((p) => ({ ...p, createdAt: at, updatedAt: at })))
      .onConflictDoNothing();
    await tx
      .insert(healthNeeds)
      .values(
        referralIdentifiedNeeds().map((n) => ({ ...n, active: true, recordedAt: at, recordedBy: 'seed' })),
      )
      .onConflictDoNothing();
  });
  return madeUp.length;
}
