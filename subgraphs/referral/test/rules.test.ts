/** The referral's pure rules, table-driven: dates, support window, eligibility, transitions. */
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween } from '@reconnect/config';
import { checkEligibility, validateSubmission } from '../src/service/eligibility.ts';
import { supportWindow } from '../src/service/support-window.ts';
import { TRANSITIONS, isAllowed, nextStatus, type Operation } from '../src/service/transitions.ts';
import { REFERRAL_STATUSES } from '../src/db/schema.ts';

describe('calendar arithmetic', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-15', 6, '2026-07-15'],
    ['2026-12-01', 1, '2027-01-01'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (from, months, to) => expect(addMonths(from, months)).toBe(to));

  it.each([
    ['2026-03-01', -84, '2025-12-07'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('%s + %i days = %s', (from, days, to) => expect(addDays(from, days)).toBe(to));

  it('counts days and whole years', () => {
    expect(daysBetween('2026-11-01', '2026-11-29')).toBe(28);
    expect(daysBetween('2026-11-29', '2026-11-01')).toBe(-28);
    expect(ageOn('2008-11-26', '2026-11-25')).toBe(17);
    expect(ageOn('2008-11-25', '2026-11-25')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('support window', () => {
  const base = {
    status: 'PRE_RELEASE',
    referredOn: '2026-09-01',
    expectedReleaseDate: null,
    releasedOn: null,
    extendedUntil: null,
  };
  it.each([
    [
      'starts 12 weeks before an expected release',
      { expectedReleaseDate: '2027-03-01' },
      '2026-11-25',
      { startsOn: '2026-12-07', endsOn: null, dischargeOverdue: false },
    ],
    [
      'starts on the referral day when referred inside 12 weeks',
      { expectedReleaseDate: '2026-10-01' },
      '2026-09-02',
      { startsOn: '2026-09-01', endsOn: null, dischargeOverdue: false },
    ],
    [
      'ends six calendar months after release',
      { status: 'POST_RELEASE', releasedOn: '2026-08-31' },
      '2027-02-28',
      { startsOn: '2026-09-01', endsOn: '2027-02-28', dischargeOverdue: false },
    ],
    [
      'is overdue the day after it ends while open',
      { status: 'POST_RELEASE', releasedOn: '2026-08-31' },
      '2027-03-01',
      { endsOn: '2027-02-28', dischargeOverdue: true },
    ],
    [
      'is not overdue once discharged',
      { status: 'DISCHARGED', releasedOn: '2026-08-31' },
      '2027-06-01',
      { dischargeOverdue: false },
    ],
    [
      'moves its end with an extension',
      { status: 'POST_RELEASE', releasedOn: '2026-08-31', extendedUntil: '2027-05-31' },
      '2027-04-01',
      { endsOn: '2027-02-28', extendedUntil: '2027-05-31', dischargeOverdue: false },
    ],
    [
      'is overdue after the extension ends',
      { status: 'POST_RELEASE', releasedOn: '2026-08-31', extendedUntil: '2027-05-31' },
      '2027-06-01',
      { dischargeOverdue: true },
    ],
    [
      'starts on the referral day with no release date (returned to custody, date unknown)',
      {},
      '2026-10-01',
      { startsOn: '2026-09-01', endsOn: null, dischargeOverdue: false },
    ],
  ])('%s', (_label, facts, today, expected) => {
    expect(supportWindow({ ...base, ...facts }, today)).toMatchObject(expected);
  });
});

describe('eligibility', () => {
  const today = '2026-11-25';
  const ok = {
    source: 'PROBATION',
    dateOfBirth: '1990-05-01',
    expectedReleaseDate: '2027-01-10',
    releasedOn: null,
    identifiedNeedCount: 1,
  };
  it.each([
    ['an ordinary referral in custody', {}, null],
    ['a referral more than 12 weeks before release', { expectedReleaseDate: '2028-01-01' }, null],
    ['release today', { expectedReleaseDate: today }, null],
    ['no identified need', { identifiedNeedCount: 0 }, 'NO_IDENTIFIED_HEALTH_NEED'],
    ['17 on the expected release date', { dateOfBirth: '2009-01-11' }, 'UNDER_18'],
    ['18 on the expected release date', { dateOfBirth: '2009-01-10' }, null],
    ['under 18 today but 18 by release', { dateOfBirth: '2008-12-01' }, null],
    [
      'an expected release date in the past',
      { expectedReleaseDate: '2026-11-24' },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    ['no release date at all', { expectedReleaseDate: null }, 'OUTSIDE_REFERRAL_WINDOW'],
    ['probation, 28 days after release', { expectedReleaseDate: null, releasedOn: '2026-10-28' }, null],
    [
      'probation, 29 days after release',
      { expectedReleaseDate: null, releasedOn: '2026-10-27' },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    ['police after release', { source: 'POLICE', expectedReleaseDate: null, releasedOn: '2026-11-20' }, null],
    [
      'liaison and diversion after release',
      { source: 'LIAISON_AND_DIVERSION', expectedReleaseDate: null, releasedOn: '2026-11-20' },
      null,
    ],
    [
      'Home Office enforcement after release',
      { source: 'HOME_OFFICE_ENFORCEMENT', expectedReleaseDate: null, releasedOn: '2026-11-20' },
      null,
    ],
    [
      'prison healthcare after release',
      { source: 'PRISON_HEALTHCARE', expectedReleaseDate: null, releasedOn: '2026-11-20' },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    [
      'IRC healthcare after release',
      { source: 'IRC_HEALTHCARE', expectedReleaseDate: null, releasedOn: '2026-11-20' },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    [
      'a self-referral after release',
      { source: 'SELF', expectedReleaseDate: null, releasedOn: '2026-11-20' },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    [
      'a family referral after release',
      { source: 'FAMILY_OR_FRIEND', expectedReleaseDate: null, releasedOn: '2026-11-20' },
      'OUTSIDE_REFERRAL_WINDOW',
    ],
    ['a self-referral in custody', { source: 'SELF' }, null],
    ['a family referral in custody', { source: 'FAMILY_OR_FRIEND' }, null],
    [
      '17 on the actual release date after release',
      { dateOfBirth: '2008-11-21', expectedReleaseDate: null, releasedOn: '2026-11-20' },
      'UNDER_18',
    ],
  ])('%s -> %s', (_label, facts, reason) => {
    expect(checkEligibility({ ...ok, ...facts }, today)?.reason ?? null).toBe(reason);
  });

  it.each([
    [
      'both dates',
      { expectedReleaseDate: '2027-01-01', releasedOn: '2026-11-01' },
      'input.custody.releasedOn',
    ],
    ['a release date in the future', { releasedOn: '2026-11-26' }, 'input.custody.releasedOn'],
    ['a birth date in the future', { dateOfBirth: '2026-11-26' }, 'input.person.dateOfBirth'],
    ['a well-formed submission', {}, null],
  ])('validates %s', (_label, facts, field) => {
    const shape = {
      source: 'PROBATION',
      custodyType: 'PRISON',
      expectedReleaseDate: null,
      releasedOn: null,
      dateOfBirth: '1990-01-01',
      ...facts,
    };
    expect(validateSubmission(shape, '2026-11-25')?.field ?? null).toBe(field);
  });
});

describe('transitions', () => {
  const expected: Record<Operation, string[]> = {
    RECORD_CONSENT: ['SUBMITTED'],
    ACCEPT: ['SUBMITTED'],
    DECLINE: ['SUBMITTED'],
    WITHDRAW: ['SUBMITTED'],
    ASSIGN_WORKER: ['PRE_RELEASE', 'POST_RELEASE'],
    ASSIGN_PEER_SUPPORT: ['PRE_RELEASE', 'POST_RELEASE'],
    RECORD_CONTACT: ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'],
    UPDATE_EXPECTED_RELEASE_DATE: ['PRE_RELEASE'],
    RECORD_RELEASE: ['PRE_RELEASE'],
    RECORD_RETURN_TO_CUSTODY: ['POST_RELEASE'],
    RECORD_TRANSFER: ['SUBMITTED', 'PRE_RELEASE'],
    RECORD_TEMPORARY_LICENCE: ['SUBMITTED', 'PRE_RELEASE'],
    RECORD_RELEASED_ON: ['SUBMITTED'],
    SET_EXPECTED_RELEASE_DATE: ['SUBMITTED', 'PRE_RELEASE'],
    RECORD_ENGAGEMENT: ['PRE_RELEASE', 'POST_RELEASE'],
    EXTEND_SUPPORT: ['POST_RELEASE'],
    DISCHARGE: ['PRE_RELEASE', 'POST_RELEASE'],
    ADD_NOTE: ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'],
    BOOK_APPOINTMENT: ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'],
    RECORD_APPOINTMENT_OUTCOME: ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'],
  };
  const cells = (Object.keys(TRANSITIONS) as Operation[]).flatMap((op) =>
    REFERRAL_STATUSES.map((s) => [op, s] as const),
  );

  it.each(cells)('%s from %s is allowed only where DOMAIN.md says', (op, status) => {
    expect(isAllowed(op, status)).toBe(expected[op].includes(status));
  });

  it.each([
    ['ACCEPT', 'SUBMITTED', false, 'PRE_RELEASE'],
    ['ACCEPT', 'SUBMITTED', true, 'POST_RELEASE'],
    ['DECLINE', 'SUBMITTED', false, 'DECLINED'],
    ['WITHDRAW', 'SUBMITTED', false, 'WITHDRAWN'],
    ['RECORD_RELEASE', 'PRE_RELEASE', false, 'POST_RELEASE'],
    ['RECORD_RETURN_TO_CUSTODY', 'POST_RELEASE', true, 'PRE_RELEASE'],
    ['DISCHARGE', 'POST_RELEASE', true, 'DISCHARGED'],
    ['RECORD_CONSENT', 'SUBMITTED', false, 'SUBMITTED'],
    ['RECORD_TRANSFER', 'SUBMITTED', false, 'SUBMITTED'],
    ['RECORD_TRANSFER', 'PRE_RELEASE', false, 'PRE_RELEASE'],
    ['RECORD_TRANSFER', 'POST_RELEASE', true, null],
    ['RECORD_TEMPORARY_LICENCE', 'PRE_RELEASE', false, 'PRE_RELEASE'],
    ['RECORD_TEMPORARY_LICENCE', 'POST_RELEASE', true, null],
    ['DISCHARGE', 'DISCHARGED', true, null],
    ['ACCEPT', 'DECLINED', false, null],
  ] as const)('%s from %s (released: %s) leads to %s', (op, status, released, to) => {
    expect(nextStatus(op, status, { released })).toBe(to);
  });

  it('makes DECLINED, WITHDRAWN and DISCHARGED final', () => {
    for (const status of ['DECLINED', 'WITHDRAWN', 'DISCHARGED'] as const) {
      expect((Object.keys(TRANSITIONS) as Operation[]).filter((op) => isAllowed(op, status))).toEqual([]);
    }
  });
});
