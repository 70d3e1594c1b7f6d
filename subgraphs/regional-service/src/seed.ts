/**
 * Seeds the directory from the reference data: every establishment and local authority, the
 * RECONNECT services (each local to the establishments of its region and receiving the local
 * authorities of its region, as ../shared/data/README.md says), the superseded ONS codes, demo
 * staff in every service, and the referring organisations. Idempotent: ids are derived from codes,
 * and existing rows are updated, except referring organisations: information governance keeps
 * those (`saveReferringOrganisation`), so a seed adds the ones missing and never undoes a change.
 */
import { sql } from 'drizzle-orm';
import { stableUuid, type Queryable } from '@reconnect/db';
import * as reference from '@reconnect/reference-data';
import {
  establishments,
  localAuthorities,
  localAuthorityAliases,
  referringOrganisations,
  services,
  staff,
} from './db/schema.ts';

export const serviceId = (code: string) => stableUuid(`service:${code}`);

/** Demo staff of a service: stable ids so demos and tests can name them. */
export function demoStaff(serviceCode: string) {
  const names = DEMO_NAMES[serviceCode] ?? DEMO_NAMES.default!;
  const roles = [
    'TEAM_LEAD',
    'RECONNECT_WORKER',
    'RECONNECT_WORKER',
    'RECONNECT_WORKER',
    'PEER_SUPPORT_WORKER',
    'PEER_SUPPORT_WORKER',
    'RECONNECT_WORKER',
  ] as const;
  return roles.map((role, i) => ({
    id: stableUuid(`staff:${serviceCode}:${i}`),
    serviceId: serviceId(serviceCode),
    name: names[i] ?? `${serviceCode} worker ${i}`,
    role,
    // The last worker has left the service: shows `staff(activeOnly: false)` and is never assignable.
    active: i !== roles.length - 1,
  }));
}

const DEMO_NAMES: Record<string, string[]> = {
  'RC-NEY': [
    'Aisha Khan',
    'Tom Hargreaves',
    'Priya Patel',
    'Declan Walsh',
    'Gemma Robson',
    'Lee Armstrong',
    'Ruth Dobson',
  ],
  'RC-NW': [
    'Sam Okafor',
    'Hannah Byrne',
    'Imran Siddiqui',
    'Katie Doyle',
    'Marcus Reid',
    'Jo Whitworth',
    'Neil Parry',
  ],
  'RC-MID': [
    'Gurpreet Sandhu',
    'Laura Bennett',
    'Femi Adeyemi',
    'Chloe Turner',
    'Dean Moss',
    'Rachel Price',
    'Alan Fox',
  ],
  'RC-EOE': [
    'Helen Carter',
    'Owen Ellis',
    'Zara Hussain',
    'Ben Lacey',
    'Tina Marsh',
    'Carl Noble',
    'Sue Pike',
  ],
  'RC-LDN': [
    'Kwame Mensah',
    'Sophie Green',
    'Ravi Shah',
    'Ella Morgan',
    'Jamal Ahmed',
    'Nina Kowalski',
    'Paul Stone',
  ],
  'RC-SE': ['Fiona Grant', 'Josh Bell', 'Amara Obi', 'Luke Foster', 'Megan Hart', 'Dan Cole', 'Iris Lane'],
  'RC-SW': [
    'Beth Trelawny',
    'Joe Penrose',
    'Nadia Rahman',
    'Will Pascoe',
    'Cerys Evans',
    'Matt Hocking',
    'Gail Rowe',
  ],
  default: [
    'Team Lead',
    'Worker One',
    'Worker Two',
    'Worker Three',
    'Peer Supporter One',
    'Peer Supporter Two',
    'Former Worker',
  ],
};

export async function seedDirectory(db: Queryable): Promise<{
  services: number;
  establishments: number;
  localAuthorities: number;
  staff: number;
  referringOrganisations: number;
}> {
  const serviceRows = reference.reconnectServices();
  const byRegion = new Map(serviceRows.map((s) => [s.region, serviceId(s.code)]));
  const establishmentRows = reference.establishments();
  const laRows = reference.localAuthorities();
  const staffRows = serviceRows.flatMap((s) => demoStaff(s.code));
  const organisationRows = reference.referringOrganisations();

  await db.transaction(async (tx) => {
    await tx
      .insert(services)
      .values(
        serviceRows.map((s) => ({
          id: serviceId(s.code),
          code: s.code,
          name: s.name,
          region: s.region,
          enhancedReconnect: s.enhancedReconnect,
          source: s.source,
        })),
      )
      .onConflictDoUpdate({
        target: services.id,
        set: {
          name: sql`excluded.name`,
          region: sql`excluded.region`,
          enhancedReconnect: sql`excluded.enhanced_reconnect`,
          source: sql`excluded.source`,
          updatedAt: sql`now()`,
        },
      });
    await tx
      .insert(establishments)
      .values(establishmentRows.map((e) => ({ ...e, localServiceId: byRegion.get(e.region) ?? null })))
      .onConflictDoUpdate({
        target: establishments.code,
        set: {
          name: sql`excluded.name`,
          type: sql`excluded.type`,
          region: sql`excluded.region`,
          localServiceId: sql`excluded.local_service_id`,
          source: sql`excluded.source`,
        },
      });
    await tx
      .insert(localAuthorities)
      .values(laRows.map((la) => ({ ...la, receivingServiceId: byRegion.get(la.region) ?? null })))
      .onConflictDoUpdate({
        target: localAuthorities.code,
        set: {
          name: sql`excluded.name`,
          region: sql`excluded.region`,
          receivingServiceId: sql`excluded.receiving_service_id`,
          source: sql`excluded.source`,
        },
      });
    await tx
      .insert(localAuthorityAliases)
      .values(
        Object.entries(reference.LOCAL_AUTHORITY_ALIASES).map(([aliasCode, code]) => ({ aliasCode, code })),
      )
      .onConflictDoNothing();
    await tx.insert(staff).values(staffRows).onConflictDoNothing();
    await tx
      .insert(referringOrganisations)
      .values(organisationRows.map((o) => ({ ...o, active: true })))
      .onConflictDoNothing();
  });
  return {
    services: serviceRows.length,
    establishments: establishmentRows.length,
    localAuthorities: laRows.length,
    staff: staffRows.length,
    referringOrganisations: organisationRows.length,
  };
}
