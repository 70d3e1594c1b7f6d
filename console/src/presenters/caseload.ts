/**
 * The caseload page: which tab and filters are chosen (from the query string), the filter the hub
 * is asked with, and the rows, tags and paging links the page shows.
 */
import type { CaseloadPage } from '../services/referrals.ts';
import { daysBetween, formatDate, label, relativeDate, statusTagClass } from './format.ts';

export const TABS = [
  { id: 'mine', label: 'My cases' },
  { id: 'open', label: 'All open' },
  { id: 'unassigned', label: 'Unassigned' },
  { id: 'closed', label: 'Closed' },
] as const;
export type TabId = (typeof TABS)[number]['id'];

export const OPEN_STATUSES = ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'] as const;
export const CLOSED_STATUSES = ['DECLINED', 'WITHDRAWN', 'DISCHARGED'] as const;

export const RELEASE_WINDOWS = [
  { id: 'next-4-weeks', label: 'Release in the next 4 weeks' },
  { id: 'next-12-weeks', label: 'Release in the next 12 weeks' },
  { id: 'last-28-days', label: 'Released in the last 28 days' },
] as const;

export const PAGE_SIZE = 25;

export interface CaseloadQueryState {
  tab: TabId;
  statuses: string[];
  releaseWindow: string | null;
  workerId: string | null;
  overdue: boolean;
  after: string | null;
  /** The cursors of the pages before this one, for "Previous". */
  trail: string[];
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

export function parseCaseloadQuery(query: Record<string, unknown>, hasStaffId: boolean): CaseloadQueryState {
  const tabRaw = typeof query.tab === 'string' ? query.tab : '';
  const tab = (TABS.some((t) => t.id === tabRaw) ? tabRaw : hasStaffId ? 'mine' : 'open') as TabId;
  const allowed: readonly string[] = tab === 'closed' ? CLOSED_STATUSES : OPEN_STATUSES;
  const window = typeof query.release === 'string' ? query.release : '';
  return {
    tab,
    statuses: list(query.status).filter((s) => allowed.includes(s)),
    releaseWindow: RELEASE_WINDOWS.some((w) => w.id === window) ? window : null,
    workerId: typeof query.worker === 'string' && /^[0-9a-f-]{36}$/i.test(query.worker) ? query.worker : null,
    overdue: query.overdue === 'yes',
    after: typeof query.after === 'string' && query.after.length < 500 ? query.after : null,
    trail: list(typeof query.trail === 'string' ? query.trail.split(',') : []).slice(0, 50),
  };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The hub's ReferralFilter for this tab and these filters. */
export function filterOf(state: CaseloadQueryState, today: string, staffId: string | null) {
  const statuses = state.statuses.length
    ? state.statuses
    : state.tab === 'closed'
      ? [...CLOSED_STATUSES]
      : [...OPEN_STATUSES];
  const window =
    state.releaseWindow === 'next-4-weeks'
      ? { releaseFrom: today, releaseTo: addDays(today, 28) }
      : state.releaseWindow === 'next-12-weeks'
        ? { releaseFrom: today, releaseTo: addDays(today, 84) }
        : state.releaseWindow === 'last-28-days'
          ? { releaseFrom: addDays(today, -28), releaseTo: today }
          : {};
  const worker = state.tab === 'mine' ? staffId : state.workerId;
  return {
    status: statuses as never[],
    ...window,
    ...(worker ? { namedWorkerId: worker } : {}),
    ...(state.overdue ? { dischargeOverdue: true } : {}),
    ...(state.tab === 'unassigned' ? { unassigned: true } : {}),
  };
}

export interface CaseloadRow {
  id: string;
  name: string;
  reference: string;
  status: string;
  statusClass: string;
  establishment: string;
  release: string;
  releaseDate: string;
  worker: string;
  contacts: string;
  dischargeOverdue: boolean;
}

export function rowsOf(nodes: CaseloadPage['nodes'], today: string): CaseloadRow[] {
  return nodes.map((n) => {
    const released = n.custody.releasedOn;
    const expected = n.custody.expectedReleaseDate;
    const date = released ?? expected;
    const release = released
      ? `Released ${relativeDate(today, released)}`
      : expected
        ? daysBetween(today, expected) < 0
          ? `Expected ${relativeDate(today, expected)}`
          : `Expected ${relativeDate(today, expected)}`
        : 'Not known';
    return {
      id: n.id,
      name: `${n.person.familyName}, ${n.person.givenName}`,
      reference: n.reference,
      status: label(n.status),
      statusClass: statusTagClass(n.status),
      establishment: n.custody.establishment.name,
      release,
      releaseDate: formatDate(date),
      worker: n.namedWorker?.name ?? 'Not assigned',
      contacts: `${Math.min(n.preReleaseContacts.count, 99)} of ${n.preReleaseContacts.required}`,
      dischargeOverdue: n.supportWindow.dischargeOverdue,
    };
  });
}

/** The query string for a link that keeps the filters (and optionally changes the page). */
export function queryStringOf(
  state: CaseloadQueryState,
  page?: { after: string | null; trail: string[] },
): string {
  const params = new URLSearchParams();
  params.set('tab', state.tab);
  for (const s of state.statuses) params.append('status', s);
  if (state.releaseWindow) params.set('release', state.releaseWindow);
  if (state.workerId && state.tab !== 'mine') params.set('worker', state.workerId);
  if (state.overdue) params.set('overdue', 'yes');
  if (page?.after) params.set('after', page.after);
  if (page && page.trail.length) params.set('trail', page.trail.join(','));
  return params.toString();
}

export function pagingOf(
  state: CaseloadQueryState,
  pageInfo: CaseloadPage['pageInfo'],
  total: number,
  shown: number,
) {
  const pageNumber = state.trail.length + (state.after ? 2 : 1);
  const first = (pageNumber - 1) * PAGE_SIZE + 1;
  const previous =
    state.after !== null
      ? `/?${queryStringOf(state, {
          after: state.trail.length ? state.trail[state.trail.length - 1]! : null,
          trail: state.trail.slice(0, -1),
        })}`
      : null;
  const next =
    pageInfo.hasNextPage && pageInfo.endCursor
      ? `/?${queryStringOf(state, {
          after: pageInfo.endCursor,
          trail: state.after ? [...state.trail, state.after] : state.trail,
        })}`
      : null;
  return {
    previous,
    next,
    summary: total === 0 ? 'No referrals' : `Showing ${first} to ${first + shown - 1} of ${total} referrals`,
  };
}
