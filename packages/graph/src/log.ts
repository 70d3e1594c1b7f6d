/** Structured logs (pino). Personal data never goes into a log line: ids and codes only. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: { paths: ['req.headers.authorization', '*.authorization', '*.token', '*.secret'], remove: true },
  });
}
