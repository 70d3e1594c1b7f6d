/**
 * Every unpaged list of the API has a bound with a source (bounds.ts), the directory's bounds are
 * the rows the directory really holds (read from the subgraphs as the gateway does at start), and
 * the estimate with those bounds refuses the nineteen-alias flood that the old assumption of 50
 * items a list let through.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLOutputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@reconnect/graph';
import { rowsOf as dbRows, sql } from '@reconnect/db';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { API_SCHEMA_FILE } from '../src/index.ts';
import {
  LIST_BOUNDS,
  UNKNOWN_LIST_BOUND,
  DirectoryCounter,
  boundSize,
  changedDirectory,
  countQueries,
  directory,
} from '../src/bounds.ts';
import { objectLimitRule } from '../src/cost.ts';
import { objectLimit, DEFAULT_LIMITS } from '../src/limits.ts';

const schema = buildSchema(readFileSync(API_SCHEMA_FILE, 'utf8'));

function isList(type: GraphQLOutputType): boolean {
  let t = type;
  while (isNonNullType(t)) t = t.ofType;
  return isListType(t);
}

/** Every field of the API that is a list of objects, and whether it is paged (in a connection). */
function objectLists(): { key: string; paged: boolean }[] {
  const connections = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((a) => a.name === 'first')) connections.add(getNamedType(field.type).name);
    }
  }
  const out: { key: string; paged: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (!isObjectType(type) && !isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isList(field.type) || !isCompositeType(getNamedType(field.type))) continue;
      const paged = connections.has(type.name) || field.args.some((a) => a.name === 'first');
      out.push({ key: `${type.name}.${field.name}`, paged });
    }
  }
  return out;
}

describe('the bounds of the API’s lists', () => {
  it('every unpaged list of objects in schema/api.graphql has a configured bound', () => {
    const unpaged = objectLists().filter((l) => !l.paged);
    expect(unpaged.length).toBeGreaterThan(15);
    const missing = unpaged.filter((l) => !LIST_BOUNDS[l.key]).map((l) => l.key);
    expect(
      missing,
      'add each to LIST_BOUNDS in gateway/src/bounds.ts with where its bound comes from',
    ).toEqual([]);
  });

  it('every configured bound names a list of the schema, and each of its sources exists', () => {
    const lists = new Set(objectLists().map((l) => l.key));
    for (const [key, bound] of Object.entries(LIST_BOUNDS)) {
      expect(lists.has(key), key).toBe(true);
      if (bound.kind === 'rowsOf') expect(LIST_BOUNDS[bound.list]?.kind, key).toBe('directory');
      if (bound.kind === 'enum') expect(isEnumType(schema.getType(bound.type)), key).toBe(true);
      if (bound.kind === 'directory') expect(key.startsWith('Query.'), key).toBe(true);
    }
  });

  it('the count queries are valid against the schema, one per counted list', () => {
    const queries = countQueries();
    expect(new Set(queries.map((q) => q.subgraph))).toEqual(new Set(['partner', 'regional-service']));
    expect(queries.map((q) => q.key).sort()).toEqual(
      Object.entries(LIST_BOUNDS)
        .filter(([, b]) => b.kind === 'directory' || b.kind === 'counted')
        .map(([k]) => k)
        .sort(),
    );
    for (const { query } of queries) expect(validate(schema, parse(query))).toEqual([]);
  });

  it('a new directory list is one entry: it is counted with the others of its subgraph', () => {
    // What adding referringOrganisations is (its field is being added to the schema elsewhere).
    const bounds = { ...LIST_BOUNDS, 'Query.referringOrganisations': directory('regional-service') };
    const added = countQueries(bounds).find((q) => q.key === 'Query.referringOrganisations')!;
    expect(added.subgraph).toBe('regional-service');
    expect(added.query).toBe('query DirectoryCounts { referringOrganisations { __typename } }');
    expect(
      boundSize(bounds['Query.referringOrganisations'], new Map([[added.key, 182]]), schema, added.key),
    ).toBe(182);
  });

  it('a list nobody configured, or a directory not yet counted, is the large unknown bound, never a small guess', () => {
    expect(boundSize(undefined, new Map(), schema)).toBe(UNKNOWN_LIST_BOUND);
    expect(
      boundSize(LIST_BOUNDS['Query.localAuthorities'], new Map(), schema, 'Query.localAuthorities'),
    ).toBe(UNKNOWN_LIST_BOUND);
    expect(UNKNOWN_LIST_BOUND).toBeGreaterThanOrEqual(1_000);
    expect(boundSize(LIST_BOUNDS['ServiceMetrics.bySource'], new Map(), schema)).toBe(8);
  });

  it('only a mutation that changed a counted list has the counts read again', () => {
    const saved = { code: 'X' };
    expect(
      changedDirectory(
        parse('mutation { recordDataSharingAgreement(partnerCode: "P", input: {}) { code } }'),
        { recordDataSharingAgreement: saved },
      ),
    ).toBe(true);
    const save = parse('mutation { saveReferringOrganisation(input: {}) { code } }');
    expect(changedDirectory(save, { saveReferringOrganisation: saved })).toBe(true);
    // Refused or failed (anyone may send one): nothing changed, no count is read.
    expect(changedDirectory(save, { saveReferringOrganisation: null })).toBe(false);
    expect(changedDirectory(save, null)).toBe(false);
    expect(changedDirectory(save, undefined)).toBe(false);
    // Through an alias or a fragment on Mutation, as at the root.
    expect(
      changedDirectory(parse('mutation { s: saveReferringOrganisation(input: {}) { code } }'), { s: saved }),
    ).toBe(true);
    expect(
      changedDirectory(
        parse('mutation { ...M } fragment M on Mutation { saveReferringOrganisation(input: {}) { code } }'),
        { saveReferringOrganisation: saved },
      ),
    ).toBe(true);
    expect(
      changedDirectory(parse('mutation { acceptReferral(id: "x") { referral { id } } }'), {
        acceptReferral: { referral: { id: 'x' } },
      }),
    ).toBe(false);
    expect(changedDirectory(parse('{ localAuthorities { code } }'), { localAuthorities: [] })).toBe(false);
  });
});

const FLOOD = `{ ${Array.from(
  { length: 19 },
  (_, i) => `a${i}: localAuthorities { receivingService { localAuthorities { code name region } } }`,
).join(' ')} }`;

describe('the estimate with real bounds', () => {
  const errorsWith = (query: string, counts: Map<string, number>) =>
    validate(schema, parse(query), [objectLimit(DEFAULT_LIMITS, counts)]).map((e) => e.message);
  const counts = new Map([
    ['Query.localAuthorities', 296],
    ['Query.establishments', 122],
    ['Query.reconnectServices', 7],
    ['ReconnectService.staff', 40],
    ['Query.partnerOrganisations', 5],
    ['PartnerOrganisation.agreements', 10],
  ]);

  it('before: a list assumed to hold 50 let the nineteen-alias flood through (19 × (50 + 50 + 50 × 50) = 49,400)', () => {
    const old = objectLimitRule({ maxObjects: 50_000, maxPageSize: 100, listBound: () => 50 });
    expect(validate(schema, parse(FLOOD), [old])).toEqual([]);
  });

  it('now: with the 296 local authorities the directory holds, it is refused', () => {
    const errors = errorsWith(FLOOD, counts);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/estimated cost is over the limit/);
    // One alias alone (296 × 296 local authorities) is over the limit too.
    expect(
      errorsWith('{ localAuthorities { receivingService { localAuthorities { code } } } }', counts),
    ).toHaveLength(1);
  });

  it('the directory read flat, a caseload page, and services with their staff still pass', () => {
    for (const query of [
      '{ establishments { code name localService { name } } localAuthorities { code } }',
      '{ reconnectServices { establishments { code } staff { name } localAuthorities { code } } }',
      `{ referrals(first: 100) { totalCount nodes { reference person { givenName healthNeeds { category } }
         contacts { id } engagements { id } history { type } handovers { id } } } }`,
      '{ referrals { nodes { id } } partnerOrganisations { agreements { id } } }',
    ]) {
      expect(errorsWith(query, counts), query).toEqual([]);
    }
  });

  it('a paged list left without `first` counts its default page, with `first: $n` the largest page', () => {
    const rule = objectLimitRule({
      maxObjects: 5_000,
      maxPageSize: 100,
      listBound: () => UNKNOWN_LIST_BOUND,
    });
    // Default 50 × 50 × 1 = 2,550 objects: under; `first: $n` is 100 × 50: over.
    expect(
      validate(schema, parse('{ referrals { nodes { contacts { id } } } }'), [
        objectLimitRule({ maxObjects: 5_000, maxPageSize: 100, listBound: () => 50 }),
      ]),
    ).toEqual([]);
    expect(
      validate(schema, parse('query ($n: Int) { referrals(first: $n) { nodes { contacts { id } } } }'), [
        objectLimitRule({ maxObjects: 5_000, maxPageSize: 100, listBound: () => 50 }),
      ]),
    ).toHaveLength(1);
    // An unconfigured list inside a page is the unknown bound: over.
    expect(validate(schema, parse('{ referrals { nodes { contacts { id } } } }'), [rule])).toHaveLength(1);
  });
});

describe('the directory counts, read from the subgraphs as the gateway does', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  }, 120_000);
  afterAll(async () => {
    await hub?.stop();
  });

  it('are the rows the directory holds, every configured count read', async () => {
    const counter = new DirectoryCounter({
      subgraphUrls: hub.subgraphUrls,
      internalSecret: hub.internalSecret,
      timeoutMs: 10_000,
      logger: createLogger('silent', 'bounds-test'),
    });
    await counter.refresh();
    const db = hub.database.handle.db;
    const count = async (table: string) =>
      dbRows<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
    expect(counter.counts.get('Query.localAuthorities')).toBe(
      await count('regional_service.local_authorities'),
    );
    expect(counter.counts.get('Query.localAuthorities')).toBe(296);
    expect(counter.counts.get('Query.establishments')).toBe(await count('regional_service.establishments'));
    expect(counter.counts.get('Query.reconnectServices')).toBe(
      await count('regional_service.reconnect_services'),
    );
    expect(counter.counts.get('Query.referringOrganisations')).toBe(
      await count('regional_service.referring_organisations'),
    );
    expect(counter.counts.get('Query.referringOrganisations')).toBe(182);
    expect(counter.counts.get('ReconnectService.staff')).toBe(await count('regional_service.staff'));
    expect(counter.counts.get('Query.partnerOrganisations')).toBe(
      await count('partner.partner_organisations'),
    );
    expect(counter.counts.get('PartnerOrganisation.agreements')).toBe(
      await count('partner.data_sharing_agreements'),
    );
  });

  it('a list a subgraph cannot answer (not deployed yet) leaves only that list unknown', async () => {
    const counter = new DirectoryCounter({
      subgraphUrls: hub.subgraphUrls,
      internalSecret: hub.internalSecret,
      timeoutMs: 10_000,
      logger: createLogger('silent', 'bounds-test'),
      bounds: { ...LIST_BOUNDS, 'Query.noSuchDirectory': directory('regional-service') },
    });
    await counter.refresh();
    expect(counter.counts.has('Query.noSuchDirectory')).toBe(false);
    expect(counter.counts.get('Query.localAuthorities')).toBe(296);
    expect(counter.counts.get('Query.partnerOrganisations')).toBeGreaterThan(0);
  });

  it('a subgraph that cannot be reached leaves the counts unknown (the large bound), not small', async () => {
    const counter = new DirectoryCounter({
      subgraphUrls: {
        'regional-service': 'http://127.0.0.1:9/graphql',
        partner: 'http://127.0.0.1:9/graphql',
      },
      internalSecret: hub.internalSecret,
      timeoutMs: 2_000,
      logger: createLogger('silent', 'bounds-test'),
    });
    await counter.refresh();
    expect(counter.counts.size).toBe(0);
    expect(
      boundSize(LIST_BOUNDS['Query.localAuthorities'], counter.counts, schema, 'Query.localAuthorities'),
    ).toBe(UNKNOWN_LIST_BOUND);
  });
});
