/**
 * `pnpm --filter @reconnect/console start`: the console alone, in front of the gateway at
 * GATEWAY_URL. Production needs OIDC, a session secret, CONSOLE_URL and DATABASE_URL (sessions);
 * the configuration refuses to start without them.
 */
import { ConfigError, consoleEnv, loadConfig } from '@reconnect/config';
import { startTracing } from '@reconnect/observability';
import { devSignerOf, optionsOf, startConsole } from './index.ts';

let config;
try {
  config = loadConfig(consoleEnv);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
const tracing = await startTracing({
  serviceName: 'reconnect-console',
  endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const devSigner = config.OIDC_ISSUER_URL ? undefined : await devSignerOf(config);
const running = await startConsole(optionsOf(config, devSigner), config.CONSOLE_PORT ?? 4005, config.HOST);
console.log(`RECONNECT console on ${running.url} (gateway ${config.GATEWAY_URL})`);
const stop = () => {
  running
    .stop()
    .then(() => tracing?.stop())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
