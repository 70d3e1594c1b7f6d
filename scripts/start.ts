/**
 * `pnpm start`: the whole hub in one process (ARCHITECTURE.md, "Running"). The gateway on PORT and
 * the four subgraphs on PORT+1..PORT+4 over one database: PGlite under DATA_DIR, or PostgreSQL
 * with DATABASE_URL. Migrates and seeds on every start (both idempotent), so a second start reuses
 * the data. With DATABASE_ROLES=per-subgraph (PostgreSQL) it also sets up the subgraphs' roles
 * after migrating (as `pnpm db:roles` does) and each subgraph connects as its own role. Ctrl-C or
 * SIGTERM stops everything and exits 0. The staff console listens on PORT+5, the BaRS FHIR
 * connector (connectors/bars-fhir) on PORT+6 and the HMPPS events connector on PORT+7, each a client
 * of the gateway this process starts (GATEWAY_URL is not read). They are optional parts: in
 * production each runs only when configured (the console with OIDC_ISSUER_URL, the BaRS endpoint
 * with BARS_SENDERS, the HMPPS connector with HMPPS_EVENTS_AMQP_URL), and the banner says which
 * are off, so docs/OPERATIONS.md's minimal production settings start the hub.
 */
import { ROLES } from '../packages/auth/src/index.ts';
import {
  SUBGRAPH_URL_VARS,
  barsFhirConfigured,
  consoleConfigured,
  databasePasswordsOf,
  embeddedBarsFhirEnv,
  embeddedConsoleEnv,
  hmppsEventsEnv,
  hubEnv,
  metricsAccessOf,
  seedsDemo,
} from '../packages/config/src/index.ts';
import { startTracing } from '../packages/observability/src/index.ts';
import { devSignerOf, optionsOf, startConsole, type RunningConsole } from '../console/src/index.ts';
import * as barsFhir from '../connectors/bars-fhir/src/index.ts';
import {
  describeBroker,
  startConnectorFromConfig,
  startStatusServer,
  type StatusServer,
  type HmppsEventsConnector,
} from '../connectors/hmpps-events/src/index.ts';
import type { DbHandle } from '../packages/db/src/index.ts';
import type { EmbeddedHub } from '../hub/src/index.ts';
import {
  EXIT_FAILURE,
  auditSigningKeyOf,
  clockOf,
  createCliLogger,
  dataDirOf,
  describeDatabase,
  gatewayLimitsOf,
  internalSecretOf,
  webhookSettingsOf,
  jwtSettingsOf,
  loadConfigOrExit,
  openDatabase,
  reportStartupFailure,
  stopOnSignals,
  type JwtSettings,
} from './lib/runtime.ts';

const config = loadConfigOrExit(hubEnv);
const consoleSettings = loadConfigOrExit(embeddedConsoleEnv);
const barsConfig = loadConfigOrExit(embeddedBarsFhirEnv);
// The HMPPS events connector (issue 16) runs when a broker is configured.
const hmppsConfig = loadConfigOrExit(hmppsEventsEnv);
// Loaded after the configuration is read, so a configuration error is reported at once rather
// than after the whole hub has been imported.
const {
  ALL_MIGRATIONS,
  SUBGRAPH_MODULES,
  closeHandles,
  openSubgraphHandles,
  seedDemoData,
  seedReferenceData,
  setupSubgraphRoles,
  startEmbeddedHub,
} = await import('../hub/src/index.ts');
const logger = await createCliLogger(config, 'reconnect-hub');
const tracing = await startTracing({
  serviceName: 'reconnect-hub',
  endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const clock = clockOf(config);
const ignored = Object.values(SUBGRAPH_URL_VARS).filter((variable) => config[variable]);
if (ignored.length > 0) {
  logger.warn({ ignored }, 'pnpm start runs its own subgraphs: the split-deployment URLs are ignored');
}
if (barsConfig.GATEWAY_URL) {
  logger.warn('pnpm start runs its own gateway: GATEWAY_URL is ignored (the console and connectors use it)');
}
const demoData = seedsDemo(config);

let handle: DbHandle | undefined;
let handles: Record<string, DbHandle> = {};
let hub: EmbeddedHub | undefined;
// The staff console (issue 13) on PORT+5, a client of the gateway like any other.
let staffConsole: RunningConsole | undefined;
// The BaRS FHIR connector (issue 17) on PORT+6, a client of the gateway like the console.
let bars: barsFhir.RunningBarsConnector | undefined;
let hmppsEvents: HmppsEventsConnector | undefined;
let hmppsStatus: StatusServer | undefined;
try {
  logger.info({ database: describeDatabase(config) }, 'opening the database');
  handle = await openDatabase(config);
  await handle.migrate(ALL_MIGRATIONS);
  const reference = await seedReferenceData(handle.db);
  const demo = demoData
    ? await seedDemoData(handle.db, clock)
    : `not seeded (${config.SEED_DEMO === false ? 'SEED_DEMO=false' : 'production'})`;
  logger.info({ reference, demo }, 'database migrated and seeded');
  if (config.DATABASE_ROLES === 'per-subgraph') {
    const passwords = databasePasswordsOf(config);
    const roles = await setupSubgraphRoles(config.DATABASE_URL!, passwords);
    handles = await openSubgraphHandles(config.DATABASE_URL!, { passwords });
    logger.info({ roles: roles.roles, created: roles.created }, 'each subgraph connects as its own role');
  }
  const jwt = await jwtSettingsOf(config);
  hub = await startEmbeddedHub({
    port: config.PORT,
    host: config.HOST,
    handle,
    handles,
    clock,
    internalSecret: internalSecretOf(config),
    auditSigningKey: auditSigningKeyOf(config),
    webhooks: webhookSettingsOf(config),
    jwt,
    logger,
    environment: config.NODE_ENV,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    metricsAccess: metricsAccessOf(config),
    limits: gatewayLimitsOf(config),
  });
  const consoleConfig = { ...consoleSettings, GATEWAY_URL: hub.gatewayUrl, DATA_DIR: dataDirOf(config) };
  if (consoleConfigured(consoleConfig, jwt.devKeys)) {
    staffConsole = await startConsole(
      optionsOf(consoleConfig, jwt.devKeys ? await devSignerOf(consoleConfig) : undefined),
      consoleConfig.CONSOLE_PORT ?? config.PORT + 5,
      config.HOST,
    );
  } else {
    logger.warn(
      'the staff console needs OIDC_ISSUER_URL when the gateway trusts an identity provider: not started',
    );
  }
  if (barsFhirConfigured(barsConfig)) {
    bars = await barsFhir.startBarsConnector(
      barsFhir.optionsOf(barsConfig, hub.gatewayUrl, logger),
      barsConfig.BARS_FHIR_PORT ?? config.PORT + 6,
      config.HOST,
    );
  } else {
    logger.warn(
      'the BaRS FHIR endpoint needs BARS_SENDERS and BARS_FHIR_BASE_URL in production: not started',
    );
  }
  if (hmppsConfig.HMPPS_EVENTS_AMQP_URL && !jwt.devKeys && !hmppsConfig.HMPPS_EVENTS_TOKEN_URL) {
    logger.warn(
      'the HMPPS events connector needs HMPPS_EVENTS_TOKEN_URL when the gateway trusts an identity provider: not started',
    );
  } else if (hmppsConfig.HMPPS_EVENTS_AMQP_URL) {
    // It connects (and reconnects) in the background: a broker that is down does not stop the hub.
    hmppsEvents = await startConnectorFromConfig(hmppsConfig, {
      dataDir: dataDirOf(config),
      logger: logger.child({ component: 'hmpps-events' }),
      gatewayUrl: hub.gatewayUrl,
    });
    hmppsStatus = await startStatusServer(hmppsEvents.stats, {
      port: hmppsConfig.HMPPS_EVENTS_PORT ?? config.PORT + 7,
      host: config.HOST,
      access: { environment: config.NODE_ENV, ...metricsAccessOf(config) },
    });
  }
  // Since the process started, imports included: what a user waits for.
  logger.info(
    {
      gateway: hub.gatewayUrl,
      console: staffConsole?.url,
      fhir: bars?.url,
      hmppsEvents: hmppsEvents ? describeBroker(hmppsConfig.HMPPS_EVENTS_AMQP_URL!) : undefined,
      ms: Math.round(performance.now()),
    },
    'ready',
  );
  console.log(welcome(hub, jwt, staffConsole?.url, bars?.url));
} catch (error) {
  reportStartupFailure(logger, error);
  await bars?.stop().catch(() => {});
  await hmppsEvents?.stop().catch(() => {});
  await hmppsStatus?.stop().catch(() => {});
  await staffConsole?.stop().catch(() => {});
  await hub?.stop().catch(() => {});
  await closeHandles(handles).catch(() => {});
  await handle?.close().catch(() => {});
  process.exit(EXIT_FAILURE);
}

const running = { hub, handle, handles, staffConsole, bars, hmppsEvents, hmppsStatus };
stopOnSignals(logger, async () => {
  // The HMPPS connector first: it requeues what it holds while the gateway can still answer.
  await running.hmppsEvents?.stop();
  await running.hmppsStatus?.stop();
  await running.bars?.stop();
  await running.staffConsole?.stop();
  // The gateway first so no request reaches a stopped subgraph, then the subgraphs, then the
  // database they share.
  await running.hub.stop();
  await closeHandles(running.handles);
  await running.handle.close();
  await tracing?.stop();
});

/** What a new user needs to try the hub: where it is, how to get a token, a first query. */
function welcome(
  started: EmbeddedHub,
  jwt: JwtSettings,
  consoleUrl: string | undefined,
  fhirUrl: string | undefined,
): string {
  const names = SUBGRAPH_MODULES.map((m) => m.name);
  const width = Math.max(...names.map((n) => n.length), 'gateway'.length) + 2;
  const lines = [
    '',
    `RECONNECT Hub is running (${describeDatabase(config)}; ${demoData ? 'reference and demo data' : 'reference data'}; today is ${clock.today()})`,
    '',
    `  ${'gateway'.padEnd(width)}${started.gatewayUrl}`,
    ...names.map((n) => `  ${n.padEnd(width)}${started.subgraphUrls[n] ?? ''}   (answers only the gateway)`),
    '',
    ...(consoleUrl
      ? [
          `Staff console: ${consoleUrl}`,
          jwt.devKeys
            ? '  open it in a browser and choose a demo member of staff on the sign-in page (development sign-in)'
            : '  staff sign in with the identity provider (OIDC_ISSUER_URL)',
          '',
        ]
      : ['Staff console: off (set OIDC_ISSUER_URL and its settings to let staff sign in)', '']),
    ...(fhirUrl
      ? [
          `BaRS FHIR R4 endpoint (NHS systems' referrals): ${fhirUrl}`,
          '  POST $process-message with a BaRS referral message (docs/FHIR.md has a complete example)',
        ]
      : [
          "BaRS FHIR R4 endpoint: off (set BARS_SENDERS and BARS_FHIR_BASE_URL to take NHS systems' referrals)",
        ]),
    '',
    ...(hmppsEvents && hmppsConfig.HMPPS_EVENTS_AMQP_URL
      ? [
          `HMPPS custody events: consuming ${describeBroker(hmppsConfig.HMPPS_EVENTS_AMQP_URL)} into applyCustodyEvent`,
          '  publish a test event: pnpm hmpps:publish released --prison-number A1234BC --prison MRI',
        ]
      : ['HMPPS custody events: off (set HMPPS_EVENTS_AMQP_URL to consume them)']),
    '',
  ];
  if (jwt.devKeys) {
    lines.push(
      `Get a development token (roles: ${ROLES.join(', ')}):`,
      '  TOKEN=$(pnpm -s token RECONNECT_STAFF --org RC-NW)',
    );
  } else {
    lines.push('Tokens come from the identity provider whose keys AUTH_JWKS_URL or AUTH_JWKS_FILE names.');
  }
  const query = JSON.stringify({ query: '{ me { subject roles } reconnectServices { code name } }' });
  lines.push(
    'Ask it something:',
    `  curl -s ${started.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
    `    -d '${query}'`,
    '',
    'Stop with Ctrl-C.',
    '',
  );
  return lines.join('\n');
}
