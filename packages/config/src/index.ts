/**
 * Environment configuration: one zod schema per deployable, validated once at start-up.
 * This is the only module in the hub that reads `process.env`; everything else is handed a
 * typed config object. Every problem is collected and reported together before exiting.
 */
import { createPrivateKey } from 'node:crypto';
import { z } from 'zod';

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
    /** Subgraph URLs for a split deployment; unset means the embedded ones on PORT+1..PORT+4. */
    REGIONAL_SERVICE_URL: z.string().url().optional(),
    PERSON_URL: z.string().url().optional(),
    REFERRAL_URL: z.string().url().optional(),
    PARTNER_URL: z.string().url().optional(),
    /** Seed demo cases as well as reference data on start (embedded mode). */
    SEED_DEMO: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
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
      if (!env.INTERNAL_TOKEN_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['INTERNAL_TOKEN_SECRET'], message: 'required in production' });
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
export const consoleEnv = commonEnv
  .extend({
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
  })
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER_URL && !env.OIDC_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'required with OIDC_ISSUER_URL' });
    }
    if (env.NODE_ENV === 'production') {
      for (const name of ['SESSION_SECRET', 'OIDC_ISSUER_URL', 'CONSOLE_URL', 'DATABASE_URL'] as const) {
        if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'required in production' });
      }
    }
  });

export type ConsoleEnv = z.infer<typeof consoleEnv>;

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
});

export * from './clock.ts';
export * from './dates.ts';
