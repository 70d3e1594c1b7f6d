/**
 * The four subgraphs, their migrations and their seeds, in one list: the composition root for the
 * embedded hub, the per-process runners and the test harness.
 */
import { accessMigrations } from '@reconnect/access';
import { auditMigrations } from '@reconnect/audit';
import type { Clock } from '@reconnect/config';
import { eventsMigrations } from '@reconnect/events';
import type { Db, MigrationComponent } from '@reconnect/db';
import type { Subgraph, SubgraphDeps } from '@reconnect/graph';
import * as partner from '@reconnect/partner-subgraph';
import * as person from '@reconnect/person-subgraph';
import * as referral from '@reconnect/referral-subgraph';
import * as regionalService from '@reconnect/regional-service-subgraph';

export interface SubgraphModule {
  name: string;
  /** Port offset from the gateway's PORT in the embedded hub. */
  offset: number;
  build(deps: SubgraphDeps): Subgraph;
  migrations: MigrationComponent;
}

export const SUBGRAPH_MODULES: SubgraphModule[] = [
  {
    name: 'regional-service',
    offset: 1,
    build: regionalService.buildRegionalServiceSubgraph,
    migrations: regionalService.migrations,
  },
  { name: 'person', offset: 2, build: person.buildPersonSubgraph, migrations: person.migrations },
  { name: 'referral', offset: 3, build: referral.buildReferralSubgraph, migrations: referral.migrations },
  { name: 'partner', offset: 4, build: partner.buildPartnerSubgraph, migrations: partner.migrations },
];

/** Shared packages first: subgraphs' tables may be read alongside grants and audit events. */
export const ALL_MIGRATIONS: MigrationComponent[] = [
  accessMigrations,
  auditMigrations,
  eventsMigrations,
  ...SUBGRAPH_MODULES.map((m) => m.migrations),
];

/** Reference data: the directory and the partner organisations. Idempotent. */
export async function seedReferenceData(db: Db): Promise<Record<string, unknown>> {
  return {
    directory: await regionalService.seedDirectory(db),
    partners: await partner.seedPartners(db),
  };
}

/**
 * Demo cases for a new user to explore (added to by each domain as it lands). Idempotent. The
 * referral domain's caseload uses the person domain's demo people and the directory's demo staff;
 * the extra people (and referral-identified health needs) it needs are written here, through the
 * person domain's tables, so that no subgraph writes another's schema.
 */
export async function seedDemoData(db: Db, clock: Clock): Promise<Record<string, unknown>> {
  const people = await person.seedDemoPeople(db, clock);
  const directory: referral.DemoDirectory = {
    people: person.DEMO_PEOPLE,
    personId: person.demoPersonId,
    staff: regionalService.demoStaff,
  };
  const caseload = referral.demoCaseloadPeople(directory, clock);
  const at = clock.now();
  await db.transaction(async (tx) => {
    await tx
      .insert(person.personSchema.people)
      .values(caseload.people.map(({ key: _key, ...p }) => ({ ...p, createdAt: at, updatedAt: at })))
      .onConflictDoNothing();
    await tx
      .insert(person.personSchema.healthNeeds)
      .values(
        caseload.healthNeeds.map((n) => ({
          ...n,
          category: n.category as person.personSchema.HealthNeedCategory,
          active: true,
          recordedAt: at,
          recordedBy: 'seed',
        })),
      )
      .onConflictDoNothing();
  });
  return {
    people: people + caseload.people.length,
    referrals: await referral.seedDemoReferrals(db, clock, directory),
  };
}
