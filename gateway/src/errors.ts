/**
 * What the gateway lets reach a client. Only the hub's codes and a few extensions pass; anything
 * else (a subgraph's stack trace, SQL, URLs, `serviceName`, raw responses) is replaced by a generic INTERNAL_SERVER_ERROR. GraphQL's own request errors are
 * reported as BAD_USER_INPUT, without echoing the offending variable values (they may be personal data).
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from '@reconnect/graph';

const PASS_THROUGH = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'));
const REQUEST_ERRORS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

function withoutValues(message: string): string {
  return message.replace(/^(Variable "\$[^"]+") got invalid value .*?;\s*/s, '$1 has an invalid value: ');
}

export function maskGatewayError(formatted: GraphQLFormattedError, _error?: unknown): GraphQLFormattedError {
  const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  const base = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (code && PASS_THROUGH.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of ['field', 'reason'] as const) if (typeof ext[key] === 'string') extensions[key] = ext[key];
    return { message: formatted.message, ...base, extensions };
  }
  if (code && REQUEST_ERRORS.has(code) && !formatted.path) {
    return {
      message: withoutValues(formatted.message),
      ...base,
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  return {
    message: 'Internal server error.',
    ...base,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
