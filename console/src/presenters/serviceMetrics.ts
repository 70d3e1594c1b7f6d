/**
 * The commissioner's service metrics: one row of figures per RECONNECT service (and all services
 * together), the same figures as server-rendered SVG bar charts (a bar per service, each labelled
 * with its figure, so a chart says nothing the table does not) and as CSV. Aggregates only: no
 * person, referral or worker is named or linked anywhere here.
 */
import type { ServiceMetrics } from '../services/metrics.ts';
import { formatShare } from './format.ts';

export interface ServiceFigures {
  code: string | null;
  name: string;
  metrics: ServiceMetrics;
}

/** Accepted referrals as a share of those received (null when none were received). */
export function acceptanceOf(m: ServiceMetrics): number | null {
  return m.referralsReceived === 0 ? null : m.accepted / m.referralsReceived;
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** The columns of the table and the CSV, in order: heading, value for the CSV, text for the page. */
export const COLUMNS: {
  heading: string;
  csv: (m: ServiceMetrics) => string;
  text: (m: ServiceMetrics) => string;
  numeric: true;
}[] = [
  {
    heading: 'Referrals received',
    csv: (m) => String(m.referralsReceived),
    text: (m) => String(m.referralsReceived),
    numeric: true,
  },
  { heading: 'Accepted', csv: (m) => String(m.accepted), text: (m) => String(m.accepted), numeric: true },
  {
    heading: 'Acceptance',
    csv: (m) => shareCsv(acceptanceOf(m)),
    text: (m) => formatShare(acceptanceOf(m)),
    numeric: true,
  },
  { heading: 'Declined', csv: (m) => String(m.declined), text: (m) => String(m.declined), numeric: true },
  { heading: 'Released', csv: (m) => String(m.released), text: (m) => String(m.released), numeric: true },
  {
    heading: 'Pre-release contact target met',
    csv: (m) => shareCsv(m.preReleaseContactTargetMet),
    text: (m) => formatShare(m.preReleaseContactTargetMet),
    numeric: true,
  },
  {
    heading: 'Engaged within 28 days of release',
    csv: (m) => shareCsv(m.engagedWithin28Days),
    text: (m) => formatShare(m.engagedWithin28Days),
    numeric: true,
  },
  {
    heading: 'Median days to first contact',
    csv: (m) => String(round1(m.medianDaysReferralToFirstContact) ?? ''),
    text: (m) => String(round1(m.medianDaysReferralToFirstContact) ?? 'No data'),
    numeric: true,
  },
  {
    heading: 'Open caseload today',
    csv: (m) => String(m.openCaseload),
    text: (m) => String(m.openCaseload),
    numeric: true,
  },
  {
    heading: 'Handovers requested',
    csv: (m) => String(m.handoversRequested),
    text: (m) => String(m.handoversRequested),
    numeric: true,
  },
  {
    heading: 'Handovers overdue today',
    csv: (m) => String(m.handoversOverdue),
    text: (m) => String(m.handoversOverdue),
    numeric: true,
  },
];

function shareCsv(share: number | null | undefined): string {
  return share === null || share === undefined ? '' : String(Math.round(share * 1000) / 10);
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
  bars: { label: string; text: string; y: number; barWidth: number; textY: number; textX: number }[];
}

const LABEL_WIDTH = 210;
const BAR_SPACE = 250;
const ROW = 30;

function chartOf(
  id: string,
  title: string,
  rows: ServiceFigures[],
  value: (m: ServiceMetrics) => number | null,
  text: (m: ServiceMetrics) => string,
  max?: number,
): MeasureChart {
  const values = rows.map((r) => value(r.metrics));
  const top = max ?? Math.max(1, ...values.map((v) => v ?? 0));
  const bars = rows.map((r, i) => {
    const v = values[i] ?? 0;
    const barWidth = Math.round((v / top) * BAR_SPACE);
    return {
      label: shortName(r.name),
      text: text(r.metrics),
      y: i * ROW + 4,
      barWidth,
      textY: i * ROW + 20,
      textX: LABEL_WIDTH + barWidth + 8,
    };
  });
  return {
    id,
    title,
    width: LABEL_WIDTH + BAR_SPACE + 80,
    height: Math.max(ROW, rows.length * ROW),
    description: `${title}: ${bars.map((b) => `${b.label} ${b.text}`).join(', ')}`,
    bars,
  };
}

/** The five charts of the brief: referrals, acceptance, contact target, engagement, overdue handovers. */
export function chartsOf(rows: ServiceFigures[]): MeasureChart[] {
  return [
    chartOf(
      'referrals',
      'Referrals received',
      rows,
      (m) => m.referralsReceived,
      (m) => String(m.referralsReceived),
    ),
    chartOf('acceptance', 'Acceptance', rows, acceptanceOf, (m) => formatShare(acceptanceOf(m)), 1),
    chartOf(
      'contact-target',
      'Pre-release contact target met',
      rows,
      (m) => m.preReleaseContactTargetMet ?? null,
      (m) => formatShare(m.preReleaseContactTargetMet),
      1,
    ),
    chartOf(
      'engagement',
      'Engaged within 28 days of release',
      rows,
      (m) => m.engagedWithin28Days ?? null,
      (m) => formatShare(m.engagedWithin28Days),
      1,
    ),
    chartOf(
      'overdue-handovers',
      'Handovers overdue today',
      rows,
      (m) => m.handoversOverdue,
      (m) => String(m.handoversOverdue),
    ),
  ];
}

/** The table: a row per service, then all services together when there is more than one. */
export function tableOf(rows: ServiceFigures[], total: ServiceFigures | null) {
  const line = (r: ServiceFigures, strong: boolean) => [
    { text: r.name, classes: strong ? 'govuk-!-font-weight-bold' : '' },
    ...COLUMNS.map((c) => ({
      text: c.text(r.metrics),
      format: 'numeric',
      classes: strong ? 'govuk-!-font-weight-bold' : '',
    })),
  ];
  return {
    head: [{ text: 'Service' }, ...COLUMNS.map((c) => ({ text: c.heading, format: 'numeric' }))],
    rows: [...rows.map((r) => line(r, false)), ...(total ? [line(total, true)] : [])],
  };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The same figures as CSV (shares as percentages, blank where there is nothing to divide by). */
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
    ...COLUMNS.map((c) =>
      c.heading
        .replace('target met', 'target met (%)')
        .replace('Acceptance', 'Acceptance (%)')
        .replace('28 days of release', '28 days of release (%)'),
    ),
  ];
  const lines = [...rows, ...(total ? [total] : [])].map((r) => [
    r.code ?? 'ALL',
    r.name,
    from,
    to,
    ...COLUMNS.map((c) => c.csv(r.metrics)),
  ]);
  return [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
