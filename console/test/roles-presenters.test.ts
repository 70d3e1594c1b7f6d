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
import { monthErrorListOf, monthPeriodOf, periodQuery } from '../src/presenters/monthPeriod.ts';
import {
  anySmallOf,
  chartsOf,
  controlledOf,
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
  organisationName: 'RECONNECT North West',
  // Staff: no referring organisation, every professional source offered.
  referringOrganisation: null,
};

/** A referrer's form: its organisation from the directory of referring organisations. */
const probationDirectory: Directory = {
  ...directory,
  organisationName: 'Probation Service North West',
  referringOrganisation: { name: 'Probation Service North West', allowedSources: ['PROBATION'] },
};
const onlineFormDirectory: Directory = {
  ...directory,
  organisationName: 'RECONNECT online referral form',
  referringOrganisation: {
    name: 'RECONNECT online referral form',
    allowedSources: ['SELF', 'FAMILY_OR_FRIEND'],
  },
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

  it('offers a referrer only the sources its organisation may give, and names the organisation without asking', () => {
    const names = (d: Directory) =>
      step('referrer')
        .fields(d)
        .map((f) => f.name);
    // Staff record referrals from any professional source, naming the organisation.
    expect(names(directory)).toEqual(['source', 'referrerName', 'organisationName', 'email', 'phone']);
    const staffSource = step('referrer')
      .fields(directory)
      .find((f) => f.name === 'source')!;
    expect((staffSource as { options: { value: string }[] }).options.map((o) => o.value)).toContain('POLICE');
    // Probation gives one source: nothing to ask; the organisation is the directory's.
    expect(names(probationDirectory)).toEqual(['referrerName', 'email', 'phone']);
    const probation = inputOf(
      {
        key: 'k',
        answers: { ...complete.answers, referrer: { referrerName: 'Jane', email: '', phone: '' } },
      },
      probationDirectory,
    );
    expect(probation.source).toBe('PROBATION');
    expect(probation.referrer.organisationName).toBe('Probation Service North West');
    // The online form asks who is referring: the person, or family or friends, nothing else.
    const form = step('referrer')
      .fields(onlineFormDirectory)
      .find((f) => f.name === 'source')!;
    expect((form as { options: { value: string }[] }).options.map((o) => o.value)).toEqual([
      'SELF',
      'FAMILY_OR_FRIEND',
    ]);
    expect(form.label).toBe('Who is making this referral?');
    expect(
      checkStep(
        step('referrer'),
        onlineFormDirectory,
        { source: 'PROBATION', referrerName: 'Sam' },
        '2026-12-01',
      ).source,
    ).toBeDefined();
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
    acceptance: null,
    released: 0,
    preReleaseContactTargetMet: null,
    engagedWithin28Days: null,
    medianDaysReferralToFirstContact: null,
    discharges: [],
    openCaseload: 0,
    handoversRequested: 0,
    handoversOverdue: 0,
    medianHandoverResponseHours: null,
    disclosureControlled: true,
    smallNumbers: [],
    ...over,
  };
}

describe('service metrics', () => {
  // As a commissioner gets them: rounded, small numbers named by the API.
  const rows: ServiceFigures[] = [
    {
      code: 'RC-NW',
      name: 'RECONNECT North West',
      metrics: metrics({
        referralsReceived: 10,
        accepted: 5,
        acceptance: 0.42,
        preReleaseContactTargetMet: 0.5,
        smallNumbers: ['accepted'],
      }),
    },
    {
      code: 'RC-LON',
      name: 'RECONNECT London',
      metrics: metrics({
        referralsReceived: 5,
        handoversOverdue: 5,
        smallNumbers: ['referralsReceived', 'acceptance', 'handoversOverdue'],
      }),
    },
  ];
  const total: ServiceFigures = {
    code: null,
    name: 'All services',
    metrics: metrics({ referralsReceived: 15, accepted: 5, acceptance: 0.38, smallNumbers: ['accepted'] }),
  };

  it('draws a bar per service, scaled, each labelled with its figure and small numbers marked in words', () => {
    const [referrals, acceptance, contact, engagement, overdue] = chartsOf(rows);
    expect(referrals!.bars.map((b) => [b.label, b.text, b.barWidth, b.small])).toEqual([
      ['North West', '10', 250, false],
      ['London', '5 [c]', 125, true],
    ]);
    expect(referrals!.anySmall).toBe(true);
    expect(referrals!.description).toBe(
      'Referrals received: North West 10, London 5 (small number: between 1 and 7, shown as 5)',
    );
    // Acceptance is the API's share, never one the console divides from rounded counts.
    expect(acceptance!.bars.map((b) => b.text)).toEqual(['42%', '[c]']);
    expect(acceptance!.description).toContain('London not shown (not shown: fewer than 10 people)');
    expect(contact!.bars.map((b) => b.text)).toEqual(['50%', 'No data']);
    expect(contact!.anySmall).toBe(false);
    expect(engagement!.description).toBe(
      'Engaged within 28 days of release: North West no data, London no data',
    );
    expect(overdue!.bars[1]!.text).toBe('5 [c]');
  });

  it('marks a small number in the table for the eye and, spelt out, for a screen reader', () => {
    const table = tableOf(rows, total);
    expect(table.rows.map((r) => r[0]!.text)).toEqual([
      'RECONNECT North West',
      'RECONNECT London',
      'All services',
    ]);
    const london = table.rows[1]!;
    expect(london[1]).toMatchObject({
      html: '<span aria-hidden="true">5 [c]</span><span class="govuk-visually-hidden">5 (small number: between 1 and 7, shown as 5)</span>',
      classes: 'rc-small-number',
    });
    expect(table.rows[0]![1]).toEqual({ text: '10', format: 'numeric', classes: '' });
    expect(controlledOf(rows, total)).toBe(true);
    expect(anySmallOf(rows, total)).toBe(true);
    const exact = rows.map((r) => ({
      ...r,
      metrics: { ...r.metrics, disclosureControlled: false, smallNumbers: [] },
    }));
    expect(controlledOf(exact, null)).toBe(false);
    expect(anySmallOf(exact, null)).toBe(false);
  });

  it('writes the same figures as the CSV, saying for each row what is controlled and small', () => {
    const csv = csvOf('2026-09-01', '2026-11-25', rows, total).split('\r\n');
    expect(csv[0]).toBe(
      'Service code,Service,From,To,Referrals received,Accepted,Acceptance (%),Declined,Released,' +
        'Pre-release contact target met (%),Engaged within 28 days of release (%),Median days to first contact,' +
        'Open caseload today,Handovers requested,Handovers overdue today,Disclosure controlled,Small numbers',
    );
    expect(csv[1]).toBe(
      'RC-NW,RECONNECT North West,2026-09-01,2026-11-25,10,5,42,0,0,50,,,0,0,0,yes,Accepted',
    );
    expect(csv[2]).toBe(
      'RC-LON,RECONNECT London,2026-09-01,2026-11-25,5,0,,0,0,,,,0,0,5,yes,Referrals received; Acceptance (%); Handovers overdue today',
    );
    expect(csv[3]).toMatch(/^ALL,All services,2026-09-01,2026-11-25,15,5,38,/);
  });
});

describe('the commissioner’s months', () => {
  const today = '2026-11-25';
  const q = (fm: string, fy: string, tm: string, ty: string) => ({
    'from-month': fm,
    'from-year': fy,
    'to-month': tm,
    'to-year': ty,
  });

  it('starts with the last three months, this one to today', () => {
    expect(monthPeriodOf({}, today)).toMatchObject({
      from: '2026-09-01',
      to: '2026-11-25',
      errors: {},
      values: { 'from-month': '9', 'from-year': '2026', 'to-month': '11', 'to-year': '2026' },
    });
    expect(monthPeriodOf({}, '2026-01-10')).toMatchObject({ from: '2025-11-01', to: '2026-01-10' });
  });

  it.each([
    [q('1', '2026', '1', '2026'), '2026-01-01', '2026-01-31'],
    [q('2', '2028', '2', '2028'), null, null], // in the future of 2026-11-25
    [q('2', '2024', '2', '2024'), '2024-02-01', '2024-02-29'], // a leap year
    [q('2', '2026', '2', '2026'), '2026-02-01', '2026-02-28'],
    [q('12', '2025', '11', '2026'), '2025-12-01', '2026-11-25'], // to the month in progress: to today
    [q(' 03 ', '2026', '10', '2026'), '2026-03-01', '2026-10-31'],
  ])('%o is %s to %s', (query, from, to) => {
    expect(monthPeriodOf(query, today)).toMatchObject({ from, to });
  });

  it.each([
    [q('', '', '11', '2026'), 'from', 'Enter the first month of the period'],
    [
      q('13', '2026', '11', '2026'),
      'from',
      'The start of the period must be a real month and year, for example 9 2026',
    ],
    [
      q('0', '2026', '11', '2026'),
      'from',
      'The start of the period must be a real month and year, for example 9 2026',
    ],
    [
      q('9', '26', '11', '2026'),
      'from',
      'The start of the period must be a real month and year, for example 9 2026',
    ],
    [q('9', '2026', '12', '2026'), 'to', 'The end of the period must be this month or earlier'],
    [
      q('10', '2026', '9', '2026'),
      'to',
      'The end of the period must be the same month as its start or later',
    ],
    [q('9', '2026', '', ''), 'to', 'Enter the last month of the period'],
    [q('9', '2026', '11', ''), 'to', 'The end of the period must include a year', 'year'],
    [q('', '2026', '11', '2026'), 'from', 'The start of the period must include a month'],
  ])('%o is refused at %s', (query, field, message, part = 'month') => {
    const period = monthPeriodOf(query, today);
    expect(period.errors[field]).toBe(message);
    expect(period.from).toBeNull();
    expect(monthErrorListOf(period.errors, period.errorParts)).toContainEqual({
      text: message,
      href: `#${field}-${part}`,
    });
  });

  it('asks a link for the same months', () => {
    expect(periodQuery('2026-09-01', '2026-11-25')).toEqual({
      'from-month': '9',
      'from-year': '2026',
      'to-month': '11',
      'to-year': '2026',
    });
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
      'Referring organisations',
      'Webhooks',
    ]);
    expect(homeOf({ roles: ['COMMISSIONER'] })).toBe('/service-metrics');
    expect(homeOf({ roles: ['ER_PARTNER'] })).toBe('/partner-cases');
  });
});
