/**
 * The hub's error codes (contract/AUTH.md, "Errors"). Every error a resolver or service throws is
 * one of these; anything else is reported as INTERNAL_SERVER_ERROR with a message that says
 * nothing about internals.
 */
import { GraphQLError } from 'graphql';

/**
 * GraphQL's and Apollo's codes for a request that could not be run as sent (it did not parse or
 * validate, a variable did not coerce): about the request itself, they name no internals, though
 * their messages may echo a value from it. Subgraphs and the gateway mask everything else.
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INELIGIBLE',
  'INVALID_TRANSITION',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'DOWNSTREAM_SERVICE_ERROR',
  // next/trust.md, "Limits at the gateway": HTTP 429, a caller's requests in flight or an answer's size.
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Extensions of an error that may reach a client (AUTH.md, "Errors", and next/trust.md's
 * `retryAfterSeconds`); everything else is stripped by the gateway (gateway/src/errors.ts).
 */
export const PUBLIC_EXTENSIONS = ['code', 'field', 'reason', 'requestId', 'retryAfterSeconds'] as const;
export type PublicExtension = (typeof PUBLIC_EXTENSIONS)[number];

export function hubError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  hubError('UNAUTHENTICATED', message, { http: { status: 401 } });
export const forbidden = (message = 'You may not read or do this.') => hubError('FORBIDDEN', message);
export const notFound = (what: string) => hubError('NOT_FOUND', `${what} was not found.`);
/** Bad input, naming the input path (e.g. `input.person.nhsNumber`). */
export const badInput = (field: string, message: string) => hubError('BAD_USER_INPUT', message, { field });
export const ineligible = (reason: string, message: string) => hubError('INELIGIBLE', message, { reason });
export const invalidTransition = (message: string) => hubError('INVALID_TRANSITION', message);
export const conflict = (message = 'The record has changed since you read it; read it again and retry.') =>
  hubError('CONFLICT', message);

export function codeOf(error: unknown): string | undefined {
  const code = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isHubError(error: unknown): error is GraphQLError {
  const code = codeOf(error);
  return !!code && (ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL_SERVER_ERROR';
}

/**
 * Messages of the hub's own scalars: they describe the expected format and never the value, so
 * they may follow a coercion error. Kept here (not in scalars.ts) so the gateway, which has no
 * scalar implementations, recognises them in subgraph answers too.
 */
export const SCALAR_MESSAGES: readonly string[] = [
  'Date must be a calendar date written YYYY-MM-DD.',
  'Date must be a string written YYYY-MM-DD.',
  'DateTime must be an ISO 8601 timestamp with an offset, e.g. 2026-11-25T09:30:00Z.',
  'DateTime must be a string.',
];

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const VARIABLE_VALUE = new RegExp(`^Variable "\\$(${NAME})" got invalid value `);
const INPUT_PATH = new RegExp(` at "(${NAME}(?:\\.${NAME}|\\[\\d+\\])*)"$`);
const EXPECTED_LITERAL = /^Expected value of type "([^"]+)", found /;

/** The part of one of GraphQL's input-error reasons that says what is wrong without the value. */
function reasonWithoutValue(reason: string): string | undefined {
  if (SCALAR_MESSAGES.includes(reason)) return reason;
  let m = /^((?:Enum ")?[A-Za-z_][A-Za-z0-9_]*"?) cannot represent ([A-Za-z0-9 -]+?)(?::|\.?$)/.exec(reason);
  if (m) return `${m[1]} cannot represent ${m[2]}.`;
  m =
    /^Field "[A-Za-z_][A-Za-z0-9_.]*" (?:of required type "[^"]+" was not provided|is not defined by type "[A-Za-z_][A-Za-z0-9_]*")\./.exec(
      reason,
    );
  if (m) return m[0];
  m = /^Value .* does not exist in "([A-Za-z_][A-Za-z0-9_]*)" enum\./s.exec(reason);
  if (m) return `The value is not one of the ${m[1]} enum's values.`;
  m = /^Expected type "[^"]+" to be an object\.$/.exec(reason);
  if (m) return m[0];
  // A scalar's parseValue that threw something other than a GraphQLError.
  m = /^Expected type "([A-Za-z_][A-Za-z0-9_]*)"\.(?: (.*))?$/s.exec(reason);
  if (m) {
    const inner = m[2] ? reasonWithoutValue(m[2]) : undefined;
    return `Expected type "${m[1]}".${inner ? ` ${inner}` : ''}`;
  }
  return undefined;
}

/** `message` split at the right-most `; ` whose remainder is a reason GraphQL writes. */
function splitReason(message: string): { head: string; reason: string } | undefined {
  for (let i = message.lastIndexOf('; '); i >= 0; i = i === 0 ? -1 : message.lastIndexOf('; ', i - 1)) {
    const reason = reasonWithoutValue(message.slice(i + 2));
    if (reason) return { head: message.slice(0, i), reason };
  }
  return undefined;
}

/**
 * GraphQL's own input errors echo the offending value: `Variable "$input" got invalid value
 * "943 476 5919" at "input.nhsNumber"; ...`, `Int cannot represent non-integer value: "..."`,
 * `Syntax Error: Unexpected String "..."`. A value may be personal data (AUTH.md: no error
 * carries it), so this keeps the variable, the input path and the kind of problem and drops the
 * value. Messages that echo nothing come back unchanged. `field` is the input path, when known.
 */
export function withoutInputValues(message: string): { message: string; field?: string } {
  const variable = VARIABLE_VALUE.exec(message);
  if (variable) {
    const split = splitReason(message);
    const path = split ? INPUT_PATH.exec(split.head)?.[1] : undefined;
    const field =
      path &&
      (path === variable[1] || path.startsWith(`${variable[1]}.`) || path.startsWith(`${variable[1]}[`))
        ? path
        : variable[1];
    return {
      message: `Variable "$${variable[1]}" has an invalid value${field === variable[1] ? '' : ` at "${field}"`}${split ? `: ${split.reason}` : '.'}`,
      field,
    };
  }
  const literal = EXPECTED_LITERAL.exec(message);
  if (literal) {
    const split = splitReason(message);
    return { message: `Expected value of type "${literal[1]}"${split ? `: ${split.reason}` : '.'}` };
  }
  if (message.startsWith('Syntax Error: ')) {
    // The first line only: a printed error goes on with the source around the location.
    const line = message.split('\n', 1)[0]!;
    return { message: line.replace(/^(Syntax Error: [^":]*?)\s*[":].*$/, '$1.') };
  }
  if (/ cannot represent /.test(message) || /^Value .* does not exist in /s.test(message)) {
    return { message: reasonWithoutValue(message) ?? 'The input has an invalid value.' };
  }
  return { message };
}
