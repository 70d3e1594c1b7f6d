/**
 * The synthetic data set of the benchmark: `referrals` referrals, each with its person (identifiers,
 * health needs, some risk assessments), contacts, engagements, history, cross-area handovers and the
 * relationship grants the referral subgraph would have written, spread across the seven RECONNECT
 * services and across the lifecycle. Generated inside the database (INSERT ... SELECT over
 * generate_series, one statement at a time, so it also runs on PGlite for the smoke test): a million
 * referrals take minutes, not hours.
 *
 * Everything is derived from the referral's number `n` through `hashint8extended(n, salt)`, so a
 * scale always produces the same data (ids are md5 of the number): runs on different machines, and
 * before and after a change, read the same caseloads.
 *
 * The reference data (services, establishments, local authorities, staff) must already be seeded.
 */
import { rowsOf, sql, type DbHandle, type Queryable } from '../../packages/db/src/index.ts';

/** Bump when the generated data changes: a database seeded by another version is seeded again. */
export const SEED_VERSION = 1;

export interface SeedResult {
  referrals: number;
  seconds: number;
  rows: Record<string, number>;
}

/** A pseudo-random integer in [0, range) for referral `n` (column `p.n`), one stream per salt. */
const h = (salt: number, range: number) => `(abs(hashint8extended(p.n, ${salt})) % ${range})::int`;
const hgOf = (alias: string, salt: number, range: number) =>
  `(abs(hashint8extended(${alias}.n, ${salt})) % ${range})::int`;
const hg = (salt: number, range: number) => hgOf('g', salt, range);
/** The referral's first step (consent, acceptance, decline): a day after it arrived, or sooner if it is newer. */
const STEP = `(p.submitted_at + least(p.age * 0.25, 1) * interval '1 day')`;

const GIVEN = (
  'Aaron Abdul Adam Aiden Alex Ali Amir Andrew Anthony Ben Callum Carl Chris Connor Craig Daniel ' +
  'Darren David Dean Emma Gary Hassan Jack Jade James Jamie Jason Joe John Kelly Kieran Lee Liam ' +
  'Mark Michael Mohammed Nathan Paul Ryan Sarah Scott Sean Shaun Stephen Steven Stuart Thomas Tom ' +
  'Tyler Wayne'
).split(' ');
const FAMILY = (
  'Ahmed Ali Allen Bailey Baker Begum Bell Brown Clarke Cooper Davies Edwards Evans Green Hall ' +
  'Harris Hill Hughes Hussain Jackson James Johnson Jones Khan King Lewis Martin Moore Morris ' +
  'Murphy Patel Phillips Price Roberts Robinson Scott Shaw Smith Taylor Thomas Thompson Turner ' +
  'Walker Ward Watson White Williams Wilson Wood Wright'
).split(' ');
const NEEDS = [
  'MENTAL_HEALTH',
  'SUBSTANCE_MISUSE',
  'PHYSICAL_HEALTH',
  'ALCOHOL',
  'MENTAL_HEALTH',
  'SUBSTANCE_MISUSE',
  'LEARNING_DISABILITY',
  'NEURODIVERSITY',
  'BRAIN_INJURY',
  'SOCIAL_CARE',
];
const SECOND_NEEDS = ['ALCOHOL', 'SUBSTANCE_MISUSE', 'PHYSICAL_HEALTH', 'SOCIAL_CARE', 'OTHER'];
const PRISON_SOURCES = [
  ['PROBATION', 'PROB'],
  ['PROBATION', 'PROB'],
  ['PROBATION', 'PROB'],
  ['PRISON_HEALTHCARE', 'PHC'],
  ['PRISON_HEALTHCARE', 'PHC'],
  ['POLICE', 'POL'],
  ['LIAISON_AND_DIVERSION', 'LD'],
  ['SELF', 'SELF'],
  ['FAMILY_OR_FRIEND', 'FAM'],
] as const;
const IRC_SOURCES = [
  ['HOME_OFFICE_ENFORCEMENT', 'HOE'],
  ['IRC_HEALTHCARE', 'IHC'],
] as const;
const CONTACT_MODES = ['FACE_TO_FACE', 'FACE_TO_FACE', 'FACE_TO_FACE', 'VIDEO', 'TELEPHONE', 'TELEPHONE'];
/** Two contacts before release (a day apart after referral), the rest weekly after it, never in the future. */
const CONTACT_AT = `case when p.released_on is not null and k > 2
    then least((p.released_on + (k - 2) * 7 + time '10:00')::timestamptz, now() - interval '1 hour')
    else least(p.submitted_at + make_interval(days => k, hours => 2), now() - interval '1 hour') end`;
const SERVICE_TYPES = ['GP_REGISTRATION', 'MENTAL_HEALTH', 'SUBSTANCE_MISUSE', 'PRIMARY_CARE', 'HOUSING'];
const DECLINE_REASONS = ['CONSENT_NOT_GIVEN', 'SUPPORTED_ELSEWHERE', 'OTHER', 'OUTSIDE_REFERRAL_WINDOW'];
const DISCHARGE_REASONS = [
  'SUPPORT_PERIOD_ENDED',
  'ENGAGED_WITH_COMMUNITY_SERVICES',
  'NEEDS_MET',
  'DISENGAGED',
  'CONSENT_WITHDRAWN',
];

const textArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(',')}]::text[]`;
const pick = (values: readonly string[], salt: number) =>
  `(${textArray(values)})[1 + ${h(salt, values.length)}]`;

/**
 * The newest RECENT_PER_SERVICE referrals of every service arrive at the same pace at every scale
 * (one every RECENT_DAYS / RECENT_PER_SERVICE days), so the first caseload pages hold the same mix
 * of new, accepted and closed referrals whether the database has ten thousand or a million; the
 * rest of the history spreads over three years. The status follows from the referral's age (some
 * referrals are accepted on the day they arrive, so even the first ten rows hold accepted referrals
 * with named workers and contacts).
 */
const RECENT_PER_SERVICE = 500;
const RECENT_DAYS = 60;
const HISTORY_DAYS = 1095;

const STATUS_BY_AGE = `case
  when a.age < 3 then case when a.u < 45 then 'SUBMITTED' when a.u < 80 then 'PRE_RELEASE'
    when a.u < 90 then 'DECLINED' else 'WITHDRAWN' end
  when a.age < 120 then case when a.u < 75 then 'PRE_RELEASE' when a.u < 85 then 'DECLINED'
    when a.u < 90 then 'WITHDRAWN' else 'POST_RELEASE' end
  when a.age < 240 then case when a.u < 35 then 'PRE_RELEASE' when a.u < 75 then 'POST_RELEASE'
    when a.u < 88 then 'DECLINED' else 'WITHDRAWN' end
  else case when a.u < 70 then 'DISCHARGED' when a.u < 85 then 'DECLINED' when a.u < 92 then 'WITHDRAWN'
    else 'POST_RELEASE' end end`;

/** One step of the seed; lookup tables and the plan live in a `bench` schema of the bench database. */
interface Statement {
  label: string;
  text: string;
}

/** The directory, indexed per service: services, their establishments, areas, workers and peer supporters. */
export function lookupStatements(): Statement[] {
  return [
    { label: 'schema', text: `create schema if not exists bench` },
    {
      label: 'lookups',
      text: `drop table if exists bench.svc, bench.est, bench.la, bench.worker, bench.peer, bench.plan`,
    },
    {
      label: 'lookups',
      text: `create table bench.svc as
        select (row_number() over (order by code) - 1)::int as idx, id, code, region
        from regional_service.reconnect_services`,
    },
    {
      label: 'lookups',
      text: `create table bench.est as
        select e.code, e.type, s.idx as svc_idx,
          (row_number() over (partition by s.idx order by e.code) - 1)::int as rn,
          (count(*) over (partition by s.idx))::int as cnt
        from regional_service.establishments e join bench.svc s on s.id = e.local_service_id`,
    },
    {
      label: 'lookups',
      text: `create table bench.la as
        select l.code, s.idx as svc_idx,
          (row_number() over (partition by s.idx order by l.code) - 1)::int as rn,
          (count(*) over (partition by s.idx))::int as cnt
        from regional_service.local_authorities l join bench.svc s on s.id = l.receiving_service_id`,
    },
    ...(['worker', 'peer'] as const).map((table) => ({
      label: 'lookups',
      text: `create table bench.${table} as
        select st.id, s.idx as svc_idx,
          (row_number() over (partition by s.idx order by st.id) - 1)::int as rn,
          (count(*) over (partition by s.idx))::int as cnt
        from regional_service.staff st join bench.svc s on s.id = st.service_id
        where st.active and st.role = '${table === 'worker' ? 'RECONNECT_WORKER' : 'PEER_SUPPORT_WORKER'}'`,
    })),
  ];
}

/** How many of each lookup each service has (by service index), read after the lookups are built. */
export interface LookupCounts {
  est: number[];
  la: number[];
  worker: number[];
  peer: number[];
}

export const LOOKUP_COUNTS = `select s.idx,
    (select count(*) from bench.est e where e.svc_idx = s.idx)::int as est,
    (select count(*) from bench.la l where l.svc_idx = s.idx)::int as la,
    (select count(*) from bench.worker w where w.svc_idx = s.idx)::int as worker,
    (select count(*) from bench.peer p where p.svc_idx = s.idx)::int as peer
  from bench.svc s order by s.idx`;

/**
 * The data. Each lookup's row number is computed from the referral's own columns and the counts
 * (inlined as arrays), so every join is an equality the planner can hash.
 */
export function dataStatements(referrals: number, counts: LookupCounts): Statement[] {
  const nine = `(990000000 + p.n)`;
  const digit = (i: number) => `((${nine} / ${10 ** (9 - i)}) % 10)`;
  const weighted = Array.from({ length: 9 }, (_, i) => `${digit(i + 1)} * ${10 - i}`).join(' + ');
  const check = `(11 - ((${weighted}) % 11)) % 11`;
  const count = (kind: keyof LookupCounts, idx: string) => `(array[${counts[kind].join(',')}])[${idx} + 1]`;
  return [
    {
      // One row per referral with every decision made once; the tables below are projections of it.
      label: 'plan',
      text: `create table bench.plan as
        with g as (
          select n, (n % 7)::int as svc_idx, (n / 7)::int as r, ${hg(1, 100)} as u,
            ${hg(3, 100)} < 15 as cross_area
          from generate_series(1, ${referrals}) as g(n)
        ),
        a as (
          select g.*, case when g.r < ${RECENT_PER_SERVICE}
            then g.r * ${RECENT_DAYS / RECENT_PER_SERVICE} + ${hg(4, 1000)} / 10000.0
            else ${RECENT_DAYS} + (g.r - ${RECENT_PER_SERVICE})::float8 * ${HISTORY_DAYS - RECENT_DAYS}
              / greatest(${Math.floor(referrals / 7) - RECENT_PER_SERVICE}, 1) + ${hg(4, 1000)} / 1000.0
            end as age
          from g
        ),
        s as (select a.*, ${STATUS_BY_AGE} as status from a),
        g2 as (
          select s.*, case s.status
            when 'POST_RELEASE' then current_date - (1 + ${hgOf('s', 5, 1000000)} % greatest(least(floor(s.age)::int - 1, 300), 1))
            when 'DISCHARGED' then current_date - (190 + ${hgOf('s', 5, 1000000)} % greatest(floor(s.age)::int - 190, 1))
            end as released_on
          from s
        ),
        base as (
          select g.n, g.status, g.svc_idx,
            md5('bench-referral:' || g.n)::uuid as rid,
            md5('bench-person:' || g.n)::uuid as pid,
            g.age, now() - g.age * interval '1 day' as submitted_at,
            g.released_on,
            case
              when g.status in ('SUBMITTED', 'PRE_RELEASE') then current_date + 1 + ${hg(7, 150)}
              when g.status in ('DECLINED', 'WITHDRAWN') then current_date - floor(g.age)::int + 30 + ${hg(7, 170)}
              else g.released_on
            end as expected_release_date,
            e.code as establishment_code, e.type as custody_type, s.code as owner_code,
            case when g.cross_area then (g.svc_idx + 1 + ${hg(8, 6)}) % 7 else g.svc_idx end as home_idx,
            ${hg(9, 1000000)} as r_la, ${hg(10, 1000000)} as r_source, ${hg(11, 100)} as r_handover,
            ${hg(12, 1000000)} as r_staff, ${hg(13, 100)} as r_misc
          from g2 g
          join bench.svc s on s.idx = g.svc_idx
          join bench.est e on e.svc_idx = g.svc_idx and e.rn = ${hg(2, 1000000)} % ${count('est', 'g.svc_idx')}
        ),
        p as (
          select base.*, case
            when base.home_idx = base.svc_idx or base.status not in ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED') then null
            when base.status = 'DISCHARGED' then case when base.r_handover < 60 then 'COMPLETED' else 'DECLINED' end
            when base.r_handover < 35 then 'REQUESTED'
            when base.r_handover < 60 then 'ACCEPTED'
            when base.r_handover < 85 then 'COMPLETED'
            else 'DECLINED' end as handover
          from base
        )
        select p.*, hs.code as home_code, la.code as home_la,
          -- After a completed handover the receiving service owns the referral and names its own workers.
          case when p.status not in ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED') then null
            when p.handover = 'COMPLETED' then hw.id else w.id end as worker_id,
          case when p.status not in ('PRE_RELEASE', 'POST_RELEASE') or p.r_misc >= 30 then null
            when p.handover = 'COMPLETED' then hpe.id else pe.id end as peer_id,
          case when p.handover is not null
            then p.submitted_at + least(p.age * 0.3, 3) * interval '1 day' end as requested_at,
          case when p.handover = 'COMPLETED'
            then p.submitted_at + least(p.age * 0.6, 5) * interval '1 day' end as completed_at,
          case when p.custody_type = 'IRC'
            then (${textArray(IRC_SOURCES.map((s) => s[0]))})[1 + p.r_source % ${IRC_SOURCES.length}]
            else (${textArray(PRISON_SOURCES.map((s) => s[0]))})[1 + p.r_source % ${PRISON_SOURCES.length}] end as source,
          (case when p.custody_type = 'IRC'
            then (${textArray(IRC_SOURCES.map((s) => s[1]))})[1 + p.r_source % ${IRC_SOURCES.length}]
            else (${textArray(PRISON_SOURCES.map((s) => s[1]))})[1 + p.r_source % ${PRISON_SOURCES.length}] end)
            || '-' || substr(p.owner_code, 4) as referrer_org
        from p
        join bench.svc hs on hs.idx = p.home_idx
        join bench.la la on la.svc_idx = p.home_idx and la.rn = p.r_la % ${count('la', 'p.home_idx')}
        join bench.worker w on w.svc_idx = p.svc_idx and w.rn = p.r_staff % ${count('worker', 'p.svc_idx')}
        join bench.peer pe on pe.svc_idx = p.svc_idx and pe.rn = p.r_staff % ${count('peer', 'p.svc_idx')}
        join bench.worker hw on hw.svc_idx = p.home_idx and hw.rn = p.r_staff % ${count('worker', 'p.home_idx')}
        join bench.peer hpe on hpe.svc_idx = p.home_idx and hpe.rn = p.r_staff % ${count('peer', 'p.home_idx')}`,
    },
    { label: 'plan', text: `analyze bench.plan` },
    {
      label: 'people',
      text: `insert into person.people (id, given_name, family_name, date_of_birth, nhs_number,
          prison_number, crn, home_office_reference, home_area_code, created_at, updated_at)
        select p.pid, ${pick(GIVEN, 20)}, ${pick(FAMILY, 21)},
          date '1962-01-01' + ${h(22, 365 * 42)},
          case when ${check} < 10 then ${nine}::text || (${check})::text end,
          case when p.custody_type = 'PRISON' then 'B' || lpad((p.n % 10000)::text, 4, '0')
            || chr(65 + ((p.n / 10000) % 26)::int) || chr(65 + ((p.n / 260000) % 26)::int) end,
          case when p.source = 'PROBATION' then chr(67 + (p.n / 1000000)::int) || lpad((p.n % 1000000)::text, 6, '0') end,
          case when p.custody_type = 'IRC' then 'HO-BENCH-' || p.n end,
          p.home_la, p.submitted_at, p.submitted_at
        from bench.plan p`,
    },
    {
      label: 'referrals',
      text: `insert into referral.referrals (id, reference, status, version, source,
          referrer_organisation_code, referrer_organisation_name, referrer_name, submitted_at, submitted_by,
          person_id, custody_type, establishment_code, expected_release_date, released_on,
          reason_for_referral, identified_needs, owning_service_code, receiving_service_code, home_area_code,
          consent_decision, consent_method, consent_recorded_at, consent_recorded_by,
          named_worker_id, peer_support_worker_id, decline_reason, declined_at,
          discharge_reason, discharged_at, updated_at)
        select p.rid,
          'RC-' || ${refChars(0, 4)} || '-' || ${refChars(4, 8)},
          p.status, case p.status when 'SUBMITTED' then 1 when 'PRE_RELEASE' then 3 when 'POST_RELEASE' then 4
            when 'DISCHARGED' then 5 else 2 end,
          p.source, p.referrer_org, 'Bench ' || p.referrer_org, 'Bench Referrer ' || (p.n % 500),
          p.submitted_at, 'bench-referrer', p.pid, p.custody_type, p.establishment_code,
          p.expected_release_date, p.released_on,
          'Synthetic referral for the benchmark.',
          case when ${h(23, 100)} < 40 and ${pick(NEEDS, 24)} <> ${pick(SECOND_NEEDS, 25)}
            then array[${pick(NEEDS, 24)}, ${pick(SECOND_NEEDS, 25)}]
            else array[${pick(NEEDS, 24)}] end,
          case when p.handover = 'COMPLETED' then p.home_code else p.owner_code end,
          case when p.home_code <> p.owner_code then p.home_code end,
          p.home_la,
          case when p.status in ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED') then 'GIVEN'
            when p.status = 'DECLINED' and p.r_misc < 25 then 'REFUSED'
            when p.status = 'SUBMITTED' and p.r_misc < 50 then 'GIVEN' end,
          case when p.status in ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED')
            or (p.status = 'DECLINED' and p.r_misc < 25) or (p.status = 'SUBMITTED' and p.r_misc < 50)
            then 'FACE_TO_FACE' end,
          case when p.status in ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED')
            or (p.status = 'DECLINED' and p.r_misc < 25) or (p.status = 'SUBMITTED' and p.r_misc < 50)
            then ${STEP} end,
          case when p.status in ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED')
            or (p.status = 'DECLINED' and p.r_misc < 25) or (p.status = 'SUBMITTED' and p.r_misc < 50)
            then 'bench-worker' end,
          p.worker_id, p.peer_id,
          case when p.status = 'DECLINED' then
            case when p.r_misc < 25 then 'CONSENT_NOT_GIVEN' else ${pick(DECLINE_REASONS, 26)} end end,
          case when p.status = 'DECLINED' then ${STEP} end,
          case when p.status = 'DISCHARGED' then ${pick(DISCHARGE_REASONS, 27)} end,
          case when p.status = 'DISCHARGED' then (p.released_on + interval '6 months')::timestamptz end,
          p.submitted_at
        from bench.plan p`,
    },
    {
      label: 'health needs',
      text: `insert into person.health_needs (person_id, category, description, active, recorded_at,
          recorded_by, source_referral_id)
        select r.person_id, need, 'Identified by the referrer (synthetic).', true, r.submitted_at,
          'bench-referrer', r.id
        from referral.referrals r cross join lateral (select distinct unnest(r.identified_needs) as need) u
        where r.submitted_by = 'bench-referrer'`,
    },
    {
      label: 'risk assessments',
      text: `insert into person.risk_assessments (person_id, level, risk_to, summary, assessed_on, source,
          recorded_at, recorded_by)
        select p.pid, ${pick(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'VERY_HIGH'], 28)}, array['PUBLIC']::text[],
          'Synthetic assessment.', p.submitted_at::date, 'OASys (probation)', p.submitted_at, 'bench-worker'
        from bench.plan p where ${h(29, 100)} < 30`,
    },
    {
      label: 'contacts',
      text: `insert into referral.contacts (referral_id, occurred_at, mode, purpose, staff_id, note,
          recorded_at, recorded_by)
        select p.rid, ${CONTACT_AT},
          (${textArray(CONTACT_MODES)})[1 + (abs(hashint8extended(p.n * 8 + k, 30)) % ${CONTACT_MODES.length})::int],
          case when p.released_on is not null and k > 2 then 'POST_RELEASE_SUPPORT'
            when k = 1 then 'ASSESSMENT' else 'RELEASE_PLANNING' end,
          p.worker_id, null, ${CONTACT_AT}, 'bench-worker'
        from bench.plan p
        cross join lateral generate_series(1, case p.status
          when 'PRE_RELEASE' then ${h(31, 4)} when 'POST_RELEASE' then 1 + ${h(31, 4)}
          when 'DISCHARGED' then 2 + ${h(31, 4)} else 0 end) as k`,
    },
    {
      label: 'engagements',
      text: `insert into referral.engagements (referral_id, service_type, provider_name, appointment_on,
          outcome, recorded_at, recorded_by)
        select p.rid, (${textArray(SERVICE_TYPES)})[1 + (${h(32, 100)} + k) % ${SERVICE_TYPES.length}],
          'Synthetic community provider', p.released_on + 7 * k,
          case when p.released_on + 7 * k > current_date then 'BOOKED'
            when ${h(33, 100)} < 70 then 'ATTENDED' else 'MISSED' end,
          least((p.released_on + 7 * k + time '09:00')::timestamptz, now()), 'bench-worker'
        from bench.plan p
        cross join lateral generate_series(1, ${h(34, 3)}) as k
        where p.status in ('POST_RELEASE', 'DISCHARGED')`,
    },
    {
      label: 'handovers',
      text: `insert into referral.handovers (id, referral_id, from_service_code, to_service_code, status,
          requested_at, requested_by, respond_by, responded_at, completed_at, decline_reason, version)
        select md5('bench-handover:' || p.n)::uuid, p.rid, p.owner_code, p.home_code, p.handover,
          p.requested_at, 'bench-worker', p.requested_at + interval '2 days',
          case when p.handover <> 'REQUESTED' then p.requested_at + least(p.age * 0.1, 1) * interval '1 day' end,
          p.completed_at,
          case when p.handover = 'DECLINED' then 'No capacity (synthetic).' end,
          case p.handover when 'REQUESTED' then 1 when 'COMPLETED' then 3 else 2 end
        from bench.plan p where p.handover is not null`,
    },
    {
      label: 'history',
      text: `insert into referral.referral_events (referral_id, at, type, from_status, to_status, actor,
          actor_organisation, reason)
        select p.rid, e.at, e.type, e.from_status, e.to_status, e.actor, e.org, null
        from bench.plan p cross join lateral (values
          (p.submitted_at, 'referral.submitted', null, 'SUBMITTED', 'bench-referrer', p.referrer_org, true),
          (${STEP}, 'referral.accepted', 'SUBMITTED', 'PRE_RELEASE', 'bench-worker',
            p.owner_code, p.status in ('PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED')),
          ((p.released_on + time '09:00')::timestamptz, 'referral.released', 'PRE_RELEASE', 'POST_RELEASE', 'bench-worker',
            p.owner_code, p.status in ('POST_RELEASE', 'DISCHARGED')),
          ((p.released_on + interval '6 months')::timestamptz, 'referral.discharged', 'POST_RELEASE',
            'DISCHARGED', 'bench-worker', p.owner_code, p.status = 'DISCHARGED'),
          (${STEP}, 'referral.declined', 'SUBMITTED', 'DECLINED', 'bench-worker',
            p.owner_code, p.status = 'DECLINED'),
          (${STEP}, 'referral.withdrawn', 'SUBMITTED', 'WITHDRAWN', 'bench-referrer',
            p.referrer_org, p.status = 'WITHDRAWN'),
          (p.requested_at, 'handover.requested', null, null, 'bench-worker', p.owner_code, p.handover is not null)
        ) as e(at, type, from_status, to_status, actor, org, present)
        where e.present`,
    },
    {
      // The grants the referral subgraph writes on submit, and on handover request and completion.
      label: 'grants',
      text: `insert into access.grants (organisation_code, relationship, person_id, referral_id, valid_from,
          valid_until, reason, created_at)
        select g.org, g.relationship, p.pid, p.rid, g.valid_from, g.valid_until, g.reason, g.valid_from
        from bench.plan p cross join lateral (values
          (p.owner_code, 'OWNING_SERVICE', p.submitted_at, p.completed_at, 'referral.submitted', true),
          (p.referrer_org, 'REFERRER', p.submitted_at, null::timestamptz, 'referral.submitted', true),
          (p.home_code, 'RECEIVING_SERVICE', p.requested_at,
            case p.handover when 'COMPLETED' then p.completed_at
              when 'DECLINED' then p.requested_at + least(p.age * 0.1, 1) * interval '1 day' end,
            'handover.requested', p.handover is not null),
          (p.home_code, 'OWNING_SERVICE', p.completed_at, null, 'handover.completed', p.handover = 'COMPLETED'),
          (p.owner_code, 'SENDING_SERVICE', p.completed_at, p.completed_at + interval '28 days',
            'handover.completed', p.handover = 'COMPLETED')
        ) as g(org, relationship, valid_from, valid_until, reason, present)
        where g.present`,
    },
    {
      label: 'cleanup',
      text: `drop table bench.svc, bench.est, bench.la, bench.worker, bench.peer, bench.plan`,
    },
  ];
}

/** Characters [from, to) of the reference from the referral number (base 25, unique per n). */
function refChars(from: number, to: number): string {
  const alphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
  // n times a number prime to 25 is a permutation of the 25^8 references: unique, and not sequential.
  const scrambled = `(p.n::bigint * 2654435761 % ${25 ** 8})`;
  const parts: string[] = [];
  for (let i = from; i < to; i += 1) {
    parts.push(`substr('${alphabet}', 1 + ((${scrambled} / ${25 ** i}) % 25)::int, 1)`);
  }
  return parts.join(' || ');
}

/** The tables the seed fills: their secondary indexes are built once at the end, not row by row. */
const FILLED_TABLES = [
  'person.people',
  'person.health_needs',
  'person.risk_assessments',
  'referral.referrals',
  'referral.contacts',
  'referral.engagements',
  'referral.handovers',
  'referral.referral_events',
  'access.grants',
];

/**
 * Drops the filled tables' indexes that back no constraint (primary keys stay, for the foreign
 * keys), and returns their definitions to build them again: building an index once over a million
 * rows is several times faster than updating it a million times. Unique indexes are checked when
 * they are built again.
 */
async function dropSecondaryIndexes(tx: Queryable): Promise<string[]> {
  const indexes = rowsOf<{ schemaname: string; indexname: string; indexdef: string }>(
    await tx.execute(
      sql.raw(`select i.schemaname, i.indexname, i.indexdef from pg_indexes i
        where i.schemaname || '.' || i.tablename in (${FILLED_TABLES.map((t) => `'${t}'`).join(', ')})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`),
    ),
  );
  for (const index of indexes) {
    await tx.execute(sql.raw(`drop index "${index.schemaname}"."${index.indexname}"`));
  }
  return indexes.map((index) => index.indexdef);
}

/**
 * Writes the data set into a migrated database with reference data and no referrals yet, in one
 * transaction (one connection, so its settings hold for every statement and end with it; nothing
 * is left half-seeded), then ANALYZEs it so the planner sees the real sizes. Reports rows per table.
 */
export async function seedSynthetic(
  handle: DbHandle,
  referrals: number,
  log: (line: string) => void = () => {},
): Promise<SeedResult> {
  const started = performance.now();
  let phase = '';
  let phaseStarted = started;
  await handle.db.transaction(async (tx) => {
    const run = (text: string) => tx.execute(sql.raw(text));
    const step = async (label: string, fn: () => Promise<unknown>) => {
      if (label !== phase) {
        if (phase) log(`  ${phase}: ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
        phase = label;
        phaseStarted = performance.now();
      }
      await fn();
    };
    if (handle.kind === 'postgres') {
      await run(`set local maintenance_work_mem = '256MB'`);
      await run(`set local work_mem = '64MB'`);
      // Compiling these one-off statements costs more than it saves.
      await run(`set local jit = off`);
      // No foreign-key trigger per row: every reference is to a row this seed wrote just before.
      // Only a superuser may (the bench's default server role is one); others just seed slower.
      const [su] = rowsOf<{ on: boolean }>(await run(`select current_setting('is_superuser') = 'on' as on`));
      if (su?.on) await run(`set local session_replication_role = replica`);
    }
    let indexes: string[] = [];
    await step('drop indexes', async () => (indexes = await dropSecondaryIndexes(tx)));
    for (const statement of lookupStatements()) await step(statement.label, () => run(statement.text));
    const rows = rowsOf<{ est: number; la: number; worker: number; peer: number }>(await run(LOOKUP_COUNTS));
    if (rows.length !== 7 || rows.some((r) => !r.est || !r.la || !r.worker || !r.peer)) {
      throw new Error(
        'every RECONNECT service needs establishments, areas, workers and peer supporters: seed the reference data',
      );
    }
    const counts: LookupCounts = {
      est: rows.map((r) => Number(r.est)),
      la: rows.map((r) => Number(r.la)),
      worker: rows.map((r) => Number(r.worker)),
      peer: rows.map((r) => Number(r.peer)),
    };
    for (const statement of dataStatements(referrals, counts))
      await step(statement.label, () => run(statement.text));
    for (const definition of indexes) await step('build indexes', () => run(definition));
    await step('analyze', () => run('analyze'));
    log(`  ${phase}: ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`);
  });
  return { referrals, seconds: (performance.now() - started) / 1000, rows: await rowCounts(handle) };
}

const COUNTED_TABLES = [
  'person.people',
  'person.health_needs',
  'person.risk_assessments',
  'referral.referrals',
  'referral.contacts',
  'referral.engagements',
  'referral.handovers',
  'referral.referral_events',
  'access.grants',
  'audit.events',
];

/** Rows per table (exact counts; cheap enough at the scales the benchmark uses). */
export async function rowCounts(handle: DbHandle): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const rows = await handle.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = Number((rowsOf<{ n: number }>(rows)[0] ?? { n: 0 }).n);
  }
  return counts;
}
