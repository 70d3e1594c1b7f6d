/**
 * Caller tokens for tests: a fresh ES256 key pair per test file that the hub under test trusts,
 * and tokens for any role signed with it.
 */
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import { signCallerToken, type Role } from '@reconnect/auth';

export const TEST_ISSUER = 'reconnect-hub-test';
export const TEST_AUDIENCE = 'reconnect-hub';

export interface TokenOptions {
  org?: string;
  sub?: string;
  name?: string;
  staffId?: string;
  /** Seconds until expiry (negative for an expired token). */
  expiresIn?: number;
  claims?: Record<string, unknown>;
}

export interface TestSigner {
  /** The private key (to sign unusual tokens in tests). */
  signingKey: JWK;
  /** The public key set to trust. */
  jwks: JSONWebKeySet;
  token(roles: Role | string | (Role | string)[], options?: TokenOptions): Promise<string>;
}

export async function createTestSigner(): Promise<TestSigner> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `test-${randomBytes(4).toString('hex')}`;
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const token = (roles: Role | string | (Role | string)[], o: TokenOptions = {}) =>
    signCallerToken(signingKey, {
      roles: Array.isArray(roles) ? roles : [roles],
      org: o.org,
      sub: o.sub ?? `test-${Array.isArray(roles) ? roles.join('+') : roles}`,
      name: o.name,
      staffId: o.staffId,
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      ...(o.expiresIn !== undefined ? { expiresIn: o.expiresIn } : {}),
      ...(o.claims ? { claims: o.claims } : {}),
    });
  return { signingKey, jwks, token };
}
