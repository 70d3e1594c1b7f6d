/**
 * `dueWork` (DOMAIN.md, "Casework": what is due): for the caller's service, every item of every kind,
 * each with its referral and the day it is due, overdue first, then soonest first (and, for a named
 * worker, their own items first). Computed in one SQL statement that answers the page and every
 * kind's count over the whole list together, so its cost does not grow with the page size.
 *
 * The service's work is that of the referrals it owns (open ones), the handovers requested to it,
 * and the appointments it booked as the receiving service of an open handover. Working days are
 * Monday to Friday except bank holidays in England (date-holidays, as handover deadlines), passed to
 * the statement as a list.
 *
 * Choices where DOMAIN.md is silent: NO_NAMED_WORKER is due on the day the referral was accepted
 * (overdue from the next day); PRE_RELEASE_CONTACTS and RELEASE_DAY stay listed (overdue) after
 * their date while the referral is still PRE_RELEASE; SUPPORT_ENDING is listed from 28 days before
 * the end up to the end day, DISCHARGE_OVERDUE from the day after.
 */
import { sql } from 'drizzle-orm';
import { isServiceStaff } from '@reconnect/auth';
import { addDays } from '@reconnect/config';
import { rowsOf } from '@reconnect/db';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import type { DueWorkKind, QueryDueWorkArgs } from '../generated/graphql.ts';
import { callerStaffId } from './casework.ts';
import { pageSize } from './caseload.ts';
import { bankHolidaysInEngland } from './handover-dates.ts';

export const DUE_WORK_KINDS: readonly DueWorkKind[] = [
  'NEW_REFERRAL',
  'CONSENT_NOT_RECORDED',
  'NO_NAMED_WORKER',
  'PRE_RELEASE_CONTACTS',
  'RELEASE_DAY',
  'APPOINTMENT_OUTCOME',
  'HANDOVER_RESPONSE',
  'SUPPORT_ENDING',
  'DISCHARGE_OVERDUE',
];

export interface DueWorkItemRow {
  kind: DueWorkKind;
  referralId: string;
  dueOn: string;
  overdue: boolean;
  appointmentId: string | null;
  handoverId: string | null;
}

export interface DueWorkPage {
  nodes: DueWorkItemRow[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
  countsByKind: { kind: DueWorkKind; count: number; overdue: number }[];
}

interface Key {
  mine: number;
  late: number;
  dueOn: string;
  kind: string;
  item: string;
}

function encodeKey(k: Key): string {
  return Buffer.from(`d1|${k.mine}|${k.late}|${k.dueOn}|${k.kind}|${k.item}`, 'utf8').toString('base64url');
}

const KEY = /^d1\|([01])\|([01])\|(\d{4}-\d{2}-\d{2})\|([A-Z_]+)\|([0-9a-f-]{36}(?::[0-9a-f-]{36})?)$/;

function decodeKey(cursor: string): Key {
  const m = KEY.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || !(DUE_WORK_KINDS as readonly string[]).includes(m[4]!)) {
    throw badInput(
      'after',
      'This cursor was not given by the hub: pass pageInfo.endCursor of the previous page.',
    );
  }
  return { mine: Number(m[1]), late: Number(m[2]), dueOn: m[3]!, kind: m[4]!, item: m[5]! };
}

interface Row {
  kind: DueWorkKind;
  referral_id: string;
  due_on: string;
  overdue: boolean;
  appointment_id: string | null;
  handover_id: string | null;
  mine: number;
  late: number;
  item: string;
  counts: { kind: DueWorkKind; count: number; overdue: number }[] | string | null;
  total: number | string | null;
}

export async function dueWork(ctx: Context, args: QueryDueWorkArgs): Promise<DueWorkPage> {
  const { principal } = ctx;
  const service = principal.organisationCode;
  // Security: a service's own work only (casework.md); naming another service is FORBIDDEN.
  if (!isServiceStaff(principal) || !service) throw forbidden("Due work is a RECONNECT service's own.");
  if (args.serviceCode != null && args.serviceCode !== service) {
    throw forbidden('RECONNECT services only see their own due work.');
  }
  const size = pageSize(args.first);
  const after = args.after ? decodeKey(args.after) : null;
  const staffId = callerStaffId(ctx);
  const mineOnly = args.mine === true;
  if (mineOnly && !staffId) {
    throw badInput('mine', 'Your token names no member of staff: mine: true needs one.');
  }
  const kinds = args.kinds && args.kinds.length > 0 ? [...args.kinds] : [...DUE_WORK_KINDS];

  const now = ctx.clock.now();
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  // Enough years back for any open referral's submission day; the list is small (about 8 a year).
  const holidays = bankHolidaysInEngland(year - 12, year + 1);
  const in28 = addDays(today, 28);
  const in7 = addDays(today, 7);

  // One text parameter each: drizzle would spread an array into a list.
  const hol = sql`string_to_array(${holidays.join(',')}::text, ',')`;
  const londonDate = (column: string) => sql.raw(`((${column}) AT TIME ZONE 'Europe/London')::date`);
  /** The `n`th working day after `d` (a date expression). */
  const workingDaysAfter = (d: ReturnType<typeof sql>, n: number) => sql`(
    SELECT g::date FROM generate_series(${d} + 1, ${d} + ${n * 2 + 14}::int, interval '1 day') g
    WHERE extract(isodow FROM g) < 6 AND to_char(g, 'YYYY-MM-DD') <> ALL (${hol})
    ORDER BY g OFFSET ${n - 1} LIMIT 1)`;
  const submittedOn = londonDate('r.submitted_at');
  const supportEnd = sql`coalesce(r.support_extended_until, (r.released_on + interval '6 months')::date)`;

  const result = await ctx.db.execute(sql`
    WITH owned AS (
      SELECT r.* FROM referral.referrals r
      WHERE r.owning_service_code = ${service}::text
        AND r.status IN ('SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE')
    ),
    items AS (
      SELECT 'NEW_REFERRAL' AS kind, r.id AS referral_id, ${submittedOn} AS due_on,
             ${today}::date > ${workingDaysAfter(submittedOn, 2)} AS overdue,
             NULL::uuid AS appointment_id, NULL::uuid AS handover_id, r.named_worker_id
      FROM owned r WHERE r.status = 'SUBMITTED'
      UNION ALL
      SELECT 'CONSENT_NOT_RECORDED', r.id, ${workingDaysAfter(submittedOn, 5)}, NULL, NULL, NULL, r.named_worker_id
      FROM owned r WHERE r.status = 'SUBMITTED' AND r.consent_decision IS NULL
      UNION ALL
      SELECT 'NO_NAMED_WORKER', r.id,
             coalesce((SELECT ${londonDate('min(e.at)')} FROM referral.referral_events e
                       WHERE e.referral_id = r.id AND e.type = 'referral.accepted'), ${submittedOn}),
             NULL, NULL, NULL, r.named_worker_id
      FROM owned r WHERE r.status IN ('PRE_RELEASE', 'POST_RELEASE') AND r.named_worker_id IS NULL
      UNION ALL
      SELECT 'PRE_RELEASE_CONTACTS', r.id, r.expected_release_date - 7, NULL, NULL, NULL, r.named_worker_id
      FROM owned r
      WHERE r.status = 'PRE_RELEASE' AND r.expected_release_date <= ${in28}::date
        AND (SELECT count(*) FROM referral.contacts c WHERE c.referral_id = r.id) < 2
      UNION ALL
      SELECT 'RELEASE_DAY', r.id, r.expected_release_date, NULL, NULL, NULL, r.named_worker_id
      FROM owned r WHERE r.status = 'PRE_RELEASE' AND r.expected_release_date <= ${in7}::date
      UNION ALL
      SELECT 'APPOINTMENT_OUTCOME', r.id, ${londonDate('a.at')} + 1, NULL, a.id, NULL, r.named_worker_id
      FROM referral.appointments a JOIN referral.referrals r ON r.id = a.referral_id
      WHERE a.status = 'BOOKED' AND a.at < ${now.toISOString()}::timestamptz
        AND r.status IN ('SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE')
        AND (r.owning_service_code = ${service}::text
             OR (a.booked_by_service = ${service}::text AND EXISTS (
                   SELECT 1 FROM referral.handovers h WHERE h.referral_id = r.id
                     AND h.to_service_code = ${service}::text AND h.status IN ('REQUESTED', 'ACCEPTED'))))
      UNION ALL
      SELECT 'HANDOVER_RESPONSE', h.referral_id, ${londonDate('h.respond_by')}, NULL, NULL, h.id, NULL
      FROM referral.handovers h
      WHERE h.to_service_code = ${service}::text AND h.status = 'REQUESTED'
      UNION ALL
      SELECT 'SUPPORT_ENDING', r.id, ${supportEnd}, NULL, NULL, NULL, r.named_worker_id
      FROM owned r WHERE r.status = 'POST_RELEASE'
        AND ${supportEnd} BETWEEN ${today}::date AND ${in28}::date
      UNION ALL
      SELECT 'DISCHARGE_OVERDUE', r.id, ${supportEnd}, NULL, NULL, NULL, r.named_worker_id
      FROM owned r WHERE r.status = 'POST_RELEASE' AND ${supportEnd} < ${today}::date
    ),
    judged AS (
      SELECT kind, referral_id, due_on, appointment_id, handover_id,
             -- Overdue: past the due day (NEW_REFERRAL: past two working days after it).
             CASE WHEN kind = 'NEW_REFERRAL' THEN coalesce(overdue, false)
                  WHEN kind = 'HANDOVER_RESPONSE' THEN due_on < ${today}::date
                  ELSE due_on < ${today}::date END AS overdue,
             CASE WHEN ${staffId}::uuid IS NOT NULL AND named_worker_id = ${staffId}::uuid THEN 0 ELSE 1 END AS mine,
             referral_id::text || coalesce(':' || coalesce(appointment_id, handover_id)::text, '') AS item
      FROM items
      WHERE kind = ANY (string_to_array(${kinds.join(',')}::text, ','))
        AND (${mineOnly}::boolean = false OR named_worker_id = ${staffId}::uuid)
    ),
    ranked AS (
      SELECT *, CASE WHEN overdue THEN 0 ELSE 1 END AS late FROM judged
    ),
    page AS (
      SELECT * FROM ranked
      WHERE ${after === null}::boolean
         OR (mine, late, to_char(due_on, 'YYYY-MM-DD'), kind, item)
            > (${after?.mine ?? 0}::int, ${after?.late ?? 0}::int, ${after?.dueOn ?? ''}::text,
               ${after?.kind ?? ''}::text, ${after?.item ?? ''}::text)
      ORDER BY mine, late, due_on, kind, item
      LIMIT ${size + 1}
    ),
    counts AS (
      SELECT coalesce(json_agg(json_build_object('kind', kind, 'count', n, 'overdue', o)), '[]'::json) AS counts,
             coalesce(sum(n), 0)::int AS total
      FROM (SELECT kind, count(*)::int AS n, count(*) FILTER (WHERE overdue)::int AS o FROM ranked GROUP BY kind) k
    )
    SELECT p.kind, p.referral_id, to_char(p.due_on, 'YYYY-MM-DD') AS due_on, p.overdue,
           p.appointment_id, p.handover_id, p.mine, p.late, p.item, c.counts, c.total
    FROM counts c LEFT JOIN page p ON true
    ORDER BY p.mine, p.late, p.due_on, p.kind, p.item
  `);
  const rows = rowsOf<Row>(result);
  const first = rows[0];
  const rawCounts = first?.counts ?? [];
  const counts =
    typeof rawCounts === 'string' ? (JSON.parse(rawCounts) as Row['counts'] & object[]) : rawCounts;
  const byKind = new Map(
    (counts as { kind: DueWorkKind; count: number; overdue: number }[]).map((c) => [c.kind, c]),
  );
  const items = rows.filter((r) => r.kind !== null);
  const pageRows = items.slice(0, size);
  const last = pageRows.at(-1);
  return {
    nodes: pageRows.map((r) => ({
      kind: r.kind,
      referralId: r.referral_id,
      dueOn: r.due_on,
      overdue: r.overdue,
      appointmentId: r.appointment_id,
      handoverId: r.handover_id,
    })),
    pageInfo: {
      hasNextPage: items.length > size,
      endCursor: last
        ? encodeKey({
            mine: Number(last.mine),
            late: Number(last.late),
            dueOn: last.due_on,
            kind: last.kind,
            item: last.item,
          })
        : null,
    },
    totalCount: Number(first?.total ?? 0),
    countsByKind: DUE_WORK_KINDS.map((kind) => ({
      kind,
      count: Number(byKind.get(kind)?.count ?? 0),
      overdue: Number(byKind.get(kind)?.overdue ?? 0),
    })),
  };
}
