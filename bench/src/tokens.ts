/**
 * The benchmark's credentials: a fresh ES256 key pair whose public half the gateways trust (a JWKS
 * file), the caller's token signed with the private half, and an internal secret shared by the
 * gateway and subgraph processes. Direct subgraph calls need a fresh internal token per request
 * body; autocannon builds requests synchronously, so those are signed with `signInternalTokenSync`,
 * the signer the gateway's own `signInternalToken` uses (per-audience HKDF key, the same claims).
 * Each direct variant is checked once against its subgraph before it is timed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JSONWebKeySet, type JWK } from 'jose';
import {
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  requestBodyHash,
  signCallerToken,
  signInternalTokenSync,
  type Principal,
  type Role,
} from '../../packages/auth/src/index.ts';

export const BENCH_ISSUER = 'reconnect-hub-bench';
export const BENCH_AUDIENCE = 'reconnect-hub';

export interface BenchKeys {
  jwksFile: string;
  jwks: JSONWebKeySet;
  signingKey: JWK;
  internalSecret: string;
}

export async function createBenchKeys(dir: string): Promise<BenchKeys> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `bench-${randomBytes(4).toString('hex')}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const jwksFile = join(dir, 'bench-jwks.json');
  writeFileSync(jwksFile, JSON.stringify(jwks));
  return {
    jwksFile,
    jwks,
    signingKey: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    internalSecret: randomBytes(32).toString('base64url'),
  };
}

export interface Caller {
  principal: Principal;
  /** The bearer token the gateway verifies. */
  token: string;
}

/** A caller of `roles` in `org`, with a token valid for twelve hours (longer than any run). */
export async function benchCaller(
  keys: BenchKeys,
  roles: Role[],
  options: { org: string; staffId?: string; sub?: string },
): Promise<Caller> {
  const subject = options.sub ?? `bench-${roles.join('+').toLowerCase()}@${options.org}`;
  const token = await signCallerToken(keys.signingKey, {
    roles,
    org: options.org,
    sub: subject,
    staffId: options.staffId,
    issuer: BENCH_ISSUER,
    audience: BENCH_AUDIENCE,
    expiresIn: 12 * 3600,
  });
  return {
    token,
    principal: { subject, roles, organisationCode: options.org, staffId: options.staffId },
  };
}

/**
 * The headers the gateway sends with one subgraph request (a new request id each time): the
 * internal token signed by @reconnect/auth's own signer, the one the gateway signs with (for the
 * audience's key derived from the secret), so the two cannot drift apart.
 */
export function internalHeaders(
  secret: string,
  subgraph: string,
  principal: Principal,
  body: { query: string; variables?: Record<string, unknown> | undefined },
): Record<string, string> {
  const requestId = randomUUID();
  return {
    'content-type': 'application/json',
    [INTERNAL_TOKEN_HEADER]: signInternalTokenSync(
      secret,
      subgraph,
      { principal, requestId, caller: 'gateway' },
      requestBodyHash(body.query, body.variables),
    ),
    [REQUEST_ID_HEADER]: requestId,
  };
}
