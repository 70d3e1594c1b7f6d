/**
 * What `pnpm bench --report` makes from bench/results without running anything: the per-core
 * figures (per core of the machine, per CPU second of the serving processes), the instance counts
 * `--instances` asks for, the tables (a version 1 result renders, missing figures as –) and the
 * history chart (well-formed XML with a title and a description, one line per variant in each
 * panel, for one run and for many).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CHART_VARIANTS, chartScale, historyChart, logTicks } from '../src/chart.ts';
import { perCore, roundedPerCore, servingCpuMs } from '../src/per-core.ts';
import { ROOT } from '../src/processes.ts';
import { RESULT_VERSION, perCoreOf, runProblems, summaryTables, type BenchResult } from '../src/report.ts';
import { instanceCounts, poolSizeAt, type ScaleOutRun } from '../src/scale-out.ts';

const RESULTS = join(ROOT, 'bench', 'results');
/** A committed result of version 1 (before per-core figures and scale-out). */
const V1 = JSON.parse(
  readFileSync(
    join(
      RESULTS,
      readdirSync(RESULTS).find((f) => f.startsWith('10k-2026-11-25T18-57'))!,
    ),
    'utf8',
  ),
) as BenchResult;

/** `base` as a later run: another instant, throughput scaled, optionally a version 2 result. */
function laterRun(base: BenchResult, hours: number, factor: number, scaleOut?: ScaleOutRun[]): BenchResult {
  const startedAt = new Date(Date.parse(base.startedAt) + hours * 3_600_000).toISOString();
  const variants = Object.fromEntries(
    Object.entries(base.variants).map(([name, v]) => [
      name,
      { ...v, rps: v.rps * factor, p50: v.p50 / factor },
    ]),
  );
  return {
    ...base,
    version: RESULT_VERSION,
    startedAt,
    variants,
    machine: { ...base.machine, cores: 2 },
    ...(scaleOut ? { scaleOut: { runs: scaleOut } } : {}),
  };
}

function scaleOutRun(instances: number, rps: number, lost = 0): ScaleOutRun {
  return {
    instances,
    database: `hub_loadtest_x${instances}`,
    loadAverage: { before: 1, after: 2 },
    poolSize: 10 / instances,
    seconds: 9,
    connections: 8,
    requests: Math.round(rps * 9),
    rps,
    p50: 100,
    p99: 400,
    operations: {},
    perCore: roundedPerCore(perCore(rps, 2, { 'gateway-apollo': 10, referral: 20, postgres: 5, bench: 3 })),
    cpuMs: {},
    roundRobins: { gateway: { answered: [10, 10], retried: 0, failed: 0 } },
    submissions: { answered: 40, replaysAnswered: 8, lost, duplicated: 0 },
    audit: { ok: true, checked: 1234, pending: 0, checkpoints: 9, problems: 0 },
    checks: [{ name: 'every answered submission stored exactly once', ok: lost === 0, detail: '' }],
    ok: lost === 0,
  };
}

function parsed(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  }).parse(svg) as { svg: Record<string, unknown>[] };
}

/** The series paths of each panel, as [panel id, variants]. */
function seriesOf(svg: string): [string, string[]][] {
  const root = parsed(svg).svg[0]!;
  const groups = root.g as { id: string; path?: { class?: string; 'data-variant'?: string }[] }[];
  return groups
    .filter((g) => g.id.startsWith('panel-'))
    .map((g) => [g.id, (g.path ?? []).filter((p) => p.class === 'series').map((p) => p['data-variant']!)]);
}

describe('per-core figures', () => {
  it('divides throughput by the machine’s cores and by the serving processes’ CPU', () => {
    const p = perCore(50, 2, {
      'gateway-apollo': 8,
      referral: 12,
      person: 4,
      postgres: 6,
      bench: 5,
      'round-robin': 2,
    });
    expect(p.cores).toBe(2);
    expect(p.rpsPerCore).toBe(25);
    // The load generator and the round-robins are not the hub: 30 ms, not 37.
    expect(p.servingCpuMsPerRequest).toBe(30);
    expect(p.coresBusy).toBeCloseTo(1.5);
    expect(p.requestsPerCpuSecond).toBeCloseTo(33.33, 2);
  });

  it('leaves the CPU figures out when no serving process was measured', () => {
    expect(perCore(10, 4)).toEqual({ cores: 4, rpsPerCore: 2.5 });
    expect(perCore(10, 4, { bench: 3 })).toEqual({ cores: 4, rpsPerCore: 2.5 });
    expect(servingCpuMs(undefined)).toBeUndefined();
  });

  it('computes a version 1 result’s figures from what it recorded: its CPU count and CPU per request', () => {
    expect(V1.version).toBe(1);
    expect(V1.machine.cores).toBeUndefined();
    const hub = V1.variants['hub/caseload']!;
    const p = perCoreOf(V1, hub);
    expect(p.cores).toBe(V1.machine.cpus);
    expect(p.rpsPerCore).toBeCloseTo(hub.rps / V1.machine.cpus);
    const { bench: _bench, ...serving } = hub.cpuMsPerRequest;
    expect(p.servingCpuMsPerRequest).toBeCloseTo(Object.values(serving).reduce((a, b) => a + b, 0));
  });
});

describe('--instances', () => {
  it('measures one instance beside a single larger count, and exactly the counts of a list', () => {
    expect(instanceCounts('1')).toEqual([1]);
    expect(instanceCounts('2')).toEqual([1, 2]);
    expect(instanceCounts('1,2')).toEqual([1, 2]);
    expect(instanceCounts('2,3')).toEqual([2, 3]);
    for (const bad of ['0', 'two', '1.5', '', '9']) expect(instanceCounts(bad), bad).toBeUndefined();
  });

  it('shares one instance’s PostgreSQL connections among the replicas of each subgraph', () => {
    expect([1, 2, 3, 4, 8].map(poolSizeAt)).toEqual([10, 5, 3, 2, 2]);
  });
});

describe('the tables', () => {
  it('render a version 1 result, with what it lacks as –', () => {
    const tables = summaryTables([V1]);
    expect(tables).toContain('| 10k | hub/caseload | 5.21 | 2.6 (2) |');
    expect(tables).not.toContain('Scaling out');
    expect(tables).not.toContain('undefined');
    expect(tables).not.toContain('NaN');
  });

  it('show the scale-out runs: throughput against one instance, per core, lost, duplicated, the audit chain', () => {
    const r = laterRun(V1, 1, 1, [scaleOutRun(1, 40), scaleOutRun(2, 50, 1)]);
    const tables = summaryTables([r]);
    expect(tables).toContain('Scaling out');
    const rows = tables.split('\n').filter((l) => /^\| 10k \| [^|]+ \| [12] \|/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('| 40 | 1× | 20 |');
    expect(rows[1]).toContain('| 50 | 1.25× | 25 |');
    expect(rows[1]).toContain('verifies (1,234 events, 0 pending)');
    expect(rows[1]).toContain('**failed**');
  });
});

describe('the history chart', () => {
  it('is well-formed SVG with a title, a description and one line per variant in each panel: one run', () => {
    const svg = historyChart([V1]);
    const root = parsed(svg).svg[0]!;
    expect(root.role).toEqual('img');
    expect(String((root.title as { '#text': string }[])[0]!['#text'])).toContain(
      'p50 latency and throughput',
    );
    expect(String((root.desc as { '#text': string }[])[0]!['#text'])).toContain('one run');
    expect(seriesOf(svg)).toEqual([
      ['panel-1', CHART_VARIANTS],
      ['panel-2', CHART_VARIANTS],
    ]);
    expect(svg).toContain('run started (UTC)');
    expect(svg).toContain('p50 (ms, log scale)');
    expect(svg).toContain('>hub/caseload</text>');
  });

  it('draws many runs (versions 1 and 2, in any order) as one line per variant, oldest to newest', () => {
    const runs = [laterRun(V1, 48, 2), V1, laterRun(V1, 24, 1.5, [scaleOutRun(1, 40)])];
    const svg = historyChart(runs);
    expect(seriesOf(svg).map(([, variants]) => variants)).toEqual([CHART_VARIANTS, CHART_VARIANTS]);
    const d = /data-variant="hub\/caseload" d="([^"]+)"/.exec(svg)![1]!;
    const xs = d
      .split(/[ML]/)
      .filter(Boolean)
      .map((p) => Number(p.trim().split(' ')[0]));
    expect(xs).toHaveLength(3);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(svg).toContain('3 runs from 2026-11-25 18:57 UTC to 2026-11-27 18:57 UTC');
  });

  it('draws only one scale (10k when there is one), and a result that lacks a variant leaves a gap', () => {
    const smoke = { ...laterRun(V1, 2, 1), scale: 'smoke' };
    const noFloor = laterRun(V1, 3, 1);
    delete noFloor.variants['floor/caseload'];
    expect(chartScale([smoke, V1])).toBe('10k');
    expect(chartScale([smoke])).toBe('smoke');
    const svg = historyChart([smoke, V1, noFloor]);
    const points = (variant: string) =>
      new RegExp(`data-variant="${variant}" d="([^"]+)"`).exec(svg)![1]!.split('L').length;
    expect(points('hub/caseload')).toBe(2);
    expect(points('floor/caseload')).toBe(1);
  });

  it('says so when there is nothing to draw', () => {
    const svg = historyChart([]);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('No benchmark results have been recorded yet.');
  });

  it('puts log ticks on round values around the figures', () => {
    expect(logTicks(35, 1342)).toEqual([10, 100, 1000, 10000]);
    expect(logTicks(5, 80)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(3, 3)).toEqual([1, 2, 5, 10]);
    expect(logTicks(0.5, 9000)).toEqual([0.1, 1, 10, 100, 1000, 10000]);
  });
});

describe('--strict (CI’s bench step)', () => {
  it('finds nothing wrong in a whole run', () => {
    expect(runProblems({ ...V1, skipped: [], scaleOut: undefined })).toEqual([]);
  });

  it('names every variant that failed a request, timed nothing, or was skipped, and a failed load test', () => {
    const [first, second] = Object.keys(V1.variants);
    const broken: BenchResult = {
      ...V1,
      variants: {
        ...V1.variants,
        [first!]: { ...V1.variants[first!]!, non2xx: 12, errors: 1 },
        [second!]: { ...V1.variants[second!]!, requests: 0 },
      },
      skipped: [{ variant: 'hive/*', reason: 'the hive gateway did not start' }],
      scaleOut: {
        runs: [{ instances: 2, ok: false } as ScaleOutRun],
      } as BenchResult['scaleOut'],
    };
    const problems = runProblems(broken);
    expect(problems).toEqual([
      'hive/* was skipped: the hive gateway did not start',
      `${first}: 1 errors, 12 non2xx`,
      `${second} completed no request`,
      "the load test's checks failed at 2 instance(s)",
    ]);
  });
});
