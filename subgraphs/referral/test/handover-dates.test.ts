/**
 * `respondBy`: two working days (Monday to Friday, not a bank holiday in England) after the request,
 * at the same Europe/London clock time; a request on a day off counts from 00:00 of the next working
 * day (so a Saturday request is due at the end of Tuesday).
 */
import { describe, expect, it } from 'vitest';
import { isBankHolidayInEngland, isOverdue, respondByFor } from '../src/service/handover-dates.ts';

describe('respondBy', () => {
  it.each([
    ['Monday morning', '2026-11-30T09:00:00Z', '2026-12-02T09:00:00Z'],
    ['Wednesday', '2026-11-25T10:00:00Z', '2026-11-27T10:00:00Z'],
    ['Thursday evening, over the weekend', '2026-11-26T17:30:00Z', '2026-11-30T17:30:00Z'],
    ['Friday 15:00 to Tuesday 15:00', '2026-11-27T15:00:00Z', '2026-12-01T15:00:00Z'],
    [
      'Saturday: from Monday 00:00, due at the end of Tuesday',
      '2026-11-28T11:00:00Z',
      '2026-12-02T00:00:00Z',
    ],
    ['Sunday just before midnight', '2026-11-29T23:59:00Z', '2026-12-02T00:00:00Z'],
    // Friday 23:30 UTC is already Saturday 00:30 in London (BST): a weekend request.
    ['Friday night in UTC, Saturday in London', '2026-06-26T23:30:00Z', '2026-06-30T23:00:00Z'],
    // Sunday 23:30 UTC is Monday 00:30 in London: a working day, due Wednesday 00:30 BST.
    ['Sunday night in UTC, Monday in London', '2026-06-28T23:30:00Z', '2026-06-30T23:30:00Z'],
    // The clocks go forward on Sunday 29 March 2026: 15:00 GMT Friday is due 15:00 BST Tuesday.
    ['across the spring clock change', '2026-03-27T15:00:00Z', '2026-03-31T14:00:00Z'],
    // The clocks go back on Sunday 25 October 2026: 10:00 BST Friday is due 10:00 GMT Tuesday.
    ['across the autumn clock change', '2026-10-23T09:00:00Z', '2026-10-27T10:00:00Z'],
    ['keeps the milliseconds', '2026-11-25T10:00:00.123Z', '2026-11-27T10:00:00.123Z'],
  ])('%s', (_name, requested, due) => {
    expect(respondByFor(new Date(requested)).toISOString()).toBe(new Date(due).toISOString());
  });
});

describe('respondBy skips bank holidays in England', () => {
  it.each([
    // Christmas 2026: Friday 25th, and Boxing Day (a Saturday) is made up on Monday 28th.
    ['Wednesday before Christmas 2026', '2026-12-23T15:00:00Z', '2026-12-29T15:00:00Z'],
    [
      'Christmas Eve 2026, over Christmas and the substitute Boxing Day',
      '2026-12-24T10:00:00Z',
      '2026-12-30T10:00:00Z',
    ],
    ['on Christmas Day: from Tuesday 29th 00:00', '2026-12-25T12:00:00Z', '2026-12-31T00:00:00Z'],
    ['on the substitute Boxing Day', '2026-12-28T09:00:00Z', '2026-12-31T00:00:00Z'],
    ["New Year's Eve 2026, over New Year's Day", '2026-12-31T09:00:00Z', '2027-01-05T09:00:00Z'],
    // Christmas 2027 falls on a Saturday: both substitute days (27th, 28th) are skipped.
    ['Christmas Eve 2027, both substitute days', '2027-12-24T11:00:00Z', '2027-12-30T11:00:00Z'],
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April (BST).
    ['Maundy Thursday 2026', '2026-04-02T09:00:00Z', '2026-04-08T09:00:00Z'],
    ['on Good Friday 2026: from Tuesday 00:00', '2026-04-03T11:00:00Z', '2026-04-08T23:00:00Z'],
    ['on Easter Monday 2026', '2026-04-06T08:00:00Z', '2026-04-08T23:00:00Z'],
    // Easter 2027 (26 and 29 March) with the clocks going forward on Sunday 28 March in between.
    ['Maundy Thursday 2027, across the clock change', '2027-03-25T14:00:00Z', '2027-03-31T13:00:00Z'],
    // The late-May (spring) bank holiday: Monday 25 May 2026, Monday 31 May 2027.
    ['Friday before the late-May bank holiday 2026', '2026-05-22T14:00:00Z', '2026-05-27T14:00:00Z'],
    ['Saturday before the late-May bank holiday 2026', '2026-05-23T10:00:00Z', '2026-05-27T23:00:00Z'],
    ['Friday before the late-May bank holiday 2027', '2027-05-28T10:00:00Z', '2027-06-02T10:00:00Z'],
    ['the Tuesday after it counts as usual', '2026-05-26T09:00:00Z', '2026-05-28T09:00:00Z'],
  ])('%s', (_name, requested, due) => {
    expect(respondByFor(new Date(requested)).toISOString()).toBe(new Date(due).toISOString());
  });

  it.each([
    [2026, 12, 25, true],
    [2026, 12, 28, true],
    [2026, 4, 3, true],
    [2026, 4, 6, true],
    [2026, 5, 25, true],
    [2026, 8, 31, true],
    [2026, 5, 26, false],
    // 17 March is a bank holiday in Northern Ireland only, 30 November in Scotland only.
    [2026, 3, 17, false],
    [2026, 11, 30, false],
  ])('%i-%i-%i is a bank holiday in England: %s', (year, month, day, expected) => {
    expect(isBankHolidayInEngland({ year, month, day })).toBe(expected);
  });
});

describe('overdue', () => {
  const respondBy = new Date('2026-12-01T15:00:00Z');
  it.each([
    ['REQUESTED', '2026-12-01T15:00:00Z', false],
    ['REQUESTED', '2026-12-01T15:00:01Z', true],
    ['REQUESTED', '2026-11-30T15:00:00Z', false],
    ['ACCEPTED', '2026-12-05T15:00:00Z', false],
    ['DECLINED', '2026-12-05T15:00:00Z', false],
  ] as const)('%s at %s: %s', (status, now, overdue) => {
    expect(isOverdue({ status, respondBy }, new Date(now))).toBe(overdue);
  });
});
