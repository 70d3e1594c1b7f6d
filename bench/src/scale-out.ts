/**
 * The scale-out phase of `pnpm bench --instances N` (issue 14, item 4): the load test's mixed
 * traffic (scripts/lib/loadtest.ts: caseload reads, detail, submissions, transitions) against the
 * hub run as N processes of every subgraph and N gateways, each kind behind a loopback round-robin
 * (bench/src/round-robin.ts), on one PostgreSQL, once per instance count asked for. The gateways
 * reach the subgraphs through their round-robins, and so do the subgraphs each other; the load
 * generator talks to the gateways' round-robin. One instance is measured the same way (a
 * round-robin of one), so the counts differ only in the processes behind it.
 *
 * It runs on the load test's own database (made on the bench's server for each count, seeded with
 * the demo data, dropped afterwards), not on the scale's: its transitions and contacts would change the seeded
 * caseload the variants time. After each count's load its processes stop, and the load test's
 * checks run: every answered submission stored once under its key (nothing lost, nothing
 * duplicated), and the audit chain as `pnpm audit:verify` checks it, every event chained and in a
 * signed checkpoint, whichever instance's sequencer did the chaining.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle } from '../../packages/db/src/index.ts';
import {
  driveTraffic,
  openLoadtestDatabase,
  prepareTraffic,
  summariseLoadtest,
  verifyAfterLoad,
  type Check,
  type LoadtestDatabase,
} from '../../scripts/lib/loadtest.ts';
import { ask } from './counts.ts';
import { caseloadBody } from './operations.ts';
import { perCore, roundedPerCore, type PerCore } from './per-core.ts';
import {
  AUDIT_SIGNING_KEY,
  SUBGRAPHS,
  UsageMeter,
  freePort,
  startGateway,
  startRoundRobins,
  startSubgraphs,
  stopProcesses,
  type HubProcess,
  type SplitHubOptions,
} from './processes.ts';
import { ROUND_ROBIN_STATS_PATH, type RoundRobinStats } from './round-robin.ts';
import { round } from './stats.ts';
import { BENCH_AUDIENCE, BENCH_ISSUER, benchCaller, type BenchKeys } from './tokens.ts';

/** What the phase needs of the run (bench/src/main.ts hands it the run's own). */
export interface ScaleOutContext {
  settings: { seconds: number; rounds: number; connections: number; warmup: number };
  /** Any database URL on the bench's PostgreSQL server: the load test's database is made beside it. */
  serverUrl: string;
  keys: BenchKeys;
  /** Every process started, for the caller to stop whatever happens. */
  running: HubProcess[];
  /** Logs go under it, one folder per instance count. */
  work: string;
  log: (line: string) => void;
}

export interface ScaleOutRun {
  instances: number;
  /** The load test database of this count (made for it, dropped after it). */
  database: string;
  /** The machine's 1-minute load average before and after the timed load (other jobs show here). */
  loadAverage: { before: number; after: number };
  /** DATABASE_POOL_SIZE of each subgraph process (poolSizeAt). */
  poolSize: number;
  /** Seconds of timed load (the run's duration times its rounds) at the run's concurrency. */
  seconds: number;
  connections: number;
  requests: number;
  /** Completed requests per second, all operations together. */
  rps: number;
  /** autocannon's whole-millisecond percentiles over all requests. */
  p50: number;
  p99: number;
  /** Per kind of request; errors are GraphQL error codes, one count per error. */
  operations: Record<
    string,
    { requests: number; ok: number; p50: number; p99: number; errors: Record<string, number> }
  >;
  perCore: PerCore;
  /** CPU milliseconds per process during the timed load (postgres: the database's backends). */
  cpuMs: Record<string, number>;
  /** What each round-robin passed to each of its upstreams, by the kind of process behind it. */
  roundRobins: Record<string, RoundRobinStats>;
  submissions: { answered: number; replaysAnswered: number; lost: number; duplicated: number };
  audit: { ok: boolean; checked: number; pending: number; checkpoints: number; problems: number };
  /** The load test's checks, and that every process behind every round-robin answered. */
  checks: Check[];
  ok: boolean;
}

export interface ScaleOutResult {
  runs: ScaleOutRun[];
}

/**
 * The connections each subgraph process may hold at `instances` instances: the ten of one
 * instance (the hub's default pool) shared among the replicas. Ten each would take 40 connections
 * more per instance, and two instances with the bench's own already brush PostgreSQL's default
 * `max_connections` of 100 (too_many_connections, seen on a shared server): one database, one
 * connection budget, whatever the count.
 */
export function poolSizeAt(instances: number): number {
  return Math.max(2, Math.floor(POOL_PER_SUBGRAPH / instances));
}

const POOL_PER_SUBGRAPH = 10;

/** `--instances`: `2` measures 1 and 2 (one is the comparison); `1,2,3` exactly those. */
export function instanceCounts(value: string): number[] | undefined {
  const counts = value.split(',').map((v) => Number(v.trim()));
  if (counts.length === 0 || counts.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) return undefined;
  if (counts.length === 1 && counts[0]! > 1) counts.unshift(1);
  return [...new Set(counts)];
}

export async function runScaleOut(run: ScaleOutContext, counts: number[]): Promise<ScaleOutResult> {
  run.log(`scale-out: the load test's mix at ${counts.join(', ')} instance(s)`);
  const runs: ScaleOutRun[] = [];
  for (const instances of counts) {
    // A fresh database for each count: what an earlier count submitted would otherwise join the
    // caseload the next one reads and transitions (contacts on referrals not yet accepted are
    // refused), and each count's audit chain would start where the last one's ended.
    const database = await openLoadtestDatabase(run.serverUrl, (line) => run.log(`  ${line}`));
    const meterHandle = await createDb({ url: database.url, maxConnections: 1 });
    try {
      runs.push(await atInstances(run, database, meterHandle, instances));
    } finally {
      await meterHandle.close();
      await database.close(true);
    }
  }
  return { runs };
}

/** One instance count: its processes started, warmed, timed, stopped, then the checks. */
async function atInstances(
  run: ScaleOutContext,
  database: LoadtestDatabase,
  meterHandle: DbHandle,
  instances: number,
): Promise<ScaleOutRun> {
  const { seconds, rounds, connections, warmup } = run.settings;
  const logDir = join(run.work, `instances-${instances}`);
  mkdirSync(logDir, { recursive: true });
  const split: SplitHubOptions = {
    started: run.running,
    databaseUrl: database.url,
    internalSecret: run.keys.internalSecret,
    jwksFile: run.keys.jwksFile,
    issuer: BENCH_ISSUER,
    audience: BENCH_AUDIENCE,
    logDir,
    poolSize: poolSizeAt(instances),
  };
  const staff = await benchCaller(run.keys, ['RECONNECT_STAFF'], { org: 'RC-NW', sub: 'loadtest-staff' });
  const referrer = await benchCaller(run.keys, ['REFERRER'], { org: 'PROB-NW', sub: 'loadtest-referrer' });
  run.log(`  ${instances} instance(s): starting ${instances * (SUBGRAPHS.length + 1) + 1} processes`);
  const hub = await startScaledHub(split, instances, async (url) => {
    await ask(url, staff.token, caseloadBody(1));
    return true;
  });
  try {
    const traffic = await prepareTraffic(hub.gatewayUrl, {
      runId: `${database.name.replace(/^hub_loadtest_/, '').replace(/_/g, '-')}-x${instances}`,
      today: database.clock.today(),
      staffToken: staff.token,
      referrerToken: referrer.token,
    });
    if (warmup > 0) {
      // Unmeasured, but its submissions are checked with the rest.
      await driveTraffic(hub.gatewayUrl, traffic, { connections, durationSeconds: warmup });
      traffic.resetStats();
    }
    const meter = new UsageMeter(() => hub.processes, meterHandle, database.name);
    const loadAverageBefore = round(loadavg()[0]!);
    await meter.start();
    const result = await driveTraffic(hub.gatewayUrl, traffic, {
      connections,
      durationSeconds: seconds * rounds,
    });
    const usage = await meter.stop();
    const loadAverageAfter = round(loadavg()[0]!);
    const roundRobins = await roundRobinStats(hub.roundRobins);
    await stopHub(run, hub.processes);
    const { submissions, audit } = await verifyAfterLoad(database.handle, traffic, AUDIT_SIGNING_KEY);
    const summary = summariseLoadtest({
      options: { durationSeconds: seconds * rounds, connections },
      database: database.name,
      host: { cpus: availableParallelism(), loadAverageBefore, loadAverageAfter },
      traffic,
      result,
      submissions,
      audit,
    });
    const rps = result.requests.total / result.duration;
    const cpuMsPerRequest = Object.fromEntries(
      Object.entries(usage.cpuMs).map(([name, ms]) => [
        name,
        result.requests.total ? ms / result.requests.total : 0,
      ]),
    );
    const checks = [...summary.checks, ...roundRobinChecks(roundRobins)];
    const measured: ScaleOutRun = {
      instances,
      database: database.name,
      loadAverage: { before: loadAverageBefore, after: loadAverageAfter },
      poolSize: poolSizeAt(instances),
      seconds: round(result.duration),
      connections,
      requests: result.requests.total,
      rps: round(rps),
      p50: summary.overall.latencyMs.p50,
      p99: summary.overall.latencyMs.p99,
      operations: Object.fromEntries(
        Object.entries(summary.operations).map(([op, o]) => [
          op,
          { requests: o.requests, ok: o.ok, p50: o.latencyMs.p50, p99: o.latencyMs.p99, errors: o.errors },
        ]),
      ),
      perCore: roundedPerCore(perCore(rps, availableParallelism(), cpuMsPerRequest)),
      cpuMs: Object.fromEntries(Object.entries(usage.cpuMs).map(([name, ms]) => [name, Math.round(ms)])),
      roundRobins,
      submissions: {
        answered: summary.submissions.answered,
        replaysAnswered: summary.submissions.replaysAnswered,
        lost: summary.submissions.lost,
        duplicated: summary.submissions.duplicated,
      },
      audit: {
        ok: audit.ok,
        checked: audit.checked,
        pending: audit.pending,
        checkpoints: audit.checkpoints,
        problems: audit.problemCount,
      },
      checks,
      ok: checks.every((c) => c.ok),
    };
    run.log(
      `  ${instances} instance(s): ${measured.rps} req/s (${measured.perCore.rpsPerCore} per core), p50 ${measured.p50} ms, p99 ${measured.p99} ms; lost ${measured.submissions.lost}, duplicated ${measured.submissions.duplicated}; audit chain ${audit.ok ? 'verifies' : 'BROKEN'} (${audit.checked} events, ${audit.pending} pending)`,
    );
    for (const c of checks.filter((c) => !c.ok)) run.log(`  FAIL ${c.name}: ${c.detail}`);
    return measured;
  } finally {
    await stopHub(run, hub.processes);
  }
}

interface ScaledHub {
  /** The gateways' round-robin: where the load goes. */
  gatewayUrl: string;
  /** Every process of this hub, the round-robins' included. */
  processes: HubProcess[];
  /** Each round-robin's base URL, by the kind of process behind it. */
  roundRobins: Record<string, string>;
}

/**
 * `instances` processes of every subgraph and of the Apollo gateway, each kind behind a
 * round-robin. Every port is chosen first, so that each process is told at start where the
 * round-robins in front of the others are.
 */
async function startScaledHub(
  split: SplitHubOptions,
  instances: number,
  ready: (url: string) => Promise<boolean>,
): Promise<ScaledHub> {
  const kinds = [...SUBGRAPHS, 'gateway'];
  const portsOf = async () =>
    Object.fromEntries(await Promise.all(kinds.map(async (k) => [k, await freePort()])));
  const front = await portsOf();
  const behind: Record<string, number>[] = [];
  for (let i = 0; i < instances; i += 1) behind.push(await portsOf());
  const roundRobins = Object.fromEntries(kinds.map((k) => [k, `http://127.0.0.1:${front[k]}`]));
  const viaRoundRobin = Object.fromEntries(SUBGRAPHS.map((s) => [s, `${roundRobins[s]}/graphql`]));
  const processes: HubProcess[] = [];
  try {
    processes.push(
      await startRoundRobins(
        split,
        kinds.map((k) => ({
          port: front[k]!,
          upstreams: behind.map((ports) => `http://127.0.0.1:${ports[k]}`),
        })),
      ),
    );
    for (let i = 0; i < instances; i += 1) {
      const set = await startSubgraphs(split, { instance: i + 1, ports: behind[i], peerUrls: viaRoundRobin });
      processes.push(...set.processes);
    }
    for (let i = 0; i < instances; i += 1) {
      processes.push(
        await startGateway(split, viaRoundRobin, 'apollo', ready, {
          instance: i + 1,
          port: behind[i]!.gateway,
        }),
      );
    }
  } catch (error) {
    await stopProcesses(processes);
    throw error;
  }
  return { gatewayUrl: `${roundRobins.gateway}/graphql`, processes, roundRobins };
}

/** Stops this hub's processes and takes them off the run's list (a second call does nothing). */
async function stopHub(run: ScaleOutContext, processes: HubProcess[]): Promise<void> {
  await stopProcesses(processes);
  for (const p of processes) {
    const i = run.running.indexOf(p);
    if (i >= 0) run.running.splice(i, 1);
  }
}

async function roundRobinStats(urls: Record<string, string>): Promise<Record<string, RoundRobinStats>> {
  const stats: Record<string, RoundRobinStats> = {};
  for (const [kind, url] of Object.entries(urls)) {
    const body = (await (await fetch(`${url}${ROUND_ROBIN_STATS_PATH}`)).json()) as RoundRobinStats;
    stats[kind] = { answered: body.answered, retried: body.retried, failed: body.failed };
  }
  return stats;
}

/** The scale-out is real only if every process behind every round-robin took its share. */
function roundRobinChecks(stats: Record<string, RoundRobinStats>): Check[] {
  const idle = Object.entries(stats).filter(([, s]) => s.answered.some((n) => n === 0));
  const failed = Object.entries(stats).filter(([, s]) => s.failed > 0);
  return [
    {
      name: 'every process behind every round-robin answered',
      ok: idle.length === 0,
      detail: Object.entries(stats)
        .map(([kind, s]) => `${kind} ${s.answered.join('/')}`)
        .join(', '),
    },
    {
      name: 'no request failed at a round-robin',
      ok: failed.length === 0,
      detail: failed.length ? failed.map(([kind, s]) => `${kind}: ${s.failed}`).join(', ') : 'none',
    },
  ];
}
