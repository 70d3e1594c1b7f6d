/**
 * Disclosure control of commissioners' figures, through the gateway (issue 24 item 6; DOMAIN.md
 * "Disclosure control (commissioners)"; next/trust.md). The attack it closes: a commissioner
 * asking `serviceMetrics` for one service and one day got counts of 1, the source, the discharge
 * reason and a "median" that was one referral's exact value; walking day by day rebuilt a
 * per-referral timeline.
 *
 * Data (today 25 November 2026):
 * - RC-NW: 12 people referred in October (one a day, 1 to 12 October; PROBATION but the 12th, by
 *   POLICE), all released on 20 October; the first 9 had two contacts before release, the rest one;
 *   each's first contact was 1 to 12 days after referral (median 6.5 days over 12 people). One more
 *   person, referred 13 October, was discharged on 30 October: DIED.
 * - RC-SW: one person, referred on 14 October by SELF, first contacted two days later.
 * - RC-LDN: 8 people referred in August.
 * - Handovers requested in October: 12 by NW (NW -> LDN, one per NW referral, answered after 10 to
 *   21 hours) and 8 by LDN (LDN -> NW, answered after 5 hours): 20 in all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { addDays } from '@reconnect/config';
import { referralTables } from '@reconnect/referral-subgraph';
import { seedReferral, startTestHub, type TestHub } from '@reconnect/hub/testing';

const QUERY = /* GraphQL */ `
  query ($serviceCode: String, $from: Date!, $to: Date!) {
    serviceMetrics(serviceCode: $serviceCode, from: $from, to: $to) {
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

interface Metrics {
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

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const nonZero = (list: { count: number }[], key: 'source' | 'reason') =>
  Object.fromEntries(
    (list as Record<string, unknown>[]).filter((x) => (x.count as number) > 0).map((x) => [x[key], x.count]),
  );

describe('serviceMetrics: disclosure control for commissioners', () => {
  let hub: TestHub;
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set('2026-11-25T12:00:00Z');
    const db = hub.database.handle.db;
    const contacts: (typeof referralTables.contacts.$inferInsert)[] = [];
    const handovers: (typeof referralTables.handovers.$inferInsert)[] = [];
    const contact = (referralId: string, day: string) => ({
      referralId,
      occurredAt: at(`${day}T10:00:00Z`),
      mode: 'FACE_TO_FACE' as const,
      purpose: 'ASSESSMENT',
      recordedAt: at(`${day}T10:00:00Z`),
      recordedBy: 'test',
    });
    const handover = (referralId: string, from: string, to: string, requestedAt: Date, hours: number) => ({
      referralId,
      fromServiceCode: from,
      toServiceCode: to,
      status: 'ACCEPTED' as const,
      requestedAt,
      requestedBy: 'test',
      respondBy: new Date(requestedAt.getTime() + 72 * 3_600_000),
      respondedAt: new Date(requestedAt.getTime() + hours * 3_600_000),
    });
    for (let i = 1; i <= 12; i++) {
      const submitted = `2026-10-${String(i).padStart(2, '0')}`;
      const r = await seedReferral(db, {
        personId: randomUUID(),
        owningServiceCode: 'RC-NW',
        source: i === 12 ? 'POLICE' : 'PROBATION',
        submittedAt: at(`${submitted}T09:00:00Z`),
        status: 'POST_RELEASE',
        releasedOn: '2026-10-20',
      });
      // First contact i days after referral; a second one before release for the first nine.
      contacts.push(contact(r.id, addDays(submitted, i)));
      if (i <= 9) contacts.push(contact(r.id, '2026-10-19'));
      handovers.push(handover(r.id, 'RC-NW', 'RC-LDN', at(`${submitted}T12:00:00Z`), 9 + i));
    }
    await seedReferral(db, {
      personId: randomUUID(),
      owningServiceCode: 'RC-NW',
      submittedAt: at('2026-10-13T09:00:00Z'),
      status: 'DISCHARGED',
      releasedOn: '2026-09-30',
      dischargeReason: 'DIED',
      dischargedAt: at('2026-10-30T12:00:00Z'),
    });
    const sw = await seedReferral(db, {
      personId: randomUUID(),
      owningServiceCode: 'RC-SW',
      source: 'SELF',
      submittedAt: at('2026-10-14T09:00:00Z'),
      status: 'PRE_RELEASE',
    });
    contacts.push(contact(sw.id, '2026-10-16'));
    for (let i = 1; i <= 8; i++) {
      const r = await seedReferral(db, {
        personId: randomUUID(),
        owningServiceCode: 'RC-LDN',
        submittedAt: at(`2026-08-${String(i).padStart(2, '0')}T09:00:00Z`),
        status: 'PRE_RELEASE',
      });
      handovers.push(handover(r.id, 'RC-LDN', 'RC-NW', at(`2026-10-${String(i + 10)}T12:00:00Z`), 5));
    }
    await db.insert(referralTables.contacts).values(contacts);
    await db.insert(referralTables.handovers).values(handovers);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const ask = async (client: Awaited<ReturnType<TestHub['as']>>, variables: Record<string, unknown>) =>
    (await client.query<{ serviceMetrics: Metrics }>(QUERY, variables)).body;

  it('refuses the day-by-day walk of the attack, before any SQL runs', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    for (const serviceCode of ['RC-SW', null]) {
      for (let day = 1; day <= 31; day++) {
        const date = `2026-10-${String(day).padStart(2, '0')}`;
        const { result, statements } = await hub.database.handle.statements.measure(() =>
          ask(commissioner, { serviceCode, from: date, to: date }),
        );
        expect(result.data, date).toBeNull();
        expect(result.errors?.[0]?.extensions, date).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: day === 1 ? 'to' : 'from',
        });
        expect(
          statements.filter((s) => /referral\.referrals/.test(s)),
          date,
        ).toEqual([]);
      }
    }
    // Sliding and partial windows too: a month from the 15th, a month a day short, yesterday's end.
    for (const [from, to, field] of [
      ['2026-10-15', '2026-11-14', 'from'],
      ['2026-10-01', '2026-10-30', 'to'],
      ['2026-11-01', '2026-11-24', 'to'],
    ] as const) {
      const body = await ask(commissioner, { serviceCode: 'RC-NW', from, to });
      expect(body.errors?.[0]?.extensions, `${from}..${to}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors?.[0]?.message).toMatch(/whole calendar months/);
    }
  });

  it('answers whole months, and the month in progress to today', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    for (const period of [
      OCTOBER,
      { from: '2026-11-01', to: '2026-11-25' },
      { from: '2026-11-01', to: '2026-11-30' },
      { from: '2026-01-01', to: '2026-12-31' },
    ]) {
      const body = await ask(commissioner, { serviceCode: 'RC-NW', ...period });
      expect(body.errors, JSON.stringify(period)).toBeUndefined();
      expect(body.data!.serviceMetrics.disclosureControlled).toBe(true);
    }
  });

  it('shows one person as a small number: counts of 1 come back as 5 and are named', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    const m = (await ask(commissioner, { serviceCode: 'RC-SW', ...OCTOBER })).data!.serviceMetrics;
    expect(m).toMatchObject({
      serviceCode: 'RC-SW',
      referralsReceived: 5,
      accepted: 5,
      declined: 0,
      acceptance: null,
      released: 0,
      medianDaysReferralToFirstContact: null, // one person's 2 days
      openCaseload: 5,
      handoversRequested: 0,
      disclosureControlled: true,
    });
    expect(nonZero(m.bySource, 'source')).toEqual({ SELF: 5 });
    expect(m.smallNumbers).toEqual([
      'referralsReceived',
      'bySource.SELF',
      'accepted',
      'acceptance',
      'medianDaysReferralToFirstContact',
      'openCaseload',
    ]);
  });

  it('withholds a median over fewer than 10 people, and rounds one over 10 or more', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    const nw = (await ask(commissioner, { serviceCode: 'RC-NW', ...OCTOBER })).data!.serviceMetrics;
    expect(nw).toMatchObject({
      referralsReceived: 15, // 13 exact
      accepted: 15, // 13 exact
      acceptance: 1, // 13 of 13, over 13 people
      released: 10, // 12 exact
      preReleaseContactTargetMet: 0.75, // 9 of 12 people
      engagedWithin28Days: 0,
      medianDaysReferralToFirstContact: 7, // 6.5 over 12 people, to a whole day
      openCaseload: 10, // 12 exact
      handoversRequested: 10, // 12 exact
      // Either side, over 20 people: 8 answered after 5 h, 12 after 10 to 21 h; 11.5 to a whole hour.
      medianHandoverResponseHours: 12,
    });
    expect(nonZero(nw.bySource, 'source')).toEqual({ PROBATION: 10, POLICE: 5 });
    expect(nonZero(nw.discharges, 'reason')).toEqual({ DIED: 5 });
    expect(nw.smallNumbers).toEqual(['bySource.POLICE', 'discharges.DIED']);

    // September: one person released (the one who died in October), so its shares are withheld;
    // nothing received, so no median to take and nothing named for it.
    const sept = (await ask(commissioner, { serviceCode: 'RC-NW', from: '2026-09-01', to: '2026-09-30' }))
      .data!.serviceMetrics;
    expect(sept).toMatchObject({
      referralsReceived: 0,
      released: 5,
      preReleaseContactTargetMet: null,
      engagedWithin28Days: null,
      medianDaysReferralToFirstContact: null,
      smallNumbers: ['released', 'preReleaseContactTargetMet', 'engagedWithin28Days'],
    });
  });

  it('counts each handover once, in the service that requested it: the rows add up to all services', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    const services = ['RC-NW', 'RC-LDN', 'RC-SW', 'RC-MID', 'RC-SE', 'RC-EOE', 'RC-NEY'];
    const exact: Record<string, number> = {};
    for (const code of services) {
      const lead = await hub.as('RECONNECT_LEAD', { org: code });
      const body = await ask(lead, OCTOBER);
      expect(body.errors, code).toBeUndefined();
      exact[code] = body.data!.serviceMetrics.handoversRequested;
    }
    // Before: each handover counted on both sides, NW and LDN 20 each, the rows twice the total.
    expect(exact).toMatchObject({ 'RC-NW': 12, 'RC-LDN': 8, 'RC-SW': 0 });
    const sum = Object.values(exact).reduce((a, b) => a + b, 0);
    expect(sum).toBe(20);
    const all = (await ask(commissioner, OCTOBER)).data!.serviceMetrics;
    expect(all.handoversRequested).toBe(sum);
    const rows = await Promise.all(
      ['RC-NW', 'RC-LDN'].map(
        async (serviceCode) =>
          (await ask(commissioner, { serviceCode, ...OCTOBER })).data!.serviceMetrics.handoversRequested,
      ),
    );
    expect(rows).toEqual([10, 10]); // 12 and 8, each rounded on its own
  });

  it('keeps a total rounded from exact figures, never summed from rounded ones', async () => {
    const commissioner = await hub.as('COMMISSIONER', { org: 'NHSE-HJ' });
    const all = (await ask(commissioner, OCTOBER)).data!.serviceMetrics;
    // 14 received exact (13 NW, 1 SW): 15. NW's 15 and SW's 5 would sum to 20.
    expect(all.referralsReceived).toBe(15);
    // 12 released exact: 10. bySource: PROBATION 12 exact (11 + the discharged one) is 10.
    expect(all.released).toBe(10);
    expect(nonZero(all.bySource, 'source')).toEqual({ PROBATION: 10, POLICE: 5, SELF: 5 });
    expect(all.smallNumbers).toEqual(['bySource.POLICE', 'bySource.SELF', 'discharges.DIED']);
  });

  it('gives a service’s staff and leads their own figures exact, for any period', async () => {
    for (const role of ['RECONNECT_STAFF', 'RECONNECT_LEAD']) {
      const nw = await hub.as(role, { org: 'RC-NW' });
      const m = (await ask(nw, OCTOBER)).data!.serviceMetrics;
      expect(m, role).toMatchObject({
        serviceCode: 'RC-NW',
        referralsReceived: 13,
        accepted: 13,
        acceptance: 1,
        released: 12,
        preReleaseContactTargetMet: 0.75,
        medianDaysReferralToFirstContact: 6.5,
        openCaseload: 12,
        handoversRequested: 12,
        disclosureControlled: false,
        smallNumbers: [],
      });
      expect(nonZero(m.discharges, 'reason')).toEqual({ DIED: 1 });
      // A single day is theirs to ask: they can open every case behind it anyway.
      const day = (await ask(nw, { from: '2026-10-12', to: '2026-10-12' })).data!.serviceMetrics;
      expect(day).toMatchObject({ referralsReceived: 1, medianDaysReferralToFirstContact: 12 });
      expect(nonZero(day.bySource, 'source')).toEqual({ POLICE: 1 });
    }
  });

  it('controls a token that is both commissioner and staff everywhere but its own service', async () => {
    const both = await hub.as(['COMMISSIONER', 'RECONNECT_LEAD'], { org: 'RC-SW' });
    const own = (await ask(both, { serviceCode: 'RC-SW', ...OCTOBER })).data!.serviceMetrics;
    expect(own).toMatchObject({ referralsReceived: 1, disclosureControlled: false });
    const nw = (await ask(both, { serviceCode: 'RC-NW', ...OCTOBER })).data!.serviceMetrics;
    expect(nw).toMatchObject({ referralsReceived: 15, disclosureControlled: true });
    const all = await ask(both, { from: '2026-10-14', to: '2026-10-14' });
    expect(all.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
