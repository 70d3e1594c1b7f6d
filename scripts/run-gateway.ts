/**
 * `tsx scripts/run-gateway.ts` (`pnpm --filter @reconnect/gateway start`): the gateway alone, in
 * front of subgraphs running as their own processes (ARCHITECTURE.md, "Running"). It serves the
 * committed schema/supergraph.graphql and reaches the subgraphs at REGIONAL_SERVICE_URL,
 * PERSON_URL, REFERRAL_URL and PARTNER_URL (required in production; otherwise PORT+1..PORT+4 on
 * localhost). No database. GATEWAY_ENGINE=hive serves it with Hive Gateway instead of
 * @apollo/gateway (gateway/src/hive.ts), same settings and limits (gateway/src/limits.ts);
 * GATEWAY_ENGINE=hive-router the same with Hive Router's query planner.
 */
import { readFileSync } from 'node:fs';
import { createJwtVerifier } from '../packages/auth/src/index.ts';
import { gatewayEnv, metricsAccessOf } from '../packages/config/src/index.ts';
import { startTracing } from '../packages/observability/src/index.ts';
import type { Listening } from '../packages/graph/src/index.ts';
import { SUPERGRAPH_FILE, createGateway, type Gateway } from '../gateway/src/index.ts';
import {
  EXIT_FAILURE,
  createCliLogger,
  gatewayLimitsOf,
  internalSecretOf,
  jwtSettingsOf,
  loadConfigOrExit,
  reportStartupFailure,
  stopOnSignals,
  subgraphUrlsOf,
} from './lib/runtime.ts';

const config = loadConfigOrExit(gatewayEnv);
const logger = await createCliLogger(config, 'reconnect-gateway');
const tracing = await startTracing({
  serviceName: 'reconnect-gateway',
  endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const { urls } = subgraphUrlsOf(config, config.PORT);
let gateway: Pick<Gateway, 'listen' | 'stop'> | undefined;
let listening: Listening | undefined;
try {
  const jwt = await jwtSettingsOf(config);
  // Hive Gateway is loaded only when asked for: it is slow to import.
  const engine = config.GATEWAY_ENGINE;
  const create =
    engine === 'apollo' ? createGateway : (await import('../gateway/src/hive.ts')).createHiveGateway;
  gateway = create({
    planner: engine === 'hive-router' ? 'router' : 'tools',
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: urls,
    verify: createJwtVerifier(jwt),
    internalSecret: internalSecretOf(config),
    logger,
    environment: config.NODE_ENV,
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    metricsAccess: metricsAccessOf(config),
    limits: gatewayLimitsOf(config),
  });
  listening = await gateway.listen(config.PORT, config.HOST);
  logger.info({ url: listening.url, engine: config.GATEWAY_ENGINE, subgraphs: urls }, 'gateway ready');
} catch (error) {
  reportStartupFailure(logger, error);
  await gateway?.stop().catch(() => {});
  process.exit(EXIT_FAILURE);
}

const running = gateway;
stopOnSignals(logger, async () => {
  await running.stop();
  await tracing?.stop();
});
