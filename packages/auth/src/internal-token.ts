/**
 * The short-lived token the gateway (and a subgraph calling another on a caller's behalf) sends
 * to subgraphs. It carries the caller's principal and the request id, is signed with a secret only
 * the hub's own processes hold, names the one subgraph it is for, lives 60 seconds, and is bound to
 * the one request it travels with (a hash of the query and variables), so a token captured from one
 * request cannot be replayed with another.
 *
 * Keys per audience (issue 19, item 5): a token for subgraph X is signed with a key derived for X
 * from INTERNAL_TOKEN_SECRET (HKDF-SHA256, `deriveInternalKey`), and each process holds only the
 * keys of the audiences it receives or calls (`INTERNAL_CALLS`, `InternalKeys.forProcess`): the
 * gateway all four, a subgraph its own (to verify) and those of the subgraphs it calls. So a
 * compromised subgraph can mint tokens only for the subgraphs it calls anyway, never for one it
 * never calls.
 */
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { Principal, Role } from './principal.ts';
import { parseRoles } from './principal.ts';

export const INTERNAL_ISSUER = 'reconnect-hub-internal';
export const INTERNAL_TOKEN_HEADER = 'x-reconnect-internal-token';
export const REQUEST_ID_HEADER = 'x-request-id';
export const PURPOSE_HEADER = 'x-purpose-of-use';
const LIFETIME_SECONDS = 60;

/**
 * Which hub process calls which subgraph: the gateway every one; referral asks regional-service
 * (directory, establishments, staff, handover targets) and person (matching, needs, prison-number
 * holders, merges); partner asks referral, regional-service and person (enrolment and its
 * eligibility). Person and regional-service call nobody. @reconnect/hub-client refuses a call not
 * listed, and a process is given the keys of exactly these audiences (and its own).
 */
export const INTERNAL_CALLS = {
  gateway: ['regional-service', 'person', 'referral', 'partner'],
  'regional-service': [],
  // The identity authority: a merge's steps and a subject access report's parts (issue 18).
  person: ['referral', 'partner'],
  referral: ['regional-service', 'person'],
  partner: ['referral', 'regional-service', 'person'],
} as const satisfies Record<string, readonly string[]>;

export type HubProcess = keyof typeof INTERNAL_CALLS;
export const INTERNAL_AUDIENCES = INTERNAL_CALLS.gateway;

/** Whether `caller` is declared to call `audience` (INTERNAL_CALLS). */
export function callsAudience(caller: string, audience: string): boolean {
  const calls = (INTERNAL_CALLS as Record<string, readonly string[]>)[caller];
  return calls !== undefined && calls.includes(audience);
}

const HKDF_SALT = 'reconnect-hub/internal-token/v1';

/** The HMAC key of tokens for `audience`: HKDF-SHA256 of the secret, 32 bytes. */
export function deriveInternalKey(secret: string, audience: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, `audience:${audience}`, 32));
}

/** The keys one process holds, by audience. */
export class InternalKeys {
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor(keys: Iterable<[string, Buffer]>) {
    this.keys = new Map(keys);
  }

  /** Keys derived from the secret for these audiences only. */
  static fromSecret(secret: string, audiences: Iterable<string>): InternalKeys {
    return new InternalKeys([...new Set(audiences)].map((a) => [a, deriveInternalKey(secret, a)]));
  }

  /**
   * What one process needs: the keys of the audiences it calls (INTERNAL_CALLS) and, for a
   * subgraph, its own to verify what it receives.
   */
  static forProcess(secret: string, process: string): InternalKeys {
    return InternalKeys.fromSecret(secret, audiencesOf(process));
  }

  /** `audience:base64url[,audience:base64url...]` (INTERNAL_TOKEN_KEYS). */
  static parse(text: string): InternalKeys {
    const entries: [string, Buffer][] = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf(':');
        const key = Buffer.from(part.slice(at + 1), 'base64url');
        if (at <= 0 || key.length !== 32)
          throw new Error('INTERNAL_TOKEN_KEYS: each entry is audience:base64url of 32 bytes');
        return [part.slice(0, at), key];
      });
    return new InternalKeys(entries);
  }

  get audiences(): string[] {
    return [...this.keys.keys()].sort();
  }

  has(audience: string): boolean {
    return this.keys.has(audience);
  }

  /** The key for `audience`; throws InternalTokenError when this process does not hold it. */
  keyFor(audience: string): Buffer {
    const key = this.keys.get(audience);
    if (!key) throw new InternalTokenError(`this process holds no internal token key for ${audience}`);
    return key;
  }

  /** As INTERNAL_TOKEN_KEYS. */
  serialize(): string {
    return this.audiences.map((a) => `${a}:${this.keys.get(a)!.toString('base64url')}`).join(',');
  }
}

/** The audiences a process holds keys for: those it calls, and its own when it is a subgraph. */
export function audiencesOf(process: string): string[] {
  const calls = (INTERNAL_CALLS as Record<string, readonly string[]>)[process];
  if (!calls) throw new Error(`unknown hub process ${process} (INTERNAL_CALLS)`);
  return [...new Set([...(process === 'gateway' ? [] : [process]), ...calls])].sort();
}

/**
 * Keys or, for the gateway and tests, the secret itself (each audience's key derived from it on
 * use, cached).
 */
export type InternalKeySource = InternalKeys | string;

const derived = new Map<string, Buffer>();
function keyOf(source: InternalKeySource, audience: string): Buffer {
  if (typeof source !== 'string') return source.keyFor(audience);
  const cacheKey = `${audience}\u0000${source}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = deriveInternalKey(source, audience);
    derived.set(cacheKey, key);
  }
  return key;
}

export interface InternalClaims {
  principal: Principal;
  /** The hub's own id of the request, made by the gateway (never a client's). */
  requestId: string;
  /** The id the client sent (X-Request-Id, X-Correlation-Id), kept for the audit; decides nothing. */
  correlationId?: string | undefined;
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
  keys: InternalKeySource,
  audience: string,
  claims: InternalClaims,
  bodyHash: string,
): Promise<string> {
  return signInternalTokenSync(keys, audience, claims, bodyHash);
}

/**
 * `signInternalToken` without the promise: the one signer of internal tokens, also for callers that
 * must sign synchronously (the benchmark's direct subgraph requests, built by autocannon).
 */
export function signInternalTokenSync(
  keys: InternalKeySource,
  audience: string,
  claims: InternalClaims,
  bodyHash: string,
): string {
  const p = claims.principal;
  const now = Math.floor(Date.now() / 1000);
  const payload = base64url(
    JSON.stringify({
      roles: p.roles,
      org: p.organisationCode,
      name: p.displayName,
      staff_id: p.staffId,
      rid: claims.requestId,
      ...(claims.correlationId ? { cid: claims.correlationId } : {}),
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
  const signature = createHmac('sha256', keyOf(keys, audience))
    .update(`${HEADER}.${payload}`)
    .digest('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** The verification key of each raw key, imported once (jose would import a raw key on every call). */
const verificationKeys = new WeakMap<Buffer, Promise<CryptoKey>>();
function verificationKey(raw: Buffer): Promise<CryptoKey> {
  let key = verificationKeys.get(raw);
  if (!key) {
    key = crypto.subtle.importKey('raw', new Uint8Array(raw), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    verificationKeys.set(raw, key);
  }
  return key;
}

/**
 * The headers of one internal request: the token for `audience`, bound to this query and these
 * variables, with the request id and purpose beside it. The one way the hub's own processes
 * (either gateway engine, a subgraph calling another) address a subgraph.
 */
export async function internalRequestHeaders(
  keys: InternalKeySource,
  audience: string,
  claims: InternalClaims,
  body: { query?: string | undefined; variables?: unknown },
): Promise<Record<string, string>> {
  const token = await signInternalToken(keys, audience, claims, requestBodyHash(body.query, body.variables));
  return {
    [INTERNAL_TOKEN_HEADER]: token,
    [REQUEST_ID_HEADER]: claims.requestId,
    ...(claims.purpose ? { [PURPOSE_HEADER]: claims.purpose } : {}),
  };
}

export class InternalTokenError extends Error {}

/** Verifies an internal token for `audience` and the request body it arrived with. */
export async function verifyInternalToken(
  keys: InternalKeySource,
  audience: string,
  token: string | undefined,
  bodyHash: string,
): Promise<InternalClaims> {
  if (!token) throw new InternalTokenError('missing internal token');
  const raw = keyOf(keys, audience);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, await verificationKey(raw), {
      algorithms: ['HS256'],
      issuer: INTERNAL_ISSUER,
      audience,
      clockTolerance: 5,
      requiredClaims: ['sub', 'exp', 'iat', 'rid', 'bh'],
      // Issued no longer ago than its lifetime, and not in the future.
      maxTokenAge: LIFETIME_SECONDS,
    }));
  } catch {
    throw new InternalTokenError('invalid internal token');
  }
  // Security: a token never lives longer than the lifetime the hub gives it, whatever its `exp`
  // says (a key holder minting one for a year gets nothing more than a minute).
  if ((payload.exp as number) - (payload.iat as number) > LIFETIME_SECONDS) {
    throw new InternalTokenError('internal token lives longer than its lifetime');
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
    correlationId: str(payload.cid),
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
