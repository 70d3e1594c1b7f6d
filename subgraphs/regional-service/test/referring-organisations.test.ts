/**
 * The directory of referring organisations through the real gateway (contract/next/trust.md): who
 * reads it (staff and leads, commissioners and information governance the whole of it; a referrer
 * its own organisation only; partners nothing), and information governance keeping it, with every
 * input error at its path, an audit event per change, and a seed that never undoes a change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@reconnect/db';
import * as reference from '@reconnect/reference-data';
import { startTestHub, type HubClientForTests, type TestHub } from '@reconnect/hub/testing';
import { seedDirectory } from '../src/seed.ts';
import { directoryCounts } from '../src/db/queries.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are read by path
type Loose = Record<string, any>;

const LIST = `query List($kind: ReferringOrganisationKind, $region: Region) {
  referringOrganisations(kind: $kind, region: $region) { code name kind region allowedSources active }
}`;
const ONE = `query One($code: String!) {
  referringOrganisation(code: $code) { code name kind region allowedSources active }
}`;
const SAVE = `mutation Save($input: ReferringOrganisationInput!) {
  saveReferringOrganisation(input: $input) { code name kind region allowedSources active }
}`;

const organisations = reference.referringOrganisations();

let hub: TestHub;
let admin: HubClientForTests;

beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG', sub: 'ig-officer' });
});
afterAll(async () => {
  await hub?.stop();
});

async function body(client: HubClientForTests, query: string, variables: Loose = {}) {
  return (await client.query<Loose>(query, variables)).body;
}

async function auditOf(code: string) {
  return rowsOf<{ action: string; actor_subject: string; fields: string[] }>(
    await hub.database.handle.db.execute(
      sql`select action, actor_subject, fields from audit.events
          where subject_type = 'ReferringOrganisation' and subject_id = ${code} order by seq`,
    ),
  );
}

describe('reading the directory', () => {
  it.each([
    ['RECONNECT_STAFF', 'RC-NW'],
    ['RECONNECT_LEAD', 'RC-NW'],
    ['COMMISSIONER', 'NHSE'],
    ['RECONNECT_ADMIN', 'NHSE-IG'],
  ])(
    '%s reads every organisation of the reference data, each with the sources its kind allows',
    async (role, org) => {
      const answer = await body(await hub.as(role, { org }), LIST);
      expect(answer.errors).toBeUndefined();
      const rows = answer.data!.referringOrganisations as Loose[];
      expect(rows).toHaveLength(organisations.length);
      expect(new Set(rows.map((r) => r.code))).toEqual(new Set(organisations.map((o) => o.code)));
      for (const row of rows) {
        expect(row.allowedSources, row.code).toEqual([
          ...reference.ALLOWED_SOURCES[row.kind as reference.ReferringOrganisationKind],
        ]);
      }
    },
  );

  it('filters by kind and region, and names national organisations with no region', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const police = await body(staff, LIST, { kind: 'POLICE', region: 'NORTH_WEST' });
    expect(police.data!.referringOrganisations.map((r: Loose) => r.code).sort()).toEqual(
      organisations
        .filter((o) => o.kind === 'POLICE' && o.region === 'NORTH_WEST')
        .map((o) => o.code)
        .sort(),
    );
    const form = await body(staff, ONE, { code: 'RCF-ONLINE' });
    expect(form.data!.referringOrganisation).toMatchObject({
      kind: 'ONLINE_FORM',
      region: null,
      allowedSources: ['SELF', 'FAMILY_OR_FRIEND'],
      active: true,
    });
    const ircs = await body(staff, LIST, { kind: 'IRC_HEALTHCARE' });
    expect(ircs.data!.referringOrganisations).toHaveLength(
      organisations.filter((o) => o.kind === 'IRC_HEALTHCARE').length,
    );
  });

  it('lets a referrer read its own organisation only: the list holds it alone, another is FORBIDDEN', async () => {
    const probation = await hub.as('REFERRER', { org: 'PROB-NW' });
    const list = await body(probation, LIST);
    expect(list.errors).toBeUndefined();
    expect(list.data!.referringOrganisations).toEqual([
      {
        code: 'PROB-NW',
        name: 'Probation Service North West',
        kind: 'PROBATION',
        region: 'NORTH_WEST',
        allowedSources: ['PROBATION'],
        active: true,
      },
    ]);
    expect((await body(probation, LIST, { kind: 'POLICE' })).data!.referringOrganisations).toEqual([]);
    expect((await body(probation, ONE, { code: 'PROB-NW' })).data!.referringOrganisation.code).toBe(
      'PROB-NW',
    );
    const other = await body(probation, ONE, { code: 'POL-GMP' });
    expect(other.data).toEqual({ referringOrganisation: null });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(JSON.stringify(other)).not.toContain('Greater Manchester');
  });

  it('gives a referrer the directory does not know nothing', async () => {
    const unknown = await hub.as('REFERRER', { org: 'PROB-NOWHERE' });
    expect((await body(unknown, LIST)).data!.referringOrganisations).toEqual([]);
    expect((await body(unknown, ONE, { code: 'PROB-NOWHERE' })).data).toEqual({
      referringOrganisation: null,
    });
  });

  it.each([
    ['ER_PARTNER', 'ERP-NW-MH'],
    ['HMPPS_EVENTS', 'HMPPS'],
  ])('refuses %s (FORBIDDEN)', async (role, org) => {
    const caller = await hub.as(role, { org });
    for (const [query, variables] of [
      [LIST, {}],
      [ONE, { code: 'PROB-NW' }],
    ] as const) {
      const answer = await body(caller, query, variables);
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('counts the directory for a list bound (182 organisations from the reference data)', async () => {
    const counts = await directoryCounts(hub.database.handle.db);
    expect(counts.referringOrganisations).toBeGreaterThanOrEqual(organisations.length);
    expect(organisations).toHaveLength(182);
    expect(counts.establishments).toBe(reference.establishments().length);
  });
});

describe('keeping the directory (information governance)', () => {
  it.each([
    ['RECONNECT_STAFF', 'RC-NW'],
    ['RECONNECT_LEAD', 'RC-NW'],
    ['REFERRER', 'PROB-NW'],
    ['ER_PARTNER', 'ERP-NW-MH'],
    ['COMMISSIONER', 'NHSE'],
  ])('refuses %s (FORBIDDEN, nothing changed or audited)', async (role, org) => {
    const caller = await hub.as(role, { org });
    const answer = await body(caller, SAVE, {
      input: { code: 'PROB-NW', name: 'Renamed by a caller who may not', kind: 'ONLINE_FORM' },
    });
    expect(answer.data).toBeNull();
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const after = await body(admin, ONE, { code: 'PROB-NW' });
    expect(after.data!.referringOrganisation).toMatchObject({
      name: 'Probation Service North West',
      kind: 'PROBATION',
    });
    expect(await auditOf('PROB-NW')).toEqual([]);
  });

  it('adds an organisation, then changes it, each change audited in its transaction', async () => {
    const added = await body(admin, SAVE, {
      input: {
        code: 'Y01234',
        name: '  Healthcare,   HMP Example  ',
        kind: 'PRISON_HEALTHCARE',
        region: 'NORTH_WEST',
      },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.saveReferringOrganisation).toEqual({
      code: 'Y01234',
      name: 'Healthcare, HMP Example',
      kind: 'PRISON_HEALTHCARE',
      region: 'NORTH_WEST',
      allowedSources: ['PRISON_HEALTHCARE'],
      active: true,
    });
    const changed = await body(admin, SAVE, {
      input: {
        code: 'Y01234',
        name: 'Healthcare, HMP Example',
        kind: 'PRISON_HEALTHCARE',
        region: null,
        active: false,
      },
    });
    expect(changed.data!.saveReferringOrganisation).toMatchObject({ region: null, active: false });
    expect(await auditOf('Y01234')).toEqual([
      {
        action: 'referringOrganisation.added',
        actor_subject: 'ig-officer',
        fields: ['code', 'name', 'kind', 'region', 'active'],
      },
      { action: 'referringOrganisation.changed', actor_subject: 'ig-officer', fields: ['region', 'active'] },
    ]);
    // The new organisation's referrer reads it; a staff member sees it in the list.
    const own = await body(await hub.as('REFERRER', { org: 'Y01234' }), ONE, { code: 'Y01234' });
    expect(own.data!.referringOrganisation).toMatchObject({ code: 'Y01234', active: false });
  });

  it.each<[string, Loose, string]>([
    ['a blank code', { code: '  ' }, 'input.code'],
    ['a lower-case code', { code: 'prob-nw' }, 'input.code'],
    ['a code with spaces', { code: 'PROB NW' }, 'input.code'],
    ['a code of 41 characters', { code: 'A'.repeat(41) }, 'input.code'],
    ["a RECONNECT service's code", { code: 'RC-NW' }, 'input.code'],
    ['a blank name', { name: ' ' }, 'input.name'],
    ['a name of 201 characters', { name: 'n'.repeat(201) }, 'input.name'],
    ['active given as null', { active: null }, 'input.active'],
  ])('refuses %s (BAD_USER_INPUT at its path, nothing changed)', async (_what, change, field) => {
    const input = { code: 'POL-XX', name: 'Example Police', kind: 'POLICE', region: 'LONDON', ...change };
    const answer = await body(admin, SAVE, { input });
    expect(answer.data).toBeNull();
    expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const stored = rowsOf<{ n: number }>(
      await hub.database.handle.db.execute(
        sql`select count(*)::int as n from regional_service.referring_organisations where code = ${String(input.code).trim()}`,
      ),
    );
    expect(stored[0]!.n).toBe(0);
  });

  it('keeps a change through a later seed: the seed adds what is missing and never undoes governance', async () => {
    const code = 'POL-DUR';
    const saved = await body(admin, SAVE, {
      input: {
        code,
        name: 'Durham Constabulary',
        kind: 'POLICE',
        region: 'NORTH_EAST_AND_YORKSHIRE',
        active: false,
      },
    });
    expect(saved.errors).toBeUndefined();
    await hub.database.handle.db.execute(
      sql`delete from regional_service.referring_organisations where code = 'POL-WIL'`,
    );
    const result = await seedDirectory(hub.database.handle.db);
    expect(result.referringOrganisations).toBe(organisations.length);
    const after = await body(admin, LIST, { kind: 'POLICE', region: 'SOUTH_WEST' });
    expect(after.data!.referringOrganisations.map((o: Loose) => o.code)).toContain('POL-WIL');
    expect((await body(admin, ONE, { code })).data!.referringOrganisation.active).toBe(false);
  });
});
