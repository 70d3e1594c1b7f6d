/**
 * The HMPPS custody events connector (issue 16; contract/HMPPS-EVENTS.md): consumes the broker's
 * queue and applies each event through the gateway's `applyCustodyEvent`. `pnpm start` runs it
 * beside the embedded hub when HMPPS_EVENTS_AMQP_URL is set; `src/main.ts` runs it alone.
 */
import { ensureDevKeys } from '@reconnect/auth';
import type { HmppsEventsEnv } from '@reconnect/config';
import type { Logger } from 'pino';
import { startHmppsEventsConnector, type HmppsEventsConnector } from './connector.ts';
import { prisonerSearchClient } from './prisoner-search.ts';
import { clientCredentialsTokenSource, devTokenSource, type TokenSource } from './tokens.ts';

export * from './connector.ts';
export * from './envelope.ts';
export * from './handlers.ts';
export * from './prisoner-search.ts';
export * from './publish.ts';
export * from './stats.ts';
export * from './tokens.ts';
export * from './topology.ts';
export * from './verdict.ts';

/**
 * The connector's token: client credentials from the identity provider when HMPPS_EVENTS_TOKEN_URL
 * is set (config requires it in production), otherwise signed with the development key under
 * `dataDir` (the key the development gateway trusts).
 */
export async function hubTokenOf(config: HmppsEventsEnv, dataDir: string): Promise<TokenSource> {
  if (config.HMPPS_EVENTS_TOKEN_URL) {
    return clientCredentialsTokenSource({
      tokenUrl: config.HMPPS_EVENTS_TOKEN_URL,
      clientId: config.HMPPS_EVENTS_CLIENT_ID,
      clientSecret: config.HMPPS_EVENTS_CLIENT_SECRET!,
    });
  }
  const keys = await ensureDevKeys(dataDir);
  return devTokenSource({
    privateJwk: keys.privateJwk,
    clientId: config.HMPPS_EVENTS_CLIENT_ID,
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
  });
}

/** Starts the connector from its validated configuration (HMPPS_EVENTS_AMQP_URL must be set). */
export async function startConnectorFromConfig(
  config: HmppsEventsEnv,
  options: { dataDir: string; logger: Logger; gatewayUrl?: string },
): Promise<HmppsEventsConnector> {
  if (!config.HMPPS_EVENTS_AMQP_URL) throw new Error('HMPPS_EVENTS_AMQP_URL is not set');
  const prisonerSearch = config.PRISONER_SEARCH_URL
    ? prisonerSearchClient({
        url: config.PRISONER_SEARCH_URL,
        token: config.PRISONER_SEARCH_TOKEN_URL
          ? clientCredentialsTokenSource({
              tokenUrl: config.PRISONER_SEARCH_TOKEN_URL,
              clientId: config.PRISONER_SEARCH_CLIENT_ID!,
              clientSecret: config.PRISONER_SEARCH_CLIENT_SECRET!,
            })
          : // Development without HMPPS Auth: a stand-in that takes any token gets a placeholder.
            { get: () => Promise.resolve('development'), invalidate: () => {} },
      })
    : undefined;
  if (!prisonerSearch) {
    options.logger.warn('PRISONER_SEARCH_URL is not set: release-date events will be dead-lettered');
  }
  return startHmppsEventsConnector({
    amqpUrl: config.HMPPS_EVENTS_AMQP_URL,
    gatewayUrl: options.gatewayUrl ?? config.GATEWAY_URL,
    token: await hubTokenOf(config, options.dataDir),
    prisonerSearch,
    logger: options.logger,
    concurrency: config.HMPPS_EVENTS_CONCURRENCY,
    retryForMs: config.HMPPS_EVENTS_RETRY_FOR_MS,
  });
}

/** Where the broker is, for people: never prints a password. */
export function describeBroker(amqpUrl: string): string {
  const url = new URL(amqpUrl);
  const vhost = decodeURIComponent(url.pathname.slice(1)) || '/';
  return `${url.protocol}//${url.host} vhost ${vhost}`;
}
export * from './status.ts';
