/**
 * `NODE_ENV=production pnpm start` with the minimal settings docs/OPERATIONS.md lists, and nothing
 * else (issue 24, item 8): the settings are read from the page's block, so the page and this test
 * cannot disagree. The hub starts, answers a token of the identity provider (a stand-in on loopback
 * serving its JWKS, as AUTH_JWKS_URL names it), seeds no demo cases, and says in its banner that the
 * console, the BaRS endpoint and the HMPPS connector are off, none of them listening. Before, it
 * refused to start: it wanted GATEWAY_URL and BARS_SENDERS. With BARS_SENDERS and
 * BARS_FHIR_BASE_URL the BaRS endpoint starts, on the gateway it started and answering with the
 * configured base URL; a half-configured optional part is refused before anything starts.
 * On PostgreSQL when TEST_DATABASE_URL is set (a fresh database), PGlite under DATA_DIR otherwise.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAuditSigningKey } from '../../packages/audit/src/index.ts';
import { createHubDatabase, testConfig, type TestDatabase } from '../../hub/testing/index.ts';
import { ROOT } from '../lib/runtime.ts';
import { freePortBlock, runScript, startHub, stopHub, waitUntilReady } from './support.ts';

// Test code reads results by path: the loose type is deliberate.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const ISSUER = 'https://login.example.nhs.uk';
const AUDIENCE = 'reconnect-hub';

/** The variable names of OPERATIONS.md's minimal production settings, in the page's order. */
function minimalSettingNames(): string[] {
  const page = readFileSync(join(ROOT, 'docs/OPERATIONS.md'), 'utf8');
  const block = /<!-- minimal-production-settings -->\s*```sh\n([\s\S]*?)\n```/.exec(page);
  if (!block) throw new Error('docs/OPERATIONS.md has no minimal-production-settings block');
  return block[1]!
    .split('\n')
    .map((line) => /^([A-Z_]+)=/.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined);
}

let identityProvider: Server;
let jwksUrl: string;
let signingKey: CryptoKey;
const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-production-start-'));
let database: TestDatabase | undefined;

beforeAll(async () => {
  // The identity provider, a system outside the hub: its JWKS over HTTP, as AUTH_JWKS_URL expects.
  const pair = await generateKeyPair('ES256', { extractable: true });
  signingKey = pair.privateKey;
  const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'ES256', use: 'sig' }] };
  identityProvider = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => identityProvider.listen(0, '127.0.0.1', resolve));
  const address = identityProvider.address() as { port: number };
  jwksUrl = `http://127.0.0.1:${address.port}/.well-known/jwks.json`;
  if (testConfig().TEST_DATABASE_URL) database = await createHubDatabase({ seed: false });
});

afterAll(async () => {
  await new Promise((resolve) => identityProvider?.close(resolve));
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A value for each setting the page lists; a setting the test cannot fill fails it. */
function minimalSettings(): Record<string, string> {
  const values: Record<string, string> = {
    NODE_ENV: 'production',
    AUTH_JWKS_URL: jwksUrl,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    INTERNAL_TOKEN_SECRET: randomBytes(48).toString('base64'),
    AUDIT_SIGNING_KEY: generateAuditSigningKey(),
    WEBHOOK_SECRET_KEYS: `k-test:${randomBytes(32).toString('base64')}`,
  };
  const settings: Record<string, string> = {};
  for (const name of minimalSettingNames()) {
    const value = values[name];
    if (value === undefined) throw new Error(`OPERATIONS.md lists ${name}: give the test a value for it`);
    settings[name] = value;
  }
  return settings;
}

/** Where it listens and keeps its files, and PostgreSQL when the run has one (OPERATIONS.md). */
function placeOf(port: number): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...(database ? { DATABASE_URL: database.url! } : {}),
  };
}

async function callerToken(roles: string[], org: string): Promise<string> {
  return new SignJWT({ roles, org })
    .setProtectedHeader({ alg: 'ES256', kid: 'idp-1' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('worker@rc-nw')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(signingKey);
}

async function listening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health`).then(
    () => true,
    () => false,
  );
}

describe('NODE_ENV=production pnpm start', { timeout: 300_000 }, () => {
  it('starts with exactly the minimal settings of docs/OPERATIONS.md, the optional parts off and saying so', async () => {
    const settings = minimalSettings();
    expect(Object.keys(settings)).toEqual(
      expect.arrayContaining([
        'NODE_ENV',
        'INTERNAL_TOKEN_SECRET',
        'AUDIT_SIGNING_KEY',
        'WEBHOOK_SECRET_KEYS',
      ]),
    );
    const port = await freePortBlock(8);
    const hub = startHub({ ...settings, ...placeOf(port) });
    try {
      await waitUntilReady(hub, port);
      const banner = hub.output().stdout;
      expect(banner).toContain('reference data;'); // no demo cases in production
      expect(banner).toContain('Staff console: off');
      expect(banner).toContain('BaRS FHIR R4 endpoint: off');
      expect(banner).toContain('HMPPS custody events: off');
      expect(banner).not.toContain('pnpm -s token'); // no development keys
      for (const offset of [5, 6, 7]) expect(await listening(port + offset), `PORT+${offset}`).toBe(false);

      const token = await callerToken(['RECONNECT_STAFF'], 'RC-NW');
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query:
            '{ me { roles organisationCode } reconnectServices { code } referrals(first: 5) { nodes { id } } }',
        }),
      });
      const body = (await response.json()) as { data?: Loose; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data?.me).toEqual({ roles: ['RECONNECT_STAFF'], organisationCode: 'RC-NW' });
      expect(body.data?.reconnectServices).toHaveLength(7);
      expect(body.data?.referrals.nodes).toEqual([]); // no demo cases
    } finally {
      expect(await stopHub(hub)).toBe(0);
    }
  });

  it('starts the BaRS endpoint when BARS_SENDERS and BARS_FHIR_BASE_URL are set, on the gateway it started', async () => {
    const base = 'https://fhir.reconnect.example.nhs.uk/FHIR/R4';
    const port = await freePortBlock(8);
    const hub = startHub({
      ...minimalSettings(),
      ...placeOf(port),
      BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE',
      BARS_FHIR_BASE_URL: base,
      // Ignored under pnpm start: the endpoint calls the gateway this process runs.
      GATEWAY_URL: 'http://127.0.0.1:9/graphql',
    });
    try {
      await waitUntilReady(hub, port);
      expect(hub.output().stdout).toContain(
        `BaRS FHIR R4 endpoint (NHS systems' referrals): http://127.0.0.1:${port + 6}/FHIR/R4`,
      );
      expect(hub.output().stdout).toContain('HMPPS custody events: off');
      const metadata = (await (await fetch(`http://127.0.0.1:${port + 6}/FHIR/R4/metadata`)).json()) as {
        implementation: { url: string };
      };
      expect(metadata.implementation.url).toBe(base);
      const ready = await fetch(`http://127.0.0.1:${port + 6}/ready`);
      expect(await ready.json()).toEqual({ status: 'ready', gateway: 'ok' });
    } finally {
      expect(await stopHub(hub)).toBe(0);
    }
  });

  it.each([
    [
      'the BaRS endpoint without its public base URL',
      { BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE' },
      ['BARS_FHIR_BASE_URL: required in production'],
    ],
    [
      'the console without its session secret and public URL',
      { OIDC_ISSUER_URL: 'https://login.example.nhs.uk', OIDC_CLIENT_ID: 'reconnect-console' },
      ['SESSION_SECRET: required in production', 'CONSOLE_URL: required in production'],
    ],
  ])('refuses %s before starting anything', async (_label, extra, problems) => {
    const port = await freePortBlock(8);
    const result = await runScript('start.ts', [], { ...minimalSettings(), ...placeOf(port), ...extra });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    for (const problem of problems) expect(result.stderr).toContain(problem);
    expect(result.stderr).not.toContain('GATEWAY_URL');
  });
});
