/**
 * The short-lived token the gateway (and a subgraph calling another on a caller's behalf) sends
 * to subgraphs. It carries the caller's principal and the request id, is signed with a secret only
 * the hub's own processes hold, names the one subgraph it is for, lives 60 seconds, and is bound to
 * the one request it travels with (a hash of the query and variables), so a token captured from one
 * request cannot be replayed with another.
 */
import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
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

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signInternalToken(
  secret: string,
  audience: string,
  claims: InternalClaims,
  bodyHash: string,
): Promise<string> {
  const p = claims.principal;
  return new SignJWT({
    roles: p.roles,
    org: p.organisationCode,
    name: p.displayName,
    staff_id: p.staffId,
    rid: claims.requestId,
    pou: claims.purpose,
    bh: bodyHash,
    caller: claims.caller,
    ...(claims.reads ? { rf: claims.reads } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(audience)
    .setSubject(p.subject)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key(secret));
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
    ({ payload } = await jwtVerify(token, key(secret), {
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
