/**
 * The service overview: the figures of `serviceMetrics` and horizontal SVG bar charts drawn on the
 * server (no chart library, no script), each bar labelled with its count so the chart says nothing
 * the table beside it does not.
 */
import type { ServiceMetrics } from '../services/metrics.ts';
import { formatDate, formatShare, label } from './format.ts';

export interface BarChart {
  title: string;
  width: number;
  height: number;
  bars: { label: string; count: number; y: number; barWidth: number; textY: number; countX: number }[];
}

const LABEL_WIDTH = 240;
const BAR_SPACE = 260;
const ROW = 32;

export function barChartOf(title: string, data: { label: string; count: number }[]): BarChart {
  const max = Math.max(1, ...data.map((d) => d.count));
  return {
    title,
    width: LABEL_WIDTH + BAR_SPACE + 60,
    height: Math.max(ROW, data.length * ROW),
    bars: data.map((d, i) => {
      const barWidth = Math.round((d.count / max) * BAR_SPACE);
      return {
        label: d.label,
        count: d.count,
        y: i * ROW + 4,
        barWidth,
        textY: i * ROW + 21,
        countX: LABEL_WIDTH + barWidth + 8,
      };
    }),
  };
}

export function overviewOf(m: ServiceMetrics) {
  const hours = m.medianHandoverResponseHours;
  const days = m.medianDaysReferralToFirstContact;
  return {
    period: `${formatDate(m.from)} to ${formatDate(m.to)}`,
    figures: [
      { key: { text: 'Referrals received' }, value: { text: String(m.referralsReceived) } },
      { key: { text: 'Accepted' }, value: { text: String(m.accepted) } },
      { key: { text: 'Declined' }, value: { text: String(m.declined) } },
      { key: { text: 'Released' }, value: { text: String(m.released) } },
      {
        key: { text: 'Two or more contacts before release' },
        value: { text: formatShare(m.preReleaseContactTargetMet) },
      },
      {
        key: { text: 'Engaged with a community service within 28 days' },
        value: { text: formatShare(m.engagedWithin28Days) },
      },
      {
        key: { text: 'Median days from referral to first contact' },
        value: { text: days === null ? 'No data' : String(Math.round(days * 10) / 10) },
      },
      { key: { text: 'Open caseload today' }, value: { text: String(m.openCaseload) } },
      { key: { text: 'Handovers requested' }, value: { text: String(m.handoversRequested) } },
      { key: { text: 'Handovers overdue today' }, value: { text: String(m.handoversOverdue) } },
      {
        key: { text: 'Median handover response' },
        value: { text: hours === null ? 'No data' : `${Math.round(hours)} hours` },
      },
    ],
    sources: barChartOf(
      'Referrals by source',
      m.bySource.map((s) => ({ label: label(s.source), count: s.count })),
    ),
    discharges: barChartOf(
      'Discharges by reason',
      m.discharges.map((d) => ({ label: label(d.reason), count: d.count })),
    ),
  };
}
