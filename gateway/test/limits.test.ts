/**
 * Limits that hold (issue 24 item 5; next/trust.md, "Limits at the gateway"), in both engines over
 * the subgraphs of one test hub, through counting proxies:
 *  - the object estimate sizes directory lists by the rows the directory holds (counted at start),
 *    so the nineteen-alias `localAuthorities` query, once estimated at 49,400 objects and answered
 *    with 17.5 MB, is refused before any subgraph is asked, twelve at once, while another caller's
 *    caseload and /health answer;
 *  - a caller has at most GATEWAY_MAX_IN_FLIGHT_PER_CALLER requests in flight (RATE_LIMITED, 429,
 *    retryAfterSeconds), others are not held up by it, and its slots come back on every path
 *    (answered, subgraph failed, client gone);
 *  - an answer past GATEWAY_MAX_RESPONSE_BYTES is RATE_LIMITED (429), and the gateway stops
 *    reading a subgraph's answer at the cap instead of buffering it;
 *  - Date and DateTime are checked at the gateway, inline and in variables: BAD_USER_INPUT with the
 *    input path, and no subgraph request at all.
 * Nothing here is timed: tests count requests and answers, and wait for conditions.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '@reconnect/auth';
import { createLogger } from '@reconnect/graph';
import { TEST_AUDIENCE, TEST_ISSUER, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { SUPERGRAPH_FILE, createGateway, type GatewayLimits, type GatewayOptions } from '../src/index.ts';
import { createHiveGateway } from '../src/hive.ts';
import { hivePlanner } from './hive-planner.ts';
import { startProxies, type SubgraphProxies } from './subgraph-proxies.ts';

type Engine = 'apollo' | 'hive';
const ENGINES: Engine[] = ['apollo', 'hive'];

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
}

let hub: TestHub;
let proxies: SubgraphProxies;
let options: GatewayOptions;
const urls = {} as Record<Engine, string>;
const stops: (() => Promise<void>)[] = [];
const tokens: Record<string, string> = {};

async function startEngine(engine: Engine, o: GatewayOptions): Promise<string> {
  const gateway =
    engine === 'apollo' ? createGateway(o) : createHiveGateway({ ...o, planner: hivePlanner.current });
  const { url } = await gateway.listen(0, '127.0.0.1');
  stops.push(() => gateway.stop());
  return url;
}

beforeAll(async () => {
  hub = await startTestHub();
  proxies = await startProxies(hub.subgraphUrls);
  options = {
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: proxies.urls,
    verify: createJwtVerifier({ jwks: hub.jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    internalSecret: hub.internalSecret,
    logger: createLogger('silent', 'limits-test'),
    environment: 'test',
    subgraphTimeoutMs: 10_000,
  };
  for (const engine of ENGINES) urls[engine] = await startEngine(engine, options);
  tokens.flooder = await hub.token('COMMISSIONER', { sub: 'flooder' });
  tokens.staff = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker' });
  tokens.other = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-colleague' });
  tokens.commissioner = await hub.token('COMMISSIONER', { sub: 'commissioner' });
}, 120_000);

afterAll(async () => {
  for (const stop of stops) await stop();
  await proxies?.close();
  await hub?.stop();
});

async function post(
  url: string,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    ...(signal ? { signal } : {}),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

const subgraphRequests = () => Object.values(proxies.counts).reduce((sum, n) => sum + n, 0);

/** Waits for `condition` (checked every few milliseconds); the test's own timeout bounds it. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The attack: nineteen aliases of local authorities → receiving service → local authorities. */
const FLOOD = `{ ${Array.from(
  { length: 19 },
  (_, i) => `a${i}: localAuthorities { receivingService { localAuthorities { code name region } } }`,
).join(' ')} }`;
const CASELOAD = '{ referrals(first: 20) { totalCount nodes { id reference status } } }';
const DIRECTORY = '{ localAuthorities { code } }';

describe.each(ENGINES)('%s: the flood', (engine) => {
  it('twelve nineteen-alias queries at once are refused by the estimate, reaching no subgraph, while another caller and /health are answered', async () => {
    proxies.reset();
    const floods = Array.from({ length: 12 }, () => post(urls[engine], tokens.flooder!, FLOOD));
    const caseload = post(urls[engine], tokens.staff!, CASELOAD);
    const health = fetch(new URL('/health', urls[engine]));
    const answers = await Promise.all(floods);
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.body.errors?.[0]?.message).toMatch(/estimated cost is over the limit/);
    }
    const others = await caseload;
    expect(others.status).toBe(200);
    expect(others.body.errors).toBeUndefined();
    expect(typeof (others.body.data?.referrals as { totalCount: number }).totalCount).toBe('number');
    expect((await health).status).toBe(200);
    // Only the caseload reached the subgraphs: the floods reached none.
    const afterCaseload = subgraphRequests();
    proxies.reset();
    await post(urls[engine], tokens.staff!, CASELOAD);
    expect(afterCaseload).toBe(subgraphRequests());
  });

  it('the directory list in the flood is sized by the rows it holds: one level answers, two levels nested do not', async () => {
    const one = await post(urls[engine], tokens.flooder!, '{ localAuthorities { code } }');
    expect(one.status).toBe(200);
    expect((one.body.data?.localAuthorities as unknown[]).length).toBeGreaterThan(200);
    const nested = await post(
      urls[engine],
      tokens.flooder!,
      '{ localAuthorities { receivingService { localAuthorities { code } } } }',
    );
    expect(nested.status).toBe(400);
    expect(nested.body.errors?.[0]?.message).toMatch(/estimated cost is over the limit/);
  });
});

describe.each(ENGINES)('%s: requests in flight per caller', (engine) => {
  it('a ninth request of one caller is RATE_LIMITED (429, retryAfterSeconds) while others are served; slots come back when answered', async () => {
    proxies.reset();
    proxies.mode['regional-service'] = 'hold';
    try {
      const sent = Array.from({ length: 12 }, () => post(urls[engine], tokens.flooder!, DIRECTORY));
      const settled: Answer[] = [];
      for (const p of sent) void p.then((a) => settled.push(a));
      await until(() => proxies.held === 8 && settled.length === 4);
      for (const refused of settled) {
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('1');
        expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
        expect(refused.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(1);
        expect(typeof refused.body.errors?.[0]?.extensions?.requestId).toBe('string');
      }
      // Another caller is not held up by the flooder's cap, and /health answers.
      const other = post(urls[engine], tokens.other!, DIRECTORY);
      await until(() => proxies.held === 9);
      expect((await fetch(new URL('/health', urls[engine]))).status).toBe(200);
      proxies.releaseHeld();
      const served = await Promise.all(sent);
      expect(served.filter((a) => a.status === 200)).toHaveLength(8);
      expect(served.filter((a) => a.status === 429)).toHaveLength(4);
      expect((await other).status).toBe(200);
      // Counted as the caller's outcome, not as OTHER (which the server-errors alert counts).
      const metrics = await (await fetch(new URL('/metrics', urls[engine]))).text();
      expect(metrics).toMatch(
        /reconnect_request_duration_seconds_count\{[^}]*outcome="RATE_LIMITED"[^}]*\} [1-9]/,
      );
    } finally {
      proxies.mode['regional-service'] = 'forward';
      proxies.releaseHeld();
    }
    // Every slot came back: eight more at once are all served.
    const again = await Promise.all(
      Array.from({ length: 8 }, () => post(urls[engine], tokens.flooder!, DIRECTORY)),
    );
    expect(again.map((a) => a.status)).toEqual(Array(8).fill(200));
  });

  it('slots come back when the subgraph fails and when the client goes away', async () => {
    proxies.mode['regional-service'] = 'fail';
    try {
      const failed = await Promise.all(
        Array.from({ length: 8 }, () => post(urls[engine], tokens.flooder!, DIRECTORY)),
      );
      for (const answer of failed) {
        expect(answer.body.errors?.[0]?.extensions?.code).toBe('DOWNSTREAM_SERVICE_ERROR');
      }
    } finally {
      proxies.mode['regional-service'] = 'forward';
    }
    proxies.reset();
    proxies.mode['regional-service'] = 'hold';
    const abort = new AbortController();
    try {
      const gone = Array.from({ length: 8 }, () =>
        post(urls[engine], tokens.flooder!, DIRECTORY, undefined, abort.signal).catch(() => 'aborted'),
      );
      await until(() => proxies.held === 8);
      abort.abort();
      expect(await Promise.all(gone)).toEqual(Array(8).fill('aborted'));
    } finally {
      proxies.mode['regional-service'] = 'forward';
      proxies.releaseHeld();
    }
    // The gateway notices the closed connections; then the caller has all eight slots again (a
    // slot that leaked would keep this loop going until the test's timeout fails it).
    let statuses: number[] = [];
    for (;;) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => post(urls[engine], tokens.flooder!, DIRECTORY)),
      );
      statuses = answers.map((a) => a.status);
      if (statuses.every((s) => s === 200)) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statuses).toEqual(Array(8).fill(200));
  });
});

describe.each(ENGINES)('%s: Date and DateTime at the gateway', (engine) => {
  const expectRefused = (answer: Answer, field: string) => {
    expect(answer.status).toBe(400);
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.body.errors).toHaveLength(1);
    const [error] = answer.body.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error!.extensions?.field).toBe(field);
    expect(error!.message).toMatch(/Date must be a calendar date written YYYY-MM-DD\./);
    expect(error!.message).not.toContain('2027-02-30');
  };

  it('an impossible date written inline is BAD_USER_INPUT at its argument, and no subgraph is asked', async () => {
    proxies.reset();
    const answer = await post(
      urls[engine],
      tokens.commissioner!,
      '{ serviceMetrics(from: "2027-02-30", to: "2027-03-31") { referralsReceived } }',
    );
    expectRefused(answer, 'from');
    expect(subgraphRequests()).toBe(0);
  });

  it('inside an input object, at its input path, and no subgraph is asked', async () => {
    proxies.reset();
    const answer = await post(
      urls[engine],
      tokens.staff!,
      `mutation { submitReferral(idempotencyKey: "k-limits", input: {
         source: PROBATION, reasonForReferral: "r",
         referrer: { name: "Pat", organisationName: "Probation" },
         person: { givenName: "A", familyName: "B", dateOfBirth: "1990-02-30" },
         custody: { type: PRISON, establishmentCode: "MRI" },
         identifiedNeeds: [] }) { referral { id } } }`,
    );
    expectRefused(answer, 'input.person.dateOfBirth');
    expect(subgraphRequests()).toBe(0);
  });

  it('in a variable, at the variable, and no subgraph is asked', async () => {
    proxies.reset();
    const answer = await post(
      urls[engine],
      tokens.commissioner!,
      'query ($from: Date!, $to: Date!) { serviceMetrics(from: $from, to: $to) { referralsReceived } }',
      { from: '2027-02-30', to: '2027-03-31' },
    );
    expectRefused(answer, 'from');
    expect(subgraphRequests()).toBe(0);
  });

  it("in a variable's default value, sent without a value, and no subgraph is asked", async () => {
    proxies.reset();
    const answer = await post(
      urls[engine],
      tokens.commissioner!,
      'query ($from: Date = "2027-02-30") { serviceMetrics(from: $from, to: "2027-03-31") { referralsReceived } }',
    );
    expectRefused(answer, 'from');
    expect(subgraphRequests()).toBe(0);
  });

  it('a real date inline still reaches the subgraph and answers', async () => {
    proxies.reset();
    const answer = await post(
      urls[engine],
      tokens.commissioner!,
      '{ serviceMetrics(from: "2026-01-01", to: "2026-03-31") { referralsReceived } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(subgraphRequests()).toBeGreaterThan(0);
  });
});

describe.each(ENGINES)('%s: the answer-size cap', (engine) => {
  const small: Partial<GatewayLimits> = { maxResponseBytes: 8 * 1024 };
  let url: string;
  let stub: Server;
  let stubUrl: string;
  let stubSent = 0;
  let stubFinished = false;
  const STUB_TOTAL = 64 * 1024 * 1024;

  beforeAll(async () => {
    url = await startEngine(engine, { ...options, limits: small });
    // A regional-service that answers local authorities with an endless (64 MB) list, counting what it wrote.
    stub = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        res.writeHead(200, { 'content-type': 'application/json' });
        if (body.includes('DirectoryCounts')) {
          return void res.end(JSON.stringify({ data: {} })); // counted as none
        }
        stubSent = 0;
        stubFinished = false;
        const item = Buffer.from(`{"code":"E0600000${'1'.repeat(1)}","__typename":"LocalAuthority"},`);
        res.write('{"data":{"localAuthorities":[');
        const pump = () => {
          while (stubSent < STUB_TOTAL) {
            stubSent += item.length;
            if (!res.write(item)) return void res.once('drain', pump);
          }
          stubFinished = true;
          res.end('{"code":"x","__typename":"LocalAuthority"}]}}');
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    stub.closeAllConnections();
    await new Promise<void>((resolve) => stub.close(() => resolve()));
  });

  it('an answer larger than GATEWAY_MAX_RESPONSE_BYTES is RATE_LIMITED (429) without retryAfterSeconds; a small one is served', async () => {
    const big = await post(url, tokens.flooder!, '{ localAuthorities { code name region } }');
    expect(big.status).toBe(429);
    expect(big.body.data ?? undefined).toBeUndefined();
    expect(big.body.errors).toHaveLength(1);
    expect(big.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(big.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeUndefined();
    expect(big.body.errors?.[0]?.message).toMatch(/larger than 8192 bytes/);
    const fine = await post(url, tokens.flooder!, '{ reconnectServices { code } }');
    expect(fine.status).toBe(200);
    expect(fine.body.errors).toBeUndefined();
  });

  it('stops reading a subgraph answer at the cap instead of buffering all of it', async () => {
    const capped = await startEngine(engine, {
      ...options,
      limits: small,
      subgraphUrls: { ...options.subgraphUrls, 'regional-service': stubUrl },
    });
    const answer = await post(capped, tokens.flooder!, '{ localAuthorities { code } }');
    expect(answer.status).toBe(429);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // The stub could not write its 64 MB: the gateway cancelled the read at 8 KB.
    await until(() => stubSent > 0);
    expect(stubFinished).toBe(false);
    expect(stubSent).toBeLessThan(STUB_TOTAL);
  });
});
