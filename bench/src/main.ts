/**
 * `pnpm bench`: the hub's benchmark suite (issue 8). Seeds (or reuses) a synthetic data set at a
 * scale, counts what each operation costs in SQL statements and subgraph requests, then starts the
 * hub as production runs it (four subgraph processes and a gateway process on PostgreSQL) and times
 * every variant with autocannon on loopback at a fixed concurrency, interleaved round by round:
 *
 * - hub/<op>: the caseload page, a referral's detail and a submission through the gateway;
 * - floor/caseload: one hand-written SQL statement returning the same page;
 * - direct/<op>/<fetch>: each fetch of the gateway's query plan sent straight to its subgraph;
 * - hive/<op>: the same supergraph under a second engine (GATEWAY_ENGINE=hive), when available.
 *
 * Then the scale-out phase (bench/src/scale-out.ts): the load test's mixed traffic against the hub
 * run as N processes of every subgraph and N gateways behind loopback round-robins, at each count
 * of `--instances` (default 1), with the load test's checks and the audit chain verified.
 *
 * Writes bench/results/<scale>-<instant>.json, the summary tables of docs/PERFORMANCE.md and its
 * history chart (docs/performance-history.svg, every recorded run). `pnpm bench --report` only
 * rebuilds the tables and the chart from the results already there.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBenchDatabase } from './database.ts';
import { ROOT, stopProcesses, type HubProcess } from './processes.ts';
import { chartFileFor, writeChart } from './chart.ts';
import {
  allResults,
  latestResults,
  runProblems,
  updateDocument,
  writeResult,
  type BenchResult,
} from './report.ts';
import { runBenchmark, type Settings } from './run.ts';
import { instanceCounts, runScaleOut } from './scale-out.ts';
import { round } from './stats.ts';
import { createBenchKeys } from './tokens.ts';

const SCALES: Record<string, number> = { smoke: 700, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };

const USAGE = `usage: pnpm bench [--scale smoke|10k|100k|1m] [--duration SECONDS] [--rounds N]
                  [--connections N] [--warmup SECONDS] [--engines apollo,hive] [--fresh]
                  [--instances N|N,M,...] [--out DIR] [--doc FILE] [--no-doc] [--report]
                  [--strict]   (exit 1 when a variant was skipped or any request failed)`;

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function options(): Settings & {
  fresh: boolean;
  doc: string | undefined;
  report: boolean;
  strict: boolean;
} {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '10k' },
      duration: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '3' },
      engines: { type: 'string', default: 'apollo,hive' },
      instances: { type: 'string', default: '1' },
      fresh: { type: 'boolean', default: false },
      out: { type: 'string', default: join(ROOT, 'bench', 'results') },
      doc: { type: 'string', default: join(ROOT, 'docs', 'PERFORMANCE.md') },
      'no-doc': { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, value: string) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : usageError(`--${name} must be a positive number`);
  };
  const referrals = SCALES[values.scale] ?? usageError(`unknown scale ${values.scale}`);
  const engines = values.engines.split(',').map((e) => e.trim());
  if (!engines.includes('apollo')) usageError('--engines must include apollo (the hub itself)');
  return {
    scale: values.scale,
    referrals,
    seconds: positive('duration', values.duration),
    rounds: Math.round(positive('rounds', values.rounds)),
    connections: Math.round(positive('connections', values.connections)),
    warmup: Number(values.warmup) || 0,
    engines,
    instances:
      instanceCounts(values.instances) ?? usageError('--instances takes counts from 1 to 8: 2, or 1,2'),
    fresh: values.fresh,
    out: values.out,
    doc: values['no-doc'] ? undefined : values.doc,
    report: values.report,
    strict: values.strict,
  };
}

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const o = options();
  if (o.report) {
    if (!o.doc) return;
    await writeReports(o.doc, o.out);
    log(`rebuilt the tables of ${o.doc} and ${chartFileFor(o.doc)} from ${allResults(o.out).length} results`);
    return;
  }
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg().map(round);
  const work = join(o.out, 'tmp', `${o.scale}-${startedAt.replace(/[:.]/g, '-')}`);
  mkdirSync(work, { recursive: true });
  const keys = await createBenchKeys(work);
  const db = await openBenchDatabase({
    serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    scale: o.scale,
    referrals: o.referrals,
    fresh: o.fresh,
    log,
  });
  const running: HubProcess[] = [];
  const stopAll = () => stopProcesses(running.splice(0));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the processes this run started`);
      void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  try {
    const result = await runBenchmark({
      settings: o,
      db,
      keys,
      running,
      work,
      startedAt,
      loadAverageAtStart,
      log,
    });
    // The variants' hub stops first: the scale-out phase has the machine to itself.
    await stopAll();
    result.scaleOut = await runScaleOut(
      { settings: o, serverUrl: db.url, keys, running, work, log },
      o.instances,
    );
    result.finishedAt = new Date().toISOString();
    const file = await writeResult(o.out, result);
    log(`wrote ${file}`);
    if (o.doc) {
      await writeReports(o.doc, o.out);
      log(`updated ${o.doc} and ${chartFileFor(o.doc)}`);
    }
    printSummary(result);
    const failed = result.scaleOut.runs.filter((x) => !x.ok);
    if (failed.length) {
      throw new Error(
        `the load test's checks failed at ${failed.map((x) => x.instances).join(', ')} instance(s): see the result`,
      );
    }
    const problems = runProblems(result);
    if (o.strict && problems.length) {
      throw new Error(`--strict: the run is not whole:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  } finally {
    await stopAll();
    await db.close();
  }
}

/** The tables (newest result of each scale) and the chart (every result) from `out`. */
async function writeReports(doc: string, out: string): Promise<void> {
  await updateDocument(doc, latestResults(out));
  writeChart(chartFileFor(doc), allResults(out));
}

function printSummary(result: BenchResult): void {
  log(`${result.scale}: hub / floor ${result.ratios.hubOverFloor ?? '–'}`);
  for (const [op, g] of Object.entries(result.ratios.gatewayOverhead)) {
    log(
      `  ${op}: hub p50 ${g.hubP50} ms, critical path ${g.criticalPathP50} ms, overhead ${Math.round(g.overhead * 100)}%`,
    );
  }
  for (const t of result.targets) {
    log(`  target ${t.met === null ? '–' : t.met ? 'met' : 'NOT met'}: ${t.name} (${t.value})`);
  }
  for (const x of result.scaleOut?.runs ?? []) {
    log(
      `  ${x.instances} instance(s): ${x.rps} req/s, ${x.perCore.rpsPerCore} per core, p50 ${x.p50} ms, p99 ${x.p99} ms, lost ${x.submissions.lost}, duplicated ${x.submissions.duplicated}, audit chain ${x.audit.ok ? 'verifies' : 'BROKEN'}${x.ok ? '' : ', checks FAILED'}`,
    );
  }
  for (const s of result.skipped) log(`  skipped ${s.variant}: ${s.reason}`);
  for (const note of result.notes) log(`  note: ${note}`);
}

if (!existsSync(join(ROOT, 'schema', 'supergraph.graphql'))) {
  console.error('schema/supergraph.graphql is missing: run `pnpm compose` first');
  process.exit(1);
}
await main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
