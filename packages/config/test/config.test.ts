import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Clock,
  ConfigError,
  GATEWAY_MAX_IN_FLIGHT_PER_CALLER,
  GATEWAY_MAX_RESPONSE_BYTES,
  barsFhirConfigured,
  barsFhirEnv,
  consoleConfigured,
  consoleEnv,
  embeddedBarsFhirEnv,
  embeddedConsoleEnv,
  gatewayEnv,
  hmppsEventsEnv,
  hubEnv,
  loadConfig,
  londonDateOf,
  seedsDemo,
  subgraphEnv,
} from '../src/index.ts';

describe('AUDIT_SIGNING_KEY', () => {
  const pem = (type: 'ed25519' | 'ec') =>
    (type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('ed25519')
    ).privateKey
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://hub@db.internal:5432/hub',
    INTERNAL_TOKEN_KEYS: `person:${'k'.repeat(43)}`,
  };

  it('is required by a subgraph process in production, and optional in development', () => {
    expect(() => loadConfig(subgraphEnv, production)).toThrow(/AUDIT_SIGNING_KEY: required in production/);
    expect(
      loadConfig(subgraphEnv, { DATABASE_URL: production.DATABASE_URL }).AUDIT_SIGNING_KEY,
    ).toBeUndefined();
  });

  it('takes the PKCS8 PEM of an Ed25519 key, with escaped newlines too, and refuses anything else', () => {
    const key = pem('ed25519');
    expect(loadConfig(subgraphEnv, { ...production, AUDIT_SIGNING_KEY: key }).AUDIT_SIGNING_KEY).toBe(key);
    const escaped = key.replace(/\n/g, '\\n');
    expect(loadConfig(subgraphEnv, { ...production, AUDIT_SIGNING_KEY: escaped }).AUDIT_SIGNING_KEY).toBe(
      escaped,
    );
    for (const bad of [pem('ec'), 'not a key', '/etc/reconnect/audit.pem']) {
      expect(() => loadConfig(subgraphEnv, { ...production, AUDIT_SIGNING_KEY: bad })).toThrow(
        /AUDIT_SIGNING_KEY: must be the PKCS8 PEM text of an Ed25519 private key/,
      );
    }
  });
});

describe('hub configuration', () => {
  it('has safe local defaults', () => {
    const config = loadConfig(hubEnv, {});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 4000,
      DATA_DIR: '.data',
      AUTH_ISSUER: 'reconnect-hub-dev',
      AUTH_AUDIENCE: 'reconnect-hub',
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(seedsDemo(config)).toBe(true);
  });

  it('refuses to start in production without its secrets, naming every problem at once', () => {
    let error: unknown;
    try {
      loadConfig(hubEnv, { NODE_ENV: 'production', HUB_TODAY: '2026-01-01' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('INTERNAL_TOKEN_SECRET');
    expect(problems).toContain('AUTH_JWKS_URL');
    expect(problems).toContain('HUB_TODAY');
  });

  it('rejects malformed values with the variable name', () => {
    expect(() =>
      loadConfig(hubEnv, { PORT: 'eighty', DATABASE_URL: 'not a url', INTERNAL_TOKEN_SECRET: 'short' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });

  it('starts in production with a JWKS URL and a secret', () => {
    const config = loadConfig(hubEnv, {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example.nhs.uk/.well-known/jwks.json',
      INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://hub@db.internal:5432/hub',
    });
    expect(config.NODE_ENV).toBe('production');
  });

  it('runs the gateway on either federation engine in production, Apollo unless told', () => {
    const production = {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example.nhs.uk/.well-known/jwks.json',
      INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
      REGIONAL_SERVICE_URL: 'http://regional-service.internal:4001/graphql',
      PERSON_URL: 'http://person.internal:4002/graphql',
      REFERRAL_URL: 'http://referral.internal:4003/graphql',
      PARTNER_URL: 'http://partner.internal:4004/graphql',
    };
    expect(loadConfig(gatewayEnv, production).GATEWAY_ENGINE).toBe('apollo');
    expect(loadConfig(gatewayEnv, { ...production, GATEWAY_ENGINE: 'hive' }).GATEWAY_ENGINE).toBe('hive');
    expect(loadConfig(gatewayEnv, { ...production, GATEWAY_ENGINE: 'hive-router' }).GATEWAY_ENGINE).toBe(
      'hive-router',
    );
    expect(() => loadConfig(gatewayEnv, { ...production, GATEWAY_ENGINE: 'mesh' })).toThrow(/GATEWAY_ENGINE/);
  });

  it('limits callers to 8 requests in flight and answers to 5 MiB unless told (next/trust.md)', () => {
    const defaults = loadConfig(gatewayEnv, {});
    expect(defaults.GATEWAY_MAX_IN_FLIGHT_PER_CALLER).toBe(GATEWAY_MAX_IN_FLIGHT_PER_CALLER);
    expect(defaults.GATEWAY_MAX_IN_FLIGHT_PER_CALLER).toBe(8);
    expect(defaults.GATEWAY_MAX_RESPONSE_BYTES).toBe(GATEWAY_MAX_RESPONSE_BYTES);
    expect(defaults.GATEWAY_MAX_RESPONSE_BYTES).toBe(5 * 1024 * 1024);
    const set = loadConfig(hubEnv, {
      GATEWAY_MAX_IN_FLIGHT_PER_CALLER: '4',
      GATEWAY_MAX_RESPONSE_BYTES: '1048576',
    });
    expect(set.GATEWAY_MAX_IN_FLIGHT_PER_CALLER).toBe(4);
    expect(set.GATEWAY_MAX_RESPONSE_BYTES).toBe(1_048_576);
    for (const bad of [{ GATEWAY_MAX_IN_FLIGHT_PER_CALLER: '0' }, { GATEWAY_MAX_RESPONSE_BYTES: '100' }]) {
      expect(() => loadConfig(hubEnv, bad)).toThrow(Object.keys(bad)[0]);
    }
  });
});

describe('the clock', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: 00:30 in London
    ['2026-12-31T23:30:00Z', '2026-12-31'], // GMT
    ['2026-03-29T00:59:59Z', '2026-03-29'],
  ])('gives the London calendar date of %s as %s', (instant, date) => {
    expect(londonDateOf(new Date(instant))).toBe(date);
  });

  it('can be set, advanced and reset', () => {
    const clock = new Clock();
    clock.set('2027-02-01');
    expect(clock.today()).toBe('2027-02-01');
    clock.advance(24 * 3600 * 1000);
    expect(clock.today()).toBe('2027-02-02');
    clock.reset();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    expect(() => clock.set('not a date')).toThrow();
  });
});

describe('HMPPS events connector configuration', () => {
  it('has local defaults, and is off without a broker', () => {
    const config = loadConfig(hmppsEventsEnv, {});
    expect(config.HMPPS_EVENTS_AMQP_URL).toBeUndefined();
    expect(config).toMatchObject({
      GATEWAY_URL: 'http://localhost:4000/graphql',
      HMPPS_EVENTS_CLIENT_ID: 'hmpps-events-connector',
      HMPPS_EVENTS_CONCURRENCY: 8,
      HMPPS_EVENTS_RETRY_FOR_MS: 600_000,
    });
    // Production with no broker: nothing of the connector is required.
    expect(() => loadConfig(hmppsEventsEnv, { NODE_ENV: 'production' })).not.toThrow();
  });

  it('refuses production without its token endpoints and Prisoner Search, or over http, naming each', () => {
    const broker = {
      NODE_ENV: 'production',
      HMPPS_EVENTS_AMQP_URL: 'amqps://hub:secret@mq.internal:5671/hmpps',
    };
    const error = (() => {
      try {
        loadConfig(hmppsEventsEnv, broker);
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems).toEqual([
      'HMPPS_EVENTS_TOKEN_URL: required in production',
      'PRISONER_SEARCH_URL: required in production',
      'PRISONER_SEARCH_TOKEN_URL: required in production',
    ]);
    const complete = {
      ...broker,
      HMPPS_EVENTS_TOKEN_URL: 'https://idp.internal/oauth2/token',
      HMPPS_EVENTS_CLIENT_SECRET: 's3cret',
      PRISONER_SEARCH_URL: 'https://prisoner-search.internal',
      PRISONER_SEARCH_TOKEN_URL: 'https://hmpps-auth.internal/auth/oauth/token',
      PRISONER_SEARCH_CLIENT_ID: 'reconnect-hub',
      PRISONER_SEARCH_CLIENT_SECRET: 's3cret',
    };
    expect(loadConfig(hmppsEventsEnv, complete).HMPPS_EVENTS_TOKEN_URL).toBe(
      'https://idp.internal/oauth2/token',
    );
    expect(() =>
      loadConfig(hmppsEventsEnv, { ...complete, PRISONER_SEARCH_URL: 'http://prisoner-search.internal' }),
    ).toThrow(/PRISONER_SEARCH_URL: must be https in production/);
    expect(() => loadConfig(hmppsEventsEnv, { ...complete, HMPPS_EVENTS_CLIENT_SECRET: undefined })).toThrow(
      /HMPPS_EVENTS_CLIENT_SECRET: HMPPS_EVENTS_TOKEN_URL and HMPPS_EVENTS_CLIENT_SECRET go together/,
    );
    expect(() => loadConfig(hmppsEventsEnv, { HMPPS_EVENTS_AMQP_URL: 'http://mq:5672' })).toThrow(
      /HMPPS_EVENTS_AMQP_URL: must be an amqp/,
    );
  });
});

describe('issue 19 settings', () => {
  const subgraphProduction = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://hub@db.internal:5432/hub',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  };
  const key = Buffer.alloc(32, 7).toString('base64');

  it('a subgraph in production takes its per-audience keys, never the internal secret', () => {
    expect(() => loadConfig(subgraphEnv, subgraphProduction)).toThrow(
      /INTERNAL_TOKEN_KEYS: required in production/,
    );
    expect(() =>
      loadConfig(subgraphEnv, {
        ...subgraphProduction,
        INTERNAL_TOKEN_KEYS: `person:${'k'.repeat(43)}`,
        INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
      }),
    ).toThrow(/INTERNAL_TOKEN_SECRET: must not be given to a subgraph in production/);
    const keys = `referral:${'a'.repeat(43)}, person:${'b'.repeat(43)}`;
    expect(
      loadConfig(subgraphEnv, { ...subgraphProduction, INTERNAL_TOKEN_KEYS: keys }).INTERNAL_TOKEN_KEYS,
    ).toBe(keys);
    expect(() => loadConfig(subgraphEnv, { ...subgraphProduction, INTERNAL_TOKEN_KEYS: 'person' })).toThrow(
      /INTERNAL_TOKEN_KEYS: must be audience:base64url pairs/,
    );
  });

  it('webhook keys are id:base64 of 32 bytes, ids unique', () => {
    expect(loadConfig(hubEnv, { WEBHOOK_SECRET_KEYS: `k2:${key},k1:${key}` }).WEBHOOK_SECRET_KEYS).toBe(
      `k2:${key},k1:${key}`,
    );
    for (const bad of [`k1:${key},k1:${key}`, 'k1:c2hvcnQ=', `:${key}`, `bad id:${key}`, key]) {
      expect(() => loadConfig(hubEnv, { WEBHOOK_SECRET_KEYS: bad })).toThrow(
        /WEBHOOK_SECRET_KEYS: must be id:base64/,
      );
    }
  });

  it('DNS servers are IP addresses with optional ports; the limits have defaults and bounds', () => {
    expect(
      loadConfig(hubEnv, { WEBHOOK_DNS_SERVERS: '10.0.0.2, 10.0.0.3:5353,[fd00::53]:53,::1' })
        .WEBHOOK_DNS_SERVERS,
    ).toEqual(['10.0.0.2', '10.0.0.3:5353', '[fd00::53]:53', '::1']);
    expect(() => loadConfig(hubEnv, { WEBHOOK_DNS_SERVERS: 'dns.google' })).toThrow(/WEBHOOK_DNS_SERVERS/);
    const defaults = loadConfig(hubEnv, {});
    expect(defaults.WEBHOOK_DNS_SERVERS).toBeUndefined();
    expect(defaults.WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION).toBe(20);
    expect(defaults.OUTBOX_RETENTION_DAYS).toBe(30);
    expect(() => loadConfig(hubEnv, { OUTBOX_RETENTION_DAYS: '0' })).toThrow(/OUTBOX_RETENTION_DAYS/);
    expect(() => loadConfig(hubEnv, { WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION: 'many' })).toThrow(
      /WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION/,
    );
  });
});

describe('optional parts stay optional (issue 24, item 8)', () => {
  const problemsOf = (run: () => unknown): string[] => {
    try {
      run();
      return [];
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return error.problems;
    }
  };

  it('the BaRS endpoint alone needs, in production, the gateway, its senders and its public base URL', () => {
    const problems = problemsOf(() => loadConfig(barsFhirEnv, { NODE_ENV: 'production' }));
    for (const name of ['GATEWAY_URL', 'BARS_SENDERS', 'BARS_FHIR_BASE_URL'])
      expect(problems.join('\n')).toContain(`${name}:`);
    expect(
      problemsOf(() =>
        loadConfig(barsFhirEnv, {
          NODE_ENV: 'production',
          GATEWAY_URL: 'https://hub.example.nhs.uk/graphql',
          BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE',
        }),
      ),
    ).toEqual(['BARS_FHIR_BASE_URL: required in production: the public base URL of the answers’ fullUrls']);
  });

  it('under pnpm start it is off in production without senders, and needs its base URL with them', () => {
    const off = loadConfig(embeddedBarsFhirEnv, { NODE_ENV: 'production' });
    expect(barsFhirConfigured(off)).toBe(false);
    expect(barsFhirConfigured(loadConfig(embeddedBarsFhirEnv, {}))).toBe(true); // demo senders
    expect(
      problemsOf(() =>
        loadConfig(embeddedBarsFhirEnv, {
          NODE_ENV: 'production',
          BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE',
        }),
      ),
    ).toEqual(['BARS_FHIR_BASE_URL: required in production: the public base URL of the answers’ fullUrls']);
    expect(
      problemsOf(() =>
        loadConfig(embeddedBarsFhirEnv, {
          NODE_ENV: 'production',
          BARS_FHIR_BASE_URL: 'https://fhir.hub.example.nhs.uk/FHIR/R4',
        }),
      ),
    ).toEqual(['BARS_SENDERS: required with BARS_FHIR_BASE_URL: no NHS organisation could refer without it']);
    const on = loadConfig(embeddedBarsFhirEnv, {
      NODE_ENV: 'production',
      BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE',
      BARS_FHIR_BASE_URL: 'https://fhir.hub.example.nhs.uk/FHIR/R4',
    });
    expect(barsFhirConfigured(on)).toBe(true);
  });

  it('the console alone needs its production settings; under pnpm start it is off without an identity provider', () => {
    const alone = problemsOf(() => loadConfig(consoleEnv, { NODE_ENV: 'production' })).join('\n');
    for (const name of ['SESSION_SECRET', 'OIDC_ISSUER_URL', 'CONSOLE_URL', 'DATABASE_URL'])
      expect(alone).toContain(`${name}:`);
    const off = loadConfig(embeddedConsoleEnv, { NODE_ENV: 'production' });
    expect(consoleConfigured(off, false)).toBe(false);
    const wanted = problemsOf(() =>
      loadConfig(embeddedConsoleEnv, {
        NODE_ENV: 'production',
        OIDC_ISSUER_URL: 'https://login.example.nhs.uk',
        OIDC_CLIENT_ID: 'reconnect-console',
      }),
    ).join('\n');
    for (const name of ['SESSION_SECRET', 'CONSOLE_URL', 'DATABASE_URL'])
      expect(wanted).toContain(`${name}:`);
    expect(consoleConfigured(loadConfig(embeddedConsoleEnv, {}), true)).toBe(true); // development sign-in
  });

  it('demo cases are seeded by default outside production only', () => {
    expect(seedsDemo(loadConfig(hubEnv, {}))).toBe(true);
    const production = {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://login.example.nhs.uk/jwks',
      INTERNAL_TOKEN_SECRET: 'a-secret-of-at-least-thirty-two-characters',
    };
    expect(seedsDemo(loadConfig(hubEnv, production))).toBe(false);
    expect(seedsDemo(loadConfig(hubEnv, { ...production, SEED_DEMO: 'true' }))).toBe(true);
    expect(seedsDemo(loadConfig(hubEnv, { SEED_DEMO: 'false' }))).toBe(false);
  });
});
