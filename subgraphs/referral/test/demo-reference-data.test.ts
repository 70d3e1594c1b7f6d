/**
 * The demo seed cites the reference data and never retypes it: every service, establishment and
 * local authority code the demo plans and the seeded demo use exists in `@reconnect/reference-data`
 * (with the right type and region), and the names the demo shows that it writes itself (healthcare
 * referrers, community providers) are the reference data's names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Clock } from '@reconnect/config';
import { rowsOf } from '@reconnect/db';
import * as reference from '@reconnect/reference-data';
import { createHubDatabase, type TestDatabase } from '@reconnect/hub/testing';
import { seedDemoData } from '../../../hub/src/index.ts';
import { PLANS } from '../src/seed/index.ts';

const establishments = new Map(reference.establishments().map((e) => [e.code, e]));
const localAuthorities = new Map(reference.localAuthorities().map((la) => [la.code, la]));
const services = new Map(reference.reconnectServices().map((s) => [s.code, s]));
const organisations = new Map(reference.referringOrganisations().map((o) => [o.code, o]));

interface ReferralRow {
  reference: string;
  custody_type: string;
  establishment_code: string;
  owning_service_code: string;
  receiving_service_code: string | null;
  home_area_code: string | null;
  referrer_organisation_code: string;
  referring_organisation_code: string | null;
  referrer_organisation_name: string | null;
  source: string;
}

describe('the demo plans', () => {
  it('name only services and establishments of the reference data, in the service’s region', () => {
    for (const plan of PLANS) {
      const service = services.get(plan.code);
      expect(service, plan.code).toBeDefined();
      const held = [
        ...plan.prisons.map((code) => ['PRISON', code] as const),
        ...Object.values(plan.heldAt ?? {}).map((code) => ['PRISON', code] as const),
        ...(plan.irc ? [['IRC', plan.irc] as const] : []),
      ];
      for (const [type, code] of held) {
        expect(establishments.get(code), `${plan.code} ${code}`).toMatchObject({
          type,
          region: service!.region,
        });
      }
    }
  });
});

describe('the seeded demo', () => {
  let database: TestDatabase;
  let referrals: ReferralRow[];
  let homeAreas: (string | null)[];
  let providers: { provider_name: string; owning_service_code: string }[];

  beforeAll(async () => {
    database = await createHubDatabase();
    const db = database.handle.db;
    await seedDemoData(db, new Clock());
    referrals = rowsOf<ReferralRow>(await db.execute(sql`select * from referral.referrals`));
    homeAreas = rowsOf<{ home_area_code: string | null }>(
      await db.execute(sql`select home_area_code from person.people`),
    ).map((p) => p.home_area_code);
    providers = rowsOf<{ provider_name: string; owning_service_code: string }>(
      await db.execute(sql`
        select e.provider_name, r.owning_service_code
        from referral.engagements e join referral.referrals r on r.id = e.referral_id`),
    );
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('holds every referral in a known establishment of its type, local to its owning service', () => {
    expect(referrals.length).toBeGreaterThan(0);
    for (const r of referrals) {
      const establishment = establishments.get(r.establishment_code);
      expect(establishment, r.reference).toBeDefined();
      expect(establishment!.type, r.reference).toBe(r.custody_type);
      expect(services.get(r.owning_service_code)?.region, r.reference).toBe(establishment!.region);
    }
  });

  it('gives every person a known home area, received by the service of its region', () => {
    expect(homeAreas.every((code) => code !== null && localAuthorities.has(code))).toBe(true);
    for (const r of referrals) {
      const area = localAuthorities.get(r.home_area_code!);
      expect(area, r.reference).toBeDefined();
      const receiving = [...services.values()].find((s) => s.region === area!.region)!.code;
      expect(r.receiving_service_code ?? r.owning_service_code, r.reference).toBe(receiving);
    }
  });

  it('has every referral made by an organisation of the directory whose kind allows its source', () => {
    for (const r of referrals) {
      const organisation = organisations.get(r.referrer_organisation_code);
      expect(organisation, `${r.reference} ${r.referrer_organisation_code}`).toBeDefined();
      expect(r.referring_organisation_code, r.reference).toBe(organisation!.code);
      expect(reference.ALLOWED_SOURCES[organisation!.kind], r.reference).toContain(r.source);
      expect(r.referrer_organisation_name, r.reference).toBe(organisation!.name);
    }
  });

  it('has healthcare referrals made by the healthcare team of the establishment they name', () => {
    const healthcare = referrals.filter((r) => /^HC[PI]-/.test(r.referrer_organisation_code));
    expect(healthcare.length).toBeGreaterThan(0);
    for (const r of healthcare) {
      const code = r.referrer_organisation_code.replace(/^HC[PI]-/, '');
      expect(code, r.reference).toBe(r.establishment_code);
    }
  });

  it('names community health centres after a town of the owning service’s establishments', () => {
    const centres = providers.filter((p) => p.provider_name.endsWith(' Health Centre'));
    expect(centres.length).toBeGreaterThan(0);
    for (const { provider_name, owning_service_code } of centres) {
      const region = services.get(owning_service_code)!.region;
      const towns = [...establishments.values()]
        .filter((e) => e.region === region)
        .map((e) => e.name.replace(/\s*\(.*\)$/, ''));
      expect(towns, provider_name).toContain(provider_name.replace(/ Health Centre$/, ''));
    }
  });
});
