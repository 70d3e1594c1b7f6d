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
  const enhancedCases = await partner.seedDemoEnhancedCase(db, clock, demoEnhancedReferral());
  return { people, referrals, enhancedCases };
}

/**
 * The demo referral enrolled in Enhanced RECONNECT: Shane O'Brien's POST_RELEASE referral in
 * RC-NEY (an ER pilot service), a person at VERY_HIGH risk with three active needs, as enrolment
 * requires. (Not RC-NW's eligible referral: the API examples and tests enrol that one themselves.)
 */
function demoEnhancedReferral(): partner.DemoEnhancedReferral {
  const entry = person.DEMO_CASELOAD.find(
    (r) => r.serviceCode === 'RC-NEY' && r.person.key === 'shane-o-brien' && r.caseKey === 'post',
  );
  if (!entry) throw new Error('the demo caseload has no post-release referral for shane-o-brien in RC-NEY');
  return { referralId: entry.referralId, personId: entry.person.id, region: 'NORTH_EAST_AND_YORKSHIRE' };
}
