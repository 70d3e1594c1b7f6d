/**
 * `pnpm loadtest [--duration 60] [--connections 16] [--out summary.json] [--keep]`: mixed traffic
 * (caseload reads, referral detail, submissions, transitions) against the whole hub on PostgreSQL,
 * on loopback, for a fixed time; then throughput, p50/p99 latency and errors, and the checks of
 * scripts/lib/loadtest.ts. The database is made for the run on DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards unless --keep. The summary is
 * JSON, on stdout or in --out; the readable report goes to stderr. Exit 0 when every check passes,
 * 1 when one fails or the run cannot start, 2 for bad usage. `--duration 5` is a smoke run for CI.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hubEnv } from '../packages/config/src/index.ts';
import { EXIT_FAILURE, EXIT_USAGE, loadConfigOrExit } from './lib/runtime.ts';
import { runLoadtest, type LoadtestSummary } from './lib/loadtest.ts';

const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';
const USAGE = 'usage: pnpm loadtest [--duration SECONDS] [--connections N] [--out FILE] [--keep]';

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3600) {
    console.error(`--${name} must be a whole number from 1 to 3600\n${USAGE}`);
    process.exit(EXIT_USAGE);
  }
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(EXIT_USAGE);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const config = loadConfigOrExit(hubEnv);
const serverUrl = config.DATABASE_URL ?? DEFAULT_SERVER;

let summary: LoadtestSummary;
try {
  summary = await runLoadtest({
    serverUrl,
    durationSeconds: positiveInteger(args.duration, 60, 'duration'),
    connections: positiveInteger(args.connections, 16, 'connections'),
    keep: args.keep,
    progress: (line) => console.error(line),
  });
} catch (error) {
  console.error('the load test could not run:', error instanceof Error ? error.message : error);
  process.exit(EXIT_FAILURE);
}

console.error(report(summary));
const json = `${JSON.stringify(summary, null, 2)}\n`;
if (args.out) writeFileSync(args.out, json);
else process.stdout.write(json);
process.exit(summary.ok ? 0 : EXIT_FAILURE);

/** The summary for people: one line per operation, then the checks. */
function report(s: LoadtestSummary): string {
  const errors = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ') || 'none';
  const lines = [
    '',
    `${s.overall.requests} requests in ${s.durationSeconds} s over ${s.connections} connections: ` +
      `${s.overall.throughputPerSecond} req/s, p50 ${s.overall.latencyMs.p50} ms, p99 ${s.overall.latencyMs.p99} ms`,
    `errors: ${errors(s.overall.errors)}; connection errors ${s.overall.connectionErrors}, timeouts ${s.overall.timeouts}`,
    `on ${s.host.cpus} cores, load average ${s.host.loadAverageBefore} before and ${s.host.loadAverageAfter} after (hub and load generator share them)`,
    '',
    ...Object.entries(s.operations).map(
      ([name, o]) =>
        `  ${name.padEnd(11)} ${String(o.requests).padStart(7)} requests, ${String(o.ok).padStart(7)} ok, ` +
        `p50 ${o.latencyMs.p50} ms, p99 ${o.latencyMs.p99} ms; errors: ${errors(o.errors)}`,
    ),
    '',
    `submissions answered ${s.submissions.answered} (replays answered ${s.submissions.replaysAnswered}); ` +
      `referrals stored ${s.submissions.referralsStored} for ${s.submissions.keysStored} keys`,
    ...s.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
    s.kept ? `database kept: ${s.database}` : `database ${s.database} dropped`,
    '',
  ];
  return lines.join('\n');
}
