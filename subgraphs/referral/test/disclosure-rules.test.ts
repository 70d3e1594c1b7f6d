/**
 * Disclosure control of commissioners' figures (DOMAIN.md "Disclosure control (commissioners)"),
 * table-driven: counts, shares, medians, the whole-month period, and the figures as a caller
 * sees them (`presentMetrics`), with the small numbers named.
 */
import { describe, expect, it } from 'vitest';
import {
  controlCount,
  controlMedian,
  controlShare,
  lastDayOfMonth,
  wholeMonthsError,
} from '../src/service/disclosure.ts';
import { DISCHARGE_REASONS, SOURCES, presentMetrics, type MetricFacts } from '../src/service/metrics.ts';

describe('a count, as a commissioner sees it', () => {
  it.each([
    // 0 stays 0: nobody can be singled out of nobody.
    [0, 0, false],
    // 1 to 7: a small number, shown as 5 (1 and 2 would round to 0, which would hide them).
    [1, 5, true],
    [2, 5, true],
    [3, 5, true],
    [4, 5, true],
    [5, 5, true],
    [6, 5, true],
    [7, 5, true],
    // From 8: the nearest multiple of 5. A whole count is never halfway: 1, 2 down; 3, 4 up.
    [8, 10, false],
    [9, 10, false],
    [10, 10, false],
    [11, 10, false],
    [12, 10, false],
    [13, 15, false],
    [14, 15, false],
    [15, 15, false],
    [17, 15, false],
    [18, 20, false],
    [102, 100, false],
    [103, 105, false],
    [1_000_003, 1_000_005, false],
  ])('%i is shown as %i (small: %s)', (exact, value, small) => {
    expect(controlCount(exact)).toEqual({ value, small });
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s rather than guess', (bad) => {
    expect(() => controlCount(bad)).toThrow(RangeError);
  });
});

describe('a share, as a commissioner sees it', () => {
  it.each([
    // [numerator, denominator, people, value, small]
    [0, 0, 0, null, false], // nothing to divide by: null, as in exact figures; not a small number
    [1, 1, 1, null, true], // one person: withheld
    [9, 9, 9, null, true],
    [3, 12, 9, null, true], // 12 referrals but only 9 people: withheld
    [3, 10, 10, 0.3, false], // 10 people: shown
    [3, 11, 11, 0.27, false], // whole percentages: 27.27% would give 11 people away
    [2, 3 * 10, 30, 0.07, false], // 6.67% -> 7%
    [1, 40, 40, 0.03, false], // 2.5% exactly: halves up, decided in whole numbers
    [7, 200, 200, 0.04, false], // 3.5% -> 4%
    [0, 25, 25, 0, false],
    [25, 25, 20, 1, false],
  ] as const)('%i of %i over %i people is %s (small: %s)', (k, n, people, value, small) => {
    expect(controlShare(k, n, people)).toEqual({ value, small });
  });

  it('refuses what is not a share', () => {
    expect(() => controlShare(3, 2, 2)).toThrow(RangeError);
    expect(() => controlShare(-1, 2, 2)).toThrow(RangeError);
  });
});

describe('a median, as a commissioner sees it', () => {
  it.each([
    // [median, people, value, small]
    [null, 0, null, false], // no one to take a median of
    [3, 1, null, true], // one referral's exact value: the attack of issue 24
    [4.5, 9, null, true],
    [4.5, 10, 5, false], // halves away from zero
    [4.4, 10, 4, false],
    [20.283, 11, 20, false], // hours to the second would be one handover's exact time
    [0, 12, 0, false],
    [-0.5, 12, -1, false],
    [-0.4, 12, 0, false], // never -0
  ] as const)('%s over %i people is %s (small: %s)', (median, people, value, small) => {
    const shown = controlMedian(median, people);
    expect(shown).toEqual({ value, small });
    if (value === 0) expect(Object.is(shown.value, -0)).toBe(false);
  });
});

describe('the last day of a month', () => {
  it.each([
    ['2026-01-15', '2026-01-31'],
    ['2026-02-01', '2026-02-28'],
    ['2028-02-10', '2028-02-29'], // leap year
    ['2100-02-10', '2100-02-28'], // divisible by 100: not a leap year
    ['2000-02-10', '2000-02-29'], // divisible by 400: a leap year
    ['2026-04-30', '2026-04-30'],
    ['2026-12-01', '2026-12-31'],
  ])('of %s is %s', (date, last) => expect(lastDayOfMonth(date)).toBe(last));
});

describe('a commissioner’s period: whole calendar months', () => {
  const today = '2026-11-25';
  it.each([
    ['2026-10-01', '2026-10-31'], // one month
    ['2026-01-01', '2026-12-31'], // a year (a future end is a month's last day: nothing after today counts)
    ['2026-11-01', '2026-11-25'], // the month in progress, to today
    ['2026-09-01', '2026-11-25'], // whole months and the month in progress
    ['2026-11-01', '2026-11-30'], // the month in progress, to its last day
    ['2028-02-01', '2028-02-29'], // February of a leap year
    ['2027-02-01', '2027-02-28'],
    ['2025-12-01', '2026-01-31'], // across a year
  ])('%s to %s is allowed', (from, to) => expect(wholeMonthsError(from, to, today)).toBeNull());

  it.each([
    ['2026-10-02', '2026-10-31', 'from'], // not the first day
    ['2026-10-31', '2026-10-31', 'from'], // a single day
    ['2026-10-15', '2026-11-14', 'from'], // a sliding month
    ['2026-10-01', '2026-10-01', 'to'], // a single day, starting on the first
    ['2026-10-01', '2026-10-30', 'to'], // a day short of the month
    ['2026-11-01', '2026-11-24', 'to'], // the month in progress, but not to today
    ['2027-02-01', '2027-02-29', 'to'], // not a leap year: no 29 February (a Date scalar refuses it first)
    ['2028-02-01', '2028-02-28', 'to'], // a leap year: 28 February is not the month's last day
    ['2026-11-01', '2026-10-31', 'to'], // before `from`: less than one month
  ])('%s to %s is refused at `%s`', (from, to, field) => {
    expect(wholeMonthsError(from, to, today)).toMatchObject({ field });
  });

  it('says what would be allowed', () => {
    expect(wholeMonthsError('2026-10-02', '2026-10-31', today)?.message).toContain('2026-10-01');
    expect(wholeMonthsError('2026-11-01', '2026-11-24', today)?.message).toMatch(/2026-11-30.*2026-11-25/);
  });
});

function facts(over: Partial<MetricFacts>): MetricFacts {
  return {
    from: '2026-10-01',
    to: '2026-10-31',
    serviceCode: 'RC-NW',
    referralsReceived: 0,
    receivedPeople: 0,
    bySource: SOURCES.map((source) => ({ source, count: 0 })),
    accepted: 0,
    declined: 0,
    released: 0,
    releasedPeople: 0,
    contactTargetMet: 0,
    engagedWithin28Days: 0,
    medianDaysReferralToFirstContact: null,
    firstContactPeople: 0,
    discharges: DISCHARGE_REASONS.map((reason) => ({ reason, count: 0 })),
    openCaseload: 0,
    handoversRequested: 0,
    handoversOverdue: 0,
    medianHandoverResponseHours: null,
    handoverResponsePeople: 0,
    ...over,
  };
}

describe('the figures a caller sees', () => {
  const counted = facts({
    referralsReceived: 13,
    receivedPeople: 12,
    bySource: SOURCES.map((source) => ({
      source,
      count: ({ PROBATION: 4, POLICE: 4, SELF: 5 } as Record<string, number>)[source] ?? 0,
    })),
    accepted: 9,
    declined: 1,
    released: 3,
    releasedPeople: 3,
    contactTargetMet: 1,
    engagedWithin28Days: 2,
    medianDaysReferralToFirstContact: 3.5,
    firstContactPeople: 11,
    discharges: DISCHARGE_REASONS.map((reason) => ({ reason, count: reason === 'DIED' ? 1 : 0 })),
    openCaseload: 42,
    handoversRequested: 2,
    handoversOverdue: 0,
    medianHandoverResponseHours: 30,
    handoverResponsePeople: 2,
  });

  it('are exact for a service reading its own: nothing controlled, nothing named', () => {
    const m = presentMetrics(counted, false);
    expect(m).toMatchObject({
      referralsReceived: 13,
      accepted: 9,
      declined: 1,
      acceptance: 9 / 13,
      released: 3,
      preReleaseContactTargetMet: 1 / 3,
      engagedWithin28Days: 2 / 3,
      medianDaysReferralToFirstContact: 3.5,
      openCaseload: 42,
      handoversRequested: 2,
      medianHandoverResponseHours: 30,
      disclosureControlled: false,
      smallNumbers: [],
    });
    expect(m.discharges.find((d) => d.reason === 'DIED')!.count).toBe(1);
  });

  it('are controlled for a commissioner, every small number named, nested ones by list and key', () => {
    const m = presentMetrics(counted, true);
    expect(m).toMatchObject({
      // 13 exact is 15: the total is rounded from its exact value, not summed from 5 + 5 + 5.
      referralsReceived: 15,
      accepted: 10,
      declined: 5,
      acceptance: 0.69, // 9 of 13 over 12 people: shown, to a whole percentage
      released: 5,
      preReleaseContactTargetMet: null, // 3 people
      engagedWithin28Days: null,
      medianDaysReferralToFirstContact: 4, // 11 people: shown, to a whole day
      openCaseload: 40,
      handoversRequested: 5,
      handoversOverdue: 0,
      medianHandoverResponseHours: null, // 2 people
      disclosureControlled: true,
    });
    expect(m.bySource.filter((s) => s.count > 0)).toEqual([
      { source: 'PROBATION', count: 5 },
      { source: 'POLICE', count: 5 },
      { source: 'SELF', count: 5 },
    ]);
    expect(m.discharges.filter((d) => d.count > 0)).toEqual([{ reason: 'DIED', count: 5 }]);
    expect(m.smallNumbers).toEqual([
      'bySource.PROBATION',
      'bySource.POLICE',
      'bySource.SELF',
      'declined',
      'released',
      'preReleaseContactTargetMet',
      'engagedWithin28Days',
      'discharges.DIED',
      'handoversRequested',
      'medianHandoverResponseHours',
    ]);
  });

  it('name nothing when there is nothing: zeros and shares over nobody are not small numbers', () => {
    const m = presentMetrics(facts({}), true);
    expect(m.smallNumbers).toEqual([]);
    expect(m).toMatchObject({
      referralsReceived: 0,
      acceptance: null,
      preReleaseContactTargetMet: null,
      medianDaysReferralToFirstContact: null,
      disclosureControlled: true,
    });
  });

  it('never give back a count from 1 to 7, or a share or median over fewer than 10 people', () => {
    for (let n = 0; n <= 40; n++) {
      const people = Math.max(0, n - 2);
      const m = presentMetrics(
        facts({
          referralsReceived: n,
          receivedPeople: people,
          accepted: Math.floor(n / 2),
          released: n,
          releasedPeople: people,
          contactTargetMet: Math.floor(n / 3),
          medianDaysReferralToFirstContact: n ? n / 3 : null,
          firstContactPeople: people,
        }),
        true,
      );
      for (const value of [m.referralsReceived, m.accepted, m.released]) {
        expect(value % 5, `n=${n}`).toBe(0);
      }
      if (people < 10) {
        expect([m.acceptance, m.preReleaseContactTargetMet, m.medianDaysReferralToFirstContact]).toEqual([
          null,
          null,
          null,
        ]);
        if (people > 0) expect(m.smallNumbers).toContain('acceptance');
      }
      expect(m.smallNumbers.includes('referralsReceived'), `n=${n}`).toBe(n >= 1 && n <= 7);
    }
  });
});
