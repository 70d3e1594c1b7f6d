/**
 * `pnpm --filter @reconnect/hmpps-events-connector start`: the connector alone, in front of the
 * gateway at GATEWAY_URL. It needs HMPPS_EVENTS_AMQP_URL; production also needs the identity
 * provider's token endpoint and Prisoner Search (the configuration refuses to start without them).
 * Ctrl-C or SIGTERM stops consuming (held messages are requeued) and exits 0.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, hmppsEventsEnv, loadConfig } from '@reconnect/config';
import { pino } from 'pino';
import { metricsAccessOf } from '@reconnect/config';
import {
  DEFAULT_HMPPS_EVENTS_PORT,
  describeBroker,
  startConnectorFromConfig,
  startStatusServer,
} from './index.ts';

let config;
try {
  config = loadConfig(hmppsEventsEnv);
  if (!config.HMPPS_EVENTS_AMQP_URL)
    throw new ConfigError(['HMPPS_EVENTS_AMQP_URL: required to run the connector']);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
// DATA_DIR is relative to the repository root, as for every other entry point.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = isAbsolute(config.DATA_DIR) ? config.DATA_DIR : resolve(root, config.DATA_DIR);
const logger = pino({ name: 'hmpps-events-connector', level: config.LOG_LEVEL });
const connector = await startConnectorFromConfig(config, { dataDir, logger });
const status = await startStatusServer(connector.stats, {
  port: config.HMPPS_EVENTS_PORT ?? DEFAULT_HMPPS_EVENTS_PORT,
  host: config.HOST,
  access: { environment: config.NODE_ENV, ...metricsAccessOf(config) },
});
console.log(
  `HMPPS events connector: ${describeBroker(config.HMPPS_EVENTS_AMQP_URL)} -> ${config.GATEWAY_URL}; health, readiness and metrics at ${status.url}`,
);
const stop = () => {
  Promise.all([connector.stop(), status.stop()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
