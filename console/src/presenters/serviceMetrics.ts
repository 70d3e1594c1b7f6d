/**
 * The commissioner's service metrics: one row of figures per RECONNECT service (and all services
 * together), the same figures as server-rendered SVG bar charts (a bar per service, each labelled
 * with its figure, so a chart says nothing the table does not) and as CSV. Aggregates only: no
 * person, referral or worker is named or linked anywhere here.
 *
 * A commissioner's figures come disclosure-controlled from the API (DOMAIN.md "Disclosure control
 * (commissioners)"): the console shows them as they are, never computes a figure of its own from
 * them (a share of two rounded counts would be neither exact nor controlled), and marks every
 * small number the API names with the statistical shorthand `[c]` (confidential), in words as
 * well as in the bar's hatching, so that it is never told by colour alone.
 */
import type { ServiceMetrics } from '../services/metrics.ts';
import { formatShare } from './format.ts';

export interface ServiceFigures {
  code: string | null;
  name: string;
  metrics: ServiceMetrics;
}

/** The shorthand beside a small number, and what it stands for (the page's key says it too). */
export const SMALL_MARK = '[c]';
export const SMALL_COUNT_WORDS = 'small number: between 1 and 7, shown as 5';
export const WITHHELD_WORDS = 'not shown: fewer than 10 people';

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

type Kind = 'count' | 'share' | 'median';

/** A figure of one service as the page shows it: its text, and whether it is a small number. */
export interface Figure {
  text: string;
  /** The text for assistive technology: the mark spelt out. */
  spoken: string;
  small: boolean;
}

/** A column of the table and the CSV: its heading, the metric's API name and how it reads. */
export interface Column {
  heading: string;
  csvHeading: string;
  /** The metric's name in `smallNumbers`. */
  metric: keyof ServiceMetrics & string;
  kind: Kind;
  value: (m: ServiceMetrics) => number | null;
}

const count = (heading: string, metric: Column['metric']): Column => ({
  heading,
  csvHeading: heading,
  metric,
  kind: 'count',
  value: (m) => m[metric] as number,
});
const share = (heading: string, metric: Column['metric']): Column => ({
  heading,
  csvHeading: `${heading} (%)`,
  metric,
  kind: 'share',
  value: (m) => (m[metric] as number | null | undefined) ?? null,
});

/** The columns of the table and the CSV, in order. */
export const COLUMNS: Column[] = [
  count('Referrals received', 'referralsReceived'),
  count('Accepted', 'accepted'),
  share('Acceptance', 'acceptance'),
  count('Declined', 'declined'),
  count('Released', 'released'),
  share('Pre-release contact target met', 'preReleaseContactTargetMet'),
  share('Engaged within 28 days of release', 'engagedWithin28Days'),
  {
    heading: 'Median days to first contact',
    csvHeading: 'Median days to first contact',
    metric: 'medianDaysReferralToFirstContact',
    kind: 'median',
    value: (m) => round1(m.medianDaysReferralToFirstContact ?? null),
  },
  count('Open caseload today', 'openCaseload'),
  count('Handovers requested', 'handoversRequested'),
  count('Handovers overdue today', 'handoversOverdue'),
];

/** Is this metric of this service one of the small numbers the API named? */
export function isSmall(m: ServiceMetrics, metric: string): boolean {
  return (m.smallNumbers ?? []).includes(metric);
}

/** A column's figure for one service, as the table and the charts show it. */
export function figureOf(m: ServiceMetrics, column: Column): Figure {
  const value = column.value(m);
  const small = isSmall(m, column.metric);
  if (value === null) {
    return small
      ? { text: SMALL_MARK, spoken: `not shown (${WITHHELD_WORDS})`, small }
      : { text: 'No data', spoken: 'no data', small };
  }
  const text = column.kind === 'share' ? formatShare(value) : String(value);
  return small
    ? { text: `${text} ${SMALL_MARK}`, spoken: `${text} (${SMALL_COUNT_WORDS})`, small }
    : { text, spoken: text, small };
}

/** "North West" for "RECONNECT North West": the charts' labels. */
export function shortName(name: string): string {
  return name.replace(/^RECONNECT /, '');
}

export interface MeasureChart {
  id: string;
  title: string;
  width: number;
  height: number;
  /** The chart in words, for assistive technology (the figures are also in the table). */
  description: string;
  /** Whether any bar is a small number (the chart then carries the hatching's pattern). */
  anySmall: boolean;
  bars: {
    label: string;
    text: string;
    small: boolean;
    y: number;
    barWidth: number;
    textY: number;
    textX: number;
  }[];
}

const LABEL_WIDTH = 210;
const BAR_SPACE = 250;
const TEXT_SPACE = 100;
const ROW = 30;

function chartOf(
  id: string,
  title: string,
  rows: ServiceFigures[],
  column: Column,
  max?: number,
): MeasureChart {
  const values = rows.map((r) => column.value(r.metrics));
  const top = max ?? Math.max(1, ...values.map((v) => v ?? 0));
  const bars = rows.map((r, i) => {
    const v = values[i] ?? 0;
    const barWidth = Math.round((v / top) * BAR_SPACE);
    const figure = figureOf(r.metrics, column);
    return {
      label: shortName(r.name),
      text: figure.text,
      spoken: figure.spoken,
      small: figure.small,
      y: i * ROW + 4,
      barWidth,
      textY: i * ROW + 20,
      textX: LABEL_WIDTH + barWidth + 8,
    };
  });
  return {
    id,
    title,
    width: LABEL_WIDTH + BAR_SPACE + TEXT_SPACE,
    height: Math.max(ROW, rows.length * ROW),
    description: `${title}: ${bars.map((b) => `${b.label} ${b.spoken}`).join(', ')}`,
    anySmall: bars.some((b) => b.small),
    bars: bars.map(({ spoken: _spoken, ...bar }) => bar),
  };
}

const column = (metric: string) => COLUMNS.find((c) => c.metric === metric)!;

/** The five charts of the brief: referrals, acceptance, contact target, engagement, overdue handovers. */
export function chartsOf(rows: ServiceFigures[]): MeasureChart[] {
  return [
    chartOf('referrals', 'Referrals received', rows, column('referralsReceived')),
    chartOf('acceptance', 'Acceptance', rows, column('acceptance'), 1),
    chartOf(
      'contact-target',
      'Pre-release contact target met',
      rows,
      column('preReleaseContactTargetMet'),
      1,
    ),
    chartOf('engagement', 'Engaged within 28 days of release', rows, column('engagedWithin28Days'), 1),
    chartOf('overdue-handovers', 'Handovers overdue today', rows, column('handoversOverdue')),
  ];
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A table cell: a small number's mark is shown, and spelt out for assistive technology. */
function cellOf(figure: Figure, classes: string) {
  if (!figure.small) return { text: figure.text, format: 'numeric', classes };
  const shown = escapeHtml(figure.text);
  return {
    html: `<span aria-hidden="true">${shown}</span><span class="govuk-visually-hidden">${escapeHtml(figure.spoken)}</span>`,
    format: 'numeric',
    classes: `${classes} rc-small-number`.trim(),
  };
}

/** The table: a row per service, then all services together when there is more than one. */
export function tableOf(rows: ServiceFigures[], total: ServiceFigures | null) {
  const line = (r: ServiceFigures, strong: boolean) => {
    const classes = strong ? 'govuk-!-font-weight-bold' : '';
    return [{ text: r.name, classes }, ...COLUMNS.map((c) => cellOf(figureOf(r.metrics, c), classes))];
  };
  return {
    head: [{ text: 'Service' }, ...COLUMNS.map((c) => ({ text: c.heading, format: 'numeric' }))],
    rows: [...rows.map((r) => line(r, false)), ...(total ? [line(total, true)] : [])],
  };
}

/** Whether any figure shown is disclosure-controlled (the page then says how). */
export function controlledOf(rows: ServiceFigures[], total: ServiceFigures | null): boolean {
  return [...rows, ...(total ? [total] : [])].some((r) => r.metrics.disclosureControlled);
}

/** Whether any figure shown is a small number (the page then explains the mark). */
export function anySmallOf(rows: ServiceFigures[], total: ServiceFigures | null): boolean {
  return [...rows, ...(total ? [total] : [])].some((r) => COLUMNS.some((c) => isSmall(r.metrics, c.metric)));
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvValue(m: ServiceMetrics, c: Column): string {
  const value = c.value(m);
  if (value === null) return '';
  return c.kind === 'share' ? String(Math.round(value * 1000) / 10) : String(value);
}

/**
 * The same figures as CSV (shares as percentages, blank where there is nothing to divide by or
 * where a share or median is withheld), and for each row whether the figures are disclosure-
 * controlled and which of its columns are small numbers, by their headings.
 */
export function csvOf(
  from: string,
  to: string,
  rows: ServiceFigures[],
  total: ServiceFigures | null,
): string {
  const header = [
    'Service code',
    'Service',
    'From',
    'To',
    ...COLUMNS.map((c) => c.csvHeading),
    'Disclosure controlled',
    'Small numbers',
  ];
  const lines = [...rows, ...(total ? [total] : [])].map((r) => [
    r.code ?? 'ALL',
    r.name,
    from,
    to,
    ...COLUMNS.map((c) => csvValue(r.metrics, c)),
    r.metrics.disclosureControlled ? 'yes' : 'no',
    COLUMNS.filter((c) => isSmall(r.metrics, c.metric))
      .map((c) => c.csvHeading)
      .join('; '),
  ]);
  return [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
