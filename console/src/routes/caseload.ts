/** The caseload: tabs, the MOJ filter and paging over `referrals`. */
import { Router, type Request, type Response } from 'express';
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  PAGE_SIZE,
  RELEASE_WINDOWS,
  TABS,
  filterOf,
  pagingOf,
  parseCaseloadQuery,
  queryStringOf,
  rowsOf,
} from '../presenters/caseload.ts';
import { label } from '../presenters/format.ts';
import { callerFor, takeFlash, userOf, type Services } from './context.ts';

export function caseloadRoutes(services: Services): Router {
  const router = Router();
  router.get('/', async (req: Request, res: Response) => {
    const user = userOf(res);
    const caller = callerFor(res);
    const today = services.today();
    const state = parseCaseloadQuery(req.query as Record<string, unknown>, Boolean(user.staffId));
    const filter = filterOf(state, today, user.staffId);
    const staffPromise = user.organisationCode
      ? services.referrals.staffOf(caller, user.organisationCode).catch(() => [])
      : Promise.resolve([]);
    const answer = await services.referrals.caseload(caller, {
      filter,
      first: PAGE_SIZE,
      after: state.after,
    });
    const nodes = answer.data.nodes;
    const paging = pagingOf(state, answer.data.pageInfo, answer.data.totalCount, nodes.length);
    const problems = answer.problems.map((p) => p.code);
    const staff = await staffPromise;
    const statuses = state.tab === 'closed' ? CLOSED_STATUSES : OPEN_STATUSES;
    const base = { ...state, after: null, trail: [] };
    res.render('pages/caseload.njk', {
      flash: takeFlash(req),
      tabs: TABS.filter((t) => t.id !== 'mine' || user.staffId).map((t) => ({
        ...t,
        href: `/?tab=${t.id}`,
        current: t.id === state.tab,
      })),
      tab: state.tab,
      tabLabel: TABS.find((t) => t.id === state.tab)!.label,
      rows: rowsOf(nodes, today),
      paging,
      partial: problems.length > 0,
      filter: {
        statuses: statuses.map((s) => ({ value: s, text: label(s), checked: state.statuses.includes(s) })),
        windows: RELEASE_WINDOWS.map((w) => ({
          value: w.id,
          text: w.label,
          checked: state.releaseWindow === w.id,
        })),
        workers: staff
          .filter((s) => s.role !== 'PEER_SUPPORT_WORKER')
          .map((s) => ({ value: s.id, text: s.name, selected: state.workerId === s.id })),
        overdue: state.overdue,
        showWorker: state.tab !== 'mine',
        selected: selectedFiltersOf(state, staff),
        clearHref: `/?tab=${state.tab}`,
        active:
          state.statuses.length > 0 ||
          state.releaseWindow !== null ||
          state.overdue ||
          state.workerId !== null,
      },
      selfHref: `/?${queryStringOf(base)}`,
    });
  });
  return router;
}

function selectedFiltersOf(
  state: ReturnType<typeof parseCaseloadQuery>,
  staff: { id: string; name: string }[],
): { heading: string; items: { text: string; href: string }[] }[] {
  const without = (change: Partial<typeof state>) =>
    `/?${queryStringOf({ ...state, ...change, after: null, trail: [] })}`;
  const groups = [];
  if (state.statuses.length) {
    groups.push({
      heading: 'Status',
      items: state.statuses.map((s) => ({
        text: label(s),
        href: without({ statuses: state.statuses.filter((x) => x !== s) }),
      })),
    });
  }
  if (state.releaseWindow) {
    groups.push({
      heading: 'Release',
      items: [
        {
          text: RELEASE_WINDOWS.find((w) => w.id === state.releaseWindow)!.label,
          href: without({ releaseWindow: null }),
        },
      ],
    });
  }
  if (state.workerId && state.tab !== 'mine') {
    groups.push({
      heading: 'Named worker',
      items: [
        {
          text: staff.find((s) => s.id === state.workerId)?.name ?? 'Selected worker',
          href: without({ workerId: null }),
        },
      ],
    });
  }
  if (state.overdue)
    groups.push({
      heading: 'Discharge',
      items: [{ text: 'Discharge overdue', href: without({ overdue: false }) }],
    });
  return groups;
}
