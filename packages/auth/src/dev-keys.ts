/**
 * Development keys, kept under DATA_DIR and created on first start: an ES256 key pair whose public
 * half is the JWKS the gateway trusts (`dev-jwks.json`) and whose private half `pnpm token` signs
 * with, and the internal token secret. Never used in production (config refuses to start without
 * real keys there).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Role } from './principal.ts';

export const DEV_JWKS_FILE = 'dev-jwks.json';
const DEV_PRIVATE_KEY_FILE = 'dev-signing-key.json';
const DEV_INTERNAL_SECRET_FILE = 'internal-token-secret';

export interface DevKeys {
  jwksFile: string;
  privateJwk: JWK;
}

export async function ensureDevKeys(dataDir: string): Promise<DevKeys> {
  mkdirSync(dataDir, { recursive: true });
  const jwksFile = join(dataDir, DEV_JWKS_FILE);
  const privateFile = join(dataDir, DEV_PRIVATE_KEY_FILE);
  if (!existsSync(jwksFile) || !existsSync(privateFile)) {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `dev-${randomBytes(6).toString('hex')}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
    writeFileSync(privateFile, JSON.stringify(privateJwk, null, 2), { mode: 0o600 });
    writeFileSync(jwksFile, JSON.stringify({ keys: [publicJwk] }, null, 2));
  }
  return { jwksFile, privateJwk: JSON.parse(readFileSync(privateFile, 'utf8')) as JWK };
}

export function ensureDevInternalSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DEV_INTERNAL_SECRET_FILE);
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}

export interface TokenRequest {
  roles: (Role | string)[];
  org?: string | undefined;
  sub?: string | undefined;
  name?: string | undefined;
  staffId?: string | undefined;
  issuer: string;
  audience: string;
  /** Seconds; default eight hours. */
  expiresIn?: number;
  /** Extra or overriding claims (tests). */
  claims?: Record<string, unknown>;
}

/** Signs a caller token with a private JWK (dev tokens and tests). */
export async function signCallerToken(privateJwk: JWK, request: TokenRequest): Promise<string> {
  const alg = privateJwk.alg ?? 'ES256';
  const key = await importJWK(privateJwk, alg);
  const jwt = new SignJWT({
    roles: request.roles,
    ...(request.org ? { org: request.org } : {}),
    ...(request.name ? { name: request.name } : {}),
    ...(request.staffId ? { staff_id: request.staffId } : {}),
    ...request.claims,
  })
    .setProtectedHeader({ alg, typ: 'JWT', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setSubject(request.sub ?? 'dev-user')
    .setIssuedAt();
  const now = Math.floor(Date.now() / 1000);
  const exp = request.claims?.exp;
  jwt.setExpirationTime(typeof exp === 'number' ? exp : now + (request.expiresIn ?? 8 * 3600));
  return jwt.sign(key);
}
