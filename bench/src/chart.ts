/**
 * The history chart of docs/PERFORMANCE.md (issue 14, item 5): p50 and throughput of the main
 * variants over every recorded run of one scale, drawn as an SVG from bench/results/*.json by
 * `pnpm bench` and `pnpm bench --report` (no browser, no library). Two panels over the same time
 * axis (x: when the run started), one line per variant in each, each line told apart by colour
 * (a palette that colour-blind readers can tell apart), dash and marker, and named in a legend.
 * For screen readers: a title, a description that gives the newest figures in words, and a label
 * on every line. The output depends only on the results, so a regenerated chart changes only
 * when a result does.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BenchResult } from './report.ts';
import { round } from './stats.ts';

/** The variants drawn, in legend order. */
export const CHART_VARIANTS = ['hub/caseload', 'hub/detail', 'hub/submit', 'floor/caseload'];

/** Okabe and Ito's palette, and a dash and a marker each, so no line depends on colour alone. */
const STYLES = [
  { colour: '#0072B2', dash: '', marker: 'circle' },
  { colour: '#D55E00', dash: '8 4', marker: 'square' },
  { colour: '#009E73', dash: '2 3', marker: 'diamond' },
  { colour: '#CC79A7', dash: '10 3 2 3', marker: 'triangle' },
] as const;

const WIDTH = 880;
const PANEL_HEIGHT = 230;
const MARGIN = { left: 78, right: 24, top: 96 };
const PANEL_GAP = 78;
const LEGEND_HEIGHT = 40;

/** The chart's file beside the document it illustrates. */
export function chartFileFor(doc: string): string {
  return join(dirname(doc), 'performance-history.svg');
}

/** The scale drawn: 10k (the baseline's) when there is one, else the scale with the most runs. */
export function chartScale(results: BenchResult[]): string | undefined {
  if (results.some((r) => r.scale === '10k')) return '10k';
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.scale, (counts.get(r.scale) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function writeChart(file: string, results: BenchResult[]): void {
  writeFileSync(file, historyChart(results));
}

interface Point {
  at: number;
  value: number;
}

interface Panel {
  title: string;
  axis: string;
  unit: string;
  value: (r: BenchResult, variant: string) => number | undefined;
}

const PANELS: Panel[] = [
  {
    title: 'p50 latency',
    axis: 'p50 (ms, log scale)',
    unit: 'ms',
    value: (r, v) => r.variants[v]?.p50,
  },
  {
    title: 'Throughput',
    axis: 'requests per second (log scale)',
    unit: 'req/s',
    value: (r, v) => r.variants[v]?.rps,
  },
];

/** The chart of `results` (any versions, any order) at `scale` (default: chartScale). */
export function historyChart(results: BenchResult[], scale = chartScale(results)): string {
  const runs = results
    .filter((r) => r.scale === scale)
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const legendTop = MARGIN.top + PANELS.length * (PANEL_HEIGHT + PANEL_GAP) - 8;
  const height = legendTop + LEGEND_HEIGHT;
  const title = `RECONNECT Hub benchmark history${scale ? ` at ${scale}` : ''}: p50 latency and throughput per variant`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="12">`,
    `<title id="chart-title">${escape(title)}</title>`,
    `<desc id="chart-desc">${escape(description(runs, scale))}</desc>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="28" font-size="16" font-weight="bold" fill="#0b0c0c">${escape(title)}</text>`,
    `<text x="${MARGIN.left}" y="46" fill="#505a5f">${escape(subtitle(runs))}</text>`,
  ];
  const times = runs.map((r) => Date.parse(r.startedAt));
  const x = timeScale(times);
  PANELS.forEach((panel, i) => {
    const top = MARGIN.top + i * (PANEL_HEIGHT + PANEL_GAP);
    out.push(...drawPanel(panel, i, top, runs, x));
  });
  out.push(...legend(legendTop));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const plotWidth = WIDTH - MARGIN.left - MARGIN.right;

/** Run instants to x: the runs spread over the width; one run (or one instant) in the middle. */
function timeScale(times: number[]): { at: (t: number) => number; ticks: number[] } {
  const from = Math.min(...times);
  const to = Math.max(...times);
  if (times.length === 0) return { at: () => MARGIN.left + plotWidth / 2, ticks: [] };
  if (from === to) return { at: () => MARGIN.left + plotWidth / 2, ticks: [from] };
  const pad = (to - from) * 0.04;
  const lo = from - pad;
  const hi = to + pad;
  const count = Math.min(5, times.length);
  const ticks = Array.from({ length: count }, (_, i) => from + ((to - from) * i) / Math.max(1, count - 1));
  return { at: (t) => MARGIN.left + ((t - lo) / (hi - lo)) * plotWidth, ticks };
}

/**
 * A log scale's ticks from the decade at or below `min` to the one at or above `max` (1, 2, 5 ×
 * 10^n over two decades or less, else the decades alone): the floor answers in milliseconds and
 * the hub in hundreds, and both lines must be readable.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > 0)) return [1, 10];
  const lo = Math.floor(Math.log10(min));
  let hi = Math.ceil(Math.log10(max));
  if (hi === lo) hi += 1;
  const steps = hi - lo > 2 ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e += 1) {
    for (const m of steps) {
      const v = Number((m * 10 ** e).toPrecision(12));
      if (v <= 10 ** hi) ticks.push(v);
    }
  }
  return ticks;
}

function drawPanel(
  panel: Panel,
  index: number,
  top: number,
  runs: BenchResult[],
  x: { at: (t: number) => number; ticks: number[] },
): string[] {
  const series = CHART_VARIANTS.map((variant) => ({
    variant,
    points: runs.flatMap((r): Point[] => {
      const value = panel.value(r, variant);
      return value === undefined || !Number.isFinite(value) ? [] : [{ at: Date.parse(r.startedAt), value }];
    }),
  }));
  const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v) => v > 0);
  const ticks = logTicks(Math.min(...values), Math.max(...values));
  const lo = Math.log10(ticks[0]!);
  const hi = Math.log10(ticks[ticks.length - 1]!);
  const bottom = top + PANEL_HEIGHT;
  // Below the lowest tick (a zero throughput) is drawn on the axis.
  const y = (v: number) =>
    bottom - (Math.max(0, Math.log10(Math.max(v, 1e-9)) - lo) / (hi - lo)) * PANEL_HEIGHT;
  const right = MARGIN.left + plotWidth;
  const out: string[] = [
    `<g id="panel-${index + 1}" aria-label="${escape(`${panel.title} (${panel.unit}) per variant over the runs`)}">`,
    `<text x="${MARGIN.left}" y="${top - 10}" font-size="14" font-weight="bold" fill="#0b0c0c">${escape(panel.title)}</text>`,
  ];
  for (const t of ticks) {
    out.push(
      `<line x1="${MARGIN.left}" y1="${f(y(t))}" x2="${right}" y2="${f(y(t))}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${f(y(t) + 4)}" text-anchor="end" fill="#0b0c0c">${escape(number(t))}</text>`,
    );
  }
  out.push(
    `<line x1="${MARGIN.left}" y1="${top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#0b0c0c"/>`,
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#0b0c0c"/>`,
    `<text transform="translate(${MARGIN.left - 56} ${top + PANEL_HEIGHT / 2}) rotate(-90)" text-anchor="middle" fill="#0b0c0c">${escape(panel.axis)}</text>`,
  );
  for (const t of x.ticks) {
    const at = f(x.at(t));
    const [date, time] = new Date(t).toISOString().slice(0, 16).split('T');
    out.push(
      `<line x1="${at}" y1="${bottom}" x2="${at}" y2="${bottom + 5}" stroke="#0b0c0c"/>`,
      `<text x="${at}" y="${bottom + 18}" text-anchor="middle" fill="#0b0c0c">${date}<tspan x="${at}" dy="14">${time} UTC</tspan></text>`,
    );
  }
  out.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${bottom + 50}" text-anchor="middle" fill="#0b0c0c">run started (UTC)</text>`,
  );
  series.forEach(({ variant, points }, i) => {
    const style = STYLES[i % STYLES.length]!;
    const d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${f(x.at(p.at))} ${f(y(p.value))}`).join(' ');
    const label = `${variant}: ${panel.title} over ${points.length} run${points.length === 1 ? '' : 's'}${
      points.length ? `, newest ${number(points[points.length - 1]!.value)} ${panel.unit}` : ''
    }`;
    out.push(
      `<path class="series" data-variant="${escape(variant)}" d="${d || `M${MARGIN.left} ${bottom}`}" fill="none" stroke="${style.colour}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}${points.length ? '' : ' visibility="hidden"'} aria-label="${escape(label)}"><title>${escape(label)}</title></path>`,
    );
    for (const p of points) out.push(marker(style.marker, x.at(p.at), y(p.value), style.colour));
  });
  out.push('</g>');
  return out;
}

function marker(shape: (typeof STYLES)[number]['marker'], cx: number, cy: number, colour: string): string {
  const r = 4;
  switch (shape) {
    case 'circle':
      return `<circle cx="${f(cx)}" cy="${f(cy)}" r="${r}" fill="${colour}"/>`;
    case 'square':
      return `<rect x="${f(cx - r)}" y="${f(cy - r)}" width="${2 * r}" height="${2 * r}" fill="${colour}"/>`;
    case 'diamond':
      return `<path d="M${f(cx)} ${f(cy - r - 1)} L${f(cx + r + 1)} ${f(cy)} L${f(cx)} ${f(cy + r + 1)} L${f(cx - r - 1)} ${f(cy)} Z" fill="${colour}"/>`;
    case 'triangle':
      return `<path d="M${f(cx)} ${f(cy - r - 1)} L${f(cx + r + 1)} ${f(cy + r)} L${f(cx - r - 1)} ${f(cy + r)} Z" fill="${colour}"/>`;
  }
}

function legend(top: number): string[] {
  const out = [
    `<g id="legend" aria-label="legend">`,
    `<text x="${MARGIN.left}" y="${top + 18}" font-weight="bold" fill="#0b0c0c">Variants</text>`,
  ];
  const y = top + 22;
  CHART_VARIANTS.forEach((variant, i) => {
    const style = STYLES[i % STYLES.length]!;
    const x = MARGIN.left + 80 + i * 170;
    out.push(
      `<line x1="${x}" y1="${y - 4}" x2="${x + 36}" y2="${y - 4}" stroke="${style.colour}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`,
      marker(style.marker, x + 18, y - 4, style.colour),
      `<text x="${x + 44}" y="${y}" fill="#0b0c0c">${escape(variant)}</text>`,
    );
  });
  out.push('</g>');
  return out;
}

function subtitle(runs: BenchResult[]): string {
  if (runs.length === 0) return 'No results yet: run pnpm bench.';
  const c = runs[runs.length - 1]!.settings.connections;
  return `${runs.length} run${runs.length === 1 ? '' : 's'}, ${c} requests in flight, from bench/results (pnpm bench --report redraws it)`;
}

function description(runs: BenchResult[], scale: string | undefined): string {
  if (runs.length === 0) return 'No benchmark results have been recorded yet.';
  const newest = runs[runs.length - 1]!;
  const figures = CHART_VARIANTS.map((v) => {
    const variant = newest.variants[v];
    return variant
      ? `${v} p50 ${number(variant.p50)} ms and ${number(variant.rps)} requests per second`
      : `${v} not measured`;
  });
  const span =
    runs.length === 1
      ? `one run, on ${when(newest.startedAt)}`
      : `${runs.length} runs from ${when(runs[0]!.startedAt)} to ${when(newest.startedAt)}`;
  return `Two line charts over the same time axis, at the ${scale} scale: p50 latency in milliseconds (top) and throughput in requests per second (bottom) of ${CHART_VARIANTS.join(', ')}, ${span}. Newest run: ${figures.join('; ')}.`;
}

const when = (instant: string) => `${instant.slice(0, 16).replace('T', ' ')} UTC`;
const number = (v: number) => String(round(v));
/** Coordinates to one decimal: enough for the eye, stable in the file. */
const f = (v: number) => String(Math.round(v * 10) / 10);

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
