/**
 * Environment configuration: one zod schema per deployable, validated once at start-up.
 * This is the only module in the hub that reads `process.env`; everything else is handed a
 * typed config object. Every problem is collected and reported together before exiting.
 */
import { createPrivateKey } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ALLOWED_SOURCES, referringOrganisations } from '@reconnect/reference-data';

export { z };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses `env` (default: `process.env`) with `schema`, throwing one ConfigError that lists every problem. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Settings every deployable shares. */
export const commonEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL URL; unset means the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  /**
   * `per-subgraph`: each subgraph connects as its own PostgreSQL role (`reconnect_<subgraph>`, the
   * DATABASE_URL's user replaced), with rights on its own schema only; `pnpm db:roles` creates
   * them. `shared` (default): everything connects as the DATABASE_URL's user. PGlite is always shared.
   */
  DATABASE_ROLES: z.enum(['shared', 'per-subgraph']).default('shared'),
  /**
   * Connections each process keeps to PostgreSQL at most (postgres.js's pool). Replicas multiply
   * it: every process of every subgraph holds its own pool, and together they must stay under the
   * server's `max_connections` (100 by default), beside whatever else connects.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** The subgraphs' roles' passwords (`pnpm db:roles` sets them; unset: no password). */
  REGIONAL_SERVICE_DATABASE_PASSWORD: z.string().min(1).optional(),
  PERSON_DATABASE_PASSWORD: z.string().min(1).optional(),
  REFERRAL_DATABASE_PASSWORD: z.string().min(1).optional(),
  PARTNER_DATABASE_PASSWORD: z.string().min(1).optional(),
  /**
   * The gateway-only secret that signs the short-lived internal token carrying the caller's
   * principal to subgraphs. Required in production; in development a per-DATA_DIR secret is
   * generated on first start.
   */
  INTERNAL_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The Ed25519 private key that signs audit checkpoints (packages/audit/src/signing.ts): its PKCS8
   * PEM text (`openssl genpkey -algorithm ed25519`; `\n` escapes accepted), the same for every
   * process of a deployment. Required in production by every process that sequences (each subgraph;
   * `pnpm start` checks it too); in development a key is generated under
   * DATA_DIR (`audit-signing-key.pem`) on first start.
   */
  AUDIT_SIGNING_KEY: z
    .string()
    .refine(isEd25519PrivateKey, 'must be the PKCS8 PEM text of an Ed25519 private key')
    .optional(),
  /**
   * The per-audience internal token keys a subgraph process holds instead of INTERNAL_TOKEN_SECRET
   * (issue 19, item 5): `audience:base64url[,audience:base64url...]`, its own (to verify what it
   * receives) and those of the subgraphs it calls (packages/auth, INTERNAL_CALLS), as
   * `pnpm internal-keys <subgraph>` prints them from the secret. Required by a subgraph process in
   * production, where it must not be given the secret itself.
   */
  INTERNAL_TOKEN_KEYS: z
    .string()
    .regex(
      /^\s*[a-z-]+:[A-Za-z0-9_-]{43}\s*(,\s*[a-z-]+:[A-Za-z0-9_-]{43}\s*)*$/,
      'must be audience:base64url pairs separated by commas (pnpm internal-keys <subgraph>)',
    )
    .optional(),
  /**
   * The AES-256-GCM keys webhook signing secrets are stored under (issue 19, item 4):
   * `id:base64[,id:base64...]`, newest first, each key 32 random bytes (`openssl rand -base64 32`).
   * New secrets are sealed under the first; the others open older ones until
   * `pnpm webhooks:rotate-key` re-encrypts them. Required in production by the processes that
   * register or deliver webhooks (the hub, the referral subgraph, the rotate command); in
   * development a key is generated under DATA_DIR (`webhook-secret-keys`).
   */
  WEBHOOK_SECRET_KEYS: z
    .string()
    .refine(
      isWebhookKeyList,
      'must be id:base64 pairs (id of letters, digits, - or _; 32-byte keys), comma-separated, ids unique',
    )
    .optional(),
  /**
   * DNS servers the webhook dispatcher resolves subscribers' hosts with, comma-separated IP
   * addresses with an optional port (`10.0.0.2`, `10.0.0.2:5353`, `[fd00::53]:53`); unset: the
   * system's (`/etc/resolv.conf`).
   */
  WEBHOOK_DNS_SERVERS: z
    .string()
    .refine(isDnsServerList, 'must be comma-separated IP addresses, each with an optional :port')
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    ),
  /** Active webhook subscriptions one organisation may have; a registration over it is refused. */
  WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION: z.coerce.number().int().min(1).max(1000).default(20),
  /**
   * Days a delivered event stays in the outbox (`events.outbox` and its deliveries) before the
   * dispatcher prunes it; events with a delivery still pending or parked are kept.
   */
  OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /**
   * The local address (this host's address on the metrics network) on which /metrics answers
   * without a token in production: a scrape arriving on any other interface needs METRICS_TOKEN.
   * Outside production /metrics is open. With neither set, production refuses every scrape.
   */
  METRICS_INTERFACE: z.union([z.ipv4(), z.ipv6()]).optional(),
  /** The bearer secret a scraper may present to /metrics in production (at least 32 characters). */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * OpenTelemetry: the OTLP/HTTP collector's base URL (spans go to `<url>/v1/traces`); unset means
   * tracing is off and costs nothing. The standard variable, so collectors' docs apply.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** The date "today" is, for demonstrations and tests (YYYY-MM-DD); never set in production. */
  HUB_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .optional(),
});

/** Who may scrape /metrics (see METRICS_INTERFACE and METRICS_TOKEN). */
export function metricsAccessOf(
  env: Pick<z.infer<typeof commonEnv>, 'METRICS_INTERFACE' | 'METRICS_TOKEN'>,
): { interface?: string; token?: string } {
  return {
    ...(env.METRICS_INTERFACE ? { interface: env.METRICS_INTERFACE } : {}),
    ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}),
  };
}

function isEd25519PrivateKey(pem: string): boolean {
  try {
    const key = createPrivateKey({ key: pem.replace(/\\n/g, '\n'), format: 'pem' });
    return key.asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/**
 * How long a person's records are kept after their last referral closed (DOMAIN.md, retention):
 * 8 years by default, as for adult health and care records in the NHS Records Management Code of
 * Practice.
 */
export const retentionYears = z.coerce.number().int().min(1).max(100).default(8);

/** `pnpm retention`. */
export const retentionEnv = commonEnv.extend({ RETENTION_YEARS: retentionYears });
function isWebhookKeyList(text: string): boolean {
  const ids = new Set<string>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const at = part.indexOf(':');
    const id = part.slice(0, at);
    if (at <= 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || ids.has(id)) return false;
    if (Buffer.from(part.slice(at + 1), 'base64').length !== 32) return false;
    ids.add(id);
  }
  return ids.size > 0;
}

function isDnsServerList(text: string): boolean {
  return text
    .split(',')
    .map((p) => p.trim())
    .every((server) => {
      const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(server);
      if (bracketed) return isIP(bracketed[1]!) === 6;
      const [host, port, ...rest] = server.split(':');
      if (rest.length > 0) return isIP(server) === 6;
      return isIP(host ?? '') === 4 && (port === undefined || /^\d{1,5}$/.test(port));
    });
}

export const hubEnv = commonEnv
  .extend({
    PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    HOST: z.string().default('0.0.0.0'),
    AUTH_JWKS_FILE: z.string().optional(),
    AUTH_JWKS_URL: z.string().url().optional(),
    AUTH_ISSUER: z.string().min(1).default('reconnect-hub-dev'),
    AUTH_AUDIENCE: z.string().min(1).default('reconnect-hub'),
    /** Milliseconds the gateway waits for one subgraph fetch before giving up. */
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Requests one caller (token subject) may have in flight at the gateway; more is HTTP 429 RATE_LIMITED. */
    GATEWAY_MAX_IN_FLIGHT_PER_CALLER: z.coerce.number().int().min(1).max(10_000).default(8),
    /** The largest answer the gateway sends, in bytes (5 MiB); larger is HTTP 429 RATE_LIMITED. */
    GATEWAY_MAX_RESPONSE_BYTES: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .max(1024 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    /** Subgraph URLs for a split deployment; unset means the embedded ones on PORT+1..PORT+4. */
    REGIONAL_SERVICE_URL: z.string().url().optional(),
    PERSON_URL: z.string().url().optional(),
    REFERRAL_URL: z.string().url().optional(),
    PARTNER_URL: z.string().url().optional(),
    /**
     * Seed demo cases as well as reference data on start (embedded mode) and in `pnpm seed`.
     * Unset: yes, except in production (`seedsDemo`), where made-up people have no place.
     */
    SEED_DEMO: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_ROLES === 'per-subgraph' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_ROLES'],
        message: 'per-subgraph needs DATABASE_URL (PGlite has one connection, so one user)',
      });
    }
    if (env.NODE_ENV === 'production') {
      if (!env.INTERNAL_TOKEN_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['INTERNAL_TOKEN_SECRET'], message: 'required in production' });
      }
      if (!env.AUTH_JWKS_FILE && !env.AUTH_JWKS_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['AUTH_JWKS_URL'],
          message: 'AUTH_JWKS_URL or AUTH_JWKS_FILE is required in production',
        });
      }
      if (env.HUB_TODAY) {
        ctx.addIssue({ code: 'custom', path: ['HUB_TODAY'], message: 'must not be set in production' });
      }
    }
  });

export type HubEnv = z.infer<typeof hubEnv>;

/** Whether demo cases are seeded: SEED_DEMO, or by default everywhere but production. */
export function seedsDemo(env: Pick<HubEnv, 'SEED_DEMO' | 'NODE_ENV'>): boolean {
  return env.SEED_DEMO ?? env.NODE_ENV !== 'production';
}

/** The variables that locate each subgraph in a split deployment, by subgraph name. */
export const SUBGRAPH_URL_VARS = {
  'regional-service': 'REGIONAL_SERVICE_URL',
  person: 'PERSON_URL',
  referral: 'REFERRAL_URL',
  partner: 'PARTNER_URL',
} as const;

/** The password of each subgraph's database role, by subgraph name (DATABASE_ROLES=per-subgraph). */
export const SUBGRAPH_DATABASE_PASSWORD_VARS = {
  'regional-service': 'REGIONAL_SERVICE_DATABASE_PASSWORD',
  person: 'PERSON_DATABASE_PASSWORD',
  referral: 'REFERRAL_DATABASE_PASSWORD',
  partner: 'PARTNER_DATABASE_PASSWORD',
} as const;

/** The passwords that are set, by subgraph name. */
export function databasePasswordsOf(
  env: Partial<
    Record<(typeof SUBGRAPH_DATABASE_PASSWORD_VARS)[keyof typeof SUBGRAPH_DATABASE_PASSWORD_VARS], string>
  >,
): Record<string, string> {
  const passwords: Record<string, string> = {};
  for (const [name, variable] of Object.entries(SUBGRAPH_DATABASE_PASSWORD_VARS)) {
    const password = env[variable];
    if (password) passwords[name] = password;
  }
  return passwords;
}

/**
 * The gateway in its own process (production mode). In production it must be told where every
 * subgraph is: falling back to localhost there would send callers' principals to whatever happens
 * to listen on those ports.
 */
export const gatewayEnv = hubEnv
  .safeExtend({
    /**
     * The federation engine: `apollo` (@apollo/gateway, gateway.ts), `hive` (Hive Gateway,
     * hive.ts, issue 8) or `hive-router` (Hive Gateway with Hive Router's Rust query planner,
     * issue 14). All have the same edge and the same limits (gateway/src/limits.ts), in
     * production too.
     */
    GATEWAY_ENGINE: z.enum(['apollo', 'hive', 'hive-router']).default('apollo'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const name of Object.values(SUBGRAPH_URL_VARS)) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required in production' });
    }
  });

/**
 * One subgraph in its own process (production mode). It never sees callers' JWTs, only the
 * gateway's internal token, so it needs the internal secret but no JWKS. It always needs
 * PostgreSQL: subgraphs share the `access` and `audit` schemas, and one PGlite database cannot be
 * shared between processes.
 */
export const subgraphEnv = commonEnv
  .extend({
    /** Unset means the subgraph's embedded port (4001..4004), so a local split run needs no settings. */
    PORT: z.coerce.number().int().min(1).max(65535).optional(),
    HOST: z.string().default('0.0.0.0'),
    REGIONAL_SERVICE_URL: z.string().url().optional(),
    PERSON_URL: z.string().url().optional(),
    REFERRAL_URL: z.string().url().optional(),
    PARTNER_URL: z.string().url().optional(),
  })
  .superRefine((env, ctx) => {
    if (!env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message:
          'required when a subgraph runs in its own process (one PGlite database cannot be shared between processes)',
      });
    }
    if (env.NODE_ENV === 'production') {
      // Least privilege (issue 19, item 5): a subgraph holds only the keys of the audiences it
      // receives and calls, never the secret every other key derives from.
      if (!env.INTERNAL_TOKEN_KEYS) {
        ctx.addIssue({
          code: 'custom',
          path: ['INTERNAL_TOKEN_KEYS'],
          message: 'required in production (pnpm internal-keys <subgraph> prints them)',
        });
      }
      if (env.INTERNAL_TOKEN_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['INTERNAL_TOKEN_SECRET'],
          message: 'must not be given to a subgraph in production: give it INTERNAL_TOKEN_KEYS',
        });
      }
      if (!env.AUDIT_SIGNING_KEY) {
        ctx.addIssue({ code: 'custom', path: ['AUDIT_SIGNING_KEY'], message: 'required in production' });
      }
      if (env.HUB_TODAY) {
        ctx.addIssue({ code: 'custom', path: ['HUB_TODAY'], message: 'must not be set in production' });
      }
    }
  });

export type SubgraphEnv = z.infer<typeof subgraphEnv>;

/** `pnpm db:roles`: the owner's (or an administrator's) DATABASE_URL, and the roles' passwords. */
export const dbRolesEnv = commonEnv.superRefine((env, ctx) => {
  if (!env.DATABASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_URL'],
      message: 'required: database roles are for PostgreSQL (PGlite has one connection, so one user)',
    });
  }
});

// ---- console (issue 13) ------------------------------------------------------------------------
/**
 * The staff console (`console/`): a server-rendered client of the gateway. In development it signs
 * users in with the development key under DATA_DIR (a page listing the demo staff); in production
 * it needs an OpenID Connect provider and a session secret, and keeps sessions in PostgreSQL.
 */
const consoleSettings = commonEnv.extend({
  /** Unset means PORT+5 under `pnpm start` (4005), and 4005 for the console alone. */
  CONSOLE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().default('0.0.0.0'),
  /** The gateway's public GraphQL URL. */
  GATEWAY_URL: z.string().url().default('http://localhost:4000/graphql'),
  /** Signs the session cookie; required in production (at least 32 characters). */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The console's own public URL (OIDC redirect and post-logout URLs are made from it). */
  CONSOLE_URL: z.string().url().optional(),
  /** OpenID Connect: the provider's issuer URL; unset means development sign-in. */
  OIDC_ISSUER_URL: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid profile'),
  /** Issuer and audience of development tokens: the gateway's AUTH_ISSUER and AUTH_AUDIENCE. */
  AUTH_ISSUER: z.string().min(1).default('reconnect-hub-dev'),
  AUTH_AUDIENCE: z.string().min(1).default('reconnect-hub'),
});

type ConsoleSettings = z.infer<typeof consoleSettings>;

function consoleRules(env: ConsoleSettings, ctx: z.RefinementCtx, optional: boolean): void {
  if (env.OIDC_ISSUER_URL && !env.OIDC_CLIENT_ID) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'required with OIDC_ISSUER_URL' });
  }
  if (env.NODE_ENV !== 'production' || (optional && !env.OIDC_ISSUER_URL)) return;
  for (const name of ['SESSION_SECRET', 'OIDC_ISSUER_URL', 'CONSOLE_URL', 'DATABASE_URL'] as const) {
    if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required in production' });
  }
}

export const consoleEnv = consoleSettings.superRefine((env, ctx) => consoleRules(env, ctx, false));

/**
 * The console under `pnpm start`, which gives it the gateway it starts (GATEWAY_URL is not read).
 * An optional part of the hub: in production it runs only when OIDC_ISSUER_URL is set (staff sign
 * in with the identity provider), and then needs the rest of its production settings.
 */
export const embeddedConsoleEnv = consoleSettings.superRefine((env, ctx) => consoleRules(env, ctx, true));

/** Whether the console runs under `pnpm start`: with the development sign-in, or an identity provider. */
export function consoleConfigured(env: Pick<ConsoleSettings, 'OIDC_ISSUER_URL'>, devKeys: boolean): boolean {
  return devKeys || Boolean(env.OIDC_ISSUER_URL);
}

export type ConsoleEnv = z.infer<typeof consoleEnv>;

// ---- HMPPS custody events connector (issue 16) --------------------------------------------------
/**
 * The HMPPS events connector (`connectors/hmpps-events/`, contract/HMPPS-EVENTS.md): consumes the
 * broker's queue and calls the gateway's `applyCustodyEvent` with its own `HMPPS_EVENTS` token.
 * `pnpm start` runs it beside the embedded hub when HMPPS_EVENTS_AMQP_URL is set. In development
 * its token is signed with the development key under DATA_DIR; in production it is a
 * client-credentials token from the identity provider (HMPPS_EVENTS_TOKEN_URL), and Prisoner Search
 * is reached with a client-credentials token from HMPPS Auth (PRISONER_SEARCH_TOKEN_URL).
 */
export const hmppsEventsEnv = commonEnv
  .extend({
    /** The broker (AMQP 0-9-1, RabbitMQ), with its vhost as the path: `amqp://user:pass@host:5672/vhost`. */
    HMPPS_EVENTS_AMQP_URL: z
      .string()
      .url()
      .refine((url) => /^amqps?:\/\//.test(url), 'must be an amqp:// or amqps:// URL')
      .optional(),
    /** The gateway's public GraphQL URL (`pnpm start` uses its own gateway's). */
    GATEWAY_URL: z.string().url().default('http://localhost:4000/graphql'),
    /** The connector's client id: the `sub` of its token, recorded in history and audit. */
    HMPPS_EVENTS_CLIENT_ID: z.string().min(1).default('hmpps-events-connector'),
    /** Production: the identity provider's token endpoint and the client's secret (client credentials). */
    HMPPS_EVENTS_TOKEN_URL: z.string().url().optional(),
    HMPPS_EVENTS_CLIENT_SECRET: z.string().min(1).optional(),
    /** Issuer and audience of development tokens: the gateway's AUTH_ISSUER and AUTH_AUDIENCE. */
    AUTH_ISSUER: z.string().min(1).default('reconnect-hub-dev'),
    AUTH_AUDIENCE: z.string().min(1).default('reconnect-hub'),
    /** HMPPS Prisoner Search, asked for release dates (`GET {url}/prisoner/{prisonNumber}`). */
    PRISONER_SEARCH_URL: z.string().url().optional(),
    /** HMPPS Auth's token endpoint and the connector's client there, for Prisoner Search. */
    PRISONER_SEARCH_TOKEN_URL: z.string().url().optional(),
    PRISONER_SEARCH_CLIENT_ID: z.string().min(1).optional(),
    PRISONER_SEARCH_CLIENT_SECRET: z.string().min(1).optional(),
    /** Interface the connector's own port listens on. */
    HOST: z.string().default('0.0.0.0'),
    /** The connector's own port (default 4007; `pnpm start`: PORT+7): /health, /ready (holding a broker connection) and /metrics. */
    HMPPS_EVENTS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Messages handled at once (the channel's prefetch is the same). */
    HMPPS_EVENTS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    /**
     * How long a message that failed for a transient reason (the hub unreachable, CONFLICT,
     * DOWNSTREAM_SERVICE_ERROR, INTERNAL_SERVER_ERROR) is held and retried with back-off before it
     * is requeued. Requeues count towards the queue's delivery limit (3); keep it under the
     * broker's consumer timeout (30 minutes by default).
     */
    HMPPS_EVENTS_RETRY_FOR_MS: z.coerce.number().int().min(0).max(1_500_000).default(600_000),
  })
  .superRefine((env, ctx) => {
    const together = (names: readonly (keyof typeof env)[], why: string) => {
      if (names.some((n) => env[n]) && !names.every((n) => env[n])) {
        for (const n of names.filter((n) => !env[n])) {
          ctx.addIssue({ code: 'custom', path: [n], message: why });
        }
      }
    };
    together(
      ['HMPPS_EVENTS_TOKEN_URL', 'HMPPS_EVENTS_CLIENT_SECRET'],
      'HMPPS_EVENTS_TOKEN_URL and HMPPS_EVENTS_CLIENT_SECRET go together',
    );
    together(
      ['PRISONER_SEARCH_TOKEN_URL', 'PRISONER_SEARCH_CLIENT_ID', 'PRISONER_SEARCH_CLIENT_SECRET'],
      'PRISONER_SEARCH_TOKEN_URL, PRISONER_SEARCH_CLIENT_ID and PRISONER_SEARCH_CLIENT_SECRET go together',
    );
    if (env.NODE_ENV === 'production' && env.HMPPS_EVENTS_AMQP_URL) {
      for (const name of [
        'HMPPS_EVENTS_TOKEN_URL',
        'PRISONER_SEARCH_URL',
        'PRISONER_SEARCH_TOKEN_URL',
      ] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required in production' });
      }
      for (const name of [
        'HMPPS_EVENTS_TOKEN_URL',
        'PRISONER_SEARCH_URL',
        'PRISONER_SEARCH_TOKEN_URL',
      ] as const) {
        if (env[name]?.startsWith('http:')) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'must be https in production' });
        }
      }
    }
  });

export type HmppsEventsEnv = z.infer<typeof hmppsEventsEnv>;

/** What the test harness reads: the PostgreSQL server to create fresh databases on, if any. */
export const testEnv = z.object({
  TEST_DATABASE_URL: z.string().url().optional(),
  /** Set by CI: browser tests fail instead of skipping when Chromium is missing. */
  CI: z.string().optional(),
  /** The Chromium the console's browser tests drive (Debian's `chromium` package). */
  CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  /** Where the console's browser tests write a screenshot of every screen (`pnpm console:screenshots`). */
  CONSOLE_SCREENSHOTS_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('silent'),
  /** A RabbitMQ server for the HMPPS events connector's tests (each file makes its own vhost). */
  TEST_AMQP_URL: z.string().url().optional(),
});

export * from './clock.ts';
export * from './dates.ts';

// ---- BaRS FHIR connector (issue 17) ------------------------------------------------------------
/**
 * The largest request body the gateway reads (256 KiB; larger is HTTP 413). Here, not in the
 * gateway, so that its clients that take bodies of their own (the BaRS FHIR endpoint) refuse
 * exactly what the gateway would, with their own 413, instead of passing it on to be refused.
 */
export const GATEWAY_MAX_BODY_BYTES = 256 * 1024;

/** GATEWAY_MAX_IN_FLIGHT_PER_CALLER's default: requests one token subject may have in flight (next/trust.md). */
export const GATEWAY_MAX_IN_FLIGHT_PER_CALLER = 8;

/** GATEWAY_MAX_RESPONSE_BYTES's default: the largest answer the gateway sends, 5 MB (5 MiB). */
export const GATEWAY_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** The sources an NHS system referring through BaRS may be (shared/contract/BARS.md). */
export const BARS_SENDER_SOURCES = ['PRISON_HEALTHCARE', 'IRC_HEALTHCARE', 'LIAISON_AND_DIVERSION'] as const;
export type BarsSenderSource = (typeof BARS_SENDER_SOURCES)[number];

/**
 * `BARS_SENDERS`: `CODE=SOURCE` pairs separated by commas (`HCP-MRI=PRISON_HEALTHCARE,LD-NW=LIAISON_AND_DIVERSION`),
 * codes upper-cased. Each code must name an organisation of the directory of referring
 * organisations (the reference data, referring_organisations.csv) of kind PRISON_HEALTHCARE,
 * IRC_HEALTHCARE or LIAISON_AND_DIVERSION, and the source must be one its kind allows
 * (contract/next/trust.md, "The source fits the organisation"). Every bad pair is its own problem.
 */
const barsSenders = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const senders: Record<string, BarsSenderSource> = {};
    for (const pair of text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const m = /^([A-Za-z0-9-]{2,20})\s*=\s*([A-Z_]+)$/.exec(pair);
      const source = m?.[2] as BarsSenderSource | undefined;
      if (!m || !source || !BARS_SENDER_SOURCES.includes(source)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${pair}" is not ODS=SOURCE with SOURCE one of ${BARS_SENDER_SOURCES.join(', ')}`,
        });
        continue;
      }
      const code = m[1]!.toUpperCase();
      const problem = barsSenderProblem(code, source);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `"${pair}": ${problem}` });
        continue;
      }
      senders[code] = source;
    }
    return senders;
  });

let directoryKinds: Map<string, string> | undefined;

/** Why `code` may not send referrals through BaRS as `source`, or null when it may. */
export function barsSenderProblem(code: string, source: BarsSenderSource): string | null {
  directoryKinds ??= new Map(referringOrganisations().map((o) => [o.code, o.kind]));
  const kind = directoryKinds.get(code);
  if (!kind) return `${code} is not an organisation of the directory of referring organisations`;
  if (!(BARS_SENDER_SOURCES as readonly string[]).includes(kind)) {
    return `${code} is a ${kind} organisation: a BaRS sender is of kind ${BARS_SENDER_SOURCES.join(', ')}`;
  }
  if (!ALLOWED_SOURCES[kind as BarsSenderSource].includes(source)) {
    return `${code} (${kind}) may refer with source ${ALLOWED_SOURCES[kind as BarsSenderSource].join(' or ')} only`;
  }
  return null;
}

const barsFhirSettings = commonEnv.extend({
  /** Unset means PORT+6 under `pnpm start` (4006), and 4006 for the connector alone. */
  BARS_FHIR_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().default('0.0.0.0'),
  /** The gateway's public GraphQL URL; required in production (`pnpm start` uses its own gateway). */
  GATEWAY_URL: z.string().url().optional(),
  /** The codes (the directory's, as tokens' `org`) of the NHS organisations that may refer, and as which source. */
  BARS_SENDERS: barsSenders,
  /**
   * The connector's public base URL (`https://…/FHIR/R4`), for the fullUrls of its answers;
   * required in production. Unset outside production: the connector's own URL as it listens.
   * Never taken from a request's Host header.
   */
  BARS_FHIR_BASE_URL: z.string().url().optional(),
});

type BarsFhirSettings = z.infer<typeof barsFhirSettings>;

/** Whether the BaRS endpoint runs: always outside production; in production when it has senders. */
export function barsFhirConfigured(env: Pick<BarsFhirSettings, 'NODE_ENV' | 'BARS_SENDERS'>): boolean {
  return env.NODE_ENV !== 'production' || Object.keys(env.BARS_SENDERS).length > 0;
}

function requireBaseUrlInProduction(env: BarsFhirSettings, ctx: z.RefinementCtx): void {
  if (env.NODE_ENV === 'production' && !env.BARS_FHIR_BASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['BARS_FHIR_BASE_URL'],
      message: 'required in production: the public base URL of the answers’ fullUrls',
    });
  }
}

/**
 * The BaRS FHIR R4 connector (`connectors/bars-fhir/`) in its own process: a client of the gateway
 * that takes NHS systems' referral messages. It holds no data and no secret: callers' own tokens go
 * through. Run alone it is wanted, so production needs all of it: the gateway, the senders and the
 * public base URL.
 */
export const barsFhirEnv = barsFhirSettings.superRefine((env, ctx) => {
  if (env.NODE_ENV !== 'production') return;
  if (!env.GATEWAY_URL)
    ctx.addIssue({ code: 'custom', path: ['GATEWAY_URL'], message: 'required in production' });
  if (Object.keys(env.BARS_SENDERS).length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['BARS_SENDERS'],
      message: 'required in production: no NHS organisation could refer without it',
    });
  }
  requireBaseUrlInProduction(env, ctx);
});

/**
 * The connector under `pnpm start`, which gives it the gateway it starts (GATEWAY_URL is not read).
 * An optional part of the hub: in production it runs only when BARS_SENDERS names a sender
 * (`barsFhirConfigured`), and then needs its public base URL; a base URL without senders is a
 * half-made configuration and refused.
 */
export const embeddedBarsFhirEnv = barsFhirSettings.superRefine((env, ctx) => {
  if (env.NODE_ENV !== 'production') return;
  if (barsFhirConfigured(env)) requireBaseUrlInProduction(env, ctx);
  else if (env.BARS_FHIR_BASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['BARS_SENDERS'],
      message: 'required with BARS_FHIR_BASE_URL: no NHS organisation could refer without it',
    });
  }
});

export type BarsFhirEnv = z.infer<typeof barsFhirEnv>;
