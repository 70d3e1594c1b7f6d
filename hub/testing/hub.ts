/**
 * Boots the whole hub in-process for a test file: a fresh database, the four subgraphs and the
 * gateway on free ports, a key pair the gateway trusts, and helpers to mint tokens for any role and
 * send GraphQL over real HTTP. On PostgreSQL each subgraph connects as its own database role by
 * default (as DATABASE_ROLES=per-subgraph does), so every test also checks that no subgraph needs
 * another's schema; `hub.database.handle`, for seeding and inspection, stays the owner's.
 */
import { randomBytes } from 'node:crypto';
import type { JSONWebKeySet, JWK } from 'jose';
import { generateAuditSigningKey, trustedKeys, type TrustedKeys } from '@reconnect/audit';
import type { Role } from '@reconnect/auth';
import { Clock } from '@reconnect/config';
import { WebhookSecretKeyring } from '@reconnect/events';
import type { DbHandle } from '@reconnect/db';
import type { GatewayLimits } from '@reconnect/gateway';
import { createLogger, type Logger } from '@reconnect/graph';
import {
  TEST_AUDIENCE,
  TEST_ISSUER,
  createTestSigner,
  postGraphql,
  testConfig,
  type GraphqlResponse,
  type TestDatabase,
  type TokenOptions,
} from '@reconnect/testing';
import { closeHandles, openSubgraphHandles, setupSubgraphRoles } from '../src/roles.ts';
import { startEmbeddedHub, type EmbeddedHub, type EmbeddedWebhookSettings } from '../src/embedded.ts';
import { createHubDatabase } from './database.ts';

export interface TestHub extends EmbeddedHub {
  /** The owner's database: seed and inspect through `database.handle`. */
  database: TestDatabase;
  /** How the subgraphs connect: `per-subgraph` (each as its own role) only on PostgreSQL. */
  databaseRoles: 'per-subgraph' | 'shared';
  clock: Clock;
  internalSecret: string;
  /** The private key the gateway trusts (to sign unusual tokens in tests). */
  signingKey: JWK;
  /** The audit signing key made for this hub (PKCS8 PEM), and the trusted keys to verify with. */
  auditSigningKey: string;
  /** WEBHOOK_SECRET_KEYS of this hub: a fresh key. */
  webhookSecretKeys: string;
  auditKeys: TrustedKeys;
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
  /** Webhook settings beyond the fresh key the harness makes (e.g. a lower cap). */
  webhooks?: Partial<Omit<EmbeddedWebhookSettings, 'secretKeys'>>;
  /**
   * Start the audit sequencer polling at this interval. By default it is not started, for the
   * same reason as the dispatcher: tests call `hub.auditSequencer.drain()`.
   */
  auditSequencer?: { pollIntervalMs?: number; batchSize?: number } | false;
  /**
   * Start the person merge resumer polling. By default it is not started (its polls would land in
   * statement counts): tests call `hub.mergeResumer.drain()`.
   */
  mergeResumer?: { pollIntervalMs?: number; graceMs?: number } | false;
  /** Where the hub logs (tests that read the server log pass a logger over an in-memory stream). */
  logger?: Logger;
  /**
   * On PostgreSQL, `per-subgraph` (the default) connects each subgraph as its own role
   * (hub/src/roles.ts); `shared` connects them all as the owner. PGlite is always shared.
   */
  databaseRoles?: 'per-subgraph' | 'shared';
  /** The environment the deployables run in (`test` by default); `production` applies its rules (e.g. webhook URLs). */
  environment?: 'test' | 'production';
}

/** The per-caller cap on requests in flight under the test harness (see startTestHub). */
export const TEST_MAX_IN_FLIGHT_PER_CALLER = 10_000;

export async function startTestHub(options: StartTestHubOptions = {}): Promise<TestHub> {
  const config = testConfig();
  const database = await createHubDatabase({ seed: options.seed ?? true });
  const { signingKey, jwks, token } = await createTestSigner();
  const clock = new Clock();
  const internalSecret = randomBytes(32).toString('base64url');
  const auditSigningKey = generateAuditSigningKey();
  const webhookSecretKeys = WebhookSecretKeyring.generateEntry('test-1');
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
      environment: options.environment ?? 'test',
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? 10_000,
      // A test fires its probes in parallel under one token (the permission matrix, concurrent
      // submissions), as no real client does: the per-caller cap on requests in flight is lifted
      // here unless a test sets it. gateway/test/limits.test.ts proves the cap at its default.
      limits: { maxInFlightPerCaller: TEST_MAX_IN_FLIGHT_PER_CALLER, ...options.limits },
      dispatcher: options.dispatcher ?? false,
      webhooks: { secretKeys: webhookSecretKeys, ...options.webhooks },
      auditSigningKey,
      auditSequencer: options.auditSequencer ?? false,
      mergeResumer: options.mergeResumer ?? false,
    });
  } catch (error) {
    await closeHandles(handles);
    await database.drop();
    throw error;
  }
  const graphql = <T>(
    query: string,
    variables?: Record<string, unknown>,
    o: { token?: string; headers?: Record<string, string> } = {},
  ) => postGraphql<T>(hub.gatewayUrl, query, variables, o);
  return {
    ...hub,
    database,
    databaseRoles,
    clock,
    internalSecret,
    auditSigningKey,
    webhookSecretKeys,
    auditKeys: trustedKeys([auditSigningKey]),
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
