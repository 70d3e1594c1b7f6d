/**
 * `respondBy`: two working days (Monday to Friday) after the request, at the same Europe/London
 * clock time; a weekend request counts from Monday 00:00 (so it is due at the end of Tuesday).
 */
import { describe, expect, it } from 'vitest';
import { isOverdue, respondByFor } from '../src/service/handover-dates.ts';

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
