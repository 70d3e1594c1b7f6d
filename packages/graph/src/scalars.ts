/** `Date` (YYYY-MM-DD, a real calendar date) and `DateTime` (ISO 8601 with offset). */
import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLError } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    y >= 1900 &&
    y <= 2200
  );
}

/** An ISO 8601 timestamp with an offset, as the DateTime scalar takes it. */
export function isIsoDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function badScalar(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw badScalar('Date must be a calendar date written YYYY-MM-DD.');
  }
  return value;
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !isIsoDateTime(value)) {
    throw badScalar('DateTime must be an ISO 8601 timestamp with an offset, e.g. 2026-11-25T09:30:00Z.');
  }
  return new Date(value);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'ISO 8601 calendar date, YYYY-MM-DD (Europe/London).',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badScalar('Date must be a string written YYYY-MM-DD.');
    return parseDate(ast.value);
  },
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO 8601 timestamp with offset, e.g. 2026-11-25T09:30:00Z.',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return parseDateTime(value).toISOString();
    throw new Error('DateTime cannot represent this value');
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badScalar('DateTime must be a string.');
    return parseDateTime(ast.value);
  },
});

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar };
