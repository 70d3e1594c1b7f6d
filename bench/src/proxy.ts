/**
 * A recording HTTP proxy in front of one subgraph: it passes every request through unchanged and
 * records which subgraph was asked what, by whom (the `caller` claim of the internal token: the
 * gateway or a subgraph calling on the caller's behalf) and when it started and ended. The
 * benchmark counts subgraph requests per operation with it and learns the fetches of each query
 * plan, and their order, to replay them directly. Used only while counting, never while timing.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INTERNAL_TOKEN_HEADER } from '../../packages/auth/src/index.ts';

export interface RecordedFetch {
  subgraph: string;
  /** `gateway`, or the name of the subgraph that made the call. */
  caller: string;
  query: string;
  variables: Record<string, unknown>;
  status: number;
  /** performance.now() when the request arrived and when the subgraph's answer was complete. */
  startedAt: number;
  endedAt: number;
}

/** Everything the proxies of one hub saw, in arrival order. */
export class FetchRecorder {
  fetches: RecordedFetch[] = [];

  /** Runs `fn` and returns the fetches made while it ran. */
  async during<T>(fn: () => Promise<T>): Promise<{ result: T; fetches: RecordedFetch[] }> {
    const from = this.fetches.length;
    const result = await fn();
    return { result, fetches: this.fetches.slice(from) };
  }
}

function callerOf(token: string | string[] | undefined): string {
  if (typeof token !== 'string') return 'unknown';
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      caller?: string;
    };
    return payload.caller ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Headers that belong to one hop and must not be copied. */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

export interface RecordingProxy {
  url: string;
  close(): Promise<void>;
}

export async function startRecordingProxy(
  subgraph: string,
  target: string,
  recorder: FetchRecorder,
): Promise<RecordingProxy> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const startedAt = performance.now();
      const body = await readAll(req);
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !HOP_HEADERS.has(key)) headers[key] = value;
      }
      const answer = await fetch(target, {
        method: req.method ?? 'POST',
        headers,
        ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
      });
      const text = await answer.text();
      const endedAt = performance.now();
      if (req.method === 'POST') {
        let parsed: { query?: string; variables?: Record<string, unknown> } = {};
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          // Recorded with an empty query: the subgraph refused it anyway.
        }
        recorder.fetches.push({
          subgraph,
          caller: callerOf(req.headers[INTERNAL_TOKEN_HEADER]),
          query: parsed.query ?? '',
          variables: parsed.variables ?? {},
          status: answer.status,
          startedAt,
          endedAt,
        });
      }
      res.writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      });
      res.end(text);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
