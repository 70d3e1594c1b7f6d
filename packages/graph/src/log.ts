/** Structured logs (pino). Personal data never goes into a log line: ids and codes only. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** `destination` defaults to stdout as JSON lines; `pnpm start` passes pino-pretty in development. */
export function createLogger(level: string, name: string, destination?: DestinationStream): Logger {
  const options = {
    name,
    level,
    redact: { paths: ['req.headers.authorization', '*.authorization', '*.token', '*.secret'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * What of an unexpected error goes into a log line. A failed query's message and stack carry its
 * parameters (drizzle: `Failed query: ... params: 943...`), and a parameter may be personal data:
 * for those the log gets the SQL, the database's error code and the frames, never the values.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!error || typeof error !== 'object') return { message: String(error) };
  const e = error as {
    name?: unknown;
    message?: unknown;
    stack?: unknown;
    query?: unknown;
    params?: unknown;
    cause?: unknown;
  };
  const frames =
    typeof e.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .join('\n')
      : undefined;
  if (typeof e.query === 'string' && 'params' in e) {
    const cause = (e.cause ?? {}) as Record<string, unknown>;
    // PGlite names them `table`, `constraint`...; postgres.js `table_name`, `constraint_name`...
    const fact = (key: string) =>
      [cause[key], cause[`${key}_name`]].find((v): v is string => typeof v === 'string');
    return {
      type: 'DrizzleQueryError',
      query: e.query,
      parameters: Array.isArray(e.params) ? e.params.length : undefined,
      code: fact('code'),
      routine: fact('routine'),
      schema: fact('schema'),
      table: fact('table'),
      column: fact('column'),
      constraint: fact('constraint'),
      stack: frames,
    };
  }
  return {
    type: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : undefined,
    stack: frames,
  };
}
