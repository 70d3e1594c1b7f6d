/**
 * One timed run of one variant: autocannon keeps a fixed number of connections busy on loopback for
 * a fixed time. Latencies are taken from autocannon's per-response event as floats (its own
 * histogram keeps whole milliseconds, too coarse for fetches of one or two). A 2xx answer without
 * data, or with errors, counts as a mismatch: the run is then not to be trusted.
 */
import autocannon from 'autocannon';
import { bodyIsAnswer } from './counts.ts';
import { summarise, type LatencySummary } from './stats.ts';

export interface HttpRequest {
  headers: Record<string, string>;
  body: string;
}

export interface HttpTarget {
  url: string;
  /** Builds each request: a fixed one, or a fresh one each time (tokens, unique submissions). */
  request: () => HttpRequest;
  /** Whether `request` must be called for every request (false: the first is sent every time). */
  dynamic: boolean;
}

export interface LoadResult extends LatencySummary {
  seconds: number;
  /** Completed 2xx requests per second. */
  rps: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

export interface LoadSettings {
  connections: number;
  seconds: number;
}

export function runHttpLoad(target: HttpTarget, settings: LoadSettings): Promise<LoadResult> {
  const latencies: number[] = [];
  const first = target.request();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        connections: settings.connections,
        duration: settings.seconds,
        timeout: 60,
        headers: first.headers,
        body: first.body,
        ...(target.dynamic
          ? {
              requests: [
                {
                  method: 'POST' as const,
                  setupRequest: (request: autocannon.Request) => ({ ...request, ...target.request() }),
                },
              ],
            }
          : {}),
        verifyBody: (body) => bodyIsAnswer(String(body)),
      },
      (error: unknown, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        resolve({
          ...summarise(latencies),
          seconds: result.duration,
          rps: latencies.length / result.duration,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

/** The same measurement for an in-process call (the floor's SQL): `concurrency` loops for `seconds`. */
export async function runCallLoad(call: () => Promise<unknown>, settings: LoadSettings): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + settings.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await call();
        latencies.push(performance.now() - t0);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: settings.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    ...summarise(latencies),
    seconds,
    rps: latencies.length / seconds,
    errors,
    timeouts: 0,
    non2xx: 0,
    mismatches: 0,
  };
}
