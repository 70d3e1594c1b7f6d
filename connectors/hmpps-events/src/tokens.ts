/**
 * Where the connector's bearer tokens come from. Both kinds are cached until a minute before they
 * expire, and `invalidate()` drops a token the other side refused (revoked, rotated key), so the
 * next call fetches a fresh one.
 *
 * - Development: a token signed with the development key under DATA_DIR (the key `pnpm token`
 *   and the development gateway use), role HMPPS_EVENTS, `sub` = the client id.
 * - Production: an OAuth 2.0 client-credentials grant (RFC 6749 §4.4) against the identity
 *   provider's token endpoint, through openid-client (the console's OIDC library).
 */
import * as oauth from 'openid-client';
import { CUSTODY_EVENTS_ROLE, signCallerToken } from '@reconnect/auth';
import type { JWK } from 'jose';

export interface TokenSource {
  /** A token valid for at least another minute. */
  get(): Promise<string>;
  invalidate(): void;
}

const MARGIN_MS = 60_000;

function cached(fetchToken: () => Promise<{ token: string; expiresInMs: number }>): TokenSource {
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return {
    get() {
      if (current && Date.now() < current.renewAt) return Promise.resolve(current.token);
      // One request for a token at a time, however many messages are waiting for one.
      pending ??= fetchToken()
        .then(({ token, expiresInMs }) => {
          current = { token, renewAt: Date.now() + Math.max(expiresInMs - MARGIN_MS, expiresInMs / 2) };
          return token;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    invalidate() {
      current = undefined;
    },
  };
}

export function devTokenSource(options: {
  privateJwk: JWK;
  clientId: string;
  issuer: string;
  audience: string;
  lifetimeSeconds?: number;
}): TokenSource {
  const lifetime = options.lifetimeSeconds ?? 15 * 60;
  return cached(async () => ({
    token: await signCallerToken(options.privateJwk, {
      roles: [CUSTODY_EVENTS_ROLE],
      sub: options.clientId,
      issuer: options.issuer,
      audience: options.audience,
      expiresIn: lifetime,
    }),
    expiresInMs: lifetime * 1000,
  }));
}

export function clientCredentialsTokenSource(options: {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string | undefined;
}): TokenSource {
  const url = new URL(options.tokenUrl);
  const configuration = new oauth.Configuration(
    { issuer: url.origin, token_endpoint: url.href },
    options.clientId,
    options.clientSecret,
  );
  // Config refuses http token URLs in production; development and tests use local servers.
  if (url.protocol === 'http:') oauth.allowInsecureRequests(configuration);
  return cached(async () => {
    const answer = await oauth.clientCredentialsGrant(
      configuration,
      options.scope ? { scope: options.scope } : {},
    );
    return { token: answer.access_token, expiresInMs: (answer.expires_in ?? 300) * 1000 };
  });
}

/** The token source's failure, as the connector classifies it: the endpoint down, or the client refused. */
export function tokenFailureOf(error: unknown): 'refused' | 'unreachable' {
  return error instanceof oauth.ResponseBodyError || error instanceof oauth.WWWAuthenticateChallengeError
    ? 'refused'
    : 'unreachable';
}
