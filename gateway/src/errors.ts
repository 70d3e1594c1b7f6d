/**
 * What the gateway lets reach a client. Only the hub's codes and a few extensions pass; anything
 * else (a subgraph's stack trace, SQL, URLs, `serviceName`, raw responses) is replaced by a generic
 * INTERNAL_SERVER_ERROR. GraphQL's own request errors are reported as BAD_USER_INPUT, and no input
 * error echoes the offending value (it may be personal data, e.g. an NHS number).
 */
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, REQUEST_ERROR_CODES, withoutInputValues } from '@reconnect/graph';

const PASS_THROUGH = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR'));
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
    const field = typeof ext.field === 'string' ? ext.field : input.field;
    const extensions: Record<string, unknown> = { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) };
    if (typeof ext.reason === 'string') extensions.reason = ext.reason;
    return { message: input.message, ...base, extensions };
  }
  if (code && PASS_THROUGH.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of ['field', 'reason'] as const)
      if (typeof ext[key] === 'string') extensions[key] = ext[key];
    return { message: withoutApolloPrefix(formatted.message), ...base, extensions };
  }
  return {
    message: 'Internal server error.',
    ...base,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
