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
 * Demo cases for a new user to explore. Idempotent. Each subgraph seeds its own tables: the person
 * subgraph every demo person (and the needs their referrals identified), the referral subgraph the
 * referrals about them (told who each is about and who the directory's demo staff are).
 */
export async function seedDemoData(db: Db, clock: Clock): Promise<Record<string, unknown>> {
  const people = await person.seedDemo(db, clock);
  const referrals = await referral.seedDemo(db, clock, {
    caseload: person.DEMO_CASELOAD,
    staff: regionalService.demoStaff,
  });
  return { people, referrals };
}
