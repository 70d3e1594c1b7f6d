/**
 * A webhook receiver on loopback for tests: records every request (headers and raw body), answers
 * with a status the test sets, and de-duplicates by event id as a real receiver must.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EventBody } from '../src/types.ts';

export interface Received {
  /** The request's path: tests give each subscription its own. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  event: EventBody;
}

export interface Receiver {
  /** Base URL, without a path. */
  url: string;
  port: number;
  /** Every request, re-sends included. */
  received: Received[];
  /** The answer's status from now on. */
  status: number;
  /** What a de-duplicating receiver keeps: the first request of each event id. */
  unique(): Received[];
  /** Resolves when `n` requests have arrived. */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Serve https with this key and certificate (PEM), and name the URL by `host` (the certificate's). */
  tls?: { key: string; cert: string; host: string };
  /** The address to listen on (default 127.0.0.1). */
  listenOn?: string;
}

export async function startReceiver(port = 0, options: ReceiverOptions = {}): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const receiver = {} as Receiver;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body,
        event: JSON.parse(body) as EventBody,
      });
      for (const w of waiters.filter((x) => received.length >= x.n)) w.resolve();
      res.statusCode = receiver.status;
      res.end(receiver.status >= 400 ? 'error page with <b>html</b>' : 'ok');
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handler)
    : createServer(handler);
  await new Promise<void>((resolve) => server.listen(port, options.listenOn ?? '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  Object.assign(receiver, {
    url: options.tls ? `https://${options.tls.host}:${actual}` : `http://127.0.0.1:${actual}`,
    port: actual,
    received,
    status: 200,
    unique() {
      const seen = new Set<string>();
      return received.filter((r) => {
        const id = String(r.headers['x-reconnect-event-id']);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    },
    waitFor(n: number) {
      if (received.length >= n) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ n, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return receiver;
}
