/**
 * `ReferralFilter.search` through the gateway (DOMAIN.md, "Finding a case"; casework.md): a
 * reference or an identifier matched exactly, else the start of a given or family name (accents,
 * case and punctuation ignored); only among the referrals the caller may see; a referrer by
 * reference only; each person shown is a read in the access log.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@reconnect/audit';
import { REFERRAL_ONLY_SCOPE } from '@reconnect/access';
import { rowsOf } from '@reconnect/db';
import { seedGrant } from '@reconnect/testing';
import type { HubClientForTests, TestHub } from '@reconnect/hub/testing';
import { nameKey } from '../../person/src/service/search.ts';
import { seedIn, startLifecycleHub, type Loose, type ReferralRow } from './lifecycle-harness.ts';

const SEARCH = /* GraphQL */ `
  query ($search: String) {
    referrals(filter: { search: $search }) {
      totalCount
      nodes {
        id
        reference
      }
    }
  }
`;

describe('ReferralFilter.search', () => {
  let hub: TestHub;
  let nw: HubClientForTests;
  let sw: HubClientForTests;
  let referrer: HubClientForTests;
  let otherReferrer: HubClientForTests;
  const r: Record<string, ReferralRow> = {};

  async function person(id: string, given: string, family: string, ids: Loose = {}) {
    await hub.database.handle.db.execute(sql`
      INSERT INTO person.people (id, given_name, family_name, date_of_birth, nhs_number, prison_number, crn, pnc_id)
      VALUES (${id}, ${given}, ${family}, '1990-01-01', ${ids.nhs ?? null}, ${ids.prison ?? null},
              ${ids.crn ?? null}, ${ids.pnc ?? null})`);
  }

  async function referralOf(name: string, given: string, family: string, ids: Loose = {}, sw = false) {
    const row = await seedIn(
      hub,
      'PRE_RELEASE',
      sw ? { grants: [['RC-SW', 'OWNING_SERVICE']], overrides: { owningServiceCode: 'RC-SW' } } : {},
    );
    await person(row.personId, given, family, ids);
    r[name] = row;
  }

  beforeAll(async () => {
    hub = await startLifecycleHub();
    nw = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-searcher' });
    sw = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
    referrer = await hub.as('REFERRER', { org: 'PROB-NW' });
    otherReferrer = await hub.as('REFERRER', { org: 'POLICE-GMP' });
    await referralOf('obrien', 'Seán', "O'Brien", {
      nhs: '4872019350',
      prison: 'Q7788ZZ',
      crn: 'Y765432',
      pnc: '2012/1234567C',
    });
    await referralOf('obrienSw', 'Aoife', 'OBrien', {}, true);
    await referralOf('nunez', 'María', 'Núñez');
    await referralOf('brien', 'Tom', 'Briendale');
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const ids = async (client: HubClientForTests, search: string) => {
    const { body } = await client.query<Loose>(SEARCH, { search });
    expect(body.errors, search).toBeUndefined();
    const list = body.data!.referrals as Loose;
    expect(list.totalCount).toBe(list.nodes.length);
    return (list.nodes as Loose[]).map((n) => n.id as string).sort();
  };

  it.each([
    ['obri', ['obrien']],
    ['OBri', ['obrien']],
    ["o'brien", ['obrien']],
    ['sean', ['obrien']],
    ['nun', ['nunez']],
    ['NÚÑ', ['nunez']],
    ['mar', ['nunez']],
    ['brien', ['brien']],
    ['zz', []],
  ])('a name: %s', async (search, expected) => {
    expect(await ids(nw, search)).toEqual(expected.map((k) => r[k]!.id).sort());
  });

  it.each([
    ['an NHS number with spaces', '487 201 9350'],
    ['a prison number in lower case', 'q7788zz'],
    ['a CRN', 'Y765432'],
    ['a PNC id with a two-digit year', '12/1234567C'],
  ])('%s, exactly', async (_label, search) => {
    expect(await ids(nw, search)).toEqual([r.obrien!.id]);
  });

  it('a reference, however typed', async () => {
    const ref = r.nunez!.reference;
    expect(await ids(nw, ref.toLowerCase().replace(/-/g, ' '))).toEqual([r.nunez!.id]);
  });

  it("never matches outside the caller's relationship", async () => {
    // RC-SW's own O'Brien is found by RC-SW alone; RC-NW's by RC-NW alone.
    expect(await ids(sw, 'obri')).toEqual([r.obrienSw!.id]);
    expect(await ids(sw, '4872019350')).toEqual([]);
    expect(await ids(sw, r.nunez!.reference)).toEqual([]);
    expect(await ids(nw, 'aoife')).toEqual([]);
  });

  it("a declined duplicate's service finds its duplicate, and nothing by the linked record's names or identifiers", async () => {
    // The duplicate was linked to O'Brien's record: its service holds a REFERRAL_ONLY grant there
    // (next/trust.md), which opens the duplicate referral and nothing of the person.
    const duplicate = await seedIn(hub, 'SUBMITTED', {
      grants: [],
      overrides: { owningServiceCode: 'RC-LDN', personId: r.obrien!.personId },
    });
    await seedGrant(hub.database.handle.db, {
      organisationCode: 'RC-LDN',
      relationship: 'OWNING_SERVICE',
      personId: r.obrien!.personId,
      referralId: duplicate.id,
      scopes: [REFERRAL_ONLY_SCOPE],
      validFrom: new Date('2020-01-01T00:00:00Z'),
    });
    const ldn = await hub.as('RECONNECT_STAFF', { org: 'RC-LDN' });
    expect(await ids(ldn, duplicate.reference)).toEqual([duplicate.id]);
    for (const search of ['obri', 'sean', '4872019350', 'Q7788ZZ', 'Y765432', '12/1234567C']) {
      expect(await ids(ldn, search), search).toEqual([]);
    }
  });

  it('a referrer searches by reference only, among its own', async () => {
    expect(await ids(referrer, r.nunez!.reference)).toEqual([r.nunez!.id]);
    expect(await ids(otherReferrer, r.nunez!.reference)).toEqual([]);
    for (const search of ['obri', '4872019350']) {
      const { body } = await referrer.query<Loose>(SEARCH, { search });
      expect(body.errors?.[0]?.extensions?.code, search).toBe('FORBIDDEN');
      expect(body.data?.referrals ?? null).toBeNull();
    }
  });

  it.each(['', '  ', 'a', "'-"])('refuses %j with BAD_USER_INPUT at filter.search', async (search) => {
    const { body } = await nw.query<Loose>(SEARCH, { search });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
  });

  it('logs a read of each person shown', async () => {
    const db = hub.database.handle.db;
    const before = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'referral.search-result'), eq(auditEvents.personId, r.obrien!.personId)),
      );
    expect(await ids(nw, 'obri')).toEqual([r.obrien!.id]);
    const after = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'referral.search-result'), eq(auditEvents.personId, r.obrien!.personId)),
      );
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      actorSubject: 'nw-searcher',
      actorOrganisation: 'RC-NW',
      subjectId: r.obrien!.id,
    });
  });

  it('normalises names in SQL (the indexed expression) as nameKey does', async () => {
    for (const name of ["O'Brien", 'Núñez', 'Seán', 'ANNE-MARIE', 'Zoë Ørsted', 'Łukasz']) {
      const [row] = rowsOf<{ k: string }>(
        await hub.database.handle.db.execute(
          sql`SELECT regexp_replace(normalize(lower(${name}), NFKD), '[^a-z]', '', 'g') AS k`,
        ),
      );
      expect(row!.k, name).toBe(nameKey(name));
    }
  });

  it('finds a name prefix through the expression indexes, not by reading every person', async () => {
    const db = hub.database.handle.db;
    const plan = await db.transaction(async (tx) => {
      // Planner costs on a small table favour a scan: forbid it, so the plan shows whether an index
      // can answer the prefix at all.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return rowsOf<Record<string, string>>(
        await tx.execute(sql`EXPLAIN SELECT id FROM person.people
          WHERE (regexp_replace(normalize(lower(given_name), NFKD), '[^a-z]', '', 'g') COLLATE "C") LIKE 'obri%'
             OR (regexp_replace(normalize(lower(family_name), NFKD), '[^a-z]', '', 'g') COLLATE "C") LIKE 'obri%'`),
      );
    });
    const text = plan.map((r) => Object.values(r).join(' ')).join('\n');
    expect(text).toMatch(/people_given_name_key_idx/);
    expect(text).toMatch(/people_family_name_key_idx/);
  });
});
