/**
 * Service metrics (DOMAIN.md, "Service metrics"), computed in SQL in one statement: aggregates
 * only, never rows, so nothing personal can leave through a metrics answer and the cost does not
 * grow with what is loaded into memory. Calendar dates are Europe/London.
 *
 * - referralsReceived, bySource, accepted, declined: referrals submitted in [from, to]; accepted
 *   means it reached PRE_RELEASE (it is PRE_RELEASE, POST_RELEASE or DISCHARGED now).
 * - released: referrals whose release date falls in the period; preReleaseContactTargetMet and
 *   engagedWithin28Days are shares of those (null when none were released).
 * - medianDaysReferralToFirstContact: over referrals received in the period that have a contact.
 * - discharges: referrals discharged in the period, by reason. openCaseload: open today.
 * - handoversRequested (in the period), handoversOverdue (today), medianHandoverResponseHours
 *   (requests in the period that have been answered): handovers either side of the service.
 */
import { sql } from 'drizzle-orm';
import { hasRole, type Principal } from '@reconnect/auth';
import { rowsOf, type Queryable } from '@reconnect/db';
import { badInput, forbidden } from '@reconnect/graph';
import { daysBetween } from '@reconnect/config';
import type { Context } from '../context.ts';
import type { QueryServiceMetricsArgs } from '../generated/graphql.ts';

export const SOURCES = [
  'PROBATION',
  'POLICE',
  'LIAISON_AND_DIVERSION',
  'HOME_OFFICE_ENFORCEMENT',
  'PRISON_HEALTHCARE',
  'IRC_HEALTHCARE',
  'SELF',
  'FAMILY_OR_FRIEND',
] as const;

export const DISCHARGE_REASONS = [
  'NEEDS_MET',
  'ENGAGED_WITH_COMMUNITY_SERVICES',
  'SUPPORT_PERIOD_ENDED',
  'DISENGAGED',
  'CONSENT_WITHDRAWN',
  'REMOVED_FROM_UK',
  'MOVED_OUTSIDE_ENGLAND',
  'DIED',
  'OTHER',
] as const;

export interface MetricsQuery {
  /** null: every service (commissioners). */
  serviceCode: string | null;
  from: string;
  to: string;
  now: Date;
}

export interface ServiceMetrics {
  from: string;
  to: string;
  serviceCode: string | null;
  referralsReceived: number;
  bySource: { source: string; count: number }[];
  accepted: number;
  declined: number;
  released: number;
  preReleaseContactTargetMet: number | null;
  engagedWithin28Days: number | null;
  medianDaysReferralToFirstContact: number | null;
  discharges: { reason: string; count: number }[];
  openCaseload: number;
  handoversRequested: number;
  handoversOverdue: number;
  medianHandoverResponseHours: number | null;
}

interface Row {
  received: number;
  accepted: number;
  declined: number;
  released: number;
  contact_share: number | string | null;
  engaged_share: number | string | null;
  median_days: number | string | null;
  open_caseload: number;
  by_source: { source: string; count: number }[] | string;
  discharges: { reason: string; count: number }[] | string;
  handovers_requested: number;
  handovers_overdue: number;
  median_response_hours: number | string | null;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const json = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);

export async function computeServiceMetrics(db: Queryable, q: MetricsQuery): Promise<ServiceMetrics> {
  const service = q.serviceCode;
  // The period as instants (London midnight to midnight), so the timestamp indexes apply.
  const periodStart = sql`(${q.from}::date::timestamp AT TIME ZONE 'Europe/London')`;
  const periodEnd = sql`((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`;
  const result = await db.execute(sql`
    WITH scoped AS (
      SELECT r.* FROM referral.referrals r
      WHERE (${service}::text IS NULL OR r.owning_service_code = ${service}::text)
    ),
    received AS (
      SELECT * FROM scoped
      WHERE submitted_at >= ${periodStart} AND submitted_at < ${periodEnd}
    ),
    released AS (
      SELECT * FROM scoped WHERE released_on BETWEEN ${q.from}::date AND ${q.to}::date
    ),
    released_facts AS (
      SELECT
        (SELECT count(*) FROM referral.contacts c
          WHERE c.referral_id = r.id AND (c.occurred_at AT TIME ZONE 'Europe/London')::date < r.released_on) AS pre_contacts,
        EXISTS (SELECT 1 FROM referral.engagements e
          WHERE e.referral_id = r.id AND e.outcome = 'ATTENDED'
            AND coalesce(e.appointment_on, (e.recorded_at AT TIME ZONE 'Europe/London')::date)
                BETWEEN r.released_on AND r.released_on + 28) AS engaged
      FROM released r
    ),
    first_contact AS (
      SELECT min((c.occurred_at AT TIME ZONE 'Europe/London')::date)
             - (r.submitted_at AT TIME ZONE 'Europe/London')::date AS days
      FROM received r JOIN referral.contacts c ON c.referral_id = r.id
      GROUP BY r.id, r.submitted_at
    ),
    scoped_handovers AS (
      SELECT h.* FROM referral.handovers h
      WHERE (${service}::text IS NULL OR h.from_service_code = ${service}::text OR h.to_service_code = ${service}::text)
    ),
    requested AS (
      SELECT * FROM scoped_handovers
      WHERE requested_at >= ${periodStart} AND requested_at < ${periodEnd}
    )
    SELECT
      (SELECT count(*) FROM received)::int AS received,
      (SELECT count(*) FROM received WHERE status IN ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED'))::int AS accepted,
      (SELECT count(*) FROM received WHERE status = 'DECLINED')::int AS declined,
      (SELECT count(*) FROM released)::int AS released,
      (SELECT avg(CASE WHEN pre_contacts >= 2 THEN 1.0 ELSE 0.0 END)::float8 FROM released_facts) AS contact_share,
      (SELECT avg(CASE WHEN engaged THEN 1.0 ELSE 0.0 END)::float8 FROM released_facts) AS engaged_share,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 FROM first_contact) AS median_days,
      (SELECT count(*) FROM scoped WHERE status IN ('SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'))::int AS open_caseload,
      (SELECT coalesce(json_agg(json_build_object('source', source, 'count', n)), '[]'::json)
         FROM (SELECT source, count(*)::int AS n FROM received GROUP BY source) s) AS by_source,
      (SELECT coalesce(json_agg(json_build_object('reason', discharge_reason, 'count', n)), '[]'::json)
         FROM (SELECT discharge_reason, count(*)::int AS n FROM scoped
               WHERE status = 'DISCHARGED'
                 AND discharged_at >= ${periodStart} AND discharged_at < ${periodEnd}
               GROUP BY discharge_reason) d) AS discharges,
      (SELECT count(*) FROM requested)::int AS handovers_requested,
      (SELECT count(*) FROM scoped_handovers WHERE status = 'REQUESTED' AND respond_by < ${q.now.toISOString()}::timestamptz)::int
        AS handovers_overdue,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - requested_at) / 3600)::float8
         FROM requested WHERE responded_at IS NOT NULL) AS median_response_hours
  `);
  const row = rowsOf<Row>(result)[0]!;
  const bySource = new Map(json(row.by_source).map((s) => [s.source, s.count]));
  const discharges = new Map(json(row.discharges).map((d) => [d.reason, d.count]));
  return {
    from: q.from,
    to: q.to,
    serviceCode: q.serviceCode,
    referralsReceived: row.received,
    bySource: SOURCES.map((source) => ({ source, count: bySource.get(source) ?? 0 })),
    accepted: row.accepted,
    declined: row.declined,
    released: row.released,
    preReleaseContactTargetMet: num(row.contact_share),
    engagedWithin28Days: num(row.engaged_share),
    medianDaysReferralToFirstContact: num(row.median_days),
    discharges: DISCHARGE_REASONS.map((reason) => ({ reason, count: discharges.get(reason) ?? 0 })),
    openCaseload: row.open_caseload,
    handoversRequested: row.handovers_requested,
    handoversOverdue: row.handovers_overdue,
    medianHandoverResponseHours: num(row.median_response_hours),
  };
}

/** The longest period one question may cover: ten years of daily figures is plenty. */
export const MAX_PERIOD_DAYS = 3660;

/**
 * Which service's figures the caller may have (AUTH.md, serviceMetrics): a commissioner any one
 * or all of them (null); RECONNECT staff and leads their own service only, by default.
 */
export function metricsScope(principal: Principal, requested: string | null | undefined): string | null {
  const code = requested?.trim() ? requested.trim().toUpperCase() : null;
  if (hasRole(principal, 'COMMISSIONER')) return code;
  const own = principal.organisationCode;
  if (!own) throw forbidden('Your token names no service.');
  if (code && code !== own) throw forbidden('RECONNECT services see their own figures only.');
  return own;
}

export function validatePeriod(from: string, to: string): void {
  if (to < from) throw badInput('to', '`to` must not be before `from`.');
  if (daysBetween(from, to) > MAX_PERIOD_DAYS)
    throw badInput('to', `A period may cover at most ${MAX_PERIOD_DAYS} days.`);
}

/** `serviceMetrics`: the period checked, then the caller's scope (its own service, unless a commissioner). */
export function serviceMetrics(ctx: Context, args: QueryServiceMetricsArgs): Promise<ServiceMetrics> {
  validatePeriod(args.from, args.to);
  const serviceCode = metricsScope(ctx.principal, args.serviceCode);
  return computeServiceMetrics(ctx.db, { serviceCode, from: args.from, to: args.to, now: ctx.clock.now() });
}
