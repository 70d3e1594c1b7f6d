/**
 * The whole hub in one process: four subgraphs and the gateway over one database. `pnpm start`
 * runs it on PGlite under DATA_DIR (or PostgreSQL with DATABASE_URL); the test harness runs it on
 * free ports against a fresh database. On PostgreSQL each subgraph may have its own handle, as its
 * own database role (roles.ts).
 */
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { AuditSequencer, createAuditSigner } from '@reconnect/audit';
import { createJwtVerifier } from '@reconnect/auth';
import type { Clock } from '@reconnect/config';
import type { DbHandle } from '@reconnect/db';
import { Dispatcher } from '@reconnect/events';
import { SUPERGRAPH_FILE, createGateway, type GatewayLimits } from '@reconnect/gateway';
import type { Listening, Logger, Subgraph } from '@reconnect/graph';
import { SUBGRAPH_MODULES } from './subgraphs.ts';

export interface EmbeddedHubOptions {
  /** Gateway port; subgraphs listen on the next four. 0 means free ports for everything. */
  port: number;
  host: string;
  handle: DbHandle;
  /**
   * A handle per subgraph (by name), e.g. each connecting as the subgraph's own PostgreSQL role
   * (`openSubgraphHandles`); a subgraph without one uses `handle`. The webhook dispatcher uses the
   * referral subgraph's, as in the one-process-per-subgraph layout. The caller closes them.
   */
  handles?: Partial<Record<string, DbHandle>> | undefined;
  clock: Clock;
  internalSecret: string;
  jwt: {
    jwksFile?: string | undefined;
    jwksUrl?: string | undefined;
    jwks?: JSONWebKeySet | undefined;
    issuer: string;
    audience: string;
  };
  logger: Logger;
  environment: 'development' | 'test' | 'production';
  subgraphTimeoutMs: number;
  limits?: Partial<GatewayLimits>;
  /** The webhook dispatcher: how often it polls (default 1 s), or `false` not to start it. */
  dispatcher?: { pollIntervalMs?: number } | false;
  /** AUDIT_SIGNING_KEY: the PKCS8 PEM Ed25519 key the audit sequencer signs checkpoints with. */
  auditSigningKey: string;
  /**
   * The audit sequencer (packages/audit/src/sequencer.ts), one for the whole process: how often
   * it polls (default 500 ms), or `false` not to start it (tests drive it with `drain()`).
   */
  auditSequencer?: { pollIntervalMs?: number; batchSize?: number } | false;
  /** Who may scrape each deployable's /metrics in production (METRICS_INTERFACE, METRICS_TOKEN). */
  metricsAccess?: { interface?: string; token?: string } | undefined;
}

export interface EmbeddedHub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  subgraphs: Record<string, Subgraph>;
  /** Delivers events to webhooks; tests may `drain()` it rather than wait for a poll. */
  dispatcher: Dispatcher;
  /** Chains and signs appended audit events; tests may `drain()` it rather than wait for a poll. */
  auditSequencer: AuditSequencer;
  /** Stops one subgraph's listener (fault tests) and starts it again on the same port. */
  stopSubgraph(name: string): Promise<void>;
  restartSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedHub(options: EmbeddedHubOptions): Promise<EmbeddedHub> {
  const subgraphUrls: Record<string, string> = {};
  const subgraphs: Record<string, Subgraph> = {};
  const listeners: Record<string, Listening> = {};
  const subgraphHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const dbOf = (name: string) => (options.handles?.[name] ?? options.handle).db;
  const deps = {
    clock: options.clock,
    internalSecret: options.internalSecret,
    logger: options.logger,
    environment: options.environment,
    metricsAccess: options.metricsAccess,
    // Filled in below as each subgraph listens: subgraphs read it when they call one another.
    subgraphUrls,
  };
  // Outbox delivery runs beside the subgraphs on the same database (the referral subgraph writes it).
  const dispatcher = new Dispatcher({
    db: dbOf('referral'),
    clock: options.clock,
    environment: options.environment,
    logger: options.logger,
    ...(options.dispatcher ? options.dispatcher : {}),
  });
  // Audit events are appended by every subgraph; one sequencer per process chains them (the
  // person subgraph's handle: it appends the most, and has the audit rights every role has).
  const auditSequencer = new AuditSequencer({
    db: dbOf('person'),
    signer: createAuditSigner(options.auditSigningKey),
    clock: options.clock,
    logger: options.logger,
    ...(options.auditSequencer ? options.auditSequencer : {}),
  });
  const stopAll = async () => {
    await auditSequencer.stop();
    await dispatcher.stop();
    for (const l of Object.values(listeners)) await l.close();
    for (const s of Object.values(subgraphs)) await s.stop();
  };
  try {
    for (const module of SUBGRAPH_MODULES) {
      const subgraph = module.build({ ...deps, db: dbOf(module.name) });
      subgraphs[module.name] = subgraph;
      const listening = await subgraph.listen(
        options.port === 0 ? 0 : options.port + module.offset,
        subgraphHost,
      );
      listeners[module.name] = listening;
      subgraphUrls[module.name] = listening.url;
    }
    const gateway = createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls,
      verify: createJwtVerifier(options.jwt),
      internalSecret: options.internalSecret,
      logger: options.logger,
      environment: options.environment,
      subgraphTimeoutMs: options.subgraphTimeoutMs,
      metricsAccess: options.metricsAccess,
      ...(options.limits ? { limits: options.limits } : {}),
    });
    const listening = await gateway.listen(options.port, options.host);
    if (options.dispatcher !== false) dispatcher.start();
    if (options.auditSequencer !== false) auditSequencer.start();
    return {
      gatewayUrl: listening.url,
      subgraphUrls,
      subgraphs,
      dispatcher,
      auditSequencer,
      async stopSubgraph(name) {
        await listeners[name]?.close();
      },
      async restartSubgraph(name) {
        const port = new URL(subgraphUrls[name]!).port;
        listeners[name] = await subgraphs[name]!.listen(Number(port), subgraphHost);
      },
      async stop() {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
