/**
 * Verification of callers' bearer tokens at the gateway (contract/AUTH.md, "Tokens").
 * Only RS256 and ES256 are accepted: `alg: none` and HMAC tokens are refused because an HMAC
 * key would have to be shared with every client. Clock skew of 60 s is allowed.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { principalFromClaims, type Principal } from './principal.ts';

export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'];
export const CLOCK_TOLERANCE_SECONDS = 60;

export interface JwtVerifierOptions {
  jwksFile?: string | undefined;
  jwksUrl?: string | undefined;
  /** An in-memory key set (tests); the file or URL is preferred when given. */
  jwks?: JSONWebKeySet | undefined;
  issuer: string;
  audience: string;
}

export class AuthenticationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthenticationError';
  }
}

export type JwtVerifier = (authorization: string | undefined) => Promise<Principal>;

export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  let keySet: ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;
  if (options.jwksUrl) {
    keySet = createRemoteJWKSet(new URL(options.jwksUrl), {
      timeoutDuration: 5000,
      cooldownDuration: 30_000,
    });
  } else if (options.jwksFile) {
    keySet = createLocalJWKSet(JSON.parse(readFileSync(options.jwksFile, 'utf8')) as JSONWebKeySet);
  } else if (options.jwks) {
    keySet = createLocalJWKSet(options.jwks);
  } else {
    throw new Error('a JWKS file, URL or key set is required');
  }
  return async (authorization) => {
    const match = /^Bearer\s+([A-Za-z0-9_.~+/=-]+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) throw new AuthenticationError('A bearer token is required.');
    try {
      const { payload } = await jwtVerify(match[1], keySet, {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      });
      return principalFromClaims(payload);
    } catch {
      // The reason (expired, bad signature, wrong audience, ...) stays out of the answer:
      // it would help an attacker probe the configuration.
      throw new AuthenticationError('The bearer token is not valid.');
    }
  };
}
