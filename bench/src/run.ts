/**
 * One benchmark run, in its phases: counting (in process, deterministic), starting the hub as
 * separate processes, checking every variant once, warming up, the interleaved timed rounds, and
 * the result with its ratios and targets.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../packages/db/src/index.ts';
import { startCountingHub, type CountingHub } from './counting-hub.ts';
import { ask, countOperation, keepsCallersApart, type OperationCount } from './counts.ts';
import { removeSubmissionsNow, type BenchDatabase } from './database.ts';
import { compareWithHub, runFloor } from './floor.ts';
import type { LoadResult } from './load.ts';
import { bodyOf, caseloadBody, findScenario, type OperationName, type Scenario } from './operations.ts';
import { perCore, roundedPerCore } from './per-core.ts';
import { criticalPath, planOf, type PlanFetch } from './plan.ts';
import {
  ROOT,
  UsageMeter,
  startGateway,
  startSubgraphs,
  type HubProcess,
  type ProcessUsage,
  type SplitHubOptions,
} from './processes.ts';
import type { RecordedFetch } from './proxy.ts';
import {
  RESULT_VERSION,
  latestResults,
  summariseVariant,
  targetsOf,
  type BenchResult,
  type VariantResult,
} from './report.ts';
import { round } from './stats.ts';
import { BENCH_AUDIENCE, BENCH_ISSUER, benchCaller, type BenchKeys, type Caller } from './tokens.ts';
import {
  directVariants,
  floorVariant,
  gatewayVariants,
  type Variant,
  type VariantContext,
} from './variants.ts';

export const OPERATIONS: OperationName[] = ['caseload', 'detail', 'submit'];
/** The postgres.js pool of every subgraph process (createDb's default) and of the floor. */
const POOL_SIZE = 10;
const CASELOAD_SERVICE = 'RC-NW';
const SUBMIT_SERVICE = 'RC-SW';
/** A second service's worker, to check that no engine gives one caller another's answer. */
const ISOLATION_SERVICE = 'RC-MID';

export interface Settings {
  scale: string;
  referrals: number;
  seconds: number;
  rounds: number;
  connections: number;
  warmup: number;
  engines: string[];
  /** The instance counts of the scale-out phase (bench/src/scale-out.ts), run after the variants. */
  instances: number[];
  out: string;
}

export interface RunContext {
  settings: Settings;
  db: BenchDatabase;
  keys: BenchKeys;
  /** Every process this run started, for the caller to stop whatever happens. */
  running: HubProcess[];
  /** Logs and the run's key pair. */
  work: string;
  startedAt: string;
  loadAverageAtStart: number[];
  log: (line: string) => void;
}

interface Callers {
  scenario: Scenario;
  staff: Caller;
  referrer: Caller;
  callerOf: (operation: OperationName) => Caller;
}

/** What the run learned before timing anything. */
interface Findings {
  counts: Record<string, OperationCount>;
  plans: Record<string, PlanFetch[]>;
  notes: string[];
  /** Why an engine other than apollo cannot be timed, by engine. */
  engineProblems: Map<string, string>;
}

export async function runBenchmark(run: RunContext): Promise<BenchResult> {
  const callers = await callersOf(run);
  const findings = await countAndPlan(run, callers);
  await removeSubmissionsNow(run.db.handle);
  const skipped: BenchResult['skipped'] = [];
  const { gateways, subgraphUrls } = await startSplitHub(run, callers, findings, skipped);
  const floorPool = await createDb({ url: run.db.url, maxConnections: POOL_SIZE });
  const meterHandle = await createDb({ url: run.db.url, maxConnections: 1 });
  try {
    const ctx: VariantContext = {
      scenario: callers.scenario,
      connections: run.settings.connections,
      callerOf: callers.callerOf,
    };
    const variants = [
      ...Object.entries(gateways).flatMap(([engine, url]) => gatewayVariants(ctx, engine, url, OPERATIONS)),
      floorVariant(ctx, floorPool),
      // One at a time: latency without queueing, for the gateway's overhead over its critical path.
      ...gatewayVariants(ctx, 'apollo', gateways.apollo!, OPERATIONS, 1),
      floorVariant(ctx, floorPool, 1),
      ...OPERATIONS.flatMap((op) =>
        directVariants(ctx, op, findings.plans[op]!, subgraphUrls, run.keys.internalSecret),
      ),
    ];
    const usable = await checked(run, variants, skipped);
    const meter = new UsageMeter(() => run.running, meterHandle, run.db.name);
    const { results, peakIsPerVariant } = await timedRounds(run, usable, meter);
    return assemble(run, callers.scenario, findings, results, skipped, peakIsPerVariant);
  } finally {
    await floorPool.close();
    await meterHandle.close();
  }
}

async function callersOf(run: RunContext): Promise<Callers> {
  const scenario = await findScenario(run.db.handle, CASELOAD_SERVICE, SUBMIT_SERVICE);
  run.log(
    `caller: RECONNECT_STAFF of ${scenario.serviceCode} (caseload of ${scenario.caseloadSize}); submissions: REFERRER ${scenario.submit.referrerOrganisation}`,
  );
  if (scenario.caseloadSize < 50)
    throw new Error('the caseload has fewer than 50 referrals: seed a larger scale');
  const staff = await benchCaller(run.keys, ['RECONNECT_STAFF'], {
    org: scenario.serviceCode,
    staffId: scenario.staffId,
  });
  const referrer = await benchCaller(run.keys, ['REFERRER'], { org: scenario.submit.referrerOrganisation });
  return { scenario, staff, referrer, callerOf: (op) => (op === 'submit' ? referrer : staff) };
}

/** A second engine can run only when scripts/run-gateway.ts knows GATEWAY_ENGINE and the engine exists. */
function engineUnavailable(engine: string): string | undefined {
  const script = readFileSync(join(ROOT, 'scripts', 'run-gateway.ts'), 'utf8');
  if (!script.includes('GATEWAY_ENGINE')) {
    return `scripts/run-gateway.ts does not read GATEWAY_ENGINE yet, so the ${engine} engine cannot be started`;
  }
  if (engine !== 'hive' && engine !== 'hive-router') return `unknown engine ${engine}`;
  if (!existsSync(join(ROOT, 'gateway', 'src', 'hive.ts'))) return 'gateway/src/hive.ts does not exist yet';
  return undefined;
}

/**
 * Phase 1, in this process: statements and subgraph requests per operation (and per engine), the
 * floor checked against the hub's page, the plans learned from three runs each, and whether every
 * engine keeps concurrent callers apart.
 */
async function countAndPlan(run: RunContext, { scenario, staff, callerOf }: Callers): Promise<Findings> {
  run.log('counting statements and subgraph requests');
  const findings: Findings = { counts: {}, plans: {}, notes: [], engineProblems: new Map() };
  const { counts, plans, notes, engineProblems } = findings;
  for (const engine of run.settings.engines.filter((e) => e !== 'apollo')) {
    const problem = engineUnavailable(engine);
    if (problem) engineProblems.set(engine, problem);
  }
  const hubOptions = { handle: run.db.handle, internalSecret: run.keys.internalSecret, jwks: run.keys.jwks };
  const withHive = run.settings.engines.includes('hive') && !engineProblems.has('hive');
  let counting: CountingHub;
  try {
    counting = await startCountingHub({ ...hubOptions, hive: withHive });
  } catch (error) {
    if (!withHive) throw error;
    engineProblems.set(
      'hive',
      `Hive Gateway did not start in process: ${(error as Error).message.split('\n')[0]}`,
    );
    counting = await startCountingHub(hubOptions);
  }
  const count = async (op: OperationName, body = bodyOf(op, scenario), engine = 'apollo') =>
    countOperation(counting, callerOf(op).token, body, engine);
  try {
    // The first request of each operation builds the gateway's query plan: not counted.
    for (const op of OPERATIONS) await ask(counting.gatewayUrl, callerOf(op).token, bodyOf(op, scenario));
    counts['caseload@10'] = (await count('caseload', caseloadBody(10))).count;
    const page = await count('caseload', caseloadBody(50));
    counts['caseload@50'] = page.count;
    const problems = compareWithHub(await runFloor(run.db.handle, scenario.serviceCode, 50), page.answer, 50);
    if (problems.length) throw new Error(`the floor does not return the hub's page:\n${problems.join('\n')}`);
    counts.detail = (await count('detail')).count;
    counts.submit = (await count('submit')).count;
    for (const op of OPERATIONS) {
      // Fresh bodies: the same submission twice would be answered as a replay.
      const runs: RecordedFetch[][] = [];
      for (let i = 0; i < 3; i += 1) runs.push((await count(op)).fetches);
      plans[op] = planOf(runs);
    }
    const other = await benchCaller(run.keys, ['RECONNECT_STAFF'], { org: ISOLATION_SERVICE });
    for (const [engine, url] of Object.entries(counting.gateways)) {
      if (!(await keepsCallersApart(url, staff, other, caseloadBody(50)))) {
        notes.push(
          `${engine}: two callers asking the same query at once got one caller's answer (shared in-flight subgraph requests): a leak between organisations, and timings no traffic of distinct callers would see; its ratios are not comparable`,
        );
        run.log(`WARNING ${notes[notes.length - 1]}`);
      }
    }
    if (counting.gateways.hive) {
      try {
        for (const op of OPERATIONS) {
          await ask(counting.gateways.hive, callerOf(op).token, bodyOf(op, scenario));
          const body = op === 'caseload' ? caseloadBody(50) : bodyOf(op, scenario);
          counts[op === 'caseload' ? 'hive:caseload@50' : `hive:${op}`] = (
            await count(op, body, 'hive')
          ).count;
        }
      } catch (error) {
        engineProblems.set(
          'hive',
          `Hive Gateway's answer is not the hub's: ${(error as Error).message.slice(0, 300)}`,
        );
      }
    }
  } finally {
    await counting.stop();
  }
  for (const [name, c] of Object.entries(counts)) {
    run.log(`  ${name}: ${c.statements} statements, ${c.subgraphRequests} subgraph requests`);
  }
  return findings;
}

/** Phase 2: the four subgraph processes and a gateway process per engine that can run. */
async function startSplitHub(
  run: RunContext,
  { staff }: Callers,
  { engineProblems }: Findings,
  skipped: BenchResult['skipped'],
): Promise<{ gateways: Record<string, string>; subgraphUrls: Record<string, string> }> {
  run.log('starting the subgraph and gateway processes');
  const split: SplitHubOptions = {
    started: run.running,
    databaseUrl: run.db.url,
    internalSecret: run.keys.internalSecret,
    jwksFile: run.keys.jwksFile,
    issuer: BENCH_ISSUER,
    audience: BENCH_AUDIENCE,
    logDir: run.work,
  };
  const subgraphs = await startSubgraphs(split);
  const answers = async (url: string) => {
    await ask(url, staff.token, caseloadBody(1));
    return true;
  };
  const gateways: Record<string, string> = {};
  for (const engine of run.settings.engines) {
    let reason = engineProblems.get(engine);
    if (!reason) {
      try {
        gateways[engine] = (await startGateway(split, subgraphs.urls, engine, answers)).url;
        continue;
      } catch (error) {
        if (engine === 'apollo') throw error;
        reason = `the ${engine} gateway did not start: ${(error as Error).message.split('\n')[0]}`;
      }
    }
    skipped.push({ variant: `${engine}/*`, reason });
    run.log(`skipping the ${engine} engine: ${reason}`);
  }
  if (!gateways.apollo) throw new Error('the apollo engine is required (it is the hub)');
  return { gateways, subgraphUrls: subgraphs.urls };
}

/** Every variant answers whole once; a second engine that does not is skipped, anything else stops the run. */
async function checked(
  run: RunContext,
  variants: Variant[],
  skipped: BenchResult['skipped'],
): Promise<Variant[]> {
  const usable: Variant[] = [];
  for (const variant of variants) {
    try {
      await variant.check();
      usable.push(variant);
    } catch (error) {
      if (variant.kind !== 'engine') throw error;
      skipped.push({ variant: variant.name, reason: (error as Error).message.slice(0, 300) });
      run.log(`skipping ${variant.name}: ${(error as Error).message.slice(0, 200)}`);
    }
  }
  return usable;
}

const shown = (v: number) => round(v).toString();

/** Phase 3: warm-up, then the rounds, every variant once per round, each round starting elsewhere. */
async function timedRounds(
  run: RunContext,
  variants: Variant[],
  meter: UsageMeter,
): Promise<{ results: Record<string, VariantResult>; peakIsPerVariant: boolean }> {
  const { seconds, rounds, warmup } = run.settings;
  // A submission variant leaves new referrals at the head of every caseload: take them out at once.
  const tidy = (variant: Variant) =>
    variant.operation === 'submit' ? removeSubmissionsNow(run.db.handle) : Promise.resolve();
  if (warmup > 0) {
    run.log(`warming up ${variants.length} variants (${warmup} s each)`);
    for (const variant of variants) {
      await variant.run(warmup);
      await tidy(variant);
    }
  }
  const measured = new Map<string, { load: LoadResult; usage: ProcessUsage }[]>();
  let peakIsPerVariant = true;
  for (let r = 0; r < rounds; r += 1) {
    // Each round starts further along the list, so no variant always runs first after a change of load.
    const offset = Math.floor((r * variants.length) / rounds);
    const order = [...variants.slice(offset), ...variants.slice(0, offset)];
    run.log(`round ${r + 1}/${rounds}: ${order.length} variants × ${seconds} s`);
    for (const variant of order) {
      await meter.start();
      const load = await variant.run(seconds);
      const usage = await meter.stop();
      // Requests still in flight when the clock stopped finish before the next variant starts.
      await new Promise((resolve) => setTimeout(resolve, Math.min(3000, Math.max(250, load.p99))));
      await tidy(variant);
      peakIsPerVariant &&= usage.peakIsPerVariant;
      measured.set(variant.name, [...(measured.get(variant.name) ?? []), { load, usage }]);
      const failures = load.errors + load.non2xx + load.mismatches;
      run.log(
        `  ${variant.name.padEnd(34)} p50 ${shown(load.p50)} ms  p99 ${shown(load.p99)} ms  ${shown(load.rps)} req/s${failures ? `  errors ${load.errors} non2xx ${load.non2xx} mismatches ${load.mismatches}` : ''}`,
      );
    }
  }
  const results: Record<string, VariantResult> = {};
  for (const { run: _run, check: _check, ...base } of variants) {
    results[base.name] = summariseVariant(base, measured.get(base.name) ?? []);
  }
  return { results, peakIsPerVariant };
}

/** Which code was measured: the commit, and how many files differed from it. */
function codeVersion(): BenchResult['code'] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    const changed = git('status', '--porcelain', '--untracked-files=no');
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      changedFiles: changed ? changed.split('\n').length : 0,
    };
  } catch {
    return { commit: 'unknown', changedFiles: 0 };
  }
}

/** The result: every figure, the plans' critical paths, the ratios and the targets. */
function assemble(
  run: RunContext,
  scenario: Scenario,
  { counts, plans, notes }: Findings,
  variants: Record<string, VariantResult>,
  skipped: BenchResult['skipped'],
  peakIsPerVariant: boolean,
): BenchResult {
  const { settings, db } = run;
  const p50 = (name: string) => variants[name]?.p50;
  const planResults: BenchResult['plans'] = {};
  const gatewayOverhead: BenchResult['ratios']['gatewayOverhead'] = {};
  const secondEngineOverOurs: Record<string, number> = {};
  for (const op of OPERATIONS) {
    const plan = plans[op] ?? [];
    const path = criticalPath(plan, (key) => p50(`direct/${op}/${key}`) ?? 0);
    planResults[op] = {
      fetches: plan.map(({ variables: _variables, ...fetch }) => fetch),
      criticalPath: { ms: round(path.ms), path: path.path },
    };
    // Both sides one request at a time: what the gateway adds, not what queueing adds.
    const serial = p50(`hub@1/${op}`);
    if (serial !== undefined && path.ms > 0) {
      gatewayOverhead[op] = {
        hubP50: serial,
        criticalPathP50: round(path.ms),
        ratio: round(serial / path.ms),
        overhead: round(serial / path.ms - 1),
      };
    }
    const hub = p50(`hub/${op}`);
    for (const engine of settings.engines.filter((e) => e !== 'apollo')) {
      const other = p50(`${engine}/${op}`);
      if (other !== undefined && hub) secondEngineOverOurs[op] = round(other / hub);
    }
  }
  const hubCaseload = p50('hub/caseload');
  const floor = p50('floor/caseload');
  const tenK = latestResults(settings.out).find((r) => r.scale === '10k');
  const growthFrom10k: Record<string, number> = {};
  if (tenK && settings.scale !== '10k') {
    for (const op of OPERATIONS) {
      const here = p50(`hub@1/${op}`);
      const there = tenK.variants[`hub@1/${op}`]?.p50;
      if (here && there) growthFrom10k[op] = round(here / there);
    }
  }
  const cpuList = cpus();
  const cores = availableParallelism();
  for (const v of Object.values(variants)) {
    v.perCore = roundedPerCore(perCore(v.rps, cores, v.cpuMsPerRequest));
  }
  const partial: Omit<BenchResult, 'targets'> = {
    version: RESULT_VERSION,
    scale: settings.scale,
    referrals: settings.referrals,
    startedAt: run.startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      memoryMb: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
      postgres: db.serverVersion,
      loadAverageAtStart: run.loadAverageAtStart,
      cores,
    },
    code: codeVersion(),
    settings: {
      connections: settings.connections,
      secondsPerRound: settings.seconds,
      rounds: settings.rounds,
      warmupSeconds: settings.warmup,
      engines: settings.engines,
      poolSize: POOL_SIZE,
      instances: settings.instances,
    },
    seed: {
      referrals: db.seed.referrals,
      seconds: round(db.seed.seconds),
      reused: db.seed.reused,
      seededAt: db.seed.seededAt,
      rows: db.seed.rows,
    },
    scenario,
    counts,
    plans: planResults,
    variants,
    skipped,
    notes,
    ratios: {
      hubOverFloor: hubCaseload && floor ? round(hubCaseload / floor) : null,
      hubOverFloorOneAtATime:
        p50('hub@1/caseload') && p50('floor@1/caseload')
          ? round(p50('hub@1/caseload')! / p50('floor@1/caseload')!)
          : null,
      gatewayOverhead,
      secondEngineOverOurs,
      growthFrom10k,
    },
    peakIsPerVariant,
  };
  return { ...partial, targets: targetsOf(partial) };
}
