/**
 * The query limits of the hub's edge, defined once for both federation engines (gateway.ts with
 * @apollo/gateway, hive.ts with Hive Gateway): the numbers, graphql-armor's configuration (depth,
 * cost, aliases, directives, field suggestions), the object limit (cost.ts), the checks made on a
 * request before its document is parsed (tokens, NUL characters in variables), and the rule by which
 * a request looks like a cross-site request forgery. Every refusal is the caller's BAD_USER_INPUT.
 */
import type { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Lexer, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import { GATEWAY_MAX_BODY_BYTES } from '@reconnect/config';
import { hubError } from '@reconnect/graph';
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
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 12,
  maxCost: 20_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 4_000,
  maxObjects: 50_000,
  maxBodyBytes: GATEWAY_MAX_BODY_BYTES,
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

/** The object limit (cost.ts) at the hub's page sizes: 50 for a list without `first`, at most 100. */
export function objectLimit(limits: GatewayLimits): ValidationRule {
  return objectLimitRule({ maxObjects: limits.maxObjects, defaultListSize: 50, maxPageSize: 100 });
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
