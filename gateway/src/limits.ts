/**
 * The query limits of the hub's edge, defined once for both federation engines (gateway.ts with
 * @apollo/gateway, hive.ts with Hive Gateway): the numbers, graphql-armor's configuration (depth,
 * cost, aliases, directives, field suggestions), the object limit (cost.ts), the checks made on a
 * request before its document is parsed (tokens, NUL characters in variables), and the rule by which
 * a request looks like a cross-site request forgery. Every refusal is the caller's BAD_USER_INPUT.
 */
import type { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import {
  GATEWAY_MAX_BODY_BYTES,
  GATEWAY_MAX_IN_FLIGHT_PER_CALLER,
  GATEWAY_MAX_RESPONSE_BYTES,
} from '@reconnect/config';
import { answerTooLargeMessage, hubError } from '@reconnect/graph';
import { LIST_BOUNDS, boundSize, type DirectoryCounts } from './bounds.ts';
import { objectLimitRule } from './cost.ts';

export interface GatewayLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxBodyBytes: number;
  /** Objects one operation may be estimated to return, lists multiplied (see cost.ts). */
  maxObjects: number;
  /** GATEWAY_MAX_IN_FLIGHT_PER_CALLER: requests one token subject may have in flight at once. */
  maxInFlightPerCaller: number;
  /** GATEWAY_MAX_RESPONSE_BYTES: the largest answer, and the most one request may read from subgraphs. */
  maxResponseBytes: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 4_000,
  maxObjects: 50_000,
  maxBodyBytes: GATEWAY_MAX_BODY_BYTES,
  maxInFlightPerCaller: GATEWAY_MAX_IN_FLIGHT_PER_CALLER,
  maxResponseBytes: GATEWAY_MAX_RESPONSE_BYTES,
};

export type Environment = 'development' | 'test' | 'production';

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/** An armor limit that is exceeded: a validation error of the caller's, never a thrown one. */
function refuse(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } }));
}

/**
 * graphql-armor's configuration, for `ApolloArmor` and `EnvelopArmor` alike. Each limit reports
 * its refusal to the validation context as BAD_USER_INPUT (what ApolloArmor does by default;
 * EnvelopArmor would otherwise throw a code-less error). The token limit is not armor's: armor
 * checks it while parsing, where Apollo answers a throw with HTTP 500, so `checkRequest` does.
 */
export function armorConfig(limits: GatewayLimits, environment: Environment): ArmorConfig {
  const reported = { propagateOnRejection: false, onReject: [refuse] };
  return {
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...reported },
    costLimit: { maxCost: limits.maxCost, ...reported },
    maxAliases: { n: limits.maxAliases, ...reported },
    maxDirectives: { n: limits.maxDirectives, ...reported },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: environment !== 'development' },
  };
}

/**
 * The object limit (cost.ts) at the hub's page sizes (at most 100), every unpaged list sized by its
 * bound (bounds.ts) with the directory's row counts as `counts` holds them at the time of the request.
 */
export function objectLimit(limits: GatewayLimits, counts: DirectoryCounts): ValidationRule {
  return (context) =>
    objectLimitRule({
      maxObjects: limits.maxObjects,
      maxPageSize: 100,
      listBound: (type, field) => {
        const key = `${type}.${field}`;
        return boundSize(LIST_BOUNDS[key], counts, context.getSchema(), key);
      },
    })(context);
}

/** How long a caller refused for having too many requests in flight is asked to wait. */
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

/**
 * Requests in flight by caller (the token's subject). `acquire` takes a slot or throws RATE_LIMITED
 * (HTTP 429, `retryAfterSeconds`); the function it returns gives the slot back, once however often
 * it is called: the engines call it when the HTTP response closes, which it does on every path
 * (answered, refused, failed, or the client gone).
 */
export class InFlight {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  acquire(subject: string): () => void {
    const now = this.counts.get(subject) ?? 0;
    if (now >= this.max) throw tooManyInFlight(this.max);
    this.counts.set(subject, now + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(subject) ?? 1) - 1;
      if (left <= 0) this.counts.delete(subject);
      else this.counts.set(subject, left);
    };
  }
}

/** RATE_LIMITED for a caller at its in-flight cap (next/trust.md, "Limits at the gateway"). */
export function tooManyInFlight(max: number) {
  return hubError(
    'RATE_LIMITED',
    `You already have ${max} requests in flight; wait for one to finish before sending another.`,
    {
      retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS,
      http: { status: 429, headers: new Map([['retry-after', String(IN_FLIGHT_RETRY_AFTER_SECONDS)]]) },
    },
  );
}

/** RATE_LIMITED for an answer over the size cap (retrying does not help: no retryAfterSeconds). */
export function answerTooLarge(max: number) {
  return hubError('RATE_LIMITED', answerTooLargeMessage(max), { http: { status: 429 } });
}

/** Whether `source` has more than `max` tokens; a lexical error is left to the parser to report. */
function hasMoreTokensThan(source: string, max: number): boolean {
  const lexer = new Lexer(new Source(source));
  try {
    let count = 0;
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      count += 1;
      if (count > max) return true;
    }
  } catch {
    return false;
  }
  return false;
}

/** Whether a JSON value holds a string with a NUL character anywhere (keys included). */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  }
  return false;
}

/**
 * The checks made on a request once its caller is known and before its document is parsed; throws
 * BAD_USER_INPUT with HTTP 400. `body` is the parsed JSON body of a POST (undefined for a GET),
 * `url` the request's URL, whose `query` parameter is the document of a GET.
 */
export function checkRequest(body: unknown, url: string, limits: GatewayLimits): void {
  // Parsing cost grows with the document: refuse a long one before it is parsed.
  const query = (body as { query?: unknown } | undefined)?.query;
  const source =
    typeof query === 'string'
      ? query
      : (new URL(url, 'http://localhost').searchParams.get('query') ?? undefined);
  if (source !== undefined && hasMoreTokensThan(source, limits.maxTokens)) {
    throw hubError('BAD_USER_INPUT', `The query has more than ${limits.maxTokens} tokens.`, {
      http: { status: 400 },
    });
  }
  // PostgreSQL cannot store a NUL character in text: a variable carrying one would fail deep in a
  // subgraph's write as an internal error. Refuse it here as the caller's error.
  if (containsNul((body as { variables?: unknown } | undefined)?.variables)) {
    throw hubError('BAD_USER_INPUT', 'A variable contains a NUL character.', { http: { status: 400 } });
  }
}

/** The headers of which one, not empty, shows a request was preflighted (Apollo Server's own). */
export const CSRF_PREVENTION_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const NON_PREFLIGHTED_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];

/**
 * Apollo Server's CSRF prevention rule (`csrfPrevention: true`), for the engine that lacks it: a
 * request a browser would send cross-site without a preflight (no content type, or one of the
 * "simple" ones) is refused unless it carries one of CSRF_PREVENTION_HEADERS.
 */
export function looksLikeCsrf(contentType: string | null, header: (name: string) => string | null): boolean {
  if (contentType !== null) {
    const essence = contentType.split(';')[0]!.trim().toLowerCase();
    // A content type that is no MIME type at all is not one a browser sends without a preflight.
    if (!/^[^\s/]+\/[^\s/]+$/.test(essence)) return false;
    if (!NON_PREFLIGHTED_CONTENT_TYPES.includes(essence)) return false;
  }
  return !CSRF_PREVENTION_HEADERS.some((name) => (header(name) ?? '').length > 0);
}

/** Apollo Server's message for a refused CSRF suspect, so that both engines say the same. */
export const CSRF_MESSAGE =
  `This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either ` +
  `specify a 'content-type' header (with a type that is not one of ${NON_PREFLIGHTED_CONTENT_TYPES.join(', ')}) ` +
  `or provide a non-empty value for one of the following headers: ${CSRF_PREVENTION_HEADERS.join(', ')}\n`;

/** A subgraph's answers to one request went past GATEWAY_MAX_RESPONSE_BYTES. */
export class AnswerTooLarge extends Error {
  constructor() {
    super('the subgraph answers to one request are larger than the answer-size cap');
  }
}

/** What one request may still read from subgraphs, in bytes, and whether it has read past it. */
export interface ByteBudget {
  left: number;
  exceeded: boolean;
}

export function byteBudget(limits: GatewayLimits): ByteBudget {
  return { left: limits.maxResponseBytes, exceeded: false };
}

/**
 * A subgraph's answer body as text, read chunk by chunk against the request's `budget`: past it,
 * the read stops, the stream is cancelled (the gateway never holds more than the cap of one
 * request's subgraph answers) and AnswerTooLarge is thrown.
 */
export async function textWithin(response: Response, budget: ByteBudget): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    budget.left -= value.byteLength;
    if (budget.left < 0) {
      budget.exceeded = true;
      await reader.cancel().catch(() => {});
      throw new AnswerTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
