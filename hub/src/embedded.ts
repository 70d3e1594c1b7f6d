/**
 * The whole hub in one process: four subgraphs and the gateway over one database. `pnpm start`
 * runs it on PGlite under DATA_DIR (or PostgreSQL with DATABASE_URL); the test harness runs it on
 * free ports against a fresh database. On PostgreSQL each subgraph may have its own handle, as its
 * own database role (roles.ts).
 */
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { AuditSequencer, createAuditSigner } from '@reconnect/audit';
import { InternalKeys, createJwtVerifier } from '@reconnect/auth';
import type { Clock } from '@reconnect/config';
import type { DbHandle } from '@reconnect/db';
import {
  Dispatcher,
  WebhookResolver,
  WebhookSecretKeyring,
  reencryptWebhookSecrets,
} from '@reconnect/events';
import { SUPERGRAPH_FILE, createGateway, type GatewayLimits } from '@reconnect/gateway';
import type { Listening, Logger, Subgraph } from '@reconnect/graph';
import { PersonMergeResumer } from '@reconnect/person-subgraph';
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
  /** Webhook settings (issue 19): the keys secrets are sealed under, DNS, the cap, retention. */
  webhooks: EmbeddedWebhookSettings;
  /** The webhook dispatcher: how often it polls (default 1 s), or `false` not to start it. */
  dispatcher?: { pollIntervalMs?: number } | false;
  /** AUDIT_SIGNING_KEY: the PKCS8 PEM Ed25519 key the audit sequencer signs checkpoints with. */
  auditSigningKey: string;
  /**
   * The audit sequencer (packages/audit/src/sequencer.ts), one for the whole process: how often
   * it polls (default 500 ms), or `false` not to start it (tests drive it with `drain()`).
   */
  auditSequencer?: { pollIntervalMs?: number; batchSize?: number } | false;
  /**
   * The person merge resumer (docs/GOVERNANCE.md, "Merging two person records"), beside the person
   * subgraph: how often it polls (default 5 s), or `false` not to start it (tests `drain()` it).
   */
  mergeResumer?: { pollIntervalMs?: number; graceMs?: number } | false;
  /** Who may scrape each deployable's /metrics in production (METRICS_INTERFACE, METRICS_TOKEN). */
  metricsAccess?: { interface?: string; token?: string } | undefined;
}

export interface EmbeddedWebhookSettings {
  /** WEBHOOK_SECRET_KEYS: `id:base64[,...]`, newest first. */
  secretKeys: string;
  /** WEBHOOK_DNS_SERVERS; unset: the system's. */
  dnsServers?: string[] | undefined;
  /** WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION (default 20). */
  maxSubscriptionsPerOrganisation?: number | undefined;
  /** OUTBOX_RETENTION_DAYS (default 30). */
  outboxRetentionDays?: number | undefined;
}

export interface EmbeddedHub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  subgraphs: Record<string, Subgraph>;
  /** Delivers events to webhooks; tests may `drain()` it rather than wait for a poll. */
  dispatcher: Dispatcher;
  /** Chains and signs appended audit events; tests may `drain()` it rather than wait for a poll. */
  auditSequencer: AuditSequencer;
  /** Finishes person merges that stopped half way; tests may `drain()` it rather than wait for a poll. */
  mergeResumer: PersonMergeResumer;
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
  const secrets = WebhookSecretKeyring.parse(options.webhooks.secretKeys);
  const deps = {
    webhooks: {
      secrets,
      maxSubscriptionsPerOrganisation: options.webhooks.maxSubscriptionsPerOrganisation ?? 20,
    },
    clock: options.clock,
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
    secrets,
    resolver: new WebhookResolver({ servers: options.webhooks.dnsServers }),
    outboxRetentionMs: (options.webhooks.outboxRetentionDays ?? 30) * 24 * 60 * 60 * 1000,
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
  // Person merges are recorded by the person subgraph; its processes finish them (service/merge.ts).
  const mergeResumer = new PersonMergeResumer({
    db: dbOf('person'),
    clock: options.clock,
    internalKeys: InternalKeys.forProcess(options.internalSecret, 'person'),
    subgraphUrls,
    logger: options.logger,
    ...(options.mergeResumer ? options.mergeResumer : {}),
  });
  const stopAll = async () => {
    await mergeResumer.stop();
    await auditSequencer.stop();
    await dispatcher.stop();
    for (const l of Object.values(listeners)) await l.close();
    for (const s of Object.values(subgraphs)) await s.stop();
  };
  try {
    // The data step of migration events/0001: secrets stored in plaintext before encryption are
    // sealed under the current key before anything reads them (idempotent; nothing to do after).
    const sealed = await reencryptWebhookSecrets(dbOf('referral'), secrets, { onlyPlaintext: true });
    if (sealed.reencrypted > 0) {
      options.logger.info({ sealed: sealed.reencrypted }, 'encrypted webhook secrets stored in plaintext');
    }
    for (const module of SUBGRAPH_MODULES) {
      // Each subgraph holds only its own key and those of the subgraphs it calls (INTERNAL_CALLS),
      // as each would in its own process.
      const subgraph = module.build({
        ...deps,
        db: dbOf(module.name),
        internalKeys: InternalKeys.forProcess(options.internalSecret, module.name),
      });
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
    if (options.mergeResumer !== false) mergeResumer.start();
    return {
      gatewayUrl: listening.url,
      subgraphUrls,
      subgraphs,
      dispatcher,
      auditSequencer,
      mergeResumer,
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
