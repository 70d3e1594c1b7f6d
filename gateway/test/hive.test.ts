/**
 * Hive Gateway (src/hive.ts) beside the Apollo gateway (src/gateway.ts), both over the same
 * subgraphs of one test hub, with the same keys, secret and timeout (issue 8). Every operation is
 * sent to both: the answers must agree (status, data, and each error's code and path), the subgraphs
 * must see the hub's edge (internal token, request id, purpose; never the caller's JWT), and a
 * subgraph that is down or slow must come back as DOWNSTREAM_SERVICE_ERROR with the rest kept.
 *
 * Both gateways reach the subgraphs through a counting proxy (real HTTP, one listener a subgraph),
 * so the test also records how many subgraph requests each engine makes for each operation; the
 * figures are printed for the benchmark notes, not asserted (the query planners differ).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER, PURPOSE_HEADER, REQUEST_ID_HEADER, createJwtVerifier } from '@reconnect/auth';
import { createLogger } from '@reconnect/graph';
import { seedDemoData } from '@reconnect/hub';
import {
  TEST_AUDIENCE,
  TEST_ISSUER,
  randomNhsNumber,
  startTestHub,
  type TestHub,
} from '@reconnect/hub/testing';
import { SUPERGRAPH_FILE, createGateway, type Gateway, type GatewayOptions } from '../src/index.ts';
import { createHiveGateway, type HiveGateway } from '../src/hive.ts';
import { hivePlanner } from './hive-planner.ts';
import { startProxies, type SubgraphProxies } from './subgraph-proxies.ts';

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

let hub: TestHub;
let proxies: SubgraphProxies;
const engines: { name: 'apollo' | 'hive'; url: string; stop(): Promise<void> }[] = [];
let staff: string;
let referrer: string;
let partner: string;
/** Subgraph requests per operation and engine, printed after the run. */
const requestCounts: Record<string, Record<string, Record<string, number>>> = {};

function gatewayOptions(subgraphTimeoutMs: number): GatewayOptions {
  return {
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: proxies.urls,
    verify: createJwtVerifier({ jwks: hub.jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    internalSecret: hub.internalSecret,
    logger: createLogger('silent', 'hive-test'),
    environment: 'test',
    subgraphTimeoutMs,
  };
}

async function startBoth(subgraphTimeoutMs: number): Promise<{ apollo: string; hive: string }> {
  const apollo: Gateway = createGateway(gatewayOptions(subgraphTimeoutMs));
  const hive: HiveGateway = createHiveGateway({
    ...gatewayOptions(subgraphTimeoutMs),
    planner: hivePlanner.current,
  });
  const urls = {
    apollo: (await apollo.listen(0, '127.0.0.1')).url,
    hive: (await hive.listen(0, '127.0.0.1')).url,
  };
  engines.push({ name: 'apollo', url: urls.apollo, stop: () => apollo.stop() });
  engines.push({ name: 'hive', url: urls.hive, stop: () => hive.stop() });
  return urls;
}

async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Sends one operation through both gateways, counting the subgraph requests each one makes. */
async function throughBoth(
  label: string,
  urls: { apollo: string; hive: string },
  query: string,
  variables: (engine: 'apollo' | 'hive') => Record<string, unknown> | undefined,
  headers: Record<string, string>,
): Promise<{ apollo: Answer; hive: Answer }> {
  const answers = {} as { apollo: Answer; hive: Answer };
  requestCounts[label] = {};
  for (const engine of ['apollo', 'hive'] as const) {
    proxies.reset();
    answers[engine] = await post(urls[engine], query, variables(engine), headers);
    requestCounts[label][engine] = { ...proxies.counts };
  }
  return answers;
}

/** The codes and paths of an answer's errors, in a stable order. */
function errorShape(answer: Answer): { code: unknown; path: string }[] {
  return (answer.body.errors ?? [])
    .map((e) => ({ code: e.extensions?.code, path: (e.path ?? []).join('.') }))
    .sort((a, b) => `${a.path}${String(a.code)}`.localeCompare(`${b.path}${String(b.code)}`));
}

function expectSameAnswer(answers: { apollo: Answer; hive: Answer }): void {
  expect(answers.hive.status).toBe(answers.apollo.status);
  expect(answers.hive.body.data).toEqual(answers.apollo.body.data);
  expect(errorShape(answers.hive)).toEqual(errorShape(answers.apollo));
}

const ENROL_REFERRAL = 'afa351fd-78cb-55c6-9077-0e37ff357b02';

let urls: { apollo: string; hive: string };

beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set('2026-11-25T10:00:00Z');
  await seedDemoData(hub.database.handle.db, hub.clock);
  proxies = await startProxies(hub.subgraphUrls);
  urls = await startBoth(10_000);
  staff = await hub.token('RECONNECT_STAFF', { org: 'RC-NW' });
  referrer = await hub.token('REFERRER', { org: 'PROB-NW' });
  partner = await hub.token('ER_PARTNER', { org: 'ERP-NW-MH' });
  // An enhanced case, so that a referral's detail reaches the partner subgraph with data.
  const enrolled = await hub.graphql(
    `mutation {
      enrolEnhancedReconnect(
        referralId: "${ENROL_REFERRAL}"
        input: { rationale: "High risk; two needs", sharingConsent: GIVEN, consentMethod: FACE_TO_FACE,
                 partnerCodes: ["ERP-NW-MH"] }
      ) { enhancedCase { id } }
    }`,
    undefined,
    { token: staff },
  );
  expect(enrolled.body.errors).toBeUndefined();
}, 120_000);

afterAll(async () => {
  for (const engine of engines) await engine.stop();
  await proxies?.close();
  await hub?.stop();
  const lines = Object.entries(requestCounts).map(([label, byEngine]) => {
    const cells = Object.entries(byEngine).map(([engine, counts]) => {
      const asked = Object.entries(counts).filter(([, n]) => n > 0);
      const total = asked.reduce((sum, [, n]) => sum + n, 0);
      return `${engine} ${total} (${asked.map(([name, n]) => `${name} ${n}`).join(', ')})`;
    });
    return `  ${label}: ${cells.join(' | ')}`;
  });
  if (lines.length) console.info(`subgraph requests per operation:\n${lines.join('\n')}`);
});

describe('the same answers from both engines', () => {
  it('a caseload page: people, establishment, owning service, named worker, contact compliance', async () => {
    const answers = await throughBoth(
      'caseload referrals(first: 50)',
      urls,
      `{
        referrals(first: 50) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes {
            id reference status
            person { givenName familyName }
            custody { establishment { code name } expectedReleaseDate releasedOn }
            owningService { code name }
            namedWorker { name role }
            preReleaseContacts { count faceToFace required met }
            supportWindow { startsOn endsOn dischargeOverdue }
          }
        }
      }`,
      () => undefined,
      bearer(staff),
    );
    expectSameAnswer(answers);
    const page = answers.hive.body.data?.referrals as { nodes: { namedWorker: unknown }[] };
    expect(page.nodes.length).toBeGreaterThan(3);
    expect(page.nodes.some((n) => n.namedWorker !== null)).toBe(true);
  });

  it("a referral's full detail, across all four subgraphs", async () => {
    const answers = await throughBoth(
      'referral full detail',
      urls,
      `query Detail($id: ID!) {
        referral(id: $id) {
          reference status version source
          referrer { organisationCode name }
          person {
            givenName familyName dateOfBirth nhsNumber prisonNumber
            homeArea { code name }
            healthNeeds { category description }
            riskOfSeriousHarm { level riskTo }
          }
          custody { type establishment { name localService { code name } } expectedReleaseDate onTemporaryLicence }
          identifiedNeeds reasonForReferral
          consent { decision method }
          owningService { code name }
          receivingService { code }
          namedWorker { name role service { code } }
          supportWindow { startsOn endsOn }
          preReleaseContacts { count met }
          history { type fromStatus toStatus }
          availableActions
          enhancedCase { status rationale partners { partner { code name } active } updates { note } }
        }
      }`,
      () => ({ id: ENROL_REFERRAL }),
      { ...bearer(staff), [PURPOSE_HEADER]: 'direct care' },
    );
    expectSameAnswer(answers);
    const referral = answers.hive.body.data?.referral as { enhancedCase: { status: string } | null };
    expect(referral.enhancedCase?.status).toBe('OPEN');
    for (const engine of ['apollo', 'hive'] as const) {
      const counts = requestCounts['referral full detail']![engine]!;
      expect(
        Object.keys(counts)
          .filter((name) => counts[name]! > 0)
          .sort(),
      ).toEqual(['partner', 'person', 'referral', 'regional-service']);
    }
  });

  it('submitReferral', async () => {
    const nhs = { apollo: randomNhsNumber(), hive: randomNhsNumber() };
    const answers = await throughBoth(
      'submitReferral',
      urls,
      `mutation Submit($input: SubmitReferralInput!, $key: String!) {
        submitReferral(input: $input, idempotencyKey: $key) {
          replayed
          referral { status source custody { establishment { code } } owningService { code name } person { givenName } }
        }
      }`,
      (engine) => ({
        key: `hive-test-${engine}`,
        input: {
          source: 'PROBATION',
          referrer: { name: 'Jo Bloggs', organisationName: 'Probation Service North West' },
          person: {
            givenName: 'Alex',
            familyName: `Engine-${engine}`,
            dateOfBirth: '1988-04-12',
            nhsNumber: nhs[engine],
            homeLocalAuthorityCode: 'E08000003',
          },
          custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-20' },
          identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Depression' }],
          reasonForReferral: 'GP registration on release.',
        },
      }),
      bearer(referrer),
    );
    expectSameAnswer(answers);
    expect(answers.hive.body.data?.submitReferral).toMatchObject({
      replayed: false,
      referral: { status: 'SUBMITTED', owningService: { code: 'RC-NW' } },
    });
  });

  it('a field the caller may not read: FORBIDDEN at its path, the rest stands', async () => {
    const answers = await throughBoth(
      'FORBIDDEN field (referrer reads history)',
      urls,
      '{ referralByReference(reference: "RC-JVNK-GH3F") { reference status history { type } } }',
      () => undefined,
      bearer(referrer),
    );
    expectSameAnswer(answers);
    expect(errorShape(answers.hive)).toEqual([{ code: 'FORBIDDEN', path: 'referralByReference.history' }]);
  });

  it("a partner's cases: FORBIDDEN person fields through four subgraphs", async () => {
    const answers = await throughBoth(
      'partner cases with FORBIDDEN nhsNumber',
      urls,
      `{
        enhancedCases(status: OPEN) {
          nodes { status referral { reference namedWorker { name } person { givenName nhsNumber healthNeeds { category } } } }
        }
      }`,
      () => undefined,
      bearer(partner),
    );
    expectSameAnswer(answers);
    expect(errorShape(answers.hive).map((e) => e.code)).toContain('FORBIDDEN');
  });

  it('no token, or a bad one: 401 UNAUTHENTICATED, and no subgraph is asked', async () => {
    for (const headers of [{}, bearer('not-a-token'), bearer(`${staff}x`)]) {
      const answers = await throughBoth(
        'no or bad token',
        urls,
        '{ me { subject } }',
        () => undefined,
        headers,
      );
      expectSameAnswer(answers);
      expect(answers.hive.status).toBe(401);
      expect(answers.hive.body.errors?.[0]?.message).toBe(answers.apollo.body.errors?.[0]?.message);
      expect(errorShape(answers.hive)).toEqual([{ code: 'UNAUTHENTICATED', path: '' }]);
      expect(Object.values(requestCounts['no or bad token']!.hive!).every((n) => n === 0)).toBe(true);
    }
  });

  it("the caller's mistakes: BAD_USER_INPUT, without echoing the value", async () => {
    const answers = await throughBoth(
      'bad variable',
      urls,
      'query($code: String!) { reconnectService(code: $code) { name } }',
      () => ({ code: 9434765919 }),
      bearer(staff),
    );
    expectSameAnswer(answers);
    expect(answers.hive.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
    expect(JSON.stringify(answers.hive.body)).not.toContain('9434765919');
  });
});

describe("the hub's edge on every subgraph request from Hive", () => {
  it('an internal token, the request id and the purpose; never the caller’s JWT', async () => {
    proxies.reset();
    const clientId = 'hive-edge-test-0001';
    const answer = await post(
      urls.hive,
      '{ me { subject } referral(id: "' + ENROL_REFERRAL + '") { reference person { givenName } } }',
      undefined,
      {
        ...bearer(staff),
        [REQUEST_ID_HEADER]: clientId,
        [PURPOSE_HEADER]: 'direct care',
      },
    );
    expect(answer.body.errors).toBeUndefined();
    const sent = Object.values(proxies.headers).flat();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    // The hub's own request id, the same on every fetch of the request; never the client's.
    const requestId = sent[0]![REQUEST_ID_HEADER];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    for (const headers of sent) {
      expect(headers[INTERNAL_TOKEN_HEADER]).toEqual(expect.any(String));
      expect(headers[REQUEST_ID_HEADER]).toBe(requestId);
      expect(headers[PURPOSE_HEADER]).toBe('direct care');
      expect(headers.authorization).toBeUndefined();
    }
  });
});

describe('the same audit trail from both engines', () => {
  it("one access-log event per person read, naming the same fields, under the engine's correlation id", async () => {
    const query = `{
      referral(id: "${ENROL_REFERRAL}") {
        person { id givenName familyName nhsNumber riskOfSeriousHarm { level } }
        enhancedCase { referral { person { dateOfBirth } } }
      }
      referrals(first: 50) { nodes { person { givenName } } }
    }`;
    let personId = '';
    for (const engine of engines.slice(0, 2)) {
      const answer = await post(engine.url, query, undefined, {
        ...bearer(staff),
        [REQUEST_ID_HEADER]: `hive-audit-${engine.name}`,
        [PURPOSE_HEADER]: 'direct care',
      });
      expect(answer.body.errors, engine.name).toBeUndefined();
      personId = (answer.body.data?.referral as { person: { id: string } }).person.id;
    }
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const log = await admin.query<{
      person: {
        accessLog: {
          nodes: {
            requestId: string;
            correlationId: string;
            action: string;
            fields: string[];
            purpose: string;
          }[];
        };
      };
    }>(
      `{ person(id: "${personId}") { accessLog(first: 200) { nodes { requestId correlationId action fields purpose outcome } } } }`,
    );
    // Each engine's own request id, with the client's id beside it.
    const events = (engine: string) =>
      log.body
        .data!.person.accessLog.nodes.filter((e) => e.correlationId === `hive-audit-${engine}`)
        .map(({ requestId, correlationId: _id, ...event }) => {
          expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
          return event;
        });
    expect(events('apollo').length).toBeGreaterThan(0);
    expect(events('hive')).toEqual(events('apollo'));
  });
});

describe('a subgraph that fails: DOWNSTREAM_SERVICE_ERROR, the rest of the answer kept', () => {
  const query = `{ reconnectServices { code } referral(id: "${ENROL_REFERRAL}") { reference enhancedCase { status } } }`;

  it('a subgraph answering 502', async () => {
    proxies.mode.partner = 'fail';
    try {
      for (const engine of engines.slice(0, 2)) {
        const answer = await post(engine.url, query, undefined, bearer(staff));
        expect(answer.status, engine.name).toBe(200);
        expect(answer.body.data?.reconnectServices, engine.name).toHaveLength(7);
        expect(
          answer.body.errors?.map((e) => e.extensions?.code),
          engine.name,
        ).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(JSON.stringify(answer.body), engine.name).not.toMatch(/127\.0\.0\.1|bad gateway/);
      }
    } finally {
      proxies.mode.partner = 'forward';
    }
  });

  it('a subgraph that never answers: the fetch times out', async () => {
    const short = await startBoth(300);
    proxies.mode.partner = 'hold';
    try {
      for (const url of [short.apollo, short.hive]) {
        const answer = await post(url, query, undefined, bearer(staff));
        expect(answer.status).toBe(200);
        expect(answer.body.data?.reconnectServices).toHaveLength(7);
        expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(answer.body.errors?.[0]?.message).toBe(
          'The partner service is unavailable; its part of the answer is missing.',
        );
      }
    } finally {
      proxies.mode.partner = 'forward';
    }
  });
});
