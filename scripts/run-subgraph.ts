/**
 * `tsx scripts/run-subgraph.ts <name>` (`pnpm --filter @reconnect/<name>-subgraph start`): one
 * subgraph in its own process, the production layout (ARCHITECTURE.md, "Running"). It migrates
 * only what it owns or shares (its own schema, `access` and `audit`) so it can run under a database
 * role with rights on those schemas alone; reference data comes from `pnpm seed`. With
 * DATABASE_ROLES=per-subgraph it migrates as the DATABASE_URL's user, then serves connecting as its
 * own role (`reconnect_<name>`, made by `pnpm db:roles`, password <NAME>_DATABASE_PASSWORD).
 *
 * Settings: DATABASE_URL (always: one PGlite database cannot be shared between processes),
 * DATABASE_POOL_SIZE (connections of this process; replicas each hold their own pool),
 * INTERNAL_TOKEN_KEYS (production: this subgraph's internal token keys, `pnpm internal-keys <name>`;
 * outside production INTERNAL_TOKEN_SECRET, or the development secret, from which only its keys are
 * derived), AUDIT_SIGNING_KEY (production; every process of
 * every subgraph runs an audit sequencer, and one of them at a time chains and signs), PORT (default 4000 + the subgraph's offset),
 * HOST, and the other subgraphs' URLs (REGIONAL_SERVICE_URL, PERSON_URL, REFERRAL_URL,
 * PARTNER_URL; required in production) for calls made on a caller's behalf.
 */
import { accessMigrations } from '../packages/access/src/index.ts';
import { AuditSequencer, auditMigrations, createAuditSigner } from '../packages/audit/src/index.ts';
import {
  SUBGRAPH_URL_VARS,
  databasePasswordsOf,
  metricsAccessOf,
  subgraphEnv,
} from '../packages/config/src/index.ts';
import { startTracing } from '../packages/observability/src/index.ts';
import {
  Dispatcher,
  WebhookResolver,
  WebhookSecretKeyring,
  eventsMigrations,
  reencryptWebhookSecrets,
} from '../packages/events/src/index.ts';
import type { DbHandle } from '../packages/db/src/index.ts';
import type { Listening, Subgraph } from '../packages/graph/src/index.ts';
import {
  EXIT_FAILURE,
  EXIT_USAGE,
  auditSigningKeyOf,
  clockOf,
  createCliLogger,
  describeDatabase,
  internalKeysOf,
  loadConfigOrExit,
  openDatabase,
  reportStartupFailure,
  stopOnSignals,
  subgraphUrlsOf,
  webhookSecretKeysOf,
} from './lib/runtime.ts';

const names = Object.keys(SUBGRAPH_URL_VARS);
const name = process.argv.slice(2).find((a) => a !== '--');
if (!name || !names.includes(name)) {
  console.error(
    `usage: tsx scripts/run-subgraph.ts <${names.join('|')}>${name ? `\nunknown subgraph: ${name}` : ''}`,
  );
  process.exit(EXIT_USAGE);
}

const config = loadConfigOrExit(subgraphEnv);
const { urls, unset } = subgraphUrlsOf(config);
unset.delete(name);
if (config.NODE_ENV === 'production' && unset.size > 0) {
  // Defaults point at localhost; in production a caller's principal must never go to whatever
  // happens to listen there.
  console.error(
    `Invalid configuration:\n${[...unset.values()].map((v) => `  - ${v}: required in production`).join('\n')}`,
  );
  process.exit(EXIT_FAILURE);
}

// Loaded once the configuration is known to be good, so its errors are reported at once.
const { PersonMergeResumer, SUBGRAPH_MODULES, openSubgraphHandles, subgraphRole } =
  await import('../hub/src/index.ts');
const module = SUBGRAPH_MODULES.find((m) => m.name === name);
if (!module) throw new Error(`SUBGRAPH_URL_VARS names ${name}, which SUBGRAPH_MODULES does not have`);

const logger = await createCliLogger(config, `reconnect-${module.name}`);
const tracing = await startTracing({
  serviceName: `reconnect-${module.name}`,
  endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
let handle: DbHandle | undefined;
let subgraph: Subgraph | undefined;
let listening: Listening | undefined;
// The referral subgraph writes the event outbox; its processes also deliver it (several replicas
// share the work: each claims due deliveries with SKIP LOCKED).
let dispatcher: Dispatcher | undefined;
const ownsOutbox = module.name === 'referral';
// Every process appends audit events and runs a sequencer; one at a time chains (sequencer.ts).
let auditSequencer: AuditSequencer | undefined;
// The person subgraph's processes finish person merges that stopped half way (docs/GOVERNANCE.md).
let mergeResumer: InstanceType<typeof PersonMergeResumer> | undefined;
try {
  logger.info({ database: describeDatabase(config) }, 'opening the database');
  handle = await openDatabase(config);
  await handle.migrate([
    accessMigrations,
    auditMigrations,
    ...(ownsOutbox ? [eventsMigrations] : []),
    module.migrations,
  ]);
  if (config.DATABASE_ROLES === 'per-subgraph') {
    // Serve as the subgraph's role only: the owner's pool is not kept.
    const owner = handle;
    handle = undefined;
    await owner.close();
    const own = await openSubgraphHandles(config.DATABASE_URL!, {
      only: [module.name],
      passwords: databasePasswordsOf(config),
      maxConnections: config.DATABASE_POOL_SIZE,
    });
    handle = own[module.name]!;
    logger.info({ role: subgraphRole(module.name) }, 'connected as the subgraph’s own role');
  }
  const clock = clockOf(config);
  // Only the referral subgraph registers and delivers webhooks: only it holds their keys.
  const secrets = ownsOutbox ? WebhookSecretKeyring.parse(webhookSecretKeysOf(config)) : undefined;
  if (secrets) {
    // The data step of migration events/0001: plaintext secrets are sealed before anything reads them.
    const sealed = await reencryptWebhookSecrets(handle.db, secrets, { onlyPlaintext: true });
    if (sealed.reencrypted > 0)
      logger.info({ sealed: sealed.reencrypted }, 'encrypted webhook secrets stored in plaintext');
  }
  subgraph = module.build({
    db: handle.db,
    clock,
    internalKeys: internalKeysOf(config, module.name),
    logger,
    environment: config.NODE_ENV,
    subgraphUrls: urls,
    ...(secrets
      ? {
          webhooks: {
            secrets,
            maxSubscriptionsPerOrganisation: config.WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION,
          },
        }
      : {}),
    metricsAccess: metricsAccessOf(config),
  });
  listening = await subgraph.listen(config.PORT ?? 4000 + module.offset, config.HOST);
  logger.info(
    { url: listening.url },
    `${module.name} subgraph ready (it answers only the gateway and other subgraphs)`,
  );
  if (ownsOutbox) {
    dispatcher = new Dispatcher({
      db: handle.db,
      clock,
      environment: config.NODE_ENV,
      secrets: secrets!,
      resolver: new WebhookResolver({ servers: config.WEBHOOK_DNS_SERVERS }),
      outboxRetentionMs: config.OUTBOX_RETENTION_DAYS * 24 * 60 * 60 * 1000,
      logger,
    });
    dispatcher.start();
  }
  auditSequencer = new AuditSequencer({
    db: handle.db,
    signer: createAuditSigner(auditSigningKeyOf(config)),
    clock,
    logger,
  });
  auditSequencer.start();
  if (module.name === 'person') {
    mergeResumer = new PersonMergeResumer({
      db: handle.db,
      clock,
      internalKeys: internalKeysOf(config, module.name),
      subgraphUrls: urls,
      logger,
    });
    mergeResumer.start();
  }
} catch (error) {
  reportStartupFailure(logger, error);
  await mergeResumer?.stop().catch(() => {});
  await auditSequencer?.stop().catch(() => {});
  await dispatcher?.stop().catch(() => {});
  await subgraph?.stop().catch(() => {});
  await handle?.close().catch(() => {});
  process.exit(EXIT_FAILURE);
}

const running = { subgraph, handle };
stopOnSignals(logger, async () => {
  await mergeResumer?.stop();
  await auditSequencer?.stop();
  await dispatcher?.stop();
  await running.subgraph.stop();
  await running.handle.close();
  await tracing?.stop();
});
