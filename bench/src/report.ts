/**
 * What a run produces: bench/results/<scale>-<instant>.json with every figure, and the summary
 * tables in docs/PERFORMANCE.md (between the bench markers), rebuilt from the newest result of each
 * scale, so the document always shows the latest run at every scale side by side with the targets.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { OperationCount } from './counts.ts';
import type { LoadResult } from './load.ts';
import type { OperationName, Scenario } from './operations.ts';
import type { CriticalPath, PlanFetch } from './plan.ts';
import { perCore, type PerCore } from './per-core.ts';
import type { ProcessUsage } from './processes.ts';
import type { ScaleOutResult } from './scale-out.ts';
import { median, round } from './stats.ts';

/**
 * 2: the machine's cores (`availableParallelism`), per-core figures per variant, the instance
 * counts and the scale-out phase. Results of version 1 still render: what they lack shows as –,
 * and their per-core figures are computed from what they recorded.
 */
export const RESULT_VERSION = 2;

export interface VariantResult {
  name: string;
  kind: 'hub' | 'floor' | 'direct' | 'engine';
  operation: OperationName;
  /** Requests in flight at once. */
  connections: number;
  engine?: string;
  fetch?: string;
  /** Median over rounds of each round's percentile (rounds are interleaved with the other variants). */
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  /** Completed requests per second over all rounds. */
  rps: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  /** CPU milliseconds per request, by process (gateway, each subgraph, postgres, bench). */
  cpuMsPerRequest: Record<string, number>;
  /** Peak RSS in MiB, by process, the highest of the rounds. */
  peakRssMb: Record<string, number>;
  /** Throughput per core of the machine and per CPU second of the serving processes (version 2). */
  perCore?: PerCore;
  rounds: (Omit<LoadResult, 'max'> & { cpuMs: Record<string, number> })[];
}

export interface Target {
  name: string;
  target: string;
  value: number | null;
  met: boolean | null;
}

export interface BenchResult {
  version: number;
  scale: string;
  referrals: number;
  startedAt: string;
  finishedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryMb: number;
    node: string;
    postgres: string;
    loadAverageAtStart: number[];
    /** `os.availableParallelism()` (version 2); version 1 has only `cpus`. */
    cores?: number;
  };
  /** The commit measured, and how many tracked files differed from it (work in progress). */
  code: { commit: string; changedFiles: number };
  settings: {
    connections: number;
    secondsPerRound: number;
    rounds: number;
    warmupSeconds: number;
    engines: string[];
    poolSize: number;
    /** The instance counts of the scale-out phase (version 2). */
    instances?: number[];
  };
  seed: {
    referrals: number;
    seconds: number;
    reused: boolean;
    seededAt: string;
    rows: Record<string, number>;
  };
  scenario: Scenario;
  /** `caseload@10`, `caseload@50`, `detail`, `submit`. */
  counts: Record<string, OperationCount>;
  plans: Record<string, { fetches: Omit<PlanFetch, 'variables'>[]; criticalPath: CriticalPath }>;
  variants: Record<string, VariantResult>;
  skipped: { variant: string; reason: string }[];
  /** What makes some figures not comparable (found by the benchmark's own checks). */
  notes: string[];
  ratios: {
    /** At the run's concurrency (the target), and one request at a time. */
    hubOverFloor: number | null;
    hubOverFloorOneAtATime: number | null;
    /** One request at a time: hub@1 p50 over the critical path of the direct (one at a time) p50s. */
    gatewayOverhead: Record<
      string,
      { hubP50: number; criticalPathP50: number; ratio: number; overhead: number }
    >;
    secondEngineOverOurs: Record<string, number>;
    /** p50 one request at a time at this scale over the same at 10k, when a 10k result exists. */
    growthFrom10k: Record<string, number>;
  };
  peakIsPerVariant: boolean;
  targets: Target[];
  /** The load test's mix at each instance count (version 2, `--instances`). */
  scaleOut?: ScaleOutResult;
}

/** The cores a result's per-core figures divide by: what it recorded, or its CPU count (version 1). */
export function coresOf(result: Pick<BenchResult, 'machine'>): number {
  return result.machine.cores ?? result.machine.cpus;
}

/** A variant's per-core figures: recorded (version 2), or computed from its throughput and CPU. */
export function perCoreOf(result: Pick<BenchResult, 'machine'>, variant: VariantResult): PerCore {
  return variant.perCore ?? perCore(variant.rps, coresOf(result), variant.cpuMsPerRequest);
}

export function summariseVariant(
  base: Pick<VariantResult, 'name' | 'kind' | 'operation' | 'connections' | 'engine' | 'fetch'>,
  rounds: { load: LoadResult; usage: ProcessUsage }[],
): VariantResult {
  const requests = rounds.reduce((n, r) => n + r.load.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.load.seconds, 0);
  const cpu: Record<string, number> = {};
  const peak: Record<string, number> = {};
  for (const { usage } of rounds) {
    for (const [name, ms] of Object.entries(usage.cpuMs)) cpu[name] = (cpu[name] ?? 0) + ms;
    for (const [name, mb] of Object.entries(usage.peakRssMb)) peak[name] = Math.max(peak[name] ?? 0, mb);
  }
  const sum = (key: 'errors' | 'timeouts' | 'non2xx' | 'mismatches') =>
    rounds.reduce((n, r) => n + r.load[key], 0);
  return {
    ...base,
    p50: round(median(rounds.map((r) => r.load.p50))),
    p90: round(median(rounds.map((r) => r.load.p90))),
    p99: round(median(rounds.map((r) => r.load.p99))),
    mean: round(median(rounds.map((r) => r.load.mean))),
    rps: round(seconds ? requests / seconds : 0),
    requests,
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    non2xx: sum('non2xx'),
    mismatches: sum('mismatches'),
    cpuMsPerRequest: Object.fromEntries(
      Object.entries(cpu).map(([name, ms]) => [name, round(requests ? ms / requests : 0)]),
    ),
    peakRssMb: Object.fromEntries(Object.entries(peak).map(([name, mb]) => [name, round(mb)])),
    rounds: rounds.map(({ load, usage }) => ({
      requests: load.requests,
      seconds: round(load.seconds),
      rps: round(load.rps),
      p50: round(load.p50),
      p90: round(load.p90),
      p99: round(load.p99),
      mean: round(load.mean),
      errors: load.errors,
      timeouts: load.timeouts,
      non2xx: load.non2xx,
      mismatches: load.mismatches,
      cpuMs: Object.fromEntries(Object.entries(usage.cpuMs).map(([n, ms]) => [n, Math.round(ms)])),
    })),
  };
}

/**
 * Why a run cannot be trusted to have measured the hub (`pnpm bench --strict`, CI's bench step):
 * a variant skipped, a variant that timed nothing, or any request that failed, timed out, answered
 * other than 200 or answered other data than the checked answer. Empty when the run is whole.
 */
export function runProblems(result: Pick<BenchResult, 'variants' | 'skipped' | 'scaleOut'>): string[] {
  const problems = result.skipped.map((s) => `${s.variant} was skipped: ${s.reason}`);
  for (const v of Object.values(result.variants)) {
    if (v.requests === 0) problems.push(`${v.name} completed no request`);
    const failed = { errors: v.errors, timeouts: v.timeouts, non2xx: v.non2xx, mismatches: v.mismatches };
    const bad = Object.entries(failed).filter(([, n]) => n > 0);
    if (bad.length) problems.push(`${v.name}: ${bad.map(([k, n]) => `${n} ${k}`).join(', ')}`);
  }
  for (const x of result.scaleOut?.runs ?? []) {
    if (!x.ok) problems.push(`the load test's checks failed at ${x.instances} instance(s)`);
  }
  return problems;
}

export const TARGETS = {
  hubOverFloor: 5,
  gatewayOverhead: 0.3,
  growth1mOver10k: 1.5,
};

/** The run's own targets; the growth target needs a 10k and a 1m result (see the document). */
export function targetsOf(result: Omit<BenchResult, 'targets'>): Target[] {
  const targets: Target[] = [];
  const hof = result.ratios.hubOverFloor;
  targets.push({
    name: 'caseload p50 within 5x of the floor',
    target: `hub / floor <= ${TARGETS.hubOverFloor}`,
    value: hof,
    met: hof === null ? null : hof <= TARGETS.hubOverFloor,
  });
  for (const [operation, o] of Object.entries(result.ratios.gatewayOverhead)) {
    targets.push({
      name: `${operation}: gateway overhead under 30% of subgraph time on the critical path`,
      target: `hub@1 / critical path - 1 < ${TARGETS.gatewayOverhead}`,
      value: round(o.overhead),
      met: o.overhead < TARGETS.gatewayOverhead,
    });
  }
  const ten = result.counts['caseload@10']?.statements;
  const fifty = result.counts['caseload@50']?.statements;
  targets.push({
    name: 'SQL statements per caseload page independent of page size',
    target: 'statements at first: 10 = statements at first: 50',
    value: fifty ?? null,
    met: ten === undefined || fifty === undefined ? null : ten === fifty,
  });
  const growth = result.ratios.growthFrom10k.caseload;
  if (result.scale === '1m') {
    targets.push({
      name: 'caseload p50 at 1m within 1.5x of p50 at 10k',
      target: `hub@1 p50(1m) / p50(10k) <= ${TARGETS.growth1mOver10k}`,
      value: growth ?? null,
      met: growth === undefined ? null : growth <= TARGETS.growth1mOver10k,
    });
  }
  return targets;
}

const SCALE_ORDER = ['smoke', '10k', '100k', '1m'];

/** The variants of the per-core table: the timed operations at the run's concurrency. */
const PER_CORE_VARIANT = /^(hub|floor|hive)\/[a-z]+$/;

/** Every result in `dir` this code can read (versions 1 to RESULT_VERSION), oldest first. */
export function allResults(dir: string): BenchResult[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as BenchResult)
    .filter((r) => Number.isInteger(r.version) && r.version >= 1 && r.version <= RESULT_VERSION)
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
}

/** The newest result of each scale in `dir`, in scale order. */
export function latestResults(dir: string): BenchResult[] {
  const newest = new Map<string, BenchResult>();
  for (const result of allResults(dir)) newest.set(result.scale, result);
  return [...newest.values()].sort((a, b) => SCALE_ORDER.indexOf(a.scale) - SCALE_ORDER.indexOf(b.scale));
}

async function formatted(text: string, file: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

export async function writeResult(dir: string, result: BenchResult): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.scale}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, await formatted(JSON.stringify(result), file));
  return file;
}

const ms = (v: number | undefined) => (v === undefined ? '–' : `${round(v)}`);
const ratio = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${round(v)}×`);
const pct = (v: number | undefined) => (v === undefined ? '–' : `${Math.round(v * 100)}%`);
const yes = (met: boolean | null) => (met === null ? '–' : met ? 'yes' : '**no**');

/** The tables between the markers: one row per scale (its newest result), then the targets. */
export function summaryTables(results: BenchResult[]): string {
  if (results.length === 0) return '_No results yet: run `pnpm bench`._';
  const v = (r: BenchResult, name: string) => r.variants[name];
  const lines: string[] = [];
  const ops = ['caseload', 'detail', 'submit'];
  const concurrency = results[results.length - 1]!.settings.connections;
  lines.push(
    `At ${concurrency} requests in flight:`,
    '',
    '| scale | run | caseload p50 / p99 | req/s | floor p50 | hub / floor | detail p50 / p99 | submit p50 / p99 | hive / apollo p50 (caseload, detail, submit) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results) {
    const hub = (op: string) => v(r, `hub/${op}`);
    const engine = ops.map((op) => ratio(r.ratios.secondEngineOverOurs[op]));
    const code = r.code
      ? ` (${r.code.commit}${r.code.changedFiles ? ` + ${r.code.changedFiles} changed` : ''})`
      : '';
    lines.push(
      `| ${r.scale} (${r.referrals.toLocaleString('en-GB')}) | ${r.startedAt.slice(0, 16).replace('T', ' ')}${code} | ${ms(hub('caseload')?.p50)} / ${ms(hub('caseload')?.p99)} | ${ms(hub('caseload')?.rps)} | ${ms(v(r, 'floor/caseload')?.p50)} | ${ratio(r.ratios.hubOverFloor)} | ${ms(hub('detail')?.p50)} / ${ms(hub('detail')?.p99)} | ${ms(hub('submit')?.p50)} / ${ms(hub('submit')?.p99)} | ${engine.join(', ')} |`,
    );
  }
  lines.push(
    '',
    'One request at a time (p50), against the critical path of the direct subgraph fetches:',
    '',
    '| scale | caseload: hub / floor / critical path | hub / floor | detail: hub / critical path | submit: hub / critical path | gateway overhead (caseload, detail, submit) |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results) {
    const g = (op: string) => r.ratios.gatewayOverhead[op];
    lines.push(
      `| ${r.scale} | ${ms(v(r, 'hub@1/caseload')?.p50)} / ${ms(v(r, 'floor@1/caseload')?.p50)} / ${ms(g('caseload')?.criticalPathP50)} | ${ratio(r.ratios.hubOverFloorOneAtATime)} | ${ms(g('detail')?.hubP50)} / ${ms(g('detail')?.criticalPathP50)} | ${ms(g('submit')?.hubP50)} / ${ms(g('submit')?.criticalPathP50)} | ${ops.map((op) => pct(g(op)?.overhead)).join(', ')} |`,
    );
  }
  lines.push(
    '',
    '| scale | SQL statements (caseload first: 10 / 50, detail, submit) | subgraph requests (caseload, detail, submit) | p50 one at a time / the same at 10k (caseload, detail, submit) | seed (s) |',
    '| --- | --- | --- | --- | --- |',
  );
  const tenK = results.find((r) => r.scale === '10k');
  for (const r of results) {
    const c = (k: string) => r.counts[k];
    const growth = ['caseload', 'detail', 'submit'].map((op) => {
      const here = v(r, `hub@1/${op}`)?.p50;
      const there = tenK?.variants[`hub@1/${op}`]?.p50;
      return r === tenK || !here || !there ? '–' : ratio(here / there);
    });
    lines.push(
      `| ${r.scale} | ${c('caseload@10')?.statements ?? '–'} / ${c('caseload@50')?.statements ?? '–'}, ${c('detail')?.statements ?? '–'}, ${c('submit')?.statements ?? '–'} | ${c('caseload@50')?.subgraphRequests ?? '–'}, ${c('detail')?.subgraphRequests ?? '–'}, ${c('submit')?.subgraphRequests ?? '–'} | ${growth.join(', ')} | ${round(r.seed.seconds)} |`,
    );
  }
  lines.push('', '| target | scale | value | met |', '| --- | --- | --- | --- |');
  for (const r of results) {
    // The growth target is judged below against the 10k result shown here, not the one of its run.
    for (const t of r.targets.filter((t) => !t.name.includes('at 10k'))) {
      lines.push(`| ${t.name} (${t.target}) | ${r.scale} | ${t.value ?? '–'} | ${yes(t.met)} |`);
    }
  }
  const oneM = results.find((r) => r.scale === '1m')?.variants['hub@1/caseload']?.p50;
  const tenKCaseload = tenK?.variants['hub@1/caseload']?.p50;
  if (oneM && tenKCaseload) {
    const growth = round(oneM / tenKCaseload);
    lines.push(
      `| caseload p50 at 1m within 1.5x of p50 at 10k (hub@1 p50(1m) / p50(10k) <= ${TARGETS.growth1mOver10k}) | 1m | ${growth} | ${yes(growth <= TARGETS.growth1mOver10k)} |`,
    );
  }
  lines.push(
    '',
    'Throughput per core: requests per second over the machine’s cores, and over the CPU the serving processes (gateways, subgraphs, PostgreSQL) used; cores busy is that CPU per wall second:',
    '',
    '| scale | variant | req/s | req/s per core (cores) | serving CPU ms per request | cores busy | requests per CPU second |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of results) {
    const names = Object.keys(r.variants).filter((n) => PER_CORE_VARIANT.test(n));
    for (const name of names) {
      const p = perCoreOf(r, r.variants[name]!);
      lines.push(
        `| ${r.scale} | ${name} | ${ms(r.variants[name]!.rps)} | ${ms(p.rpsPerCore)} (${p.cores}) | ${ms(p.servingCpuMsPerRequest)} | ${ms(p.coresBusy)} | ${ms(p.requestsPerCpuSecond)} |`,
      );
    }
  }
  const scaled = results.filter((r) => r.scaleOut?.runs.length);
  if (scaled.length) {
    lines.push(
      '',
      'Scaling out (`--instances`): the load test’s mix (caseload, detail, submissions, transitions) through a loopback round-robin in front of N gateways, each reaching N processes of every subgraph through their round-robins, one PostgreSQL:',
      '',
      '| scale | run | instances | connections (database pool per subgraph process) | req/s | × one instance | req/s per core | p50 / p99 | cores busy | requests per CPU second | lost | duplicated | audit chain |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of scaled) {
      const runs = r.scaleOut!.runs;
      const one = runs.find((x) => x.instances === 1)?.rps;
      for (const x of runs) {
        const audit = x.audit.ok
          ? `verifies (${x.audit.checked.toLocaleString('en-GB')} events, ${x.audit.pending} pending)`
          : `**broken** (${x.audit.problems} problems, ${x.audit.pending} pending)`;
        const failed = x.checks.filter((c) => !c.ok).map((c) => c.name);
        lines.push(
          `| ${r.scale} | ${r.startedAt.slice(0, 16).replace('T', ' ')} | ${x.instances} | ${x.connections} (${x.poolSize ?? '–'}) | ${ms(x.rps)} | ${one ? ratio(x.rps / one) : '–'} | ${ms(x.perCore.rpsPerCore)} | ${ms(x.p50)} / ${ms(x.p99)} | ${ms(x.perCore.coresBusy)} | ${ms(x.perCore.requestsPerCpuSecond)} | ${x.submissions.lost} | ${x.submissions.duplicated} | ${audit}${failed.length ? `; **failed**: ${failed.join('; ')}` : ''} |`,
        );
      }
    }
  }
  const remarks = results.flatMap((r) => [
    ...(r.notes ?? []).map((note) => `- ${r.scale}: ${note}.`),
    ...r.skipped.map((s) => `- ${r.scale}: skipped ${s.variant}: ${s.reason}.`),
  ]);
  if (remarks.length) lines.push('', ...remarks);
  const machine = results[results.length - 1]!.machine;
  lines.push(
    '',
    `Machine of the newest run: ${machine.cpus} × ${machine.cpuModel}, ${Math.round(machine.memoryMb / 1024)} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}. Times are milliseconds, each the median over interleaved rounds.`,
  );
  return lines.join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Rewrites the part of `doc` between the markers; the rest of the document is left as it is. */
export async function updateDocument(doc: string, results: BenchResult[]): Promise<void> {
  const text = readFileSync(doc, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${doc} has no ${START} ... ${END} markers`);
  const next = `${text.slice(0, from + START.length)}\n\n${summaryTables(results)}\n\n${text.slice(to)}`;
  writeFileSync(doc, await formatted(next, doc));
}
