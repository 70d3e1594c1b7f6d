/**
 * The hub's error codes (contract/AUTH.md, "Errors"). Every error a resolver or service throws is
 * one of these; anything else is reported as INTERNAL_SERVER_ERROR with a message that says
 * nothing about internals.
 */
import { GraphQLError } from 'graphql';

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
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Extensions that may reach a client; everything else is stripped by the gateway. */
export const PUBLIC_EXTENSIONS = ['code', 'field', 'reason', 'requestId'] as const;

export function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
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
