/**
 * Service metrics on a known data set, every figure checked by hand (DOMAIN.md "Service metrics"),
 * through the gateway. Period: October 2026; today: 25 November 2026.
 *
 * RC-NW referrals:                      submitted  status        released  pre-release contacts  ATTENDED within 28 d  first contact
 *   R1 PROBATION                        10-02      POST_RELEASE  10-20     2 (10-05, 10-12)      yes (11-10)           +3 days
 *   R2 POLICE                           10-10      DISCHARGED    10-15     1 (10-14; 10-16 after) no (11-20 is day 36)  +4 days
 *      (NEEDS_MET on 10-28)
 *   R3 SELF                             10-20      DECLINED      -         -                     -                     -
 *   R4 PROBATION                        10-25      SUBMITTED     -         (11-02)               -                     +8 days
 *   R5 PROBATION                        09-15      PRE_RELEASE   -         -                     -                     (not received in Oct)
 *   R7 PROBATION                        09-01      POST_RELEASE  10-30     0                     no                    (not received in Oct)
 * RC-SW: R6 POLICE 10-05 PRE_RELEASE.
 * Handovers: H1 NW->LDN 10-03 10:00, answered after 30 h; H2 MID->NW 10-10 08:00, answered after 10 h;
 *   H3 NW->SE 11-20, still REQUESTED, due 11-24 (overdue today); H4 SW->SE 10-05, REQUESTED, due 10-07 (overdue).
 *   Requested in October: H1 by NW, H2 by MID, H4 by SW (each in the service that requested it).
 *
 * A service's own staff see these figures exact; a commissioner sees them disclosure-controlled
 * (metrics-disclosure.test.ts tries the attacks that control is for).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { referralTables } from '@reconnect/referral-subgraph';
import { seedReferral, startTestHub, type TestHub } from '@reconnect/hub/testing';

const QUERY = /* GraphQL */ `
  query ($serviceCode: String, $from: Date!, $to: Date!) {
    serviceMetrics(serviceCode: $serviceCode, from: $from, to: $to) {
      from
      to
      serviceCode
      referralsReceived
      bySource {
        source
        count
      }
      accepted
      declined
      acceptance
      released
      preReleaseContactTargetMet
      engagedWithin28Days
      medianDaysReferralToFirstContact
      discharges {
        reason
        count
      }
      openCaseload
      handoversRequested
      handoversOverdue
      medianHandoverResponseHours
      disclosureControlled
      smallNumbers
    }
  }
`;

type Metrics = {
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
};

const counts = (list: { count: number }[], key: 'source' | 'reason') =>
  Object.fromEntries(
    (list as Record<string, unknown>[]).filter((x) => (x.count as number) > 0).map((x) => [x[key], x.count]),
  );

describe('serviceMetrics', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set('2026-11-25T12:00:00Z');
    const db = hub.database.handle.db;
    const at = (iso: string) => new Date(iso);
    const referral = (o: Partial<typeof referralTables.referrals.$inferInsert>) =>
      seedReferral(db, { personId: randomUUID(), owningServiceCode: 'RC-NW', ...o });
    const r1 = await referral({
      source: 'PROBATION',
      submittedAt: at('2026-10-02T10:00:00Z'),
      status: 'POST_RELEASE',
      releasedOn: '2026-10-20',
    });
    const r2 = await referral({
      source: 'POLICE',
      submittedAt: at('2026-10-10T09:00:00Z'),
      status: 'DISCHARGED',
      releasedOn: '2026-10-15',
      dischargeReason: 'NEEDS_MET',
      dischargedAt: at('2026-10-28T12:00:00Z'),
    });
    await referral({
      source: 'SELF',
      submittedAt: at('2026-10-20T12:00:00Z'),
      status: 'DECLINED',
      declineReason: 'OTHER',
      declinedAt: at('2026-10-21T12:00:00Z'),
    });
    const r4 = await referral({
      source: 'PROBATION',
      submittedAt: at('2026-10-25T12:00:00Z'),
      status: 'SUBMITTED',
    });
    await referral({ source: 'PROBATION', submittedAt: at('2026-09-15T12:00:00Z'), status: 'PRE_RELEASE' });
    await referral({
      source: 'POLICE',
      submittedAt: at('2026-10-05T12:00:00Z'),
      status: 'PRE_RELEASE',
      owningServiceCode: 'RC-SW',
    });
    const r7 = await referral({
      source: 'PROBATION',
      submittedAt: at('2026-09-01T12:00:00Z'),
      status: 'POST_RELEASE',
      releasedOn: '2026-10-30',
    });

    const contact = (
      referralId: string,
      occurredAt: string,
      mode: 'FACE_TO_FACE' | 'VIDEO' = 'FACE_TO_FACE',
    ) => ({
      referralId,
      occurredAt: at(occurredAt),
      mode,
      purpose: 'ASSESSMENT',
      recordedAt: at(occurredAt),
      recordedBy: 'test',
    });
    await db
      .insert(referralTables.contacts)
      .values([
        contact(r1.id, '2026-10-05T10:00:00Z'),
        contact(r1.id, '2026-10-12T10:00:00Z', 'VIDEO'),
        contact(r2.id, '2026-10-14T10:00:00Z'),
        contact(r2.id, '2026-10-16T10:00:00Z'),
        contact(r4.id, '2026-11-02T10:00:00Z'),
      ]);
    const engagement = (referralId: string, appointmentOn: string, outcome: 'ATTENDED' | 'MISSED') => ({
      referralId,
      serviceType: 'GP_REGISTRATION',
      providerName: 'Test Surgery',
      appointmentOn,
      outcome,
      recordedAt: at('2026-11-21T10:00:00Z'),
      recordedBy: 'test',
    });
    await db
      .insert(referralTables.engagements)
      .values([
        engagement(r1.id, '2026-11-10', 'ATTENDED'),
        engagement(r2.id, '2026-11-20', 'ATTENDED'),
        engagement(r2.id, '2026-10-20', 'MISSED'),
        engagement(r7.id, '2026-11-01', 'MISSED'),
      ]);
    const handover = (
      referralId: string,
      from: string,
      to: string,
      status: 'REQUESTED' | 'ACCEPTED' | 'DECLINED',
      requestedAt: string,
      respondBy: string,
      respondedAt: string | null,
    ) => ({
      referralId,
      fromServiceCode: from,
      toServiceCode: to,
      status,
      requestedAt: at(requestedAt),
      requestedBy: 'test',
      respondBy: at(respondBy),
      respondedAt: respondedAt ? at(respondedAt) : null,
    });
    await db
      .insert(referralTables.handovers)
      .values([
        handover(
          r1.id,
          'RC-NW',
          'RC-LDN',
          'ACCEPTED',
          '2026-10-03T10:00:00Z',
          '2026-10-06T10:00:00Z',
          '2026-10-04T16:00:00Z',
        ),
        handover(
          r2.id,
          'RC-MID',
          'RC-NW',
          'DECLINED',
          '2026-10-10T08:00:00Z',
          '2026-10-13T08:00:00Z',
          '2026-10-10T18:00:00Z',
        ),
        handover(r4.id, 'RC-NW', 'RC-SE', 'REQUESTED', '2026-11-20T09:00:00Z', '2026-11-24T09:00:00Z', null),
        handover(r7.id, 'RC-SW', 'RC-SE', 'REQUESTED', '2026-10-05T09:00:00Z', '2026-10-07T09:00:00Z', null),
      ]);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('gives a service its own figures for October, as worked out by hand', async () => {
    const lead = await hub.as('RECONNECT_LEAD', { org: 'RC-NW' });
    const { body } = await lead.query<{ serviceMetrics: Metrics }>(QUERY, {
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(body.errors).toBeUndefined();
    const m = body.data!.serviceMetrics;
    expect(m).toMatchObject({
      serviceCode: 'RC-NW',
      referralsReceived: 4,
      accepted: 2,
      declined: 1,
      acceptance: 0.5,
      released: 3,
      openCaseload: 4,
      // H1 only: H2 was requested by RC-MID and counts there.
      handoversRequested: 1,
      handoversOverdue: 1,
      medianDaysReferralToFirstContact: 4,
      medianHandoverResponseHours: 20,
      disclosureControlled: false,
      smallNumbers: [],
    });
    expect(m.preReleaseContactTargetMet).toBeCloseTo(1 / 3, 10);
    expect(m.engagedWithin28Days).toBeCloseTo(1 / 3, 10);
    expect(counts(m.bySource, 'source')).toEqual({ PROBATION: 2, POLICE: 1, SELF: 1 });
    expect(m.bySource).toHaveLength(8);
    expect(counts(m.discharges, 'reason')).toEqual({ NEEDS_MET: 1 });
    expect(m.discharges).toHaveLength(9);
  });

  it('gives a commissioner every service, or one, disclosure-controlled', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    const all = await commissioner.query<{ serviceMetrics: Metrics }>(QUERY, {
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(all.body.errors).toBeUndefined();
    // Exact: 5 received, 5 open, 3 handovers requested (H1, H2, H4), 2 overdue, a median of 20 h
    // over 2 people. Every count from 1 to 7 is 5; the median over fewer than 10 people is withheld.
    expect(all.body.data!.serviceMetrics).toMatchObject({
      serviceCode: null,
      referralsReceived: 5,
      openCaseload: 5,
      handoversRequested: 5,
      handoversOverdue: 5,
      medianHandoverResponseHours: null,
      disclosureControlled: true,
    });
    expect(all.body.data!.serviceMetrics.smallNumbers).toEqual(
      expect.arrayContaining(['referralsReceived', 'handoversRequested', 'medianHandoverResponseHours']),
    );
    const sw = await commissioner.query<{ serviceMetrics: Metrics }>(QUERY, {
      serviceCode: 'RC-SW',
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(sw.body.data!.serviceMetrics).toMatchObject({
      serviceCode: 'RC-SW',
      referralsReceived: 5,
      accepted: 5,
      acceptance: null,
      released: 0,
      handoversRequested: 5,
      disclosureControlled: true,
      smallNumbers: [
        'referralsReceived',
        'bySource.POLICE',
        'accepted',
        'acceptance',
        'openCaseload',
        'handoversRequested',
        'handoversOverdue',
      ],
    });
  });

  it('answers null shares and medians when there is nothing to divide by', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const { body } = await staff.query<{ serviceMetrics: Metrics }>(QUERY, {
      from: '2025-01-01',
      to: '2025-01-31',
    });
    expect(body.data!.serviceMetrics).toMatchObject({
      referralsReceived: 0,
      released: 0,
      preReleaseContactTargetMet: null,
      engagedWithin28Days: null,
      medianDaysReferralToFirstContact: null,
      medianHandoverResponseHours: null,
      openCaseload: 4,
    });
  });

  it('keeps each service to its own figures and everyone else out', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const other = await staff.query(QUERY, { serviceCode: 'RC-SW', from: '2026-10-01', to: '2026-10-31' });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const role of ['REFERRER', 'ER_PARTNER', 'RECONNECT_ADMIN']) {
      const caller = await hub.as(role, { org: 'RC-NW' });
      const { body } = await caller.query(QUERY, { from: '2026-10-01', to: '2026-10-31' });
      expect(body.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect(body.data, role).toBeNull();
    }
  });

  it('refuses a period that ends before it starts', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    const { body } = await commissioner.query(QUERY, { from: '2026-10-31', to: '2026-10-01' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('costs one SQL statement whatever the data', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    const { statements } = await hub.database.handle.statements.measure(() =>
      commissioner.query(QUERY, { from: '2026-01-01', to: '2026-12-31' }),
    );
    expect(statements.filter((s) => /serviceMetrics|referral\.referrals/i.test(s))).toHaveLength(1);
  });
});
