/**
 * The load test behind `pnpm loadtest` (issue 7, item 8). On a PostgreSQL server: a database of
 * its own (created, migrated, seeded with the reference and demo data, dropped afterwards), the
 * whole hub in this process on loopback ports with a key pair made for the run, and autocannon
 * sending the mix of scripts/lib/loadtest-traffic.ts for a fixed time. Then it reports throughput,
 * latency and errors, overall and per operation, and checks what must hold after any amount of
 * load: no 5xx, no internal error, every submission the hub answered stored exactly once under its
 * idempotency key (and no referral twice), and the audit trail intact (what `pnpm audit:verify`
 * checks): the hub's audit sequencer runs during the load as it does in production; afterwards a
 * sequencer drains what is left, and every event must be chained, covered by a checkpoint whose
 * root and signature verify.
 *
 * autocannon runs in the same process as the hub, so both share the machine's cores: the figures
 * are for the hub and its load generator together, on one host.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import {
  AuditSequencer,
  createAuditSigner,
  generateAuditSigningKey,
  trustedKeys,
  verifyAuditChain,
  type ChainReport,
} from '../../packages/audit/src/index.ts';
import { signCallerToken } from '../../packages/auth/src/index.ts';
import { Clock } from '../../packages/config/src/index.ts';
import { createDb, rowsOf, sql, type DbHandle } from '../../packages/db/src/index.ts';
import { WebhookSecretKeyring } from '../../packages/events/src/index.ts';
import { createLogger, type Logger } from '../../packages/graph/src/index.ts';
import {
  ALL_MIGRATIONS,
  seedDemoData,
  seedReferenceData,
  startEmbeddedHub,
  type EmbeddedHub,
} from '../../hub/src/index.ts';
import {
  OPERATIONS,
  Traffic,
  type Operation,
  type OperationStats,
  type PlannedRequest,
  type TrafficSetup,
} from './loadtest-traffic.ts';

const ISSUER = 'reconnect-hub-loadtest';
const AUDIENCE = 'reconnect-hub';
/** The gateway's subgraph timeout, as `pnpm start` has it by default. */
const SUBGRAPH_TIMEOUT_MS = 10_000;
/** Codes that are a fault of the hub, not a refusal of the caller. */
const FAULT_CODES = ['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR', 'NO_CODE', 'UNREADABLE_RESPONSE'];

export interface LoadtestOptions {
  /** A PostgreSQL URL naming the server (any database on it): the run's database is made there. */
  serverUrl: string;
  durationSeconds: number;
  connections: number;
  /** Keep the run's database afterwards (to inspect it, or to run `pnpm audit:verify` on it). */
  keep?: boolean;
  /** The hub's log (errors only by default, to stderr). */
  logger?: Logger;
  /** Where progress lines go (default: nowhere). */
  progress?: (line: string) => void;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

export interface OperationSummary {
  requests: number;
  ok: number;
  statuses: Record<string, number>;
  errors: Record<string, number>;
  latencyMs: LatencySummary;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface LoadtestSummary {
  database: string;
  kept: boolean;
  durationSeconds: number;
  connections: number;
  /** The machine the figures come from: its cores and 1-minute load average before and after. */
  host: { cpus: number; loadAverageBefore: number; loadAverageAfter: number };
  overall: {
    requests: number;
    throughputPerSecond: number;
    latencyMs: LatencySummary;
    statuses: Record<string, number>;
    errors: Record<string, number>;
    connectionErrors: number;
    timeouts: number;
  };
  operations: Record<Operation, OperationSummary>;
  submissions: {
    answered: number;
    replaysAnswered: number;
    storedForAnswered: number;
    referralsStored: number;
    keysStored: number;
    /** Answered submissions with no stored referral under their key, or another one. */
    lost: number;
    /** Referrals stored beyond one per key (a submission stored twice). */
    duplicated: number;
  };
  audit: ChainReport;
  checks: Check[];
  ok: boolean;
}

export async function runLoadtest(options: LoadtestOptions): Promise<LoadtestSummary> {
  const progress = options.progress ?? (() => {});
  // When autocannon stops it drops the requests in flight, which the hub still finishes while it
  // shuts down: their subgraph calls then fail. Those lines are noise, not findings of the run.
  let running = true;
  const logger =
    options.logger ??
    createLogger('error', 'loadtest', {
      write: (line: string) => void (running && process.stderr.write(line)),
    });
  const database = await openLoadtestDatabase(options.serverUrl, progress);
  let hub: EmbeddedHub | undefined;
  try {
    const keys = await runKeys();
    const auditSigningKey = generateAuditSigningKey();
    hub = await startEmbeddedHub({
      port: 0,
      host: '127.0.0.1',
      handle: database.handle,
      clock: database.clock,
      internalSecret: randomBytes(32).toString('base64url'),
      jwt: { jwks: keys.jwks, issuer: ISSUER, audience: AUDIENCE },
      logger,
      environment: 'test',
      subgraphTimeoutMs: SUBGRAPH_TIMEOUT_MS,
      // The run's one staff token stands for every connection's user: the per-caller cap on
      // requests in flight (GATEWAY_MAX_IN_FLIGHT_PER_CALLER, 8) would refuse the connections past it.
      limits: { maxInFlightPerCaller: Math.max(8, options.connections * 2) },
      dispatcher: false,
      auditSigningKey,
      webhooks: { secretKeys: WebhookSecretKeyring.generateEntry('loadtest') },
    });
    const traffic = await prepareTraffic(hub.gatewayUrl, {
      runId: database.name.replace(/^hub_loadtest_/, '').replace(/_/g, '-'),
      today: database.clock.today(),
      staffToken: await keys.token('RECONNECT_STAFF', 'RC-NW', 'loadtest-staff'),
      referrerToken: await keys.token('REFERRER', 'PROB-NW', 'loadtest-referrer'),
    });
    progress(`hub at ${hub.gatewayUrl}; ${options.connections} connections for ${options.durationSeconds} s`);

    const loadAverageBefore = round(loadavg()[0]!);
    const result = await driveTraffic(hub.gatewayUrl, traffic, options);
    const loadAverageAfter = round(loadavg()[0]!);
    running = false;
    await hub.stop();
    hub = undefined;

    const { submissions, audit } = await verifyAfterLoad(database.handle, traffic, auditSigningKey);
    return summariseLoadtest({
      options,
      database: database.name,
      host: { cpus: cpus().length, loadAverageBefore, loadAverageAfter },
      traffic,
      result,
      submissions,
      audit,
    });
  } finally {
    await hub?.stop().catch(() => {});
    await database.close(!options.keep);
  }
}

/**
 * The load test's steps, for a hub started elsewhere (`pnpm bench --instances`: several gateway
 * and subgraph processes behind round-robins): its database, the traffic ready against a gateway
 * URL, the timed drive, and the checks once the hub has stopped.
 */
export interface LoadtestDatabase {
  name: string;
  url: string;
  handle: DbHandle;
  /** The clock the demo data was seeded by (today's dates are relative to it). */
  clock: Clock;
  /** Closes the handle, and drops the database unless told to keep it. */
  close(drop?: boolean): Promise<void>;
}

/** A database of the run's own on `serverUrl`'s server, migrated and seeded (reference and demo data). */
export async function openLoadtestDatabase(
  serverUrl: string,
  progress: (line: string) => void = () => {},
): Promise<LoadtestDatabase> {
  const database = await createRunDatabase(serverUrl);
  progress(`database ${database.name} on ${new URL(serverUrl).host}`);
  let handle: DbHandle | undefined;
  try {
    handle = await createDb({ url: database.url });
    await handle.migrate(ALL_MIGRATIONS);
    const clock = new Clock();
    await seedReferenceData(handle.db);
    await seedDemoData(handle.db, clock);
    progress('migrated and seeded (reference and demo data)');
    const opened = handle;
    return {
      name: database.name,
      url: database.url,
      handle: opened,
      clock,
      close: async (drop = true) => {
        await opened.close().catch(() => {});
        if (drop) await database.drop();
      },
    };
  } catch (error) {
    await handle?.close().catch(() => {});
    await database.drop();
    throw error;
  }
}

/** The mix for one run against `gatewayUrl`: the caseload it reads from, warmed up. */
export async function prepareTraffic(
  gatewayUrl: string,
  setup: Omit<TrafficSetup, 'referralIds' | 'openReferralIds'>,
): Promise<Traffic> {
  const traffic = new Traffic({ ...setup, ...(await caseloadOf(gatewayUrl, setup.staffToken)) });
  await warmUp(gatewayUrl, traffic);
  return traffic;
}

/**
 * After the load, with the hub stopped: what was stored for the answered submissions, and the
 * audit trail as `pnpm audit:verify` checks it, once a sequencer has drained what the hub's
 * sequencers had not reached when they stopped (as a restarted process would).
 */
export async function verifyAfterLoad(
  handle: DbHandle,
  traffic: Traffic,
  auditSigningKey: string,
): Promise<{ submissions: StoredSubmissions; audit: ChainReport }> {
  const submissions = await storedSubmissions(handle, traffic);
  await new AuditSequencer({ db: handle.db, signer: createAuditSigner(auditSigningKey) }).drain();
  const audit = await verifyAuditChain(handle.db, { trustedKeys: trustedKeys([auditSigningKey]) });
  return { submissions, audit };
}

// ---- the run's database and keys -----------------------------------------------------------------

interface RunDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, fn: (server: DbHandle) => Promise<T>): Promise<T> {
  const server = await createDb({ url: serverUrl, maxConnections: 1 });
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

async function createRunDatabase(serverUrl: string): Promise<RunDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `hub_loadtest_${stamp}_${randomBytes(2).toString('hex')}`;
  await onServer(serverUrl, (server) => server.db.execute(sql.raw(`CREATE DATABASE "${name}"`)));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, (server) =>
        server.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
      ).then(() => {}),
  };
}

/** A key pair made for this run: the gateway trusts its public half; tokens are signed with the other. */
async function runKeys() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `loadtest-${randomBytes(4).toString('hex')}`;
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  return {
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] },
    token: (role: string, org: string, sub: string) =>
      signCallerToken(signingKey, { roles: [role], org, sub, issuer: ISSUER, audience: AUDIENCE }),
  };
}

// ---- before the run --------------------------------------------------------------------------------

async function post(url: string, token: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The North West demo caseload, as its staff see it: what detail reads and contacts pick from. */
async function caseloadOf(gatewayUrl: string, staffToken: string) {
  const query = '{ referrals(first: 100) { nodes { id status } } }';
  const answer = await post(gatewayUrl, staffToken, JSON.stringify({ query }));
  const body = JSON.parse(answer.text) as {
    data?: { referrals?: { nodes: { id: string; status: string }[] } };
    errors?: unknown[];
  };
  const nodes = body.data?.referrals?.nodes ?? [];
  const open = nodes.filter((n) => ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'].includes(n.status));
  if (body.errors || open.length === 0) {
    throw new Error(`the demo caseload could not be read: ${answer.status} ${answer.text.slice(0, 300)}`);
  }
  return { referralIds: nodes.map((n) => n.id), openReferralIds: open.map((n) => n.id) };
}

/**
 * Two rounds of the mix, one request at a time, before the clock starts: first-request costs stay
 * out of the figures. What they submit is checked with the rest.
 */
async function warmUp(gatewayUrl: string, traffic: Traffic): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    const request = traffic.next();
    const answer = await post(gatewayUrl, request.token, request.body);
    traffic.record(request, answer.status, answer.text, 0);
  }
  traffic.resetStats();
}

// ---- the run ---------------------------------------------------------------------------------------

interface Context {
  request?: PlannedRequest;
  startedAt?: number;
}

/** autocannon sending the mix to `gatewayUrl` for the run's time, at its fixed concurrency. */
export function driveTraffic(
  gatewayUrl: string,
  traffic: Traffic,
  options: Pick<LoadtestOptions, 'connections' | 'durationSeconds'>,
): Promise<autocannon.Result> {
  const url = new URL(gatewayUrl);
  return autocannon({
    url: `${url.origin}`,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    requests: [
      {
        // Called just before each request is written; the context lives until its answer.
        setupRequest: (request, context: Context) => {
          const planned = traffic.next();
          context.request = planned;
          context.startedAt = performance.now();
          return {
            ...request,
            method: 'POST',
            path: url.pathname,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${planned.token}` },
            body: planned.body,
          };
        },
        onResponse: (status, body, context: Context) => {
          if (!context.request) return;
          traffic.record(context.request, status, body, performance.now() - (context.startedAt ?? 0));
        },
      },
    ],
  });
}

// ---- after the run ---------------------------------------------------------------------------------

export interface StoredSubmissions {
  /** Answered submissions whose key names the referral the answer named. */
  storedForAnswered: number;
  /** Answered keys with no idempotency row, or one naming another referral. */
  missing: string[];
  /** Reasons for referral (one per submission) stored more than once. */
  duplicated: string[];
  referralsStored: number;
  keysStored: number;
  /** Replays that named another referral than the first answer. */
  mismatchedReplays: string[];
}

async function storedSubmissions(handle: DbHandle, traffic: Traffic): Promise<StoredSubmissions> {
  const keys = rowsOf<{ key: string; referral_id: string }>(
    await handle.db.execute(
      sql`select key, referral_id from referral.idempotency_keys where key like ${`${traffic.keyPrefix}%`}`,
    ),
  );
  const keyed = new Map(keys.map((row) => [row.key, row.referral_id]));
  const reasons = rowsOf<{ reason: string; n: number }>(
    await handle.db.execute(sql`
      select reason_for_referral as reason, count(*)::int as n from referral.referrals
      where reason_for_referral like ${traffic.reasonPattern} group by reason_for_referral`),
  );
  const referralsStored = reasons.reduce((n, row) => n + Number(row.n), 0);
  const duplicated = reasons.filter((row) => Number(row.n) > 1).map((row) => row.reason);
  const missing: string[] = [];
  let storedForAnswered = 0;
  for (const [key, answered] of traffic.submitted) {
    if (keyed.get(key) === answered.id) storedForAnswered += 1;
    else missing.push(key);
  }
  const mismatchedReplays = [...traffic.submitted].filter(([, s]) => s.mismatched).map(([k]) => k);
  return {
    storedForAnswered,
    missing,
    duplicated,
    referralsStored,
    keysStored: keyed.size,
    mismatchedReplays,
  };
}

export function summariseLoadtest(facts: {
  options: Pick<LoadtestOptions, 'keep' | 'durationSeconds' | 'connections'>;
  database: string;
  host: LoadtestSummary['host'];
  traffic: Traffic;
  result: autocannon.Result;
  submissions: StoredSubmissions;
  audit: ChainReport;
}): LoadtestSummary {
  const { options, traffic, result, submissions, audit } = facts;
  const operations = Object.fromEntries(
    OPERATIONS.map((o) => [o, summariseOperation(traffic.stats[o])]),
  ) as Record<Operation, OperationSummary>;
  const overallErrors = sumCounts(OPERATIONS.map((o) => traffic.stats[o].errors));
  const overallStatuses = sumCounts(OPERATIONS.map((o) => traffic.stats[o].statuses));
  const checks = runChecks({ result, overallErrors, overallStatuses, submissions, audit });
  return {
    database: facts.database,
    kept: options.keep === true,
    durationSeconds: options.durationSeconds,
    connections: options.connections,
    host: facts.host,
    overall: {
      requests: result.requests.total,
      throughputPerSecond: round(result.requests.total / result.duration),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      statuses: overallStatuses,
      errors: overallErrors,
      connectionErrors: result.errors,
      timeouts: result.timeouts,
    },
    operations,
    submissions: {
      answered: traffic.submitted.size,
      replaysAnswered: [...traffic.submitted.values()].reduce((n, s) => n + s.replays, 0),
      storedForAnswered: submissions.storedForAnswered,
      referralsStored: submissions.referralsStored,
      keysStored: submissions.keysStored,
      lost: submissions.missing.length,
      duplicated: Math.max(
        submissions.duplicated.length,
        submissions.referralsStored - submissions.keysStored,
      ),
    },
    audit,
    checks,
    ok: checks.every((c) => c.ok),
  };
}

function runChecks(facts: {
  result: autocannon.Result;
  overallErrors: Record<string, number>;
  overallStatuses: Record<string, number>;
  submissions: StoredSubmissions;
  audit: ChainReport;
}): Check[] {
  const { result, overallErrors, overallStatuses, submissions, audit } = facts;
  const fiveHundreds = Object.entries(overallStatuses)
    .filter(([status]) => Number(status) >= 500)
    .reduce((n, [, count]) => n + count, 0);
  const faults = FAULT_CODES.map((code) => [code, overallErrors[code] ?? 0] as const).filter(
    ([, n]) => n > 0,
  );
  return [
    {
      name: 'no 5xx',
      ok: fiveHundreds === 0 && result['5xx'] === 0,
      detail: `${Math.max(fiveHundreds, result['5xx'])} answers with a 5xx status`,
    },
    {
      name: 'no internal or downstream error, every error coded',
      ok: faults.length === 0,
      detail: faults.length ? faults.map(([c, n]) => `${c}: ${n}`).join(', ') : 'none',
    },
    {
      name: 'every answered submission stored exactly once, under its key',
      ok: submissions.missing.length === 0 && submissions.mismatchedReplays.length === 0,
      detail:
        `${submissions.storedForAnswered} stored as answered; missing or other referral: ` +
        `${submissions.missing.length}; replays naming another referral: ${submissions.mismatchedReplays.length}`,
    },
    {
      name: 'no referral stored twice for one idempotency key',
      ok: submissions.duplicated.length === 0 && submissions.referralsStored === submissions.keysStored,
      detail: `${submissions.referralsStored} referrals for ${submissions.keysStored} keys; ${submissions.duplicated.length} stored twice`,
    },
    {
      name: 'audit chain and checkpoints intact (pnpm audit:verify)',
      ok: audit.ok,
      detail: audit.ok
        ? `${audit.checked} events chained, ${audit.checkpoints} signed checkpoints`
        : `${audit.problemCount} problems, first: ${audit.problems[0]?.detail ?? '?'}`,
    },
    {
      name: 'every audit event chained and in the newest signed checkpoint',
      ok: audit.pending === 0 && audit.checked > 0 && audit.newestCheckpoint?.treeSize === audit.checked,
      detail: `${audit.pending} pending; newest checkpoint covers ${audit.newestCheckpoint?.treeSize ?? 0} of ${audit.checked}`,
    },
  ];
}

function summariseOperation(stats: OperationStats): OperationSummary {
  return {
    requests: stats.requests,
    ok: stats.ok,
    statuses: stats.statuses,
    errors: stats.errors,
    latencyMs: percentiles(stats.latencies),
  };
}

function percentiles(values: number[]): LatencySummary {
  if (values.length === 0) return { p50: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { p50: at(0.5), p99: at(0.99), max: round(sorted[sorted.length - 1]!) };
}

function sumCounts(counts: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const c of counts) for (const [k, n] of Object.entries(c)) total[k] = (total[k] ?? 0) + n;
  return total;
}

const round = (n: number) => Math.round(n * 10) / 10;
