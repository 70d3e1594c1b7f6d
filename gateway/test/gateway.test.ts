/**
 * The gateway over real HTTP (ARCHITECTURE.md, "A request"): open health checks, request errors
 * that are the caller's fault reported as such, no schema discovery outside development, limits,
 * a request id on every answer, masked subgraph errors, and partial answers when a subgraph is down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub();
  admin = await hub.token('RECONNECT_ADMIN', { org: 'RC-ADMIN' });
});
afterAll(async () => {
  await hub?.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: JSON.parse(text) as Answer['body'],
  };
}
const query = (q: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  post(JSON.stringify({ query: q, variables }), headers);

describe('health', () => {
  it.each(['/health', '/ready'])('GET %s answers 200 without a token', async (path) => {
    const response = await fetch(new URL(path, hub.gatewayUrl));
    expect(response.status).toBe(200);
  });

  it('/ready names every subgraph as up', async () => {
    const body = (await (await fetch(new URL('/ready', hub.gatewayUrl))).json()) as {
      subgraphs: Record<string, string>;
    };
    expect(body.subgraphs).toEqual({ 'regional-service': 'ok', person: 'ok', referral: 'ok', partner: 'ok' });
  });

  it('no other path is open without a token', async () => {
    const response = await fetch(new URL('/graphql?query=%7Bme%7Bsubject%7D%7D', hub.gatewayUrl));
    expect(response.status).not.toBe(200);
  });
});

describe("the caller's mistakes are BAD_USER_INPUT, never a 500", () => {
  it('a syntax error', async () => {
    const response = await query('{ me { subject ');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'Syntax Error: Expected Name, found <EOF>.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a body that is not JSON', async () => {
    const response = await post('{"query": "{ me { subject } }"');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a body without a query', async () => {
    const response = await post('{}');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('an unknown field, without "Did you mean" suggestions', async () => {
    const response = await query('{ me { subjec } reconnectService(code: "RC-NW") { nam } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.length).toBeGreaterThan(0);
    for (const error of response.body.errors!) expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.text).not.toMatch(/did you mean/i);
    expect(response.text).not.toMatch(/"subject"|"name"/);
  });

  it('a variable of the wrong type, without echoing its value', async () => {
    const response = await query('query($code: String!) { reconnectService(code: $code) { name } }', {
      code: 9434765919,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(response.text).not.toContain('9434765919');
  });
});

describe('no schema discovery outside development', () => {
  it('introspection is refused', async () => {
    const response = await query('{ __schema { types { name } } }');
    expect(response.body.data?.__schema).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.text).not.toContain('ReconnectService');
  });

  it('__type is refused too', async () => {
    const response = await query('{ __type(name: "Person") { fields { name } } }');
    expect(response.text).not.toContain('nhsNumber');
    expect(response.body.errors?.length).toBeGreaterThan(0);
  });
});

describe('limits', () => {
  it('a body over the limit is refused with 413', async () => {
    const response = await query(`{ me { subject } } # ${'x'.repeat(300 * 1024)}`);
    expect(response.status).toBe(413);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('HTTP batching (an array body) is refused', async () => {
    const response = await post(
      JSON.stringify([{ query: '{ me { subject } }' }, { query: '{ me { roles } }' }]),
    );
    expect(response.status).toBe(400);
    expect(response.text).not.toContain('"subject"');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("a document of too many tokens is refused as the caller's error", async () => {
    const response = await query(`{ me { ${'subject '.repeat(4100)}} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toBe('The query has more than 4000 tokens.');
  });

  it('too many aliases are refused', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: me { subject }`).join(' ');
    const response = await query(`{ ${fields} }`);
    expect(response.body.data ?? undefined).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a query nested too deep is refused', async () => {
    const deep =
      'establishments { localService { establishments { localService { establishments { localService { establishments { localService { establishments { localService { establishments { localService { name } } } } } } } } } } } }';
    const response = await query(`{ ${deep} }`);
    expect(response.body.data ?? undefined).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a query that would cost too much is refused', async () => {
    // Within the depth and alias limits, but a list inside a list inside a list multiplies.
    const wide = Array.from(
      { length: 15 },
      (_, i) =>
        `l${i}: localAuthorities { receivingService { establishments { localService { localAuthorities { code } } } } }`,
    ).join(' ');
    const response = await query(`{ ${wide} }`);
    expect(response.body.data ?? undefined).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('too many directives are refused', async () => {
    const directives = Array.from({ length: 25 }, () => '@include(if: true)').join(' ');
    const response = await query(`{ me ${directives} { subject } }`);
    expect(response.body.data ?? undefined).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(/directive/i);
  });

  it('refuses every over-limit query before any subgraph is called', async () => {
    const overLimit = [
      `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: reconnectServices { code }`).join(' ')} }`,
      `{ reconnectServices ${Array.from({ length: 25 }, () => '@include(if: true)').join(' ')} { code } }`,
      `{ ${Array.from({ length: 15 }, (_, i) => `l${i}: localAuthorities { receivingService { establishments { localService { localAuthorities { code } } } } }`).join(' ')} }`,
      `{ reconnectServices { ${'code '.repeat(4100)}} }`,
    ];
    for (const document of overLimit) {
      // Every subgraph answer costs at least one SQL statement (the directory is in the database):
      // none means no subgraph was asked.
      const { result, statements } = await hub.database.handle.statements.measure(() => query(document));
      expect(result.body.errors?.[0]?.extensions?.code, document.slice(0, 60)).toBe('BAD_USER_INPUT');
      expect(statements, document.slice(0, 60)).toEqual([]);
    }
    // The measure itself sees statements when a subgraph is asked (so the check above can fail).
    const { statements } = await hub.database.handle.statements.measure(() =>
      query('{ reconnectServices { code } }'),
    );
    expect(statements.length).toBeGreaterThan(0);
  });
});

describe('request id', () => {
  it('is on every answer, and on every error', async () => {
    const answers = [
      await query('{ me { subject } }'),
      await query('{ me { subject '),
      await post('[{"query":"{ me { subject } }"}]'),
      await query(`{ me { subject } } # ${'x'.repeat(300 * 1024)}`),
      await query('{ me { subject } }', undefined, { authorization: 'Bearer nope' }),
    ];
    for (const answer of answers) {
      const id = answer.headers.get('x-request-id');
      expect(id, `status ${answer.status}`).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
      for (const error of answer.body.errors ?? [])
        expect(error.extensions?.requestId, `status ${answer.status}`).toBe(id);
    }
  });

  // Before issue 24 a sane caller id became the request id (and the audit's); now the hub always
  // makes its own and keeps the caller's as its correlation id (gateway/test/request-ids.test.ts).
  it("is always the hub's own; the caller's id comes back beside it when it is printable and short", async () => {
    const ids = new Set<string>();
    for (const [sent, kept] of [
      ['client-req-0001', 'client-req-0001'],
      ['client-req-0001', 'client-req-0001'],
      ['a<script>alert(1)</script>', 'a<script>alert(1)</script>'],
      ['x'.repeat(200), null],
    ] as const) {
      const answer = await query('{ me { subject } }', undefined, { 'x-request-id': sent });
      const id = answer.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(answer.headers.get('x-correlation-id')).toBe(kept);
      ids.add(id);
    }
    expect(ids.size).toBe(4);
  });
});

describe('subgraph failures', () => {
  it('a raw database error reaches the client as INTERNAL_SERVER_ERROR that says nothing', async () => {
    // The directory's table disappears under the subgraph: the driver throws an error that names
    // the SQL, the table and the parameters.
    await hub.database.handle.db.execute(
      'alter table regional_service.reconnect_services rename to services_gone',
    );
    let response: Answer;
    try {
      response = await query('{ reconnectService(code: "RC-NW") { name } }');
    } finally {
      await hub.database.handle.db.execute(
        'alter table regional_service.services_gone rename to reconnect_services',
      );
    }
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ reconnectService: null });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]).toMatchObject({
      message: 'Internal server error.',
      path: ['reconnectService'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
    });
    expect(Object.keys(response.body.errors![0]!.extensions!).sort()).toEqual(['code', 'requestId']);
    for (const leak of [
      'select',
      'Failed query',
      'services',
      'RC-NW',
      'http://',
      '127.0.0.1',
      'stack',
      'serviceName',
      'regional',
    ]) {
      expect(response.text.toLowerCase()).not.toContain(leak.toLowerCase());
    }
    // And the directory is back.
    expect((await query('{ reconnectService(code: "RC-NW") { code } }')).body).toEqual({
      data: { reconnectService: { code: 'RC-NW' } },
    });
  });

  it('a stopped subgraph gives DOWNSTREAM_SERVICE_ERROR for its part; the rest still comes back; a restart heals it', async () => {
    const both = '{ reconnectService(code: "RC-NW") { code } partnerOrganisations { code } }';
    const healthy = await query(both);
    expect(healthy.body.errors).toBeUndefined();
    const partners = healthy.body.data!.partnerOrganisations;
    expect(Array.isArray(partners) && partners.length > 0).toBe(true);

    await hub.stopSubgraph('regional-service');
    try {
      const partial = await query(both);
      expect(partial.status).toBe(200);
      expect(partial.body.data).toEqual({ reconnectService: null, partnerOrganisations: partners });
      expect(partial.body.errors).toHaveLength(1);
      expect(partial.body.errors![0]!.extensions).toMatchObject({ code: 'DOWNSTREAM_SERVICE_ERROR' });
      for (const leak of ['http://', '127.0.0.1', 'ECONNREFUSED', 'serviceName', 'fetch failed'])
        expect(partial.text).not.toContain(leak);

      const ready = await fetch(new URL('/ready', hub.gatewayUrl));
      expect(ready.status).toBe(503);
    } finally {
      await hub.restartSubgraph('regional-service');
    }
    const healed = await query(both);
    expect(healed.body).toEqual(healthy.body);
  });
});
