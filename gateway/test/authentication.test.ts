/**
 * Bearer tokens at the gateway (contract/AUTH.md, "Tokens"), over real HTTP: every way a token can
 * be wrong gets 401 UNAUTHENTICATED and no data; a good one is turned into the principal.
 */
import { createHmac } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallerToken } from '@reconnect/auth';
import { TEST_AUDIENCE, TEST_ISSUER, startTestHub, type TestHub } from '@reconnect/hub/testing';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const ME = '{ me { subject roles organisationCode } }';
const now = () => Math.floor(Date.now() / 1000);

async function withAuthorization(authorization: string | undefined) {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization !== undefined ? { authorization } : {}),
    },
    body: JSON.stringify({ query: ME }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'attacker',
  roles: ['RECONNECT_ADMIN'],
  org: 'RC-NW',
  iss: TEST_ISSUER,
  aud: TEST_AUDIENCE,
  iat: now(),
  exp: now() + 600,
  ...extra,
});

/** A key the gateway does not trust, under the trusted key's kid or its own. */
async function foreignKey(kid: string, alg: 'ES256' | 'RS256' = 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg };
}

const signed = (key: JWK, extra: Record<string, unknown> = {}) =>
  signCallerToken(key, {
    roles: ['RECONNECT_ADMIN'],
    org: 'RC-NW',
    sub: 'attacker',
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    ...extra,
  });

const refused: [string, () => Promise<string | undefined>][] = [
  ['no Authorization header', async () => undefined],
  ['an empty Authorization header', async () => ''],
  ['a Basic Authorization header', async () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
  ['"Bearer" without a token', async () => 'Bearer'],
  ['a token without "Bearer"', async () => hub.token('RECONNECT_ADMIN')],
  [
    'two tokens',
    async () => `Bearer ${await hub.token('RECONNECT_ADMIN')} ${await hub.token('RECONNECT_ADMIN')}`,
  ],
  ['a garbage token', async () => 'Bearer not-a-jwt'],
  ['a token of three garbage parts', async () => 'Bearer aaa.bbb.ccc'],
  [
    'a token expired 2 minutes ago (beyond the 60 s skew)',
    async () => `Bearer ${await hub.token('RECONNECT_ADMIN', { expiresIn: -120 })}`,
  ],
  [
    'a token not valid for 2 more minutes (nbf)',
    async () => `Bearer ${await hub.token('RECONNECT_ADMIN', { claims: { nbf: now() + 120 } })}`,
  ],
  ['a token without exp', async () => `Bearer ${await signedWithout('exp')}`],
  ['a token without sub', async () => `Bearer ${await signedWithout('sub')}`],
  [
    'a token signed by an unknown key with the trusted kid',
    async () => `Bearer ${await signed(await foreignKey(hub.signingKey.kid!))}`,
  ],
  [
    'a token signed by an unknown key with its own kid',
    async () => `Bearer ${await signed(await foreignKey('someone-else'))}`,
  ],
  [
    'a token signed by an unknown RSA key',
    async () => `Bearer ${await signed(await foreignKey(hub.signingKey.kid!, 'RS256'))}`,
  ],
  [
    'a token from another issuer',
    async () => `Bearer ${await signed(hub.signingKey, { issuer: 'https://evil.example' })}`,
  ],
  [
    'a token for another audience',
    async () => `Bearer ${await signed(hub.signingKey, { audience: 'another-api' })}`,
  ],
  [
    'an unsigned token (alg none)',
    async () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`,
  ],
  [
    'an unsigned token (alg none) with the trusted kid',
    async () => `Bearer ${b64({ alg: 'none', kid: hub.signingKey.kid })}.${b64(claims())}.`,
  ],
  ['an HS256 token signed with the internal secret', async () => `Bearer ${await hmac(hub.internalSecret)}`],
  [
    'an HS256 token signed with the public key as secret',
    async () =>
      `Bearer ${await hmac(JSON.stringify({ kty: hub.signingKey.kty, crv: hub.signingKey.crv, x: hub.signingKey.x, y: hub.signingKey.y }))}`,
  ],
  ['a valid token with its payload changed', async () => `Bearer ${await tamperedPayload()}`],
];

async function signedWithout(claim: 'exp' | 'sub'): Promise<string> {
  const { importJWK } = await import('jose');
  const key = await importJWK(hub.signingKey, 'ES256');
  const jwt = new SignJWT({ roles: ['RECONNECT_ADMIN'] })
    .setProtectedHeader({ alg: 'ES256', kid: hub.signingKey.kid! })
    .setIssuer(TEST_ISSUER)
    .setAudience(TEST_AUDIENCE)
    .setIssuedAt();
  if (claim !== 'exp') jwt.setExpirationTime('10m');
  if (claim !== 'sub') jwt.setSubject('someone');
  return jwt.sign(key);
}

async function hmac(secret: string): Promise<string> {
  const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: hub.signingKey.kid })}.${b64(claims())}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

async function tamperedPayload(): Promise<string> {
  const [header, , signature] = (await hub.token('REFERRER', { org: 'PROB-NW' })).split('.');
  return `${header}.${b64(claims())}.${signature}`;
}

describe('the gateway refuses', () => {
  it.each(refused)('%s: 401 UNAUTHENTICATED, no data', async (_name, authorization) => {
    const response = await withAuthorization(await authorization());
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.errors?.[0]?.message).toMatch(
      /^(A bearer token is required|The bearer token is not valid)\.$/,
    );
    // Nothing about why: that would help probe the configuration.
    expect(JSON.stringify(response.body)).not.toMatch(/expired|signature|issuer|audience|alg|kid|jwks/i);
  });
});

describe('the gateway accepts', () => {
  it('a valid token, and reads the principal from it', async () => {
    const response = await withAuthorization(
      `Bearer ${await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: 'worker-7' })}`,
    );
    expect(response).toEqual({
      status: 200,
      body: { data: { me: { subject: 'worker-7', roles: ['RECONNECT_STAFF'], organisationCode: 'RC-NW' } } },
    });
  });

  it('roles with the ROLE_ prefix, in any case; unknown roles are dropped', async () => {
    const token = await hub.token(['ROLE_RECONNECT_LEAD', 'role_er_partner', 'ROLE_SUPERUSER'], {
      org: 'P-1',
    });
    const response = await withAuthorization(`Bearer ${token}`);
    expect(response.body.data).toEqual({
      me: { subject: expect.any(String), roles: ['RECONNECT_LEAD', 'ER_PARTNER'], organisationCode: 'P-1' },
    });
  });

  it('a token expired 30 s ago (within the 60 s skew)', async () => {
    const response = await withAuthorization(`Bearer ${await hub.token('COMMISSIONER', { expiresIn: -30 })}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ me: { roles: ['COMMISSIONER'] } });
  });

  it('a token whose nbf is 30 s ahead (within the skew)', async () => {
    const response = await withAuthorization(
      `Bearer ${await hub.token('COMMISSIONER', { claims: { nbf: now() + 30 } })}`,
    );
    expect(response.status).toBe(200);
  });

  it('the scheme in lower case', async () => {
    const response = await withAuthorization(`bearer ${await hub.token('COMMISSIONER')}`);
    expect(response.status).toBe(200);
  });
});
