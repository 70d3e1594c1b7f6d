/**
 * `tsx scripts/run-bars-fhir.ts` (`pnpm --filter @reconnect/bars-fhir start`): the BaRS FHIR R4
 * connector alone, in front of the gateway at GATEWAY_URL (shared/contract/BARS.md). No database,
 * no secret: callers' own tokens go through to the gateway. Production needs GATEWAY_URL,
 * BARS_SENDERS and BARS_FHIR_BASE_URL; the configuration refuses to start without them.
 */
import { barsFhirEnv } from '../packages/config/src/index.ts';
import {
  DEFAULT_BARS_FHIR_PORT,
  optionsOf,
  startBarsConnector,
  type RunningBarsConnector,
} from '../connectors/bars-fhir/src/index.ts';
import {
  EXIT_FAILURE,
  createCliLogger,
  loadConfigOrExit,
  reportStartupFailure,
  stopOnSignals,
} from './lib/runtime.ts';

const config = loadConfigOrExit(barsFhirEnv);
const logger = await createCliLogger(config, 'reconnect-bars-fhir');
const gatewayUrl = config.GATEWAY_URL ?? 'http://localhost:4000/graphql';
let running: RunningBarsConnector | undefined;
try {
  running = await startBarsConnector(
    optionsOf(config, gatewayUrl, logger),
    config.BARS_FHIR_PORT ?? DEFAULT_BARS_FHIR_PORT,
    config.HOST,
  );
  logger.info({ url: running.url, gateway: gatewayUrl }, 'BaRS FHIR connector ready');
} catch (error) {
  reportStartupFailure(logger, error);
  await running?.stop().catch(() => {});
  process.exit(EXIT_FAILURE);
}

const connector = running;
stopOnSignals(logger, () => connector.stop());
