/**
 * Starting the BaRS FHIR connector: from its validated configuration (`barsFhirEnv`) to a
 * listening server. `pnpm start` (scripts/start.ts) runs it beside the embedded hub on PORT+6;
 * scripts/run-bars-fhir.ts runs it alone against GATEWAY_URL.
 */
import type { Server } from 'node:http';
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

export function optionsOf(
  config: BarsFhirEnv,
  gatewayUrl: string,
  logger?: BarsAppOptions['logger'],
): BarsAppOptions {
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
  options: BarsAppOptions,
  port: number,
  host: string,
): Promise<RunningBarsConnector> {
  // The R4 definitions are indexed before the first request, not during it.
  loadR4Definitions();
  const app = createBarsApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}${FHIR_BASE}`,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
