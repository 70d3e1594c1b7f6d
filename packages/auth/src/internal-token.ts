/**
 * The short-lived token the gateway (and a subgraph calling another on a caller's behalf) sends
 * to subgraphs. It carries the caller's principal and the request id, is signed with a secret only
 * the hub's own processes hold, names the one subgraph it is for, lives 60 seconds, and is bound to
 * the one request it travels with (a hash of the query and variables), so a token captured from one
 * request cannot be replayed with another.
 */
import { createHash, createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { Principal, Role } from './principal.ts';
import { parseRoles } from './principal.ts';

export const INTERNAL_ISSUER = 'reconnect-hub-internal';
export const INTERNAL_TOKEN_HEADER = 'x-reconnect-internal-token';
export const REQUEST_ID_HEADER = 'x-request-id';
export const PURPOSE_HEADER = 'x-purpose-of-use';
const LIFETIME_SECONDS = 60;

export interface InternalClaims {
  principal: Principal;
  requestId: string;
  purpose?: string | undefined;
  /** Who sent it: `gateway` or the calling subgraph's name. */
  caller: string;
  /**
   * The fields the caller's whole operation asks of each audited type (e.g. `Person`), from the
   * gateway: a subgraph sees only its own part of the query plan, but records a read as what the
   * request read, once per request.
   */
  reads?: Record<string, string[]> | undefined;
}

/** The hash binding a token to its request body. */
export function requestBodyHash(query: string | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(query ?? '')
    .update('\n')
    .update(JSON.stringify(variables ?? {}))
    .digest('base64url');
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');
/** The protected header of every internal token, encoded once. */
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Signs with node:crypto's HMAC, synchronously: the gateway signs one token per subgraph fetch, and
 * jose's WebCrypto path imported the key and queued an asynchronous job for each of them (about a
 * tenth of the gateway's CPU per caseload in a profile). The token is the same compact HS256 JWT,
 * and `verifyInternalToken` still checks it with jose.
 */
export async function signInternalToken(
  secret: string,
  audience: string,
  claims: InternalClaims,
  bodyHash: string,
): Promise<string> {
  const p = claims.principal;
  const now = Math.floor(Date.now() / 1000);
  const payload = base64url(
    JSON.stringify({
      roles: p.roles,
      org: p.organisationCode,
      name: p.displayName,
      staff_id: p.staffId,
      rid: claims.requestId,
      pou: claims.purpose,
      bh: bodyHash,
      caller: claims.caller,
      ...(claims.reads ? { rf: claims.reads } : {}),
      iss: INTERNAL_ISSUER,
      aud: audience,
      sub: p.subject,
      iat: now,
      exp: now + LIFETIME_SECONDS,
    }),
  );
  const signature = createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** The verification key of each secret, imported once (jose would import a raw key on every call). */
const verificationKeys = new Map<string, Promise<CryptoKey>>();
function verificationKey(secret: string): Promise<CryptoKey> {
  let key = verificationKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    verificationKeys.set(secret, key);
  }
  return key;
}

/**
 * The headers of one internal request: the token for `audience`, bound to this query and these
 * variables, with the request id and purpose beside it. The one way the hub's own processes
 * (either gateway engine, a subgraph calling another) address a subgraph.
 */
export async function internalRequestHeaders(
  secret: string,
  audience: string,
  claims: InternalClaims,
  body: { query?: string | undefined; variables?: unknown },
): Promise<Record<string, string>> {
  const token = await signInternalToken(
    secret,
    audience,
    claims,
    requestBodyHash(body.query, body.variables),
  );
  return {
    [INTERNAL_TOKEN_HEADER]: token,
    [REQUEST_ID_HEADER]: claims.requestId,
    ...(claims.purpose ? { [PURPOSE_HEADER]: claims.purpose } : {}),
  };
}

export class InternalTokenError extends Error {}

/** Verifies an internal token for `audience` and the request body it arrived with. */
export async function verifyInternalToken(
  secret: string,
  audience: string,
  token: string | undefined,
  bodyHash: string,
): Promise<InternalClaims> {
  if (!token) throw new InternalTokenError('missing internal token');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, await verificationKey(secret), {
      algorithms: ['HS256'],
      issuer: INTERNAL_ISSUER,
      audience,
      clockTolerance: 5,
      requiredClaims: ['sub', 'exp', 'iat', 'rid', 'bh'],
    }));
  } catch {
    throw new InternalTokenError('invalid internal token');
  }
  if (payload.bh !== bodyHash) throw new InternalTokenError('internal token was issued for another request');
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    principal: {
      subject: String(payload.sub),
      roles: parseRoles(payload.roles) as Role[],
      organisationCode: str(payload.org),
      displayName: str(payload.name),
      staffId: str(payload.staff_id),
    },
    requestId: String(payload.rid),
    purpose: str(payload.pou),
    caller: str(payload.caller) ?? 'unknown',
    reads: readsOf(payload.rf),
  };
}

function readsOf(value: unknown): Record<string, string[]> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [type, fields] of Object.entries(value)) {
    if (Array.isArray(fields) && fields.every((f) => typeof f === 'string')) out[type] = fields as string[];
  }
  return out;
}
