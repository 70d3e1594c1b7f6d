/**
 * A counting HTTP proxy in front of each subgraph of a test hub (real HTTP, one listener a
 * subgraph), for tests that put a gateway of their own in front of the subgraphs: how many requests
 * each subgraph was sent and with which headers, and subgraphs that hold or fail their answers.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a proxied subgraph does with a request: pass it on, hold it unanswered, or answer 502. */
export type Mode = 'forward' | 'hold' | 'fail';

export interface SubgraphProxies {
  urls: Record<string, string>;
  counts: Record<string, number>;
  /** The headers of every request since the last reset, by subgraph. */
  headers: Record<string, IncomingHttpHeaders[]>;
  mode: Record<string, Mode>;
  /** Requests held unanswered now (mode `hold`). */
  readonly held: number;
  /** Passes every held request on to its subgraph, as if it had never been held. */
  releaseHeld(): void;
  reset(): void;
  close(): Promise<void>;
}

/** One counting HTTP proxy in front of each subgraph. */
export async function startProxies(targets: Record<string, string>): Promise<SubgraphProxies> {
  const counts: Record<string, number> = {};
  const headers: Record<string, IncomingHttpHeaders[]> = {};
  const mode: Record<string, Mode> = {};
  const urls: Record<string, string> = {};
  const servers: Server[] = [];
  const held: { res: ServerResponse; forward: () => void }[] = [];
  for (const [name, target] of Object.entries(targets)) {
    mode[name] = 'forward';
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        counts[name] = (counts[name] ?? 0) + 1;
        (headers[name] ??= []).push(req.headers);
        const forward = () => {
          const forwarded = Object.fromEntries(
            Object.entries(req.headers).filter(
              ([key]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(key),
            ),
          ) as Record<string, string>;
          fetch(target, { method: req.method ?? 'POST', headers: forwarded, body: Buffer.concat(chunks) })
            .then(async (answer) => {
              const body = Buffer.from(await answer.arrayBuffer());
              res.writeHead(answer.status, {
                'content-type': answer.headers.get('content-type') ?? 'text/plain',
              });
              res.end(body);
            })
            .catch(() => {
              if (!res.headersSent && !res.destroyed) res.writeHead(502).end();
            });
        };
        if (mode[name] === 'hold') return void held.push({ res, forward });
        if (mode[name] === 'fail') return void res.writeHead(502).end('bad gateway');
        forward();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    counts,
    headers,
    mode,
    get held() {
      return held.length;
    },
    releaseHeld() {
      for (const { forward } of held.splice(0)) forward();
    },
    reset() {
      for (const name of Object.keys(targets)) {
        counts[name] = 0;
        headers[name] = [];
      }
    },
    async close() {
      for (const { res } of held.splice(0)) res.destroy();
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
