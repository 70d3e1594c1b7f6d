/**
 * What the command-line entry points (start, seed, token, run-subgraph, run-gateway) share:
 * reading the configuration (every problem printed, exit 1), the logger, the clock, the database,
 * the development keys and a clean shutdown on Ctrl-C or SIGTERM.
 *
 * The scripts import the workspace packages by path: the root package is not a workspace
 * dependant of them, and tsx runs the TypeScript sources directly either way.
 */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDevAuditSigningKey } from '../../packages/audit/src/index.ts';
import {
  InternalKeys,
  audiencesOf,
  ensureDevInternalSecret,
  ensureDevKeys,
} from '../../packages/auth/src/index.ts';
import { ensureDevWebhookSecretKeys } from '../../packages/events/src/index.ts';
import {
  Clock,
  ConfigError,
  SUBGRAPH_URL_VARS,
  loadConfig,
  type z,
} from '../../packages/config/src/index.ts';
import { createDb, pgliteDir, type DbHandle } from '../../packages/db/src/index.ts';
import { createLogger, type Logger } from '../../packages/graph/src/log.ts';
import { defaultSubgraphUrls } from '../../gateway/src/compose.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Exit codes: 1 for configuration and start-up failures, 2 for bad command-line usage (the
 * convention of most Unix tools).
 */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Loads `schema` from the environment; on a ConfigError prints every problem and exits 1. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S): z.infer<S> {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT_FAILURE);
    }
    throw error;
  }
}

/**
 * DATA_DIR resolved against the repository root, not the working directory: `pnpm --filter
 * <package> start` runs in the package's folder, and the gateway and the subgraphs started that
 * way must still find the same development keys and internal secret.
 */
export function dataDirOf(config: { DATA_DIR: string }): string {
  return isAbsolute(config.DATA_DIR) ? config.DATA_DIR : resolve(ROOT, config.DATA_DIR);
}

/** The hub's logger; human-readable through pino-pretty in development when it is installed. */
export async function createCliLogger(
  config: { LOG_LEVEL: string; NODE_ENV: string },
  name: string,
): Promise<Logger> {
  if (config.NODE_ENV === 'development') {
    try {
      const { default: pretty } = await import('pino-pretty');
      return createLogger(
        config.LOG_LEVEL,
        name,
        pretty({ ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss', sync: true }),
      );
    } catch {
      // pino-pretty is a development dependency: without it, JSON lines carry the same facts.
    }
  }
  return createLogger(config.LOG_LEVEL, name);
}

/** The hub's clock, set to HUB_TODAY (a demonstration date) when given. */
export function clockOf(config: { HUB_TODAY?: string | undefined }): Clock {
  const clock = new Clock();
  if (config.HUB_TODAY) clock.set(config.HUB_TODAY);
  return clock;
}

/** PostgreSQL when DATABASE_URL is set, otherwise the PGlite database under DATA_DIR. */
export function openDatabase(config: {
  DATABASE_URL?: string | undefined;
  DATA_DIR: string;
  DATABASE_POOL_SIZE?: number | undefined;
}): Promise<DbHandle> {
  return createDb({
    url: config.DATABASE_URL,
    dataDir: pgliteDir(dataDirOf(config)),
    maxConnections: config.DATABASE_POOL_SIZE,
  });
}

/** Where the database is, for people: never prints a password. */
export function describeDatabase(config: { DATABASE_URL?: string | undefined; DATA_DIR: string }): string {
  if (!config.DATABASE_URL) return `PGlite at ${pgliteDir(dataDirOf(config))}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

export interface JwtSettings {
  jwksFile?: string | undefined;
  jwksUrl?: string | undefined;
  issuer: string;
  audience: string;
  /** True when the gateway trusts the development key pair under DATA_DIR. */
  devKeys: boolean;
}

/**
 * The keys the gateway trusts: the configured JWKS when there is one, otherwise the development
 * key pair under DATA_DIR, created on first use (config refuses production without a JWKS).
 */
export async function jwtSettingsOf(config: {
  AUTH_JWKS_FILE?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  DATA_DIR: string;
}): Promise<JwtSettings> {
  const base = { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
  if (config.AUTH_JWKS_URL || config.AUTH_JWKS_FILE) {
    return { ...base, jwksUrl: config.AUTH_JWKS_URL, jwksFile: config.AUTH_JWKS_FILE, devKeys: false };
  }
  const keys = await ensureDevKeys(dataDirOf(config));
  return { ...base, jwksFile: keys.jwksFile, devKeys: true };
}

/** The gateway's limits that are settings (next/trust.md, "Limits at the gateway"); the rest are gateway/src/limits.ts's. */
export function gatewayLimitsOf(config: {
  GATEWAY_MAX_IN_FLIGHT_PER_CALLER: number;
  GATEWAY_MAX_RESPONSE_BYTES: number;
}): { maxInFlightPerCaller: number; maxResponseBytes: number } {
  return {
    maxInFlightPerCaller: config.GATEWAY_MAX_IN_FLIGHT_PER_CALLER,
    maxResponseBytes: config.GATEWAY_MAX_RESPONSE_BYTES,
  };
}

/** INTERNAL_TOKEN_SECRET, or a per-DATA_DIR development secret (config requires it in production). */
export function internalSecretOf(config: {
  INTERNAL_TOKEN_SECRET?: string | undefined;
  DATA_DIR: string;
}): string {
  return config.INTERNAL_TOKEN_SECRET ?? ensureDevInternalSecret(dataDirOf(config));
}

/**
 * The internal token keys of one subgraph process: INTERNAL_TOKEN_KEYS (production: config
 * refuses the secret there), or derived from INTERNAL_TOKEN_SECRET (or the development secret)
 * for this subgraph and the ones it calls only. Either way the process must hold its own audience
 * and every audience INTERNAL_CALLS says it calls.
 */
export function internalKeysOf(
  config: {
    INTERNAL_TOKEN_KEYS?: string | undefined;
    INTERNAL_TOKEN_SECRET?: string | undefined;
    DATA_DIR: string;
  },
  subgraph: string,
): InternalKeys {
  const keys = config.INTERNAL_TOKEN_KEYS
    ? InternalKeys.parse(config.INTERNAL_TOKEN_KEYS)
    : InternalKeys.forProcess(internalSecretOf(config), subgraph);
  const missing = audiencesOf(subgraph).filter((a) => !keys.has(a));
  if (missing.length > 0) {
    throw new Error(
      `INTERNAL_TOKEN_KEYS lacks the key of ${missing.join(', ')}, which ${subgraph} needs (pnpm internal-keys ${subgraph})`,
    );
  }
  return keys;
}

/**
 * AUDIT_SIGNING_KEY, or the development key under DATA_DIR (created on first use). In production
 * there is no default: checkpoints signed with a key nobody kept could never be checked.
 */
export function auditSigningKeyOf(config: {
  AUDIT_SIGNING_KEY?: string | undefined;
  DATA_DIR: string;
  NODE_ENV: string;
}): string {
  if (config.AUDIT_SIGNING_KEY) return config.AUDIT_SIGNING_KEY;
  if (config.NODE_ENV === 'production') {
    throw new Error('AUDIT_SIGNING_KEY is required in production (the key that signs audit checkpoints)');
  }
  return ensureDevAuditSigningKey(dataDirOf(config));
}

/**
 * WEBHOOK_SECRET_KEYS, or the development key under DATA_DIR (created on first use). In production
 * there is no default: secrets sealed under a key nobody kept could never sign a delivery again.
 */
export function webhookSecretKeysOf(config: {
  WEBHOOK_SECRET_KEYS?: string | undefined;
  DATA_DIR: string;
  NODE_ENV: string;
}): string {
  if (config.WEBHOOK_SECRET_KEYS) return config.WEBHOOK_SECRET_KEYS;
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'WEBHOOK_SECRET_KEYS is required in production (the keys webhook secrets are stored under)',
    );
  }
  return ensureDevWebhookSecretKeys(dataDirOf(config));
}

/** The embedded hub's webhook settings from the configuration. */
export function webhookSettingsOf(config: {
  WEBHOOK_SECRET_KEYS?: string | undefined;
  WEBHOOK_DNS_SERVERS?: string[] | undefined;
  WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION: number;
  OUTBOX_RETENTION_DAYS: number;
  DATA_DIR: string;
  NODE_ENV: string;
}) {
  return {
    secretKeys: webhookSecretKeysOf(config),
    dnsServers: config.WEBHOOK_DNS_SERVERS,
    maxSubscriptionsPerOrganisation: config.WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION,
    outboxRetentionDays: config.OUTBOX_RETENTION_DAYS,
  };
}

type SubgraphUrlSettings = Partial<
  Record<(typeof SUBGRAPH_URL_VARS)[keyof typeof SUBGRAPH_URL_VARS], string>
>;

/**
 * Where each subgraph is in a split deployment: its URL variable when set, otherwise the embedded
 * default (gatewayPort + offset). `unset` names the variables that were not given, so callers can
 * refuse the defaults in production.
 */
export function subgraphUrlsOf(
  config: SubgraphUrlSettings,
  gatewayPort = 4000,
): { urls: Record<string, string>; unset: Map<string, string> } {
  const defaults: Record<string, string> = defaultSubgraphUrls(gatewayPort);
  const urls: Record<string, string> = {};
  const unset = new Map<string, string>();
  for (const [name, variable] of Object.entries(SUBGRAPH_URL_VARS)) {
    const configured = config[variable];
    if (!configured) unset.set(name, variable);
    urls[name] = configured ?? defaults[name]!;
  }
  return { urls, unset };
}

/** How long a clean shutdown may take before the process gives up and exits 1. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * Stops everything on the first SIGINT or SIGTERM and exits 0; exits 1 when stopping fails or
 * hangs. A second signal during shutdown exits at once (130), for an impatient Ctrl-C.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without a clean shutdown');
      process.exit(130);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out');
      process.exit(EXIT_FAILURE);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(EXIT_FAILURE);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A start-up failure: a readable line for the common causes, the whole error otherwise. */
export function reportStartupFailure(logger: Logger, error: unknown): void {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'EADDRINUSE') {
    const { port } = error as { port?: number };
    logger.fatal(`port ${port ?? ''} is already in use: stop whatever listens there or set PORT`);
  } else {
    logger.fatal({ err: error }, 'start-up failed');
  }
}
