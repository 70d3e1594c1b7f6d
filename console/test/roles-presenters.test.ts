/** Presenters of the pages for referrers, partners, commissioners and admins: plain functions, no hub. */
import { describe, expect, it } from 'vitest';
import { homeOf, navigationOf } from '../src/auth/user.ts';
import {
  STEPS,
  answersOf,
  badInputRefusal,
  checkStep,
  firstIncomplete,
  ineligibleRefusal,
  inputOf,
  type Directory,
  type ReferralDraft,
} from '../src/presenters/referralForm.ts';
import {
  acceptanceOf,
  chartsOf,
  csvOf,
  tableOf,
  type ServiceFigures,
} from '../src/presenters/serviceMetrics.ts';
import type { ServiceMetrics } from '../src/services/metrics.ts';

const directory: Directory = {
  establishments: [
    { code: 'MRI', name: 'Manchester (HMP & YOI)', type: 'PRISON' },
    { code: 'IRC-COL', name: 'Colnbrook IRC', type: 'IRC' },
  ],
  localAuthorities: [{ code: 'E08000003', name: 'Manchester' }],
  organisationName: 'Probation Service North West',
};

const step = (id: string) => STEPS.find((s) => s.id === id)!;

const complete: ReferralDraft = {
  key: 'k',
  answers: {
    referrer: {
      source: 'PROBATION',
      referrerName: 'Jane',
      organisationName: 'Probation',
      email: '',
      phone: '',
    },
    person: {
      givenName: 'Ann',
      familyName: 'Example',
      'dateOfBirth-day': '3',
      'dateOfBirth-month': '2',
      'dateOfBirth-year': '1986',
      nhsNumber: '',
      prisonNumber: 'a1234bc',
      crn: '',
      pncId: '',
      homeOfficeReference: '',
      homeArea: '',
    },
    custody: {
      establishment: 'IRC-COL',
      released: 'no',
      'expectedReleaseDate-day': '1',
      'expectedReleaseDate-month': '2',
      'expectedReleaseDate-year': '2027',
      'releasedOn-day': '',
      'releasedOn-month': '',
      'releasedOn-year': '',
      onTemporaryLicence: 'yes',
    },
    needs: { needs: 'ALCOHOL', 'need-ALCOHOL': 'Dependence' },
    reason: { reasonForReferral: 'Support on release' },
  },
};

describe('the referral form', () => {
  it('makes the hub’s input from the answers: the custody type from the establishment, blanks as null', () => {
    const input = inputOf(complete, directory);
    expect(input.custody).toEqual({
      type: 'IRC',
      establishmentCode: 'IRC-COL',
      expectedReleaseDate: '2027-02-01',
      releasedOn: null,
      onTemporaryLicence: true,
    });
    expect(input.person.dateOfBirth).toBe('1986-02-03');
    expect(input.person.nhsNumber).toBeNull();
    expect(input.identifiedNeeds).toEqual([{ category: 'ALCOHOL', description: 'Dependence' }]);
    expect(input.referrer.email).toBeNull();
  });

  it('knows when every page is answered', () => {
    expect(firstIncomplete(complete, directory, '2026-12-01')).toBeNull();
    expect(firstIncomplete({ key: 'k', answers: {} }, directory, '2026-12-01')).toBe('referrer');
    const { reason: _reason, ...rest } = complete.answers;
    expect(firstIncomplete({ key: 'k', answers: rest }, directory, '2026-12-01')).toBe('reason');
  });

  it('checks custody dates against whether the person was released, and ROTL only in custody', () => {
    const custody = step('custody');
    const released = {
      ...complete.answers.custody!,
      released: 'yes',
      'releasedOn-day': '1',
      'releasedOn-month': '11',
      'releasedOn-year': '2026',
    };
    expect(Object.keys(checkStep(custody, directory, released, '2026-12-01')).sort()).toEqual([
      'expectedReleaseDate',
      'onTemporaryLicence',
    ]);
    const past = {
      ...complete.answers.custody!,
      'expectedReleaseDate-year': '2025',
      onTemporaryLicence: 'no',
    };
    expect(checkStep(custody, directory, past, '2026-12-01')).toEqual({
      expectedReleaseDate: 'Expected release date must be today or in the future',
    });
  });

  it('keeps only the descriptions of the needs chosen', () => {
    const values = answersOf(step('needs'), directory, {
      needs: ['MENTAL_HEALTH'],
      'need-MENTAL_HEALTH': 'Anxiety',
      'need-ALCOHOL': 'left over',
    });
    expect(values.needs).toBe('MENTAL_HEALTH');
    expect(values['need-ALCOHOL']).toBe('');
    expect(checkStep(step('needs'), directory, values, '2026-12-01')).toEqual({});
    const long = { ...values, 'need-MENTAL_HEALTH': 'x'.repeat(1001) };
    expect(checkStep(step('needs'), directory, long, '2026-12-01')['need-MENTAL_HEALTH']).toContain(
      '1000 characters or fewer',
    );
  });

  it('puts each eligibility refusal on the page where it is put right, in plain words', () => {
    expect(ineligibleRefusal('UNDER_18', complete)).toMatchObject({ step: 'person', field: 'dateOfBirth' });
    expect(ineligibleRefusal('NO_IDENTIFIED_HEALTH_NEED', complete)).toMatchObject({ step: 'needs' });
    expect(ineligibleRefusal('OUTSIDE_REFERRAL_WINDOW', complete)).toMatchObject({
      step: 'custody',
      field: 'expectedReleaseDate',
    });
    const released = { ...complete, answers: { ...complete.answers, custody: { released: 'yes' } } };
    expect(ineligibleRefusal('OUTSIDE_REFERRAL_WINDOW', released).message).toContain('28 days');
  });

  it('maps the hub’s input paths back to the answers', () => {
    expect(badInputRefusal('input.person.nhsNumber')).toMatchObject({ step: 'person', field: 'nhsNumber' });
    expect(badInputRefusal('input.custody.type')).toMatchObject({ step: 'custody', field: 'establishment' });
    expect(badInputRefusal('input.identifiedNeeds.0.description')).toMatchObject({ step: 'needs' });
    expect(badInputRefusal('something.else')).toBeUndefined();
  });
});

function metrics(over: Partial<ServiceMetrics>): ServiceMetrics {
  return {
    from: '2026-09-01',
    to: '2026-11-30',
    serviceCode: null,
    referralsReceived: 0,
    bySource: [],
    accepted: 0,
    declined: 0,
    released: 0,
    preReleaseContactTargetMet: null,
    engagedWithin28Days: null,
    medianDaysReferralToFirstContact: null,
    discharges: [],
    openCaseload: 0,
    handoversRequested: 0,
    handoversOverdue: 0,
    medianHandoverResponseHours: null,
    ...over,
  };
}

describe('service metrics', () => {
  const rows: ServiceFigures[] = [
    {
      code: 'RC-NW',
      name: 'RECONNECT North West',
      metrics: metrics({ referralsReceived: 10, accepted: 4, preReleaseContactTargetMet: 0.5 }),
    },
    {
      code: 'RC-LON',
      name: 'RECONNECT London',
      metrics: metrics({ referralsReceived: 5, handoversOverdue: 2 }),
    },
  ];
  const total: ServiceFigures = {
    code: null,
    name: 'All services',
    metrics: metrics({ referralsReceived: 15, accepted: 4 }),
  };

  it('draws a bar per service, scaled, each labelled with its figure', () => {
    const [referrals, acceptance, contact, engagement, overdue] = chartsOf(rows);
    expect(referrals!.bars.map((b) => [b.label, b.text, b.barWidth])).toEqual([
      ['North West', '10', 250],
      ['London', '5', 125],
    ]);
    expect(acceptance!.bars.map((b) => b.text)).toEqual(['40%', '0%']);
    expect(contact!.bars.map((b) => b.text)).toEqual(['50%', 'No data']);
    expect(engagement!.description).toBe(
      'Engaged within 28 days of release: North West No data, London No data',
    );
    expect(overdue!.bars[1]!.text).toBe('2');
    expect(acceptanceOf(metrics({}))).toBeNull();
  });

  it('writes the same figures as the table and the CSV, with all services last', () => {
    const table = tableOf(rows, total);
    expect(table.rows.map((r) => r[0]!.text)).toEqual([
      'RECONNECT North West',
      'RECONNECT London',
      'All services',
    ]);
    const csv = csvOf('2026-09-01', '2026-11-30', rows, total).split('\r\n');
    expect(csv[1]).toBe('RC-NW,RECONNECT North West,2026-09-01,2026-11-30,10,4,40,0,0,50,,,0,0,0');
    expect(csv[3]).toMatch(/^ALL,All services,/);
  });
});

describe('navigation', () => {
  it('shows each role its own pages only, and takes it home', () => {
    const nav = (roles: string[], org = 'X') =>
      navigationOf({ roles: roles as never, organisationCode: org }, '/').map((i) => i.text);
    expect(nav(['RECONNECT_STAFF'])).toEqual(['Caseload', 'Handovers', 'Make a referral', 'Webhooks']);
    expect(nav(['REFERRER'])).toEqual(['Your referrals', 'Make a referral', 'Webhooks']);
    expect(nav(['ER_PARTNER'])).toEqual(['Enhanced cases', 'Webhooks']);
    expect(nav(['COMMISSIONER'])).toEqual(['Service metrics']);
    expect(nav(['RECONNECT_ADMIN'])).toEqual([
      'Access log',
      'Data sharing agreements',
      'Identity conflicts',
      'Webhooks',
    ]);
    expect(homeOf({ roles: ['COMMISSIONER'] })).toBe('/service-metrics');
    expect(homeOf({ roles: ['ER_PARTNER'] })).toBe('/partner-cases');
  });
});
