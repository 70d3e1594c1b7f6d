/**
 * What the gateway lets reach a client. Only the hub's codes and the extensions AUTH.md names pass
 * (`PUBLIC_EXTENSIONS`: code, field, reason, retryAfterSeconds, and the request id the gateway adds
 * itself); anything else (a subgraph's stack trace, SQL, URLs, `serviceName`, raw responses) is
 * dropped, and an error without a hub code is replaced by a generic INTERNAL_SERVER_ERROR.
 * GraphQL's own request errors are reported as BAD_USER_INPUT, and no input error echoes the
 * offending value (it may be personal data, e.g. an NHS number). A response carries no top-level
 * extensions at all (`withoutResponseExtensions`).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, REQUEST_ERROR_CODES, withoutInputValues, type PublicExtension } from '@reconnect/graph';

const PASS_THROUGH = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'));

/**
 * The type each public extension must have to pass (the code is checked against the hub's codes,
 * and the request id is the gateway's own, set after masking: a subgraph's is never passed on).
 * Typed by PUBLIC_EXTENSIONS, so a new public extension does not compile until it is listed here.
 */
const EXTENSION_TYPES: Record<Exclude<PublicExtension, 'code' | 'requestId'>, 'string' | 'number'> = {
  field: 'string',
  reason: 'string',
  retryAfterSeconds: 'number',
};

/** The public extensions of `ext` other than the code, each only when it has its type. */
function publicExtensions(ext: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, type] of Object.entries(EXTENSION_TYPES)) {
    const value = ext[key];
    if (typeof value === type && (type !== 'number' || Number.isFinite(value))) out[key] = value;
  }
  return out;
}

/** Apollo prefixes an error thrown while the context is built (token and size checks) with this. */
function withoutApolloPrefix(message: string): string {
  return message.replace(/^Context creation failed: /, '');
}

export function maskGatewayError(formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError {
  const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  const base = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (code === 'BAD_USER_INPUT' || (code && REQUEST_ERROR_CODES.has(code) && !formatted.path)) {
    // BAD_USER_INPUT is both the hub's own code (a service's message, with `field`) and Apollo's
    // code for variable coercion errors, whose message quotes the refused value.
    const input = withoutInputValues(withoutApolloPrefix(formatted.message));
    const { field: _field, ...rest } = publicExtensions(ext);
    const field = typeof ext.field === 'string' ? ext.field : input.field;
    const extensions: Record<string, unknown> = {
      code: 'BAD_USER_INPUT',
      ...(field ? { field } : {}),
      ...rest,
    };
    return { message: input.message, ...base, extensions };
  }
  if (code && PASS_THROUGH.has(code)) {
    const extensions: Record<string, unknown> = { code, ...publicExtensions(ext) };
    return { message: withoutApolloPrefix(formatted.message), ...base, extensions };
  }
  return {
    message: 'Internal server error.',
    ...base,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * A response without its top-level `extensions`: AUTH.md names none a client may see. Security:
 * @apollo/gateway reports the errors of its own value completion there (`valueCompletion`), unmasked:
 * "Cannot return null for non-nullable field Referral.reference." at the path of an entity that the
 * owning subgraph would not resolve for the caller, which tells the caller that a record it may not
 * see exists (a record that does not exist gives no such error). Dropped, the answer is the same
 * `null` either way. `dropped` has what was removed, for the log.
 */
export function withoutResponseExtensions<T extends object>(
  result: T,
): { result: Omit<T, 'extensions'>; dropped?: Record<string, unknown> } {
  const { extensions, ...rest } = result as T & { extensions?: unknown };
  if (extensions === undefined) return { result };
  return { result: rest, dropped: extensions as Record<string, unknown> };
}

const NON_NULL_LEFT_NULL =
  /^Cannot return null for non-nullable field [_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*\.$/;

/**
 * Whether an error is the gateway's own value completion leaving a non-null field null: graphql-js's
 * message, raised while the gateway assembled the answer (a plain Error inside, no code, no subgraph
 * name), not by a subgraph (whose errors the subgraph has already masked and coded). It happens
 * when a subgraph's `_entities` answers null for a record the caller may not see. @apollo/gateway
 * reports these as `extensions.valueCompletion` (dropped by `withoutResponseExtensions`); Hive
 * Gateway reports them as errors, which hive.ts drops by this test so that both engines answer a
 * hidden record exactly as an absent one.
 */
export function isValueCompletionError(error: GraphQLError): boolean {
  const ext = error.extensions ?? {};
  return (
    NON_NULL_LEFT_NULL.test(error.message) &&
    !(error.originalError instanceof GraphQLError) &&
    ext.code === undefined &&
    ext.serviceName === undefined
  );
}
