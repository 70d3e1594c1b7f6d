/**
 * The loopback round-robin of `pnpm bench --instances N`: requests alternate between the
 * upstreams, bodies and statuses pass unchanged, a stopped upstream loses no request (the
 * connection it refuses is tried on the next), and a failure after a request was sent is answered
 * 502 and counted, never retried.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUND_ROBIN_STATS_PATH, startRoundRobin, type RoundRobin } from '../src/round-robin.ts';

interface Upstream {
  url: string;
  seen: string[];
  server: Server;
}

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

/** An upstream that answers with its name and the body it was sent. */
async function upstream(name: string, behaviour: 'answer' | 'reset' = 'answer'): Promise<Upstream> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push(body);
      if (behaviour === 'reset') {
        req.socket.destroy();
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': name });
      res.end(JSON.stringify({ name, path: req.url, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const up = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
  open.push({ close: () => stop(up) });
  return up;
}

function stop(up: Upstream): Promise<void> {
  return new Promise((resolve) => {
    if (!up.server.listening) return resolve();
    up.server.close(() => resolve());
    up.server.closeAllConnections();
  });
}

async function roundRobin(upstreams: Upstream[]): Promise<RoundRobin> {
  const rr = await startRoundRobin(upstreams.map((u) => u.url));
  open.push(rr);
  return rr;
}

async function post(rr: RoundRobin, body: string) {
  const response = await fetch(`${rr.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  return { status: response.status, upstream: response.headers.get('x-upstream'), text };
}

describe('the bench round-robin', () => {
  it('sends requests to its upstreams in turn, passing bodies, paths and statuses unchanged', async () => {
    const a = await upstream('a');
    const b = await upstream('b');
    const rr = await roundRobin([a, b]);
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await post(rr, `{"n":${i}}`));
    expect(answers.map((x) => x.upstream)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(answers.every((x) => x.status === 201)).toBe(true);
    expect(JSON.parse(answers[3]!.text)).toEqual({ name: 'b', path: '/graphql', body: '{"n":3}' });
    expect(a.seen).toEqual(['{"n":0}', '{"n":2}', '{"n":4}']);
    expect(rr.stats()).toEqual({ answered: [3, 3], retried: 0, failed: 0 });
  });

  it('spreads concurrent requests evenly', async () => {
    const a = await upstream('a');
    const b = await upstream('b');
    const rr = await roundRobin([a, b]);
    await Promise.all(Array.from({ length: 40 }, (_, i) => post(rr, `{"n":${i}}`)));
    expect(rr.stats().answered).toEqual([20, 20]);
  });

  it('loses no request when an upstream is stopped: the refused connection goes to the other', async () => {
    const a = await upstream('a');
    const b = await upstream('b');
    const rr = await roundRobin([a, b]);
    await post(rr, '{}');
    await post(rr, '{}');
    await stop(b);
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post(rr, `{"n":${i}}`));
    expect(answers.map((x) => [x.status, x.upstream])).toEqual([
      [201, 'a'],
      [201, 'a'],
      [201, 'a'],
      [201, 'a'],
    ]);
    expect(rr.stats()).toMatchObject({ answered: [5, 1], failed: 0 });
    expect(rr.stats().retried).toBe(2);
  });

  it('answers 502 and counts it when no upstream takes the request', async () => {
    const a = await upstream('a');
    const rr = await roundRobin([a]);
    await stop(a);
    expect((await post(rr, '{}')).status).toBe(502);
    expect(rr.stats()).toEqual({ answered: [0], retried: 0, failed: 1 });
  });

  it('does not retry a request that reached an upstream which then failed: 502, counted', async () => {
    const a = await upstream('a', 'reset');
    const b = await upstream('b');
    const rr = await roundRobin([a, b]);
    expect((await post(rr, '{"submit":1}')).status).toBe(502);
    expect(a.seen).toEqual(['{"submit":1}']);
    expect(b.seen).toEqual([]);
    expect(rr.stats()).toEqual({ answered: [0, 0], retried: 0, failed: 1 });
  });

  it('reports its figures on its own path', async () => {
    const a = await upstream('a');
    const rr = await roundRobin([a]);
    await post(rr, '{}');
    const stats = (await (await fetch(`${rr.url}${ROUND_ROBIN_STATS_PATH}`)).json()) as unknown;
    expect(stats).toEqual({ upstreams: [a.url], answered: [1], retried: 0, failed: 0 });
    expect(a.seen).toHaveLength(1);
  });
});
