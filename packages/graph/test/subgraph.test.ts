/**
 * createSubgraph's safety net, on a tiny subgraph of its own: deny by default, the hub's error
 * codes survive shield, anything unexpected is masked, and only a valid internal token bound to
 * the request gets an answer over HTTP (federation fields included).
 */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTERNAL_ISSUER,
  INTERNAL_TOKEN_HEADER,
  InternalKeys,
  deriveInternalKey,
  requestBodyHash,
  signInternalToken,
  type Principal,
} from '@reconnect/auth';
import { Clock } from '@reconnect/config';
import { createDb, sql, type DbHandle } from '@reconnect/db';
import {
  DateScalar,
  createLogger,
  createSubgraph,
  fieldsWithoutRules,
  hasAnyRole,
  notFound,
  type IRules,
  type Listening,
  type Subgraph,
  type SubgraphDeps,
} from '../src/index.ts';

const NHS = '9434765919';
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  scalar Date
  type Thing @key(fields: "id") {
    id: ID!
    name: String!
    secret: String
    born: Date
  }
  type Query {
    thing(id: ID!): Thing
    missing: Thing
    broken: Thing
    since(date: Date!): Int
    lookup: Int
  }
`);

interface ThingRow {
  id: string;
  name: string;
  secret: string;
  born: string;
}
const thing = (id: string): ThingRow => ({
  id,
  name: `Thing ${id}`,
  secret: 'not for you',
  born: '1990-02-01',
});

const resolvers = {
  Date: DateScalar,
  Query: {
    thing: (_: unknown, args: { id: string }) => thing(args.id),
    missing: () => {
      throw notFound('The thing');
    },
    broken: () => {
      throw new Error(
        `Failed query: select "secret" from "tiny"."things" where "nhs" = '${NHS}' (http://127.0.0.1:5432)`,
      );
    },
    since: () => 1,
    // A query that fails in the database with a parameter that is personal data.
    lookup: async (_: unknown, __: unknown, ctx: { db: DbHandle['db'] }) => {
      await ctx.db.execute(sql`select nhs_number from nowhere.people where nhs_number = ${NHS}`);
      return 1;
    },
  },
  Thing: {
    __resolveReference: (ref: { id: string }) => thing(ref.id),
  },
};

const staff = hasAnyRole('RECONNECT_STAFF');
// `Thing.secret` deliberately has no rule: deny by default must hide it.
const permissions: IRules = {
  Query: { thing: staff, missing: staff, broken: staff, since: staff, lookup: staff },
  Thing: { id: staff, name: staff, born: staff },
};

const principal: Principal = { subject: 'u1', roles: ['RECONNECT_STAFF'], organisationCode: 'RC-NW' };
let handle: DbHandle;
let deps: SubgraphDeps;
const internalSecret = randomBytes(32).toString('base64url');

beforeAll(async () => {
  handle = await createDb({});
  deps = {
    db: handle.db,
    clock: new Clock(),
    internalKeys: InternalKeys.fromSecret(internalSecret, ['tiny']),
    logger: createLogger('silent', 'graph-test'),
    environment: 'test',
    subgraphUrls: {},
  };
});
afterAll(async () => {
  await handle?.close();
});

function tiny(): Subgraph {
  return createSubgraph(
    { name: 'tiny', typeDefs, resolvers: resolvers as never, permissions, createLoaders: () => ({}) },
    deps,
  );
}

async function execute(
  subgraph: Subgraph,
  query: string,
  variables?: Record<string, unknown>,
  who: Principal = principal,
) {
  const contextValue = await subgraph.createContext({ principal: who, requestId: 'req-graph-test' });
  const response = await subgraph.server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('deny by default', () => {
  it('fieldsWithoutRules names the field without a rule', () => {
    expect(fieldsWithoutRules(tiny().schema, tiny().permissions)).toEqual(['Thing.secret']);
  });

  it('fieldsWithoutRules accepts a type-wide rule and a `*` rule', () => {
    const subgraph = tiny();
    expect(fieldsWithoutRules(subgraph.schema, { ...subgraph.permissions, Thing: staff } as IRules)).toEqual(
      [],
    );
    expect(
      fieldsWithoutRules(subgraph.schema, { ...subgraph.permissions, Thing: { '*': staff } } as IRules),
    ).toEqual([]);
  });

  it('the federation fields have rules of their own', () => {
    const subgraph = tiny();
    expect(fieldsWithoutRules(subgraph.schema, subgraph.permissions)).not.toContain('Query._entities');
    expect(fieldsWithoutRules(subgraph.schema, subgraph.permissions)).not.toContain('_Service.sdl');
  });

  it('a field without a rule comes back null with FORBIDDEN at its path; the rest stands', async () => {
    const result = await execute(tiny(), '{ thing(id: "t1") { id name secret } }');
    expect(result.data).toEqual({ thing: { id: 't1', name: 'Thing t1', secret: null } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['thing', 'secret'], extensions: { code: 'FORBIDDEN' } });
  });

  it('a caller without the role is refused at the root field', async () => {
    const result = await execute(tiny(), '{ thing(id: "t1") { id } }', undefined, {
      subject: 'r',
      roles: ['REFERRER'],
    });
    expect(result.data).toEqual({ thing: null });
    expect(result.errors![0]).toMatchObject({ path: ['thing'], extensions: { code: 'FORBIDDEN' } });
  });

  it('an entity fetched through _entities still has its field rules applied', async () => {
    const result = await execute(
      tiny(),
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { name secret } } }',
      { r: [{ __typename: 'Thing', id: 't9' }] },
    );
    expect(result.data).toEqual({ _entities: [{ name: 'Thing t9', secret: null }] });
    expect(result.errors![0]).toMatchObject({
      path: ['_entities', 0, 'secret'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('errors under shield', () => {
  it('a resolver error with a hub code keeps its code and message', async () => {
    const result = await execute(tiny(), '{ missing { id } }');
    expect(result.errors![0]).toMatchObject({
      message: 'The thing was not found.',
      path: ['missing'],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('an unexpected error becomes INTERNAL_SERVER_ERROR with a message that says nothing', async () => {
    const result = await execute(tiny(), '{ broken { id } }');
    expect(result.errors).toEqual([
      { message: 'Internal server error.', path: ['broken'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
  });

  it('a refused variable is not echoed back', async () => {
    const result = await execute(tiny(), 'query($d: Date!) { since(date: $d) }', { d: NHS });
    const text = JSON.stringify(result.errors);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'd' });
    expect(result.errors![0]!.message).toContain('Date must be a calendar date written YYYY-MM-DD.');
    expect(text).not.toContain(NHS);
  });
});

describe('the log of an unexpected error', () => {
  it('has the failed SQL and its error code, never the parameters', async () => {
    const lines: string[] = [];
    const logger = createLogger('error', 'graph-test', { write: (line: string) => void lines.push(line) });
    const subgraph = createSubgraph(
      { name: 'tiny', typeDefs, resolvers: resolvers as never, permissions, createLoaders: () => ({}) },
      { ...deps, logger },
    );
    const result = await execute(subgraph, '{ lookup }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Internal server error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const log = lines.join('\n');
    expect(log).toContain('select nhs_number from nowhere.people');
    expect(log).toContain('42P01'); // undefined_table
    expect(log).not.toContain(NHS);
  });
});

describe('over HTTP, only the gateway is answered', () => {
  let subgraph: Subgraph;
  let listening: Listening;
  const query = '{ thing(id: "t1") { id name } }';

  beforeAll(async () => {
    subgraph = tiny();
    listening = await subgraph.listen(0);
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  async function post(
    body: { query: string; variables?: Record<string, unknown>; extensions?: unknown },
    token?: string,
  ) {
    const response = await fetch(listening.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { [INTERNAL_TOKEN_HEADER]: token } : {}) },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
    };
  }

  const sign = (
    body: { query: string; variables?: Record<string, unknown> },
    o: { secret?: string; audience?: string } = {},
  ) =>
    signInternalToken(
      o.secret ?? internalSecret,
      o.audience ?? 'tiny',
      { principal, requestId: 'req-http-test', caller: 'gateway' },
      requestBodyHash(body.query, body.variables),
    );

  it('answers a request with a valid token', async () => {
    const body = { query };
    const response = await post(body, await sign(body));
    expect(response).toEqual({ status: 200, body: { data: { thing: { id: 't1', name: 'Thing t1' } } } });
  });

  const refusals: [
    string,
    () => Promise<string | undefined>,
    { query: string; variables?: Record<string, unknown> },
  ][] = [
    ['no token', async () => undefined, { query }],
    ['a garbage token', async () => 'not.a.token', { query }],
    ['a token for another subgraph', () => sign({ query }, { audience: 'person' }), { query }],
    [
      'a token signed with another secret',
      () => sign({ query }, { secret: randomBytes(32).toString('base64url') }),
      { query },
    ],
    ['a token for another request (replay)', () => sign({ query: '{ thing(id: "t2") { id } }' }), { query }],
    [
      'an expired token',
      async () =>
        new SignJWT({
          roles: principal.roles,
          org: principal.organisationCode,
          rid: 'r',
          bh: requestBodyHash(query, undefined),
        })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(INTERNAL_ISSUER)
          .setAudience('tiny')
          .setSubject('u1')
          .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
          .sign(deriveInternalKey(internalSecret, 'tiny')),
      { query },
    ],
    ['no token, asking for the SDL', async () => undefined, { query: '{ _service { sdl } }' }],
    [
      'no token, asking for _entities',
      async () => undefined,
      {
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { name } } }',
        variables: { r: [{ __typename: 'Thing', id: 't1' }] },
      },
    ],
  ];

  it.each(refusals)('refuses %s with 401 UNAUTHENTICATED', async (_name, token, body) => {
    const response = await post(body, await token());
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response.body)).not.toMatch(/Thing t1|extend schema|type Thing/);
  });

  it('sends no inline trace, even when asked for one', async () => {
    const body = { query };
    const response = await fetch(listening.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'apollo-federation-include-trace': 'ftv1',
        [INTERNAL_TOKEN_HEADER]: await sign(body),
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { data?: unknown; extensions?: unknown };
    expect(json.data).toEqual({ thing: { id: 't1', name: 'Thing t1' } });
    expect(json.extensions).toBeUndefined();
  });

  it('runs only the query in the body the token is bound to: no persisted (query-less) requests', async () => {
    // Even a token bound to an empty query must not run a query registered earlier.
    const hash = createHash('sha256').update(query).digest('hex');
    const register = { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    await post(register, await sign(register));
    const byHash = { query: undefined as unknown as string, extensions: register.extensions };
    const response = await post(byHash, await sign({ query: '' }));
    expect(response.body.data ?? undefined).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('serves the SDL to the gateway', async () => {
    const body = { query: '{ _service { sdl } }' };
    const response = await post(body, await sign(body));
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body)).toContain('type Thing');
  });
});
