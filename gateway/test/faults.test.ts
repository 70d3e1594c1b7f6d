/**
 * Faults (issue 7, item 7). A subgraph that hangs, resets the connection or answers 5xx costs only
 * its own part of an answer (DOWNSTREAM_SERVICE_ERROR), within the gateway's subgraph timeout; a
 * mutation reaches its subgraph once however it fails, so a client's retry with its idempotency key
 * is the only retry there is; the hub heals without a restart when the subgraph is back. On
 * PostgreSQL, losing every database connection mid-load (what a server restart does to the pool)
 * loses no committed submission, doubles none, and the hub reconnects by itself.
 *
 * The faulty subgraph is a stand-in HTTP server on the real subgraph's port (freed with
 * `stopSubgraph`), so the gateway is exercised exactly as configured. Nothing here times anything:
 * the subgraph timeout is short and the tests' own timeouts bound the hangs; they count requests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_TOKEN_HEADER, requestBodyHash, verifyInternalToken } from '@reconnect/auth';
import { createDb, rowsOf, sql, type DbHandle } from '@reconnect/db';
import {
  randomNhsNumber,
  startTestHub,
  testConfig,
  type GraphqlResponse,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';
// The gateway does not depend on the audit package; the chain check reads its source, as scripts do.
import { verifyAuditChain } from '../../packages/audit/src/index.ts';

/** Responses are read by path: the default result type is deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are read by path
type Loose = Record<string, any>;

const ON_POSTGRES = !!testConfig().TEST_DATABASE_URL;
/** Short, so hangs end quickly; long enough for a cold subgraph on a busy machine. */
const SUBGRAPH_TIMEOUT_MS = 2_000;
/** Bounds every test that meets a hanging subgraph: several times the subgraph timeout, far below forever. */
const HANG_BOUND_MS = 20_000;

const DIRECTORY_AND_PARTNERS = '{ reconnectService(code: "RC-NW") { code } partnerOrganisations { code } }';
const CASELOAD = `{
  referrals(first: 20) { totalCount nodes { id reference status person { givenName familyName } } }
}`;
const CASELOAD_WITH_CASES = `{
  referrals(first: 20) { nodes { id reference status enhancedCase { id status } } }
}`;
const SUBMIT = `mutation Submit($input: SubmitReferralInput!, $key: String!) {
  submitReferral(input: $input, idempotencyKey: $key) { replayed referral { id reference status } }
}`;

let hub: TestHub;
let staff: HubClientForTests;
let referrer: HubClientForTests;
let keySerial = 0;

beforeAll(async () => {
  hub = await startTestHub({ subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS });
  hub.clock.set('2026-11-25T10:00:00Z');
  staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker' });
  referrer = await hub.as('REFERRER', { org: 'PROB-NW', sub: 'pat-probation' });
  // One referral in RC-NW's caseload, so that the caseload crosses from referral to person.
  await submitUntilStored(newKey('seed'));
});
afterAll(async () => {
  await hub?.stop();
});

function newKey(label: string): string {
  keySerial += 1;
  return `faults-${label}-${keySerial}-${Date.now().toString(36)}`;
}

/** A valid submission (MRI is in the North West) whose reason names its key, to count it by. */
function referralInput(key: string): Loose {
  return {
    source: 'PROBATION',
    referrer: { name: 'Pat Probation', organisationName: 'Probation North West' },
    person: {
      givenName: 'Alex',
      familyName: 'Fault',
      dateOfBirth: '1990-04-01',
      nhsNumber: randomNhsNumber(),
    },
    custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-15' },
    identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood.' }],
    reasonForReferral: `fault test ${key}`,
  };
}

const inputs = new Map<string, Loose>();
/** Submits for `key`; the same key always carries the same input, as a client's retry would. */
function submit(key: string): Promise<GraphqlResponse<Loose>> {
  if (!inputs.has(key)) inputs.set(key, referralInput(key));
  return referrer.query<Loose>(SUBMIT, { input: inputs.get(key), key });
}

/**
 * Submits `key` as a careful client does: again, with the same key, after a failure, a few times.
 * Where a test needs a submission stored, a cold or busy hub's one slow answer must not fail it.
 */
async function submitUntilStored(key: string): Promise<Loose> {
  let last: GraphqlResponse<Loose> | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    last = await submit(key);
    const payload = last.body.data?.submitReferral as Loose | undefined;
    if (payload) return payload;
  }
  throw new Error(`submission ${key} failed 5 times: ${JSON.stringify(last?.body.errors)}`);
}

/** How many referrals were stored for `key`, and the ids its idempotency rows point to. */
async function storedFor(key: string): Promise<{ referrals: number; keyedIds: string[] }> {
  const db = hub.database.handle.db;
  const counted = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from referral.referrals where reason_for_referral = ${`fault test ${key}`}`,
    ),
  );
  const keyed = rowsOf<{ referral_id: string }>(
    await db.execute(sql`select referral_id from referral.idempotency_keys where key = ${key}`),
  );
  return { referrals: Number(counted[0]?.n ?? 0), keyedIds: keyed.map((r) => r.referral_id) };
}

const codesOf = (response: GraphqlResponse<Loose>) =>
  (response.body.errors ?? []).map((e) => e.extensions?.code);

// ---- a stand-in for a faulty subgraph ------------------------------------------------------------

type Behaviour =
  | 'hang'
  | 'reset'
  | 'unavailable'
  | ((req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>);

interface StandIn {
  /** Requests received, counted as soon as their headers arrive. */
  requests: number;
  /** The operation text of each request, in order. */
  queries: string[];
}

/**
 * Replaces subgraph `name` by a server on its port that counts what reaches it and misbehaves:
 * accepts and never answers, resets the connection once the request is read, answers 503, or does
 * what a function says. The real subgraph is back when `fn` ends, whatever happened.
 */
async function withStandIn(
  name: string,
  behaviour: Behaviour,
  fn: (standIn: StandIn) => Promise<void>,
): Promise<void> {
  const port = Number(new URL(hub.subgraphUrls[name]!).port);
  const standIn: StandIn = { requests: 0, queries: [] };
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    standIn.requests += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      standIn.queries.push(String((JSON.parse(body || '{}') as { query?: unknown }).query ?? ''));
      if (behaviour === 'hang') return;
      if (behaviour === 'reset') return void req.socket.destroy();
      if (behaviour === 'unavailable') {
        res.writeHead(503, { 'content-type': 'text/plain' });
        return void res.end('service unavailable');
      }
      behaviour(req, res, body).catch(() => req.socket.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await hub.stopSubgraph(name);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await fn(standIn);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await hub.restartSubgraph(name);
  }
}

// ---- a subgraph that never answers ----------------------------------------------------------------

describe('a subgraph that accepts the connection and never answers', () => {
  it(
    'a root field of it: null with DOWNSTREAM_SERVICE_ERROR; the other subgraphs answer',
    async () => {
      const healthy = await staff.query<Loose>(DIRECTORY_AND_PARTNERS);
      expect(healthy.body.errors).toBeUndefined();
      const partners = healthy.body.data!.partnerOrganisations as Loose[];
      expect(partners.length).toBeGreaterThan(0);

      await withStandIn('regional-service', 'hang', async (standIn) => {
        const partial = await staff.query<Loose>(DIRECTORY_AND_PARTNERS);
        expect(partial.status).toBe(200);
        expect(partial.body.data).toEqual({ reconnectService: null, partnerOrganisations: partners });
        expect(partial.body.errors).toHaveLength(1);
        expect(codesOf(partial)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(standIn.requests).toBe(1);
      });
    },
    HANG_BOUND_MS,
  );

  it(
    'entities it extends: the referrals still come back, its field on each is null with DOWNSTREAM_SERVICE_ERROR',
    async () => {
      const healthy = await staff.query<Loose>(CASELOAD_WITH_CASES);
      expect(healthy.body.errors).toBeUndefined();
      const nodes = healthy.body.data!.referrals.nodes as Loose[];
      expect(nodes.length).toBeGreaterThan(0);

      await withStandIn('partner', 'hang', async (standIn) => {
        const partial = await staff.query<Loose>(CASELOAD_WITH_CASES);
        expect(partial.status).toBe(200);
        expect(codesOf(partial)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(partial.body.data!.referrals.nodes).toEqual(nodes.map((n) => ({ ...n, enhancedCase: null })));
        // One batched entity fetch for every referral on the page, sent once.
        expect(standIn.requests).toBe(1);
      });
    },
    HANG_BOUND_MS,
  );

  it(
    'a non-null field it owns (Person.givenName): the answer is null up to the nearest nullable field, still coded and bounded',
    async () => {
      // The contract makes `referrals`, `nodes`, `person` and `givenName` non-null: without the
      // person subgraph, a caseload that asks for names has no nullable place to stop at.
      await withStandIn('person', 'hang', async (standIn) => {
        const partial = await staff.query<Loose>(CASELOAD);
        expect(partial.status).toBe(200);
        expect(partial.body.data ?? null).toBeNull();
        expect(codesOf(partial)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(standIn.requests).toBe(1);
      });
    },
    HANG_BOUND_MS,
  );

  it(
    'concurrent requests each give up on it once: no request is retried',
    async () => {
      await withStandIn('regional-service', 'hang', async (standIn) => {
        const answers = await Promise.all(
          Array.from({ length: 6 }, () => staff.query<Loose>(DIRECTORY_AND_PARTNERS)),
        );
        for (const answer of answers) {
          expect(answer.status).toBe(200);
          expect(codesOf(answer)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
          expect((answer.body.data!.partnerOrganisations as Loose[]).length).toBeGreaterThan(0);
        }
        expect(standIn.requests).toBe(6);
      });
    },
    HANG_BOUND_MS,
  );
});

// ---- entity fetches merged into one request (src/entities.ts) ------------------------------------

const DIRECTORY_OF_CASELOAD = `{
  referrals(first: 20) { nodes { id custody { establishment { name } } owningService { name } } }
}`;

interface MergedBody {
  query: string;
  variables: Record<string, { __typename: string }[]>;
}

/**
 * Answers each `_entities<i>` of a merged fetch with stand-in names, and an error on the first owning
 * service's name (the value is kept: every field on the way up is non-null, so a null would take the
 * whole answer with it).
 */
function standInEntities(body: MergedBody): Loose {
  const data: Loose = {};
  const errors: Loose[] = [];
  for (const [name, representations] of Object.entries(body.variables)) {
    const alias = `_entities${name.slice('representations__'.length)}`;
    data[alias] = representations.map((r) => ({
      __typename: r.__typename,
      name: `Stand-in ${r.__typename}`,
    }));
    if (representations[0]?.__typename === 'ReconnectService') {
      errors.push({ message: 'Not for you.', path: [alias, 0, 'name'], extensions: { code: 'FORBIDDEN' } });
    }
  }
  return { data, errors };
}

describe('entity fetches of one step to one subgraph, sent as one request', () => {
  it('one request with its own body-bound token; each part’s answer and errors land at its own paths', async () => {
    await withStandIn(
      'regional-service',
      async (req, res, body) => {
        const parsed = JSON.parse(body) as MergedBody;
        // The merged body's token: for this subgraph, bound to exactly this query and these variables.
        await verifyInternalToken(
          hub.internalSecret,
          'regional-service',
          String(req.headers[INTERNAL_TOKEN_HEADER]),
          requestBodyHash(parsed.query, parsed.variables),
        );
        const answer = standInEntities(parsed);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      },
      async (standIn) => {
        const answer = await staff.query<Loose>(DIRECTORY_OF_CASELOAD);
        expect(standIn.requests).toBe(1);
        expect(standIn.queries[0]).toContain('_entities1: _entities(representations: $representations__1)');
        const node = (answer.body.data!.referrals.nodes as Loose[])[0]!;
        expect(node.custody.establishment).toEqual({ name: 'Stand-in Establishment' });
        expect(node.owningService).toEqual({ name: 'Stand-in ReconnectService' });
        expect((answer.body.errors ?? []).map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
          ['FORBIDDEN', 'referrals.nodes.0.owningService.name'],
        ]);
      },
    );
  });

  it('an answer one part nulled whole is not split: the parts are sent again, each alone', async () => {
    await withStandIn(
      'regional-service',
      async (_req, res, body) => {
        const parsed = JSON.parse(body) as MergedBody & { query: string };
        const merged = parsed.query.includes('_entities0');
        const answer = merged
          ? { data: null, errors: [{ message: 'boom', path: ['_entities0'] }] }
          : {
              data: {
                _entities: parsed.variables.representations!.map((r) => ({
                  __typename: r.__typename,
                  name: `Alone ${r.__typename}`,
                })),
              },
            };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      },
      async (standIn) => {
        const answer = await staff.query<Loose>(DIRECTORY_OF_CASELOAD);
        expect(standIn.requests).toBe(3);
        expect(answer.body.errors).toBeUndefined();
        const node = (answer.body.data!.referrals.nodes as Loose[])[0]!;
        expect(node.custody.establishment).toEqual({ name: 'Alone Establishment' });
        expect(node.owningService).toEqual({ name: 'Alone ReconnectService' });
      },
    );
  });
});

// ---- mutations are sent once -------------------------------------------------------------------

describe('a mutation reaches its subgraph once, however the subgraph fails', () => {
  it.each(['hang', 'reset', 'unavailable'] as const)(
    'the referral subgraph %s: DOWNSTREAM_SERVICE_ERROR after one request, nothing stored',
    async (behaviour) => {
      const key = newKey(behaviour);
      await withStandIn('referral', behaviour, async (standIn) => {
        const answer = await submit(key);
        expect(answer.status).toBe(200);
        expect(answer.body.data ?? null).toBeNull();
        expect(codesOf(answer)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(standIn.requests).toBe(1);
        expect(standIn.queries[0]).toContain('submitReferral');
        // A query meets the same failure, and is not retried either.
        const read = await staff.query<Loose>(CASELOAD);
        expect(codesOf(read)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(standIn.requests).toBe(2);
      });
      expect(await storedFor(key)).toEqual({ referrals: 0, keyedIds: [] });
    },
    HANG_BOUND_MS,
  );

  it.each(['reset', 'unavailable'] as const)(
    'a call between subgraphs is sent once too: the person subgraph %s during a submission',
    async (behaviour) => {
      const key = newKey(`person-${behaviour}`);
      await withStandIn('person', behaviour, async (standIn) => {
        const answer = await submit(key);
        expect(answer.status).toBe(200);
        expect(codesOf(answer)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
        expect(standIn.requests).toBe(1);
        expect(standIn.queries[0]).toContain('resolvePersonIdentity');
      });
      expect(await storedFor(key)).toEqual({ referrals: 0, keyedIds: [] });
    },
  );

  it('an answer lost after the subgraph committed: one request, one referral, and the retry with the same key replays it', async () => {
    const key = newKey('lost-answer');
    // The real referral subgraph on a second, free port; the stand-in forwards each request to it,
    // reads the whole answer (the referral is committed by then) and drops the connection.
    const real = await hub.subgraphs.referral!.listen(0, '127.0.0.1');
    try {
      await withStandIn(
        'referral',
        async (req, _res, body) => {
          const headers = Object.fromEntries(
            Object.entries(req.headers).filter(
              (entry): entry is [string, string] =>
                typeof entry[1] === 'string' && !['host', 'connection', 'content-length'].includes(entry[0]),
            ),
          );
          const forwarded = await fetch(real.url, { method: 'POST', headers, body });
          await forwarded.text();
          req.socket.destroy();
        },
        async (standIn) => {
          const answer = await submit(key);
          expect(answer.status).toBe(200);
          expect(codesOf(answer)).toEqual(['DOWNSTREAM_SERVICE_ERROR']);
          expect(standIn.requests).toBe(1);
        },
      );
    } finally {
      await real.close();
    }
    const stored = await storedFor(key);
    expect(stored.referrals).toBe(1);
    expect(stored.keyedIds).toHaveLength(1);

    const retry = await submit(key);
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.submitReferral).toMatchObject({
      replayed: true,
      referral: { id: stored.keyedIds[0], status: 'SUBMITTED' },
    });
    expect(await storedFor(key)).toEqual(stored);
  });

  it('a mutation sent by GET is refused at the gateway and reaches no subgraph', async () => {
    await withStandIn('referral', 'unavailable', async (standIn) => {
      const url = new URL(hub.gatewayUrl);
      url.searchParams.set(
        'query',
        'mutation { withdrawReferral(id: "x", reason: "r") { referral { id } } }',
      );
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${referrer.token}`, 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      const body = (await response.json()) as Loose;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(standIn.requests).toBe(0);
    });
  });
});

// ---- recovery --------------------------------------------------------------------------------------

describe('after the faults, with every subgraph back', () => {
  it('the same queries and a mutation answer in full, without restarting the gateway', async () => {
    const ready = await fetch(new URL('/ready', hub.gatewayUrl));
    expect(ready.status).toBe(200);
    const directory = await staff.query<Loose>(DIRECTORY_AND_PARTNERS);
    expect(directory.body.errors).toBeUndefined();
    expect(directory.body.data!.reconnectService).toEqual({ code: 'RC-NW' });

    const key = newKey('after');
    const submitted = await submitUntilStored(key);
    expect((await storedFor(key)).referrals).toBe(1);

    const caseload = await staff.query<Loose>(CASELOAD);
    expect(caseload.body.errors).toBeUndefined();
    const nodes = caseload.body.data!.referrals.nodes as Loose[];
    expect(nodes.every((n) => n.person.givenName === 'Alex')).toBe(true);
    expect(nodes.map((n) => n.id)).toContain(submitted.referral.id);
  });
});

// ---- the database goes away mid-load ---------------------------------------------------------------

describe.skipIf(!ON_POSTGRES)(
  'every database connection lost mid-load (PostgreSQL only: PGlite runs in-process and has no connections to lose)',
  () => {
    const SUBMISSIONS = 48;
    const CONCURRENCY = 8;
    /** After how many answers all of this database's connections are terminated. */
    const TERMINATE_AFTER = new Set([6, 18, 30]);
    const CODED_FAILURES = ['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR'];

    let server: DbHandle;
    beforeAll(async () => {
      // A connection to the server's maintenance database: it survives the terminations.
      server = await createDb({ url: testConfig().TEST_DATABASE_URL, maxConnections: 1 });
    });
    afterAll(async () => {
      await server?.close();
    });

    /** What a server restart does to the hub's pool: every backend of its database ends. */
    async function terminateHubConnections(): Promise<number> {
      const name = new URL(hub.database.url!).pathname.slice(1);
      const rows = rowsOf<{ n: number }>(
        await server.db.execute(sql`
          select count(*) filter (where pg_terminate_backend(pid))::int as n
          from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`),
      );
      return Number(rows[0]?.n ?? 0);
    }

    it('no committed submission is lost or doubled, failures are coded, and the hub reconnects by itself', async () => {
      const keys = Array.from({ length: SUBMISSIONS }, () => newKey('db-loss'));
      const answers = new Map<string, GraphqlResponse<Loose>>();
      const terminations: Promise<number>[] = [];
      let next = 0;
      const worker = async () => {
        while (next < keys.length) {
          const key = keys[next++]!;
          answers.set(key, await submit(key));
          // Counted in answers, not time: the other workers' requests are in flight at that moment.
          if (TERMINATE_AFTER.has(answers.size)) terminations.push(terminateHubConnections());
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const terminated = await Promise.all(terminations);
      expect(terminated).toHaveLength(TERMINATE_AFTER.size);
      expect(terminated.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

      const succeeded = new Map<string, string>();
      const failures: string[] = [];
      for (const [key, answer] of answers) {
        expect(answer.status).toBe(200);
        const id = (answer.body.data?.submitReferral as Loose | undefined)?.referral?.id as
          string | undefined;
        if (id) {
          expect(answer.body.errors).toBeUndefined();
          succeeded.set(key, id);
        } else {
          expect(codesOf(answer).length).toBeGreaterThan(0);
          for (const code of codesOf(answer)) expect(CODED_FAILURES).toContain(code);
          failures.push(key);
        }
      }
      expect(succeeded.size + failures.length).toBe(SUBMISSIONS);

      // Every success is stored once, under its key; a failure is stored at most once.
      for (const [key, id] of succeeded)
        expect(await storedFor(key)).toEqual({ referrals: 1, keyedIds: [id] });
      for (const key of failures) expect((await storedFor(key)).referrals).toBeLessThanOrEqual(1);

      // The hub is back by itself: each failed submission, retried with its key, now succeeds once.
      for (const key of failures) {
        const id = (await submitUntilStored(key)).referral.id as string;
        expect(await storedFor(key)).toEqual({ referrals: 1, keyedIds: [id] });
      }
      const total = rowsOf<{ n: number }>(
        await hub.database.handle.db.execute(
          sql`select count(*)::int as n from referral.referrals
              where reason_for_referral like 'fault test faults-db-loss-%'`,
        ),
      );
      expect(Number(total[0]?.n)).toBe(SUBMISSIONS);
      expect((await staff.query<Loose>(CASELOAD)).body.errors).toBeUndefined();
      await hub.auditSequencer.drain();
      expect(await verifyAuditChain(hub.database.handle.db, { trustedKeys: hub.auditKeys })).toMatchObject({
        ok: true,
        pending: 0,
      });
    }, 120_000);
  },
);
