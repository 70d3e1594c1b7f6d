/**
 * Starting the BaRS FHIR connector: from its validated configuration (`barsFhirEnv`) to a
 * listening server. `pnpm start` (scripts/start.ts) runs it beside the embedded hub on PORT+6;
 * scripts/run-bars-fhir.ts runs it alone against GATEWAY_URL.
 */
import { createServer } from 'node:http';
import { metricsAccessOf, type BarsFhirEnv } from '@reconnect/config';
import { FHIR_BASE, createBarsApp, type BarsAppOptions } from './app.ts';
import { loadR4Definitions } from './fhir-validation.ts';
import { sendersOf } from './senders.ts';

export { FHIR_BASE, createBarsApp, type BarsAppOptions } from './app.ts';
export { demoSenders, sendersOf, type Senders } from './senders.ts';
export { r4Problems, loadR4Definitions } from './fhir-validation.ts';
export { BARS_RULES, readBarsMessage } from './bars-message.ts';

export const DEFAULT_BARS_FHIR_PORT = 4006;

export interface RunningBarsConnector {
  /** The FHIR base URL, e.g. http://localhost:4006/FHIR/R4. */
  url: string;
  stop(): Promise<void>;
}

/**
 * What `startBarsConnector` takes: the app's options, the public base URL optional outside
 * production (then the connector's own URL as it listens, from its configured host and port).
 */
export type BarsConnectorOptions = Omit<BarsAppOptions, 'baseUrl'> & { baseUrl?: string | undefined };

export function optionsOf(
  config: BarsFhirEnv,
  gatewayUrl: string,
  logger?: BarsAppOptions['logger'],
): BarsConnectorOptions {
  return {
    gatewayUrl,
    logger,
    senders: sendersOf(config.BARS_SENDERS, config.NODE_ENV),
    baseUrl: config.BARS_FHIR_BASE_URL,
    production: config.NODE_ENV === 'production',
    metricsAccess: metricsAccessOf(config),
  };
}

export async function startBarsConnector(
  options: BarsConnectorOptions,
  port: number,
  host: string,
): Promise<RunningBarsConnector> {
  if (options.production && !options.baseUrl) {
    throw new Error('BARS_FHIR_BASE_URL is required in production (the fullUrls of the connector’s answers)');
  }
  // The R4 definitions are indexed before the first request, not during it.
  loadR4Definitions();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}${FHIR_BASE}`;
  // Answers name the configured base URL, or this one: never one taken from a request's Host.
  server.on('request', createBarsApp({ ...options, baseUrl: options.baseUrl ?? url }));
  return {
    url,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
