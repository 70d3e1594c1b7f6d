/**
 * Boots the whole hub in-process for a test file: a fresh database, the four subgraphs and the
 * gateway on free ports, a key pair the gateway trusts, and helpers to mint tokens for any role and
 * send GraphQL over real HTTP. On PostgreSQL each subgraph connects as its own database role by
 * default (as DATABASE_ROLES=per-subgraph does), so every test also checks that no subgraph needs
 * another's schema; `hub.database.handle`, for seeding and inspection, stays the owner's.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { signCallerToken, type Role } from '@reconnect/auth';
import { Clock } from '@reconnect/config';
import type { GatewayLimits } from '@reconnect/gateway';
import { createLogger, type Logger } from '@reconnect/graph';
import type { DbHandle } from '@reconnect/db';
import {
  closeHandles,
  openSubgraphHandles,
  setupSubgraphRoles,
  startEmbeddedHub,
  type EmbeddedHub,
} from '@reconnect/hub';
import { createTestDatabase, testConfig, type TestDatabase } from './database.ts';

export const TEST_ISSUER = 'reconnect-hub-test';
export const TEST_AUDIENCE = 'reconnect-hub';

export interface TokenOptions {
  org?: string;
  sub?: string;
  name?: string;
  staffId?: string;
  /** Seconds until expiry (negative for an expired token). */
  expiresIn?: number;
  claims?: Record<string, unknown>;
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

export interface TestHub extends EmbeddedHub {
  /** The owner's database: seed and inspect through `database.handle`. */
  database: TestDatabase;
  /** How the subgraphs connect: `per-subgraph` (each as its own role) only on PostgreSQL. */
  databaseRoles: 'per-subgraph' | 'shared';
  clock: Clock;
  internalSecret: string;
  /** The private key the gateway trusts (to sign unusual tokens in tests). */
  signingKey: JWK;
  /** The public key set the gateway trusts (to start a second gateway beside it). */
  jwks: JSONWebKeySet;
  token(roles: Role | string | (Role | string)[], options?: TokenOptions): Promise<string>;
  /** POSTs a GraphQL request to the gateway. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphqlResponse<T>>;
  /** A client bound to one caller. */
  as(roles: Role | string | (Role | string)[], options?: TokenOptions): Promise<HubClientForTests>;
}

export interface HubClientForTests {
  token: string;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
}

export interface StartTestHubOptions {
  limits?: Partial<GatewayLimits>;
  subgraphTimeoutMs?: number;
  seed?: boolean;
  /**
   * Start the embedded webhook dispatcher polling at this interval. By default it is not started:
   * its polls would land in other tests' statement counts. Tests call `hub.dispatcher.drain()`.
   */
  dispatcher?: { pollIntervalMs?: number } | false;
  /** Where the hub logs (tests that read the server log pass a logger over an in-memory stream). */
  logger?: Logger;
  /**
   * On PostgreSQL, `per-subgraph` (the default) connects each subgraph as its own role
   * (packages/hub/src/roles.ts); `shared` connects them all as the owner. PGlite is always shared.
   */
  databaseRoles?: 'per-subgraph' | 'shared';
}

export async function startTestHub(options: StartTestHubOptions = {}): Promise<TestHub> {
  const config = testConfig();
  const database = await createTestDatabase({ seed: options.seed ?? true });
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `test-${randomBytes(4).toString('hex')}`;
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const clock = new Clock();
  const internalSecret = randomBytes(32).toString('base64url');
  const databaseRoles = database.url && options.databaseRoles !== 'shared' ? 'per-subgraph' : 'shared';
  let handles: Record<string, DbHandle> = {};
  let hub: EmbeddedHub;
  try {
    if (databaseRoles === 'per-subgraph') {
      await setupSubgraphRoles(database.url!);
      // Small pools: two test files at a time, each with five pools, share one server.
      handles = await openSubgraphHandles(database.url!, {
        maxConnections: 4,
        statements: database.handle.statements,
      });
    }
    hub = await startEmbeddedHub({
      port: 0,
      host: '127.0.0.1',
      handle: database.handle,
      handles,
      clock,
      internalSecret,
      jwt: { jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE },
      logger: options.logger ?? createLogger(config.LOG_LEVEL, 'test-hub'),
      environment: 'test',
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? 10_000,
      ...(options.limits ? { limits: options.limits } : {}),
      dispatcher: options.dispatcher ?? false,
    });
  } catch (error) {
    await closeHandles(handles);
    await database.drop();
    throw error;
  }
  const token = (roles: Role | string | (Role | string)[], o: TokenOptions = {}) =>
    signCallerToken(signingKey, {
      roles: Array.isArray(roles) ? roles : [roles],
      org: o.org,
      sub: o.sub ?? `test-${Array.isArray(roles) ? roles.join('+') : roles}`,
      name: o.name,
      staffId: o.staffId,
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      ...(o.expiresIn !== undefined ? { expiresIn: o.expiresIn } : {}),
      ...(o.claims ? { claims: o.claims } : {}),
    });
  const graphql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    o: { token?: string; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...o.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: GraphqlResponse<T>['body'];
    try {
      body = JSON.parse(text) as GraphqlResponse<T>['body'];
    } catch {
      throw new Error(`gateway answered ${response.status} with non-JSON: ${text.slice(0, 200)}`);
    }
    return { status: response.status, headers: response.headers, body };
  };
  return {
    ...hub,
    database,
    databaseRoles,
    clock,
    internalSecret,
    signingKey,
    jwks,
    token,
    graphql,
    async as(roles, o) {
      const t = await token(roles, o);
      return {
        token: t,
        query: (q, v, headers) => graphql(q, v, { token: t, ...(headers ? { headers } : {}) }),
      };
    },
    async stop() {
      await hub.stop();
      await closeHandles(handles);
      await database.drop();
    },
  };
}
