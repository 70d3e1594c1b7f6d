/**
 * Service metrics (DOMAIN.md, "Service metrics"), computed in SQL in one statement: aggregates
 * only, never rows, so nothing personal can leave through a metrics answer and the cost does not
 * grow with what is loaded into memory. Calendar dates are Europe/London.
 *
 * - referralsReceived, bySource, accepted, declined: referrals submitted in [from, to]; accepted
 *   means it reached PRE_RELEASE (it is PRE_RELEASE, POST_RELEASE or DISCHARGED now); acceptance
 *   is accepted of received.
 * - released: referrals whose release date falls in the period; preReleaseContactTargetMet and
 *   engagedWithin28Days are shares of those (null when none were released).
 * - medianDaysReferralToFirstContact: over referrals received in the period that have a contact.
 * - discharges: referrals discharged in the period, by reason. openCaseload: open today.
 * - handoversRequested: handovers the service requested in the period, each counted once, in the
 *   service that requested it (the sending service), so that "all services" is the sum of the
 *   rows. handoversOverdue (today) and medianHandoverResponseHours (requests in the period that
 *   have been answered): handovers either side of the service.
 *
 * The statement also counts the distinct people behind each share and median, which disclosure
 * control needs (service/disclosure.ts): `presentMetrics` gives commissioners controlled figures
 * and a service's own staff exact ones.
 */
import { sql } from 'drizzle-orm';
import { hasRole, isServiceStaff, type Principal } from '@reconnect/auth';
import { rowsOf, type Queryable } from '@reconnect/db';
import { badInput, forbidden } from '@reconnect/graph';
import { daysBetween } from '@reconnect/config';
import type { Context } from '../context.ts';
import type { QueryServiceMetricsArgs } from '../generated/graphql.ts';
import { controlCount, controlMedian, controlShare, wholeMonthsError, type Shown } from './disclosure.ts';

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
  acceptance: number | null;
  released: number;
  preReleaseContactTargetMet: number | null;
  engagedWithin28Days: number | null;
  medianDaysReferralToFirstContact: number | null;
  discharges: { reason: string; count: number }[];
  openCaseload: number;
  handoversRequested: number;
  handoversOverdue: number;
  medianHandoverResponseHours: number | null;
  disclosureControlled: boolean;
  smallNumbers: string[];
}

/** The exact figures of a service and period, with the people behind each share and median. */
export interface MetricFacts {
  from: string;
  to: string;
  serviceCode: string | null;
  referralsReceived: number;
  /** Distinct people among the referrals received: acceptance is over them. */
  receivedPeople: number;
  bySource: { source: string; count: number }[];
  accepted: number;
  declined: number;
  released: number;
  /** Distinct people among the referrals released: the two release shares are over them. */
  releasedPeople: number;
  /** Released referrals with two or more contacts before release. */
  contactTargetMet: number;
  /** Released referrals with an ATTENDED engagement within 28 days of release. */
  engagedWithin28Days: number;
  medianDaysReferralToFirstContact: number | null;
  firstContactPeople: number;
  discharges: { reason: string; count: number }[];
  openCaseload: number;
  handoversRequested: number;
  handoversOverdue: number;
  medianHandoverResponseHours: number | null;
  handoverResponsePeople: number;
}

interface Row {
  received: number;
  received_people: number;
  accepted: number;
  declined: number;
  released: number;
  released_people: number;
  contact_met: number;
  engaged: number;
  median_days: number | string | null;
  first_contact_people: number;
  open_caseload: number;
  by_source: { source: string; count: number }[] | string;
  discharges: { reason: string; count: number }[] | string;
  handovers_requested: number;
  handovers_overdue: number;
  median_response_hours: number | string | null;
  response_people: number;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const json = <T>(v: T[] | string): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : v);

export async function computeMetricFacts(db: Queryable, q: MetricsQuery): Promise<MetricFacts> {
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
      SELECT r.person_id, min((c.occurred_at AT TIME ZONE 'Europe/London')::date)
             - (r.submitted_at AT TIME ZONE 'Europe/London')::date AS days
      FROM received r JOIN referral.contacts c ON c.referral_id = r.id
      GROUP BY r.id, r.person_id, r.submitted_at
    ),
    scoped_handovers AS (
      SELECT h.* FROM referral.handovers h
      WHERE (${service}::text IS NULL OR h.from_service_code = ${service}::text OR h.to_service_code = ${service}::text)
    ),
    requested AS (
      SELECT * FROM scoped_handovers
      WHERE requested_at >= ${periodStart} AND requested_at < ${periodEnd}
    ),
    answered AS (
      SELECT h.responded_at, h.requested_at, r.person_id
      FROM requested h JOIN referral.referrals r ON r.id = h.referral_id
      WHERE h.responded_at IS NOT NULL
    )
    SELECT
      (SELECT count(*) FROM received)::int AS received,
      (SELECT count(DISTINCT person_id) FROM received)::int AS received_people,
      (SELECT count(*) FROM received WHERE status IN ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED'))::int AS accepted,
      (SELECT count(*) FROM received WHERE status = 'DECLINED')::int AS declined,
      (SELECT count(*) FROM released)::int AS released,
      (SELECT count(DISTINCT person_id) FROM released)::int AS released_people,
      (SELECT count(*) FROM released_facts WHERE pre_contacts >= 2)::int AS contact_met,
      (SELECT count(*) FROM released_facts WHERE engaged)::int AS engaged,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 FROM first_contact) AS median_days,
      (SELECT count(DISTINCT person_id) FROM first_contact)::int AS first_contact_people,
      (SELECT count(*) FROM scoped WHERE status IN ('SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'))::int AS open_caseload,
      (SELECT coalesce(json_agg(json_build_object('source', source, 'count', n)), '[]'::json)
         FROM (SELECT source, count(*)::int AS n FROM received GROUP BY source) s) AS by_source,
      (SELECT coalesce(json_agg(json_build_object('reason', discharge_reason, 'count', n)), '[]'::json)
         FROM (SELECT discharge_reason, count(*)::int AS n FROM scoped
               WHERE status = 'DISCHARGED'
                 AND discharged_at >= ${periodStart} AND discharged_at < ${periodEnd}
               GROUP BY discharge_reason) d) AS discharges,
      (SELECT count(*) FROM referral.handovers h
         WHERE (${service}::text IS NULL OR h.from_service_code = ${service}::text)
           AND h.requested_at >= ${periodStart} AND h.requested_at < ${periodEnd})::int AS handovers_requested,
      (SELECT count(*) FROM scoped_handovers WHERE status = 'REQUESTED' AND respond_by < ${q.now.toISOString()}::timestamptz)::int
        AS handovers_overdue,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM responded_at - requested_at) / 3600)::float8
         FROM answered) AS median_response_hours,
      (SELECT count(DISTINCT person_id) FROM answered)::int AS response_people
  `);
  const row = rowsOf<Row>(result)[0]!;
  const bySource = new Map(json(row.by_source).map((s) => [s.source, s.count]));
  const discharges = new Map(json(row.discharges).map((d) => [d.reason, d.count]));
  return {
    from: q.from,
    to: q.to,
    serviceCode: q.serviceCode,
    referralsReceived: row.received,
    receivedPeople: row.received_people,
    bySource: SOURCES.map((source) => ({ source, count: bySource.get(source) ?? 0 })),
    accepted: row.accepted,
    declined: row.declined,
    released: row.released,
    releasedPeople: row.released_people,
    contactTargetMet: row.contact_met,
    engagedWithin28Days: row.engaged,
    medianDaysReferralToFirstContact: num(row.median_days),
    firstContactPeople: row.first_contact_people,
    discharges: DISCHARGE_REASONS.map((reason) => ({ reason, count: discharges.get(reason) ?? 0 })),
    openCaseload: row.open_caseload,
    handoversRequested: row.handovers_requested,
    handoversOverdue: row.handovers_overdue,
    medianHandoverResponseHours: num(row.median_response_hours),
    handoverResponsePeople: row.response_people,
  };
}

const exactShare = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

/**
 * The figures a caller sees. Exact: as counted. Controlled (commissioners): every count through
 * `controlCount`, every share and median through `controlShare` / `controlMedian`, each from the
 * exact facts (a total is rounded from its exact value, never summed from rounded parts), and the
 * name of every small number in `smallNumbers`, in the order of the fields: a top-level figure by
 * its field name (`referralsReceived`), one of a list by the list's field name and its key
 * (`bySource.POLICE`, `discharges.NEEDS_MET`).
 */
export function presentMetrics(facts: MetricFacts, controlled: boolean): ServiceMetrics {
  const base = { from: facts.from, to: facts.to, serviceCode: facts.serviceCode };
  if (!controlled) {
    return {
      ...base,
      referralsReceived: facts.referralsReceived,
      bySource: facts.bySource,
      accepted: facts.accepted,
      declined: facts.declined,
      acceptance: exactShare(facts.accepted, facts.referralsReceived),
      released: facts.released,
      preReleaseContactTargetMet: exactShare(facts.contactTargetMet, facts.released),
      engagedWithin28Days: exactShare(facts.engagedWithin28Days, facts.released),
      medianDaysReferralToFirstContact: facts.medianDaysReferralToFirstContact,
      discharges: facts.discharges,
      openCaseload: facts.openCaseload,
      handoversRequested: facts.handoversRequested,
      handoversOverdue: facts.handoversOverdue,
      medianHandoverResponseHours: facts.medianHandoverResponseHours,
      disclosureControlled: false,
      smallNumbers: [],
    };
  }
  const smallNumbers: string[] = [];
  const shown = <T>(name: string, figure: Shown<T>): T => {
    if (figure.small) smallNumbers.push(name);
    return figure.value;
  };
  const count = (name: string, exact: number) => shown(name, controlCount(exact));
  return {
    ...base,
    referralsReceived: count('referralsReceived', facts.referralsReceived),
    bySource: facts.bySource.map((s) => ({
      source: s.source,
      count: count(`bySource.${s.source}`, s.count),
    })),
    accepted: count('accepted', facts.accepted),
    declined: count('declined', facts.declined),
    acceptance: shown(
      'acceptance',
      controlShare(facts.accepted, facts.referralsReceived, facts.receivedPeople),
    ),
    released: count('released', facts.released),
    preReleaseContactTargetMet: shown(
      'preReleaseContactTargetMet',
      controlShare(facts.contactTargetMet, facts.released, facts.releasedPeople),
    ),
    engagedWithin28Days: shown(
      'engagedWithin28Days',
      controlShare(facts.engagedWithin28Days, facts.released, facts.releasedPeople),
    ),
    medianDaysReferralToFirstContact: shown(
      'medianDaysReferralToFirstContact',
      controlMedian(facts.medianDaysReferralToFirstContact, facts.firstContactPeople),
    ),
    discharges: facts.discharges.map((d) => ({
      reason: d.reason,
      count: count(`discharges.${d.reason}`, d.count),
    })),
    openCaseload: count('openCaseload', facts.openCaseload),
    handoversRequested: count('handoversRequested', facts.handoversRequested),
    handoversOverdue: count('handoversOverdue', facts.handoversOverdue),
    medianHandoverResponseHours: shown(
      'medianHandoverResponseHours',
      controlMedian(facts.medianHandoverResponseHours, facts.handoverResponsePeople),
    ),
    disclosureControlled: true,
    smallNumbers,
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

/**
 * Exact figures only for RECONNECT staff and leads reading their own service: they can open every
 * case behind them anyway. Everyone else who may read figures (commissioners, for any service or
 * all of them) gets them disclosure-controlled.
 */
export function readsExactFigures(principal: Principal, serviceCode: string | null): boolean {
  return serviceCode !== null && isServiceStaff(principal) && principal.organisationCode === serviceCode;
}

/**
 * `serviceMetrics`: the period checked, then the caller's scope (its own service, unless a
 * commissioner), then, for controlled figures, that the period is whole calendar months.
 */
export async function serviceMetrics(ctx: Context, args: QueryServiceMetricsArgs): Promise<ServiceMetrics> {
  validatePeriod(args.from, args.to);
  const serviceCode = metricsScope(ctx.principal, args.serviceCode);
  const controlled = !readsExactFigures(ctx.principal, serviceCode);
  if (controlled) {
    const wrong = wholeMonthsError(args.from, args.to, ctx.clock.today());
    if (wrong) throw badInput(wrong.field, wrong.message);
  }
  const facts = await computeMetricFacts(ctx.db, {
    serviceCode,
    from: args.from,
    to: args.to,
    now: ctx.clock.now(),
  });
  return presentMetrics(facts, controlled);
}
