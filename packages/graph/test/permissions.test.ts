/**
 * A permission rule that fails is not a denial: when a rule's own query fails (the database went
 * away), the field fails with INTERNAL_SERVER_ERROR, never FORBIDDEN, which would tell a caller
 * with every right that it has none (and not to retry). A rule that answers false is still a
 * FORBIDDEN denial, and `or` still lets another rule allow.
 */
import { randomBytes } from 'node:crypto';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalKeys } from '@reconnect/auth';
import { Clock } from '@reconnect/config';
import { createDb, sql, type DbHandle } from '@reconnect/db';
import { createLogger, createSubgraph, hasAnyRole, or, rule, type IRules } from '../src/index.ts';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Thing @key(fields: "id") { id: ID! }
  type Query { failing: Int denied: Int failingOrStaff: Int }
`);
const resolvers = {
  Query: { failing: () => 1, denied: () => 2, failingOrStaff: () => 3 },
  Thing: { __resolveReference: (ref: { id: string }) => ref },
};

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({});
});
afterAll(async () => {
  await handle?.close();
});

/** A relationship check whose query fails in the database. */
const failingCheck = rule('failingCheck', { cache: 'no_cache' })(async (
  _p,
  _a,
  ctx: { db: DbHandle['db'] },
) => {
  await ctx.db.execute(sql`select 1 from nowhere.grants`);
  return true;
});
const refusingCheck = rule('refusingCheck', { cache: 'no_cache' })(() => false);
const permissions: IRules = {
  Query: {
    failing: failingCheck,
    denied: refusingCheck,
    failingOrStaff: or(failingCheck, hasAnyRole('RECONNECT_STAFF')),
  },
  Thing: { id: hasAnyRole('RECONNECT_STAFF') },
};

async function run(query: string) {
  const subgraph = createSubgraph(
    { name: 'tiny', typeDefs, resolvers: resolvers as never, permissions, createLoaders: () => ({}) },
    {
      db: handle.db,
      clock: new Clock(),
      internalKeys: InternalKeys.fromSecret(randomBytes(32).toString('base64url'), ['tiny']),
      logger: createLogger('silent', 'permissions-test'),
      environment: 'test',
      subgraphUrls: {},
    },
  );
  const contextValue = await subgraph.createContext({
    principal: { subject: 'u1', roles: ['RECONNECT_STAFF'], organisationCode: 'RC-NW' },
    requestId: 'req-permissions-test',
  });
  const response = await subgraph.server.executeOperation({ query }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult;
}

describe('a rule that fails', () => {
  it('fails its field with INTERNAL_SERVER_ERROR, not FORBIDDEN; the rest stands', async () => {
    const result = await run('{ failing denied }');
    expect(result.data).toEqual({ failing: null, denied: null });
    const byField = Object.fromEntries((result.errors ?? []).map((e) => [String(e.path?.[0]), e]));
    expect(Object.keys(byField).sort()).toEqual(['denied', 'failing']);
    expect(byField.failing).toEqual({
      message: 'Internal server error.',
      path: ['failing'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(byField.denied).toMatchObject({ path: ['denied'], extensions: { code: 'FORBIDDEN' } });
  });

  it('inside `or`, another rule may still allow', async () => {
    const result = await run('{ failingOrStaff }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ failingOrStaff: 3 });
  });
});
