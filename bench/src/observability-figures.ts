/**
 * `tsx bench/src/observability-figures.ts`: the figures of issue 19 (docs/OPERATIONS.md), a timing
 * run, not a test.
 *
 * 1. Start time and resident memory of each deployable run with tsx (the dev loader) and from its
 *    `pnpm build` file with node alone: milliseconds from spawn to its first 200 on /health, and
 *    VmRSS then. Subgraphs run on TEST_DATABASE_URL's server (a fresh database).
 * 2. The caseload's cost with tracing off and on: the whole hub in this process (the test hub,
 *    demo data), N caseload pages of RC-NW sequentially, mean and p50 milliseconds each way.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startInMemoryTracing } from '../../packages/observability/src/testing.ts';
import { createHubDatabase, startTestHub, testConfig } from '../../hub/testing/index.ts';
import { DEPLOYABLES, bundleOf } from '../../scripts/lib/deployables.ts';
import { freePortBlock, scriptEnv } from '../../scripts/test/support.ts';
import { ROOT } from './processes.ts';

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return line ? Math.round(Number(line[1]) / 1024) : NaN;
};

async function startFigures(url: string) {
  const port = await freePortBlock(6);
  const rows: string[] = [];
  for (const deployable of DEPLOYABLES) {
    const figures: string[] = [];
    for (const mode of ['tsx', 'built'] as const) {
      const args =
        mode === 'tsx'
          ? ['--import', 'tsx', deployable.entry, ...deployable.args]
          : [bundleOf(deployable), ...deployable.args];
      const started = performance.now();
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        env: scriptEnv({
          DATABASE_URL: url,
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          DATA_DIR: join(ROOT, '.data'),
          [deployable.portVar]: String(port),
          // The HMPPS events connector consumes from the local broker (the others ignore it).
          HMPPS_EVENTS_AMQP_URL: process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
        }),
        stdio: 'ignore',
      });
      let ms = NaN;
      while (performance.now() - started < 60_000) {
        if (
          await fetch(`http://127.0.0.1:${port}${deployable.health}`).then(
            (r) => r.ok,
            () => false,
          )
        ) {
          ms = Math.round(performance.now() - started);
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      const rss = rssMb(child.pid!);
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      figures.push(`${mode} ${ms} ms ${rss} MB`);
    }
    rows.push(`${deployable.name.padEnd(18)} ${figures.join('   ')}`);
  }
  return rows;
}

async function caseloadFigures(n: number) {
  const hub = await startTestHub();
  try {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const query = `query Caseload { referrals(filter: { status: [SUBMITTED, PRE_RELEASE, POST_RELEASE] }, first: 50) {
      totalCount nodes { id reference status version person { givenName familyName }
        custody { establishment { name } expectedReleaseDate releasedOn } namedWorker { name }
        preReleaseContacts { count met } } } }`;
    const run = async () => {
      const times: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const t = performance.now();
        const answer = await staff.query(query, {}, { 'x-purpose-of-use': 'direct care' });
        if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / n;
      return `mean ${mean.toFixed(1)} ms, p50 ${times[Math.floor(n / 2)]!.toFixed(1)} ms`;
    };
    await run(); // warm up
    const off = await run();
    const tracing = await startInMemoryTracing();
    await run();
    const on = await run();
    const spans = tracing.spans().length / (2 * n);
    // The last request's trace, as a tree of span names.
    const all = tracing.spans();
    const last = all.filter((s) => s.spanContext().traceId === all.at(-1)!.spanContext().traceId);
    const children = (id: string | undefined) => last.filter((s) => s.parentSpanContext?.spanId === id);
    const ids = new Set(last.map((s) => s.spanContext().spanId));
    const tree: string[] = [];
    const walk = (s: (typeof last)[number], depth: number) => {
      const deployable = s.attributes['reconnect.deployable'];
      tree.push(`${'  '.repeat(depth)}${s.name}${deployable ? ` [${String(deployable)}]` : ''}`);
      for (const c of children(s.spanContext().spanId)) walk(c, depth + 1);
    };
    for (const root of last.filter((s) => !ids.has(s.parentSpanContext?.spanId ?? ''))) walk(root, 0);
    await tracing.stop();
    const offAgain = await run();
    return [
      `tracing off: ${off}`,
      `tracing on:  ${on} (${spans.toFixed(0)} spans a request)`,
      `off again:   ${offAgain}`,
      'one caseload trace:',
      ...tree,
    ];
  } finally {
    await hub.stop();
  }
}

const config = testConfig();
if (!config.TEST_DATABASE_URL) throw new Error('set TEST_DATABASE_URL (the subgraphs need PostgreSQL)');
if (process.argv[3] !== '--caseload-only') {
  const database = await createHubDatabase({ seed: true });
  try {
    console.log((await startFigures(database.url!)).join('\n'));
  } finally {
    await database.drop();
  }
}
console.log((await caseloadFigures(Number(process.argv[2] ?? 40))).join('\n'));
