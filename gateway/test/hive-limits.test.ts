/**
 * The query limits and request refusals of Hive Gateway (src/hive.ts), each beside the Apollo
 * gateway's (src/gateway.ts, whose own tests are gateway.test.ts and cost.test.ts): both engines
 * over the same subgraphs of one test hub, through counting proxies. Every over-limit request must
 * get the same HTTP status, error codes and message from Hive as from Apollo, with the request id,
 * and must reach no subgraph at all, in either engine.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '@reconnect/auth';
import { createLogger } from '@reconnect/graph';
import { TEST_AUDIENCE, TEST_ISSUER, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { SUPERGRAPH_FILE, createGateway, type GatewayOptions } from '../src/index.ts';
import { createHiveGateway } from '../src/hive.ts';
import { hivePlanner } from './hive-planner.ts';
import { startProxies, type SubgraphProxies } from './subgraph-proxies.ts';

interface Answer {
  status: number;
  requestId: string | null;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
  /** Requests the subgraphs were sent while this one was answered. */
  subgraphRequests: number;
}

type Engine = 'apollo' | 'hive';

/** A request to /graphql: `search` is the URL's query string (a GET's document). */
type Probe = Omit<RequestInit, 'headers'> & { search?: string; headers?: Record<string, string> };

let hub: TestHub;
let proxies: SubgraphProxies;
let token: string;
const urls = {} as Record<Engine, string>;
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  proxies = await startProxies(hub.subgraphUrls);
  const options: GatewayOptions = {
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: proxies.urls,
    verify: createJwtVerifier({ jwks: hub.jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    internalSecret: hub.internalSecret,
    logger: createLogger('silent', 'hive-limits-test'),
    environment: 'test',
    subgraphTimeoutMs: 10_000,
  };
  const apollo = createGateway(options);
  urls.apollo = (await apollo.listen(0, '127.0.0.1')).url;
  stops.push(() => apollo.stop());
  const hive = createHiveGateway({ ...options, planner: hivePlanner.current });
  urls.hive = (await hive.listen(0, '127.0.0.1')).url;
  stops.push(() => hive.stop());
  token = await hub.token('RECONNECT_ADMIN', { org: 'RC-ADMIN' });
}, 120_000);

afterAll(async () => {
  for (const stop of stops) await stop();
  await proxies?.close();
  await hub?.stop();
});

/** One HTTP request to /graphql of `engine` (a bearer token unless told otherwise). */
async function send(engine: Engine, init: Probe = {}): Promise<Answer> {
  proxies.reset();
  const { search, ...rest } = init;
  const json: Record<string, string> = rest.method === 'GET' ? {} : { 'content-type': 'application/json' };
  const response = await fetch(`${urls[engine]}${search ?? ''}`, {
    method: 'POST',
    ...rest,
    headers: { ...json, authorization: `Bearer ${token}`, ...rest.headers },
  });
  const text = await response.text();
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    text,
    body: JSON.parse(text) as Answer['body'],
    subgraphRequests: Object.values(proxies.counts).reduce((sum, n) => sum + n, 0),
  };
}

const asBody = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

/**
 * Sends the same request to both engines and checks that Hive refuses it as Apollo does: the same
 * status, the same codes and first message (unless `sameMessage` is false), no data, the request id
 * on every error, and no subgraph request from either. Returns Hive's answer.
 */
async function refusedByBoth(init: Probe, status: number, sameMessage = true): Promise<Answer> {
  const apollo = await send('apollo', init);
  const hive = await send('hive', init);
  for (const [engine, answer] of [
    ['apollo', apollo],
    ['hive', hive],
  ] as const) {
    expect(answer.status, engine).toBe(status);
    expect(answer.body.data ?? undefined, engine).toBeUndefined();
    expect(answer.body.errors?.length, engine).toBeGreaterThan(0);
    for (const error of answer.body.errors!) {
      expect(error.extensions?.code, engine).toBe('BAD_USER_INPUT');
      expect(error.extensions?.requestId, engine).toBe(answer.requestId);
    }
    expect(answer.subgraphRequests, engine).toBe(0);
  }
  if (sameMessage) expect(hive.body.errors?.[0]?.message).toBe(apollo.body.errors?.[0]?.message);
  return hive;
}

const DEEP =
  '{ establishments { localService { establishments { localService { establishments { localService { establishments { localService { establishments { localService { establishments { localService { name } } } } } } } } } } } } }';
const NESTED_LISTS = (copies: number) =>
  `{ ${Array.from(
    { length: copies },
    (_, i) =>
      `l${i}: localAuthorities { receivingService { establishments { localService { localAuthorities { code } } } } }`,
  ).join(' ')} }`;

describe('the subgraphs are reachable through both engines (so a count of none means something)', () => {
  it('a query within every limit reaches a subgraph and answers alike', async () => {
    const body = asBody('{ reconnectServices { code } }');
    const apollo = await send('apollo', { body });
    const hive = await send('hive', { body });
    expect(apollo.status).toBe(200);
    expect(hive.status).toBe(200);
    expect(hive.body).toEqual(apollo.body);
    expect(apollo.subgraphRequests).toBeGreaterThan(0);
    expect(hive.subgraphRequests).toBeGreaterThan(0);
  });
});

describe('Hive refuses what Apollo refuses, before any subgraph is called', () => {
  it('a body over the size limit: 413', async () => {
    const hive = await refusedByBoth({ body: asBody(`{ me { subject } } # ${'x'.repeat(300 * 1024)}`) }, 413);
    expect(hive.body.errors?.[0]?.message).toBe('The request body is larger than 262144 bytes.');
  });

  it('a body over the size limit sent in chunks, with no content-length: 413', async () => {
    const chunk = new TextEncoder().encode(`{"query": "{ me { subject } }", "x": "${'x'.repeat(64 * 1024)}`);
    const chunked = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
          controller.close();
        },
      });
    const apollo = await send('apollo', { body: chunked(), duplex: 'half' } as Probe);
    const hive = await send('hive', { body: chunked(), duplex: 'half' } as Probe);
    for (const answer of [apollo, hive]) {
      expect(answer.status).toBe(413);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.subgraphRequests).toBe(0);
    }
  });

  it('HTTP batching (an array body)', async () => {
    const hive = await refusedByBoth(
      { body: JSON.stringify([{ query: '{ me { subject } }' }, { query: '{ me { roles } }' }]) },
      400,
    );
    expect(hive.text).not.toContain('"subject"');
  });

  it('a document of too many tokens, in a POST or a GET', async () => {
    const hive = await refusedByBoth({ body: asBody(`{ me { ${'subject '.repeat(4100)}} }`) }, 400);
    expect(hive.body.errors?.[0]?.message).toBe('The query has more than 4000 tokens.');
    // Each `!` is a token of its own: short enough for a URL.
    await refusedByBoth(
      {
        method: 'GET',
        search: `?query=${encodeURIComponent(`{ me { subject } } ${'!'.repeat(4100)}`)}`,
        headers: { 'apollo-require-preflight': 'true' },
      },
      400,
    );
  });

  it('too many aliases', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: reconnectServices { code }`).join(' ');
    const hive = await refusedByBoth({ body: asBody(`{ ${fields} }`) }, 400);
    expect(hive.body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('a query nested too deep', async () => {
    const hive = await refusedByBoth({ body: asBody(DEEP) }, 400);
    expect(hive.body.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('too many directives', async () => {
    const directives = Array.from({ length: 25 }, () => '@include(if: true)').join(' ');
    const hive = await refusedByBoth({ body: asBody(`{ reconnectServices ${directives} { code } }`) }, 400);
    expect(hive.body.errors?.[0]?.message).toMatch(/directive/i);
  });

  it("a query over graphql-armor's cost limit", async () => {
    const hive = await refusedByBoth({ body: asBody(NESTED_LISTS(15)) }, 400);
    expect(hive.body.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('a query over the object limit (cost.ts): nested lists, once', async () => {
    const apollo = await send('apollo', { body: asBody(NESTED_LISTS(1)) });
    const hive = await refusedByBoth({ body: asBody(NESTED_LISTS(1)) }, 400);
    const messages = (answer: Answer) => answer.body.errors!.map((e) => e.message).sort();
    expect(messages(hive)).toEqual(messages(apollo));
    expect(messages(hive).some((m) => /estimated cost is over the limit/.test(m))).toBe(true);
  });

  it('a variable holding a NUL character', async () => {
    const hive = await refusedByBoth(
      {
        body: asBody('query($code: String!) { reconnectService(code: $code) { name } }', {
          code: 'RC\u0000NW',
        }),
      },
      400,
    );
    expect(hive.body.errors?.[0]?.message).toBe('A variable contains a NUL character.');
  });

  it('a request a browser could send cross-site without a preflight (CSRF)', async () => {
    const simpleGet = {
      method: 'GET',
      search: `?query=${encodeURIComponent('{ reconnectServices { code } }')}`,
    };
    const hive = await refusedByBoth(simpleGet, 400);
    expect(hive.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    await refusedByBoth(
      { body: asBody('{ reconnectServices { code } }'), headers: { 'content-type': 'text/plain' } },
      400,
    );
    // With a preflight header the same GET is answered, alike.
    const preflighted = { ...simpleGet, headers: { 'apollo-require-preflight': 'true' } };
    const apollo = await send('apollo', preflighted);
    const answered = await send('hive', preflighted);
    expect(apollo.status).toBe(200);
    expect(answered.body).toEqual(apollo.body);
  });

  it('introspection, outside development', async () => {
    for (const query of [
      '{ __schema { types { name } } }',
      '{ __type(name: "Person") { fields { name } } }',
    ]) {
      // Each engine says it in its own words.
      const hive = await refusedByBoth({ body: asBody(query) }, 400, false);
      expect(hive.body.errors?.[0]?.message).toMatch(/introspection/i);
      expect(hive.text).not.toMatch(/ReconnectService|nhsNumber/);
    }
  });

  it('an unknown field, without "Did you mean" suggestions', async () => {
    const hive = await refusedByBoth(
      { body: asBody('{ me { subjec } reconnectService(code: "RC-NW") { nam } }') },
      400,
    );
    expect(hive.text).not.toMatch(/did you mean/i);
    expect(hive.text).not.toMatch(/"subject"|"name"/);
  });

  it('a body that is not JSON, or has no query', async () => {
    await refusedByBoth({ body: '{"query": "{ me { subject } }"' }, 400);
    await refusedByBoth({ body: '{}' }, 400);
  });
});
