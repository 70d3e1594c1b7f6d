/**
 * A loopback round-robin in front of a pair (or more) of processes of one kind, for
 * `pnpm bench --instances N`: an HTTP proxy that sends each request to the next upstream in turn,
 * as a load balancer in front of replicas does. Per request rather than per connection: the
 * gateway and autocannon keep their connections open, and a TCP round-robin would pin each of them
 * to one process for the whole run.
 *
 * A request goes to the next upstream when the one whose turn it was refused the connection (a
 * stopped process): nothing was sent, so nothing can be done twice. Any other failure (a reset
 * after the request was written, an upstream dying mid-answer) is answered 502 and counted as
 * failed, not retried: a submission or a transition may already have been carried out, and only
 * the caller knows whether it is safe to repeat (nginx's `proxy_next_upstream` does the same for
 * non-idempotent requests).
 */
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the round-robin answers with its own figures instead of passing the request on. */
export const ROUND_ROBIN_STATS_PATH = '/__round-robin';

export interface RoundRobinStats {
  /** Requests answered through each upstream, in the order the upstreams were given. */
  answered: number[];
  /** Requests sent on to the next upstream after one refused the connection. */
  retried: number;
  /** Requests answered 502: no upstream took them, or one failed after the request was sent. */
  failed: number;
}

export interface RoundRobin {
  url: string;
  port: number;
  upstreams: string[];
  stats(): RoundRobinStats;
  close(): Promise<void>;
}

/** Headers that belong to one hop and must not be copied. */
const HOP_HEADERS = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'proxy-connection']);

function passed(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_HEADERS.has(key)) out[key] = value;
  }
  return out;
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Nothing reached the upstream: the connection itself was refused. */
function notSent(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
}

/**
 * Listens on `port` (0: any free port) of 127.0.0.1 and passes requests to `upstreams` (base URLs
 * such as `http://127.0.0.1:4101`; the request's path is kept) in turn.
 */
export async function startRoundRobin(upstreams: string[], port = 0): Promise<RoundRobin> {
  if (upstreams.length === 0) throw new Error('a round-robin needs at least one upstream');
  const targets = upstreams.map((u) => new URL(u));
  const agent = new Agent({ keepAlive: true });
  const stats: RoundRobinStats = { answered: upstreams.map(() => 0), retried: 0, failed: 0 };
  let turn = 0;

  const forward = (i: number, req: IncomingMessage, body: Buffer) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const target = targets[i]!;
      const outgoing = httpRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...passed(req.headers), host: target.host, 'content-length': String(body.length) },
        },
        resolve,
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.url === ROUND_ROBIN_STATS_PATH) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ upstreams, ...stats }));
        return;
      }
      const body = await readAll(req);
      const first = turn;
      turn = (turn + 1) % targets.length;
      for (let attempt = 0; attempt < targets.length; attempt += 1) {
        const i = (first + attempt) % targets.length;
        let answer: IncomingMessage;
        try {
          answer = await forward(i, req, body);
        } catch (error) {
          if (notSent(error) && attempt + 1 < targets.length) {
            stats.retried += 1;
            continue;
          }
          throw error;
        }
        res.writeHead(answer.statusCode ?? 502, passed(answer.headers));
        // Counted once the whole answer has passed: a reset mid-answer is a failure, not an answer.
        await new Promise<void>((resolve, reject) => {
          answer.once('error', reject);
          answer.once('aborted', () => reject(new Error('the upstream aborted its answer')));
          answer.pipe(res);
          res.once('finish', resolve);
        });
        stats.answered[i]! += 1;
        return;
      }
    })().catch(() => {
      stats.failed += 1;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end();
    });
  });
  // Keep-alive from the client side longer than autocannon's and undici's, so that neither finds
  // a connection closed under it between two requests.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    upstreams,
    stats: () => ({ ...stats, answered: [...stats.answered] }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
