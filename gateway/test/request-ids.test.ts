/**
 * The audit's request id (issue 24, item 4; contract/next/trust.md, "The audit's request id";
 * docs/RELIABILITY.md, "The audit's request id"), through both gateway engines over HTTP: the
 * Apollo gateway of the test hub and Hive Gateway beside it, over the same subgraphs.
 *
 * The attack: the caller's `X-Request-Id` was the audit's request id, and person reads were kept
 * once per request id, action, subject and outcome, with no reader in the key. Reading
 * `person { id }` under one id, then the NHS number, needs and risk under the same id, left one
 * read of `id` in the access log; another user reusing the id left no trace. Here the same evasion
 * must leave every read in the access log, by the right reader, with every field, each under the
 * hub's own request id, with the client's id beside it as `correlationId`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '@reconnect/auth';
import { createLogger } from '@reconnect/graph';
import { seedDemoData } from '@reconnect/hub';
import { TEST_AUDIENCE, TEST_ISSUER, rawRows, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { SUPERGRAPH_FILE } from '../src/index.ts';
import { createHiveGateway, type HiveGateway } from '../src/hive.ts';
import { hivePlanner } from './hive-planner.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

interface LoggedRead {
  actorSubject: string;
  action: string;
  fields: string[];
  outcome: string;
  requestId: string;
  correlationId: string | null;
}

let hub: TestHub;
let hive: HiveGateway;
const engines: { name: string; url: string }[] = [];
/** A person RC-NW's staff may read whole (identifiers, needs, risk): its owning service's. */
let personId: string;

beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set('2026-11-25T10:00:00Z');
  await seedDemoData(hub.database.handle.db, hub.clock);
  hive = createHiveGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: hub.subgraphUrls,
    verify: createJwtVerifier({ jwks: hub.jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    internalSecret: hub.internalSecret,
    logger: createLogger('silent', 'request-ids-test'),
    environment: 'test',
    subgraphTimeoutMs: 10_000,
    planner: hivePlanner.current,
  });
  engines.push({ name: 'apollo', url: hub.gatewayUrl });
  engines.push({ name: 'hive', url: (await hive.listen(0, '127.0.0.1')).url });
  const [row] = await rawRows<{ person_id: string }>(
    hub.database.handle.db,
    `select r.person_id from referral.referrals r
     where r.owning_service_code = 'RC-NW' and r.status in ('PRE_RELEASE', 'POST_RELEASE')
       and exists (select 1 from person.health_needs n where n.person_id = r.person_id)
     order by r.id limit 1`,
  );
  personId = row!.person_id;
}, 120_000);

afterAll(async () => {
  await hive?.stop();
  await hub?.stop();
});

async function post(url: string, query: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer['body'],
  };
}

/** Information governance's view: the person's access log, through the Apollo gateway. */
async function accessLog(): Promise<LoggedRead[]> {
  const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
  const answer = await admin.query<{ person: { accessLog: { nodes: LoggedRead[] } } }>(
    `{ person(id: "${personId}") {
        accessLog(first: 200) { nodes { actorSubject action fields outcome requestId correlationId } }
      } }`,
  );
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
  return answer.body.data!.person.accessLog.nodes.filter((e) => e.action === 'person.read');
}

describe.each([['apollo'], ['hive']])('through the %s gateway', (name) => {
  const url = () => engines.find((e) => e.name === name)!.url;

  it('the evasion: one X-Request-Id reused for four reads and by another user hides nothing', async () => {
    // An id the old gateway kept as the request id (it matched REQUEST_ID_PATTERN).
    const reused = `evasion-${name}-0001`;
    const evader = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: `evader-${name}` });
    const bystander = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: `bystander-${name}` });
    const reads: [string, string, string][] = [
      [evader, 'id', 'id'],
      [evader, 'nhsNumber', 'nhsNumber'],
      [evader, 'healthNeeds', 'healthNeeds { category description }'],
      [evader, 'riskOfSeriousHarm', 'riskOfSeriousHarm { level }'],
      [bystander, 'givenName', 'givenName'],
    ];
    const hubIds: string[] = [];
    for (const [token, field, selection] of reads) {
      const answer = await post(url(), `{ person(id: "${personId}") { ${selection} } }`, {
        authorization: `Bearer ${token}`,
        'x-request-id': reused,
      });
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      expect((answer.body.data?.person as Record<string, unknown>)[field]).toBeTruthy();
      // The hub's id back in X-Request-Id; the client's own beside it.
      expect(answer.headers.get('x-request-id')).toMatch(UUID);
      expect(answer.headers.get('x-correlation-id')).toBe(reused);
      hubIds.push(answer.headers.get('x-request-id')!);
    }
    expect(new Set(hubIds).size).toBe(reads.length);

    const logged = (await accessLog()).filter((e) => e.correlationId === reused);
    expect(
      logged.map((e) => ({ reader: e.actorSubject, fields: e.fields, requestId: e.requestId })).reverse(),
    ).toEqual(
      reads.map(([token, field], i) => ({
        reader: token === evader ? `evader-${name}` : `bystander-${name}`,
        fields: [field],
        requestId: hubIds[i],
      })),
    );
    expect(logged.every((e) => e.outcome === 'SUCCESS')).toBe(true);
    // The client's id decided nothing: no event anywhere carries it as its request id.
    const [counted] = await rawRows<{ n: string | number }>(
      hub.database.handle.db,
      `select count(*) as n from audit.events where request_id = '${reused}'`,
    );
    expect(Number(counted!.n)).toBe(0);
  });

  it('a read through several paths of one request is still one event naming every field', async () => {
    const staff = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: `paths-${name}` });
    const [referral] = await rawRows<{ id: string }>(
      hub.database.handle.db,
      `select id from referral.referrals where person_id = '${personId}' order by id limit 1`,
    );
    const answer = await post(
      url(),
      `{ person(id: "${personId}") { id nhsNumber }
         again: person(id: "${personId}") { familyName }
         referral(id: "${referral!.id}") { person { riskOfSeriousHarm { level } } } }`,
      { authorization: `Bearer ${staff}`, 'x-request-id': `paths-${name}-0001` },
    );
    expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
    const logged = (await accessLog()).filter((e) => e.requestId === answer.headers.get('x-request-id'));
    expect(logged).toEqual([
      {
        actorSubject: `paths-${name}`,
        action: 'person.read',
        fields: ['familyName', 'id', 'nhsNumber', 'riskOfSeriousHarm'],
        outcome: 'SUCCESS',
        requestId: answer.headers.get('x-request-id'),
        correlationId: `paths-${name}-0001`,
      },
    ]);
  });

  it('an X-Request-Id longer than 128 characters or not printable ASCII is dropped; 128 is kept', async () => {
    const staff = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: `dropped-${name}` });
    const cases: [string, string | null][] = [
      ['x'.repeat(129), null],
      ['tab\tinside', null],
      ['caf\u00e9-0001', null],
      ['k'.repeat(128), 'k'.repeat(128)],
      ['spaces and (punctuation) are printable', 'spaces and (punctuation) are printable'],
    ];
    for (const [sent, kept] of cases) {
      const answer = await post(url(), `{ person(id: "${personId}") { id } }`, {
        authorization: `Bearer ${staff}`,
        'x-request-id': sent,
      });
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      const requestId = answer.headers.get('x-request-id');
      expect(requestId).toMatch(UUID);
      expect(answer.headers.get('x-correlation-id'), JSON.stringify(sent)).toBe(kept);
      const logged = (await accessLog()).filter((e) => e.requestId === requestId);
      expect(logged.map((e) => e.correlationId)).toEqual([kept]);
    }
  });

  it('X-Correlation-Id, when sent, is the correlation id; errors carry the hub’s id', async () => {
    const staff = await hub.token('RECONNECT_STAFF', { org: 'RC-NW', sub: `correlated-${name}` });
    const answer = await post(url(), `{ person(id: "${personId}") { id } }`, {
      authorization: `Bearer ${staff}`,
      'x-request-id': `request-${name}-0001`,
      'x-correlation-id': `conversation-${name}-0001`,
    });
    const requestId = answer.headers.get('x-request-id');
    expect(answer.headers.get('x-correlation-id')).toBe(`conversation-${name}-0001`);
    expect((await accessLog()).filter((e) => e.requestId === requestId).map((e) => e.correlationId)).toEqual([
      `conversation-${name}-0001`,
    ]);

    for (const refused of [
      await post(url(), '{ person(id: "x") { nope } }', {
        authorization: `Bearer ${staff}`,
        'x-request-id': `refused-${name}-0001`,
      }),
      await post(url(), '{ me { subject } }', {
        authorization: 'Bearer not-a-token',
        'x-request-id': `refused-${name}-0002`,
      }),
    ]) {
      expect(refused.body.errors?.length).toBeGreaterThan(0);
      const id = refused.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      for (const error of refused.body.errors!) expect(error.extensions?.requestId).toBe(id);
    }
  });
});
