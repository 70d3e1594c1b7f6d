/**
 * Retention (issue 18 item 3; DOMAIN.md "Subject access and retention"): `runRetention`, what
 * `pnpm retention` runs, over cases made through the gateway years ago. People whose last referral
 * closed more than RETENTION_YEARS before the run are erased in every subgraph; people with a
 * later closure or an open referral are not; the commissioner's metrics for a period are the same
 * before and after; each erasure is one audit event per subgraph; a second run erases nothing;
 * a dry run counts exactly what a run then erases.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention, type RetentionReport } from '@reconnect/hub';
import {
  randomNhsNumber,
  rawRows,
  startTestHub,
  type HubClientForTests,
  type TestHub,
} from '@reconnect/hub/testing';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read by path
type Loose = Record<string, any>;

const TODAY = '2026-11-25T10:00:00Z';
const YEARS = 8;

let hub: TestHub;
let staff: HubClientForTests;
let probation: HubClientForTests;
let commissioner: HubClientForTests;

async function ok(client: HubClientForTests, document: string, variables: Loose): Promise<Loose> {
  const r = await client.query<Loose>(document, variables);
  expect(r.body.errors, JSON.stringify(r.body.errors)).toBeUndefined();
  return r.body.data!;
}

const SUBMIT = `mutation ($input: SubmitReferralInput!, $key: String!) {
  submitReferral(input: $input, idempotencyKey: $key) { referral { id person { id } } } }`;

async function submit(at: string, nhsNumber: string, release: string, home = 'E08000003') {
  hub.clock.set(at);
  const data = await ok(probation, SUBMIT, {
    key: randomUUID(),
    input: {
      source: 'PROBATION',
      referrer: { name: 'Pat Probation', email: 'pat@probation.example', phone: '0161 000 0000' },
      person: {
        givenName: 'Jordan',
        familyName: 'Ashworth',
        dateOfBirth: '1980-05-06',
        nhsNumber,
        homeLocalAuthorityCode: home,
      },
      custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: release },
      identifiedNeeds: [
        { category: 'MENTAL_HEALTH', description: 'Anxiety since childhood.' },
        { category: 'ALCOHOL', description: 'Drinks daily.' },
      ],
      reasonForReferral: 'Needs support with mental health after release.',
    },
  });
  return {
    referralId: data.submitReferral.referral.id as string,
    personId: data.submitReferral.referral.person.id as string,
  };
}

/** A referral's whole life in 2017: accepted (a handover to RC-LDN), contact, release, engagement, discharge. */
async function supportedIn2017(nhsNumber: string) {
  const made = await submit('2017-03-01T10:00:00Z', nhsNumber, '2017-04-01', 'E09000033');
  const id = made.referralId;
  await ok(
    staff,
    `mutation ($id: ID!) { recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE) { referral { id } } }`,
    { id },
  );
  await ok(staff, `mutation ($id: ID!) { acceptReferral(id: $id) { referral { id } } }`, { id });
  hub.clock.set('2017-03-10T10:00:00Z');
  for (const day of ['02', '09']) {
    await ok(
      staff,
      `mutation ($id: ID!, $at: DateTime!) { recordContact(referralId: $id, input: { occurredAt: $at, mode: FACE_TO_FACE, purpose: RELEASE_PLANNING, note: "Talked about his sister in Leeds." }) { referral { id } } }`,
      { id, at: `2017-03-${day}T10:00:00Z` },
    );
  }
  // Casework (DOMAIN.md): a case note and an appointment, whose text retention erases.
  await ok(
    staff,
    `mutation ($id: ID!) { addCaseNote(referralId: $id, text: "His sister in Leeds will meet him at the gate.") { referral { id } } }`,
    { id },
  );
  await ok(
    staff,
    `mutation ($id: ID!) { bookAppointment(referralId: $id, input: { at: "2017-03-20T10:00:00Z", with: RECONNECT, mode: VIDEO, purpose: RELEASE_PLANNING, location: "Video link, HMP Manchester", note: "Housing form." }) { referral { id } } }`,
    { id },
  );
  hub.clock.set('2017-04-15T10:00:00Z');
  await ok(
    staff,
    `mutation ($id: ID!) { recordRelease(referralId: $id, releasedOn: "2017-04-01") { referral { id } } }`,
    { id },
  );
  await ok(
    staff,
    `mutation ($id: ID!) { recordEngagement(referralId: $id, input: { serviceType: GP_REGISTRATION, providerName: "Ardwick Medical Practice", appointmentOn: "2017-04-10", outcome: ATTENDED }) { referral { id } } }`,
    { id },
  );
  hub.clock.set('2017-05-01T10:00:00Z');
  await ok(
    staff,
    `mutation ($id: ID!) { dischargeReferral(referralId: $id, reason: NEEDS_MET, note: "Settled with his sister.") { referral { id } } }`,
    { id },
  );
  return made;
}

async function declined(at: string, nhsNumber: string, release: string) {
  const made = await submit(at, nhsNumber, release);
  await ok(
    staff,
    `mutation ($id: ID!) { declineReferral(id: $id, reason: SUPPORTED_ELSEWHERE, note: "Known to the CMHT.") { referral { id } } }`,
    { id: made.referralId },
  );
  return made;
}

const METRICS = `query ($from: Date!, $to: Date!) { serviceMetrics(from: $from, to: $to) {
  referralsReceived bySource { source count } accepted declined released preReleaseContactTargetMet
  engagedWithin28Days medianDaysReferralToFirstContact discharges { reason count } openCaseload
  handoversRequested handoversOverdue medianHandoverResponseHours } }`;
const PERIODS = [
  ['2016-01-01', '2016-12-31'],
  ['2017-01-01', '2017-12-31'],
  ['2016-01-01', '2025-12-31'],
];
/** The commissioner's figures (disclosure-controlled), then the service's own (exact), per period. */
const metrics = async () =>
  Promise.all(
    [commissioner, staff].flatMap((caller) =>
      PERIODS.map(async ([from, to]) => (await ok(caller, METRICS, { from, to })).serviceMetrics),
    ),
  );

const db = () => hub.database.handle.db;
const run = (apply: boolean) =>
  runRetention({
    db: { person: db(), referral: db(), partner: db() },
    retentionYears: YEARS,
    asOf: new Date(TODAY),
    now: new Date(TODAY),
    apply,
    // Small batches, so the run crosses batch boundaries.
    batchSize: 1,
  });
const erasures = (personId: string) =>
  rawRows<{ n: number }>(
    db(),
    `select count(*)::int as n from audit.events where action = 'retention.erased' and person_id = '${personId}'`,
  );

let erased: { a: { referralId: string; personId: string }; b: { referralId: string; personId: string } };
let kept: { personId: string; referralId: string }[];
let before: Loose[];
let dryRun: RetentionReport;
let applied: RetentionReport;

beforeAll(async () => {
  hub = await startTestHub();
  staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'nw-worker' });
  probation = await hub.as('REFERRER', { org: 'PROB-NW', sub: 'pat-probation' });
  commissioner = await hub.as('COMMISSIONER', { org: 'NHSE', sub: 'commissioner' });
  const a = await supportedIn2017(randomNhsNumber());
  const b = await declined('2017-06-01T10:00:00Z', randomNhsNumber(), '2017-09-01');
  // Closed in 2021: within retention.
  const c = await declined('2021-06-01T10:00:00Z', randomNhsNumber(), '2021-09-01');
  // Withdrawn in 2016, but referred again today: an open referral keeps everything.
  const dNhs = randomNhsNumber();
  const d = await submit('2016-01-10T10:00:00Z', dNhs, '2016-03-01');
  hub.clock.set('2016-01-11T10:00:00Z');
  await ok(
    probation,
    `mutation ($id: ID!) { withdrawReferral(id: $id, reason: "Sent to the wrong service.") { referral { id } } }`,
    { id: d.referralId },
  );
  const dAgain = await submit(TODAY, dNhs, '2027-01-15');
  expect(dAgain.personId).toBe(d.personId);
  // A's enhanced case in 2017, with a partner's update (agreements of that time are not in the
  // reference data, so the case is written as the partner subgraph stores one).
  await rawRows(
    db(),
    `with c as (insert into partner.enhanced_cases (referral_id, person_id, region, status, opened_at, opened_by,
        closed_at, close_reason, rationale, sharing_consent_decision, consent_method, consent_recorded_at, consent_recorded_by)
      values ('${a.referralId}', '${a.personId}', 'NORTH_WEST', 'CLOSED', '2017-03-05T10:00:00Z', 'nw-worker',
        '2017-05-01T10:00:00Z', 'Discharged, doing well.', 'High risk, two needs.', 'GIVEN', 'FACE_TO_FACE',
        '2017-03-05T10:00:00Z', 'nw-worker') returning id)
     insert into partner.partner_updates (case_id, at, author, partner_id, note)
       select c.id, '2017-03-20T10:00:00Z', 'erp-worker', p.id, 'Seen at the flat on Hyde Road.'
       from c, partner.partner_organisations p where p.code = 'ERP-NW-MH'
     returning case_id`,
  );
  hub.clock.set(TODAY);
  erased = { a, b };
  kept = [c, dAgain, d];
  before = await metrics();
  dryRun = await run(false);
  applied = await run(true);
}, 120_000);
afterAll(async () => {
  await hub?.stop();
});

describe('pnpm retention', () => {
  it('finds the people whose last referral closed more than RETENTION_YEARS ago, and only them', () => {
    expect(applied.cutoff).toBe('2018-11-25T10:00:00.000Z');
    expect(applied.pastRetention).toBe(2);
    expect(applied.person).toEqual({ people: 2, healthNeeds: 4, riskAssessments: 0 });
    expect(applied.referral).toMatchObject({
      people: 2,
      referrals: 2,
      contacts: 2,
      engagements: 1,
      handovers: 1,
      notes: 1,
      appointments: 1,
    });
    expect(applied.partner).toEqual({ people: 1, enhancedCases: 1, partnerUpdates: 1 });
  });

  it('a dry run counts exactly what the run then erases, and erases nothing', () => {
    expect(dryRun.apply).toBe(false);
    expect({ ...dryRun, apply: true, runId: '' }).toEqual({ ...applied, runId: '' });
  });

  it('erases names, date of birth, identifiers, need text, referrer contact details, free text and partner updates', async () => {
    const [person] = await rawRows<Loose>(
      db(),
      `select * from person.people where id = '${erased.a.personId}'`,
    );
    expect(person).toMatchObject({
      given_name: '[erased]',
      family_name: '[erased]',
      date_of_birth: null,
      nhs_number: null,
      prison_number: null,
      home_area_code: null,
    });
    const needs = await rawRows<Loose>(
      db(),
      `select category, description from person.health_needs where person_id = '${erased.a.personId}' order by category`,
    );
    expect(needs).toEqual([
      { category: 'ALCOHOL', description: '[erased]' },
      { category: 'MENTAL_HEALTH', description: '[erased]' },
    ]);
    // What each submission said of the person goes too (its referrer read those, not the record).
    const submitted = await rawRows<Loose>(
      db(),
      `select given_name, family_name, date_of_birth from person.submissions where person_id = '${erased.a.personId}'`,
    );
    expect(submitted.length).toBeGreaterThan(0);
    for (const row of submitted)
      expect(row).toEqual({ given_name: '[erased]', family_name: '[erased]', date_of_birth: null });
    const [referral] = await rawRows<Loose>(
      db(),
      `select * from referral.referrals where id = '${erased.a.referralId}'`,
    );
    expect(referral).toMatchObject({
      referrer_name: '[erased]',
      referrer_email: null,
      referrer_phone: null,
      reason_for_referral: null,
      discharge_note: null,
      // What metrics need stays.
      status: 'DISCHARGED',
      source: 'PROBATION',
      owning_service_code: 'RC-NW',
      released_on: '2017-04-01',
      discharge_reason: 'NEEDS_MET',
    });
    const text = await rawRows<Loose>(
      db(),
      `select (select count(*)::int from referral.referral_events where referral_id = '${erased.a.referralId}' and reason is not null) as reasons,
              (select count(*)::int from referral.contacts where referral_id = '${erased.a.referralId}' and note is not null) as notes,
              (select string_agg(provider_name, ',') from referral.engagements where referral_id = '${erased.a.referralId}') as providers,
              (select count(*)::int from referral.handovers where referral_id = '${erased.a.referralId}' and (note is not null or cancel_reason is not null)) as handover_text,
              (select count(*)::int from referral.idempotency_keys where referral_id = '${erased.a.referralId}') as keys,
              (select string_agg(text, ',') from referral.case_notes where referral_id = '${erased.a.referralId}') as case_notes,
              (select count(*)::int from referral.appointments where referral_id = '${erased.a.referralId}' and (location is not null or note is not null)) as appointment_text,
              (select string_agg(note, ',') from partner.partner_updates u join partner.enhanced_cases c on c.id = u.case_id where c.person_id = '${erased.a.personId}') as updates,
              (select string_agg(rationale || coalesce(close_reason, ''), ',') from partner.enhanced_cases where person_id = '${erased.a.personId}') as rationale`,
    );
    expect(text[0]).toEqual({
      reasons: 0,
      notes: 0,
      providers: '[erased]',
      handover_text: 0,
      keys: 0,
      case_notes: '[erased]',
      appointment_text: 0,
      updates: '[erased]',
      rationale: '[erased]',
    });
  });

  it('keeps everything of people within retention or with an open referral', async () => {
    for (const { personId, referralId } of kept) {
      const [person] = await rawRows<Loose>(
        db(),
        `select given_name, nhs_number, erased_at from person.people where id = '${personId}'`,
      );
      expect(person).toMatchObject({ given_name: 'Jordan', erased_at: null });
      expect(person!.nhs_number).toMatch(/^\d{10}$/);
      const [referral] = await rawRows<Loose>(
        db(),
        `select referrer_name, erased_at from referral.referrals where id = '${referralId}'`,
      );
      expect(referral).toEqual({ referrer_name: 'Pat Probation', erased_at: null });
      expect((await erasures(personId))[0]!.n).toBe(0);
    }
  });

  it('keeps the metrics of every period as they were, the commissioner’s and the service’s exact ones', async () => {
    expect(await metrics()).toEqual(before);
    // The figures are not empty: the erased cases are in them (exact for the service's own staff,
    // small numbers shown as 5 for the commissioner).
    expect(before[PERIODS.length + 1]).toMatchObject({
      referralsReceived: 2,
      accepted: 1,
      declined: 1,
      released: 1,
      handoversRequested: 1,
    });
    expect(before[1]).toMatchObject({
      referralsReceived: 5,
      accepted: 5,
      declined: 5,
      released: 5,
      handoversRequested: 5,
    });
  });

  it('records one audit event per subgraph that erased a person, naming the fields, never their values', async () => {
    expect((await erasures(erased.a.personId))[0]!.n).toBe(3);
    expect((await erasures(erased.b.personId))[0]!.n).toBe(2);
    const events = await rawRows<Loose>(
      db(),
      `select actor_subject, subject_type, request_id, fields from audit.events where action = 'retention.erased' and person_id = '${erased.a.personId}' order by seq`,
    );
    for (const e of events) {
      expect(e).toMatchObject({
        actor_subject: 'retention',
        subject_type: 'Person',
        request_id: applied.runId,
      });
      expect(JSON.stringify(e.fields)).not.toMatch(/Jordan|Ashworth|Pat Probation|sister/);
    }
  });

  it('a second run erases nothing and records nothing', async () => {
    const again = await run(true);
    expect(again.pastRetention).toBe(2);
    expect(again.referral).toEqual({
      people: 0,
      referrals: 0,
      history: 0,
      contacts: 0,
      engagements: 0,
      handovers: 0,
      notes: 0,
      appointments: 0,
    });
    expect(again.person).toEqual({ people: 0, healthNeeds: 0, riskAssessments: 0 });
    expect(again.partner).toEqual({ people: 0, enhancedCases: 0, partnerUpdates: 0 });
    expect((await erasures(erased.a.personId))[0]!.n).toBe(3);
  });

  it('the owning service still reads the closed referral, without the personal data', async () => {
    const r = await ok(
      staff,
      `query ($id: ID!) { referral(id: $id) { status referrer { name } person { givenName } } }`,
      { id: erased.a.referralId },
    );
    expect(r.referral).toEqual({
      status: 'DISCHARGED',
      referrer: { name: '[erased]' },
      person: { givenName: '[erased]' },
    });
  });
});
