/** Presenters and form rules: plain functions, no hub. */
import { describe, expect, it } from 'vitest';
import { filterOf, pagingOf, parseCaseloadQuery, rowsOf } from '../src/presenters/caseload.ts';
import { formatDate, label, londonLocalToIso, relativeDate } from '../src/presenters/format.ts';
import { dateOf, errorListOf, validate, type Field } from '../src/presenters/forms.ts';
import { handoverActionsOf, inboxOf, respondByTagOf } from '../src/presenters/handovers.ts';
import { barChartOf } from '../src/presenters/overview.ts';
import { actionButtonsOf, missingPartsOf } from '../src/presenters/referral.ts';

describe('format', () => {
  it.each([
    ['2026-12-01', 'today'],
    ['2026-12-02', 'tomorrow'],
    ['2026-11-30', 'yesterday'],
    ['2026-12-06', 'in 5 days'],
    ['2026-12-22', 'in 3 weeks'],
    ['2027-03-01', 'in 3 months'],
    ['2026-11-17', '2 weeks ago'],
  ])('writes %s relative to 1 December 2026 as "%s"', (date, expected) => {
    expect(relativeDate('2026-12-01', date)).toBe(expected);
  });

  it('writes dates and enums in words', () => {
    expect(formatDate('2027-01-20')).toBe('20 January 2027');
    expect(label('PRE_RELEASE')).toBe('Pre-release');
    expect(label('SUBSTANCE_MISUSE')).toBe('Substance misuse');
  });

  it('reads a London wall-clock time in GMT and in BST', () => {
    expect(londonLocalToIso('2026-12-01', '14:30')).toBe('2026-12-01T14:30:00.000Z');
    expect(londonLocalToIso('2026-07-01', '14:30')).toBe('2026-07-01T13:30:00.000Z');
  });
});

describe('caseload', () => {
  it('defaults to my cases for staff with a staff id, and to all open otherwise', () => {
    expect(parseCaseloadQuery({}, true).tab).toBe('mine');
    expect(parseCaseloadQuery({}, false).tab).toBe('open');
    expect(parseCaseloadQuery({ tab: 'bogus' }, false).tab).toBe('open');
  });

  it('asks the hub for the tab’s statuses, the release window, the worker and overdue', () => {
    const state = parseCaseloadQuery(
      { tab: 'mine', release: 'next-4-weeks', overdue: 'yes', status: ['SUBMITTED', 'DISCHARGED'] },
      true,
    );
    expect(filterOf(state, '2026-12-01', 'staff-1')).toEqual({
      status: ['SUBMITTED'],
      releaseFrom: '2026-12-01',
      releaseTo: '2026-12-29',
      namedWorkerId: 'staff-1',
      dischargeOverdue: true,
    });
    expect(filterOf(parseCaseloadQuery({ tab: 'closed' }, true), '2026-12-01', 'x').status).toEqual([
      'DECLINED',
      'WITHDRAWN',
      'DISCHARGED',
    ]);
  });

  it('pages forwards and back with the cursors it has seen', () => {
    const first = parseCaseloadQuery({ tab: 'open' }, false);
    const p1 = pagingOf(first, { endCursor: 'c1', hasNextPage: true }, 60, 25);
    expect(p1).toEqual({
      previous: null,
      next: '/?tab=open&after=c1',
      summary: 'Showing 1 to 25 of 60 referrals',
    });
    const second = parseCaseloadQuery({ tab: 'open', after: 'c1' }, false);
    const p2 = pagingOf(second, { endCursor: 'c2', hasNextPage: true }, 60, 25);
    expect(p2.previous).toBe('/?tab=open');
    expect(p2.next).toBe('/?tab=open&after=c2&trail=c1');
    const third = parseCaseloadQuery({ tab: 'open', after: 'c2', trail: 'c1' }, false);
    const p3 = pagingOf(third, { endCursor: null, hasNextPage: false }, 60, 10);
    expect(p3).toEqual({
      previous: '/?tab=open&after=c1',
      next: null,
      summary: 'Showing 51 to 60 of 60 referrals',
    });
  });

  it('shows "1 of 2" contacts, the worker and the release relative to today', () => {
    const [row] = rowsOf(
      [
        {
          id: 'r1',
          reference: 'RC-AAAA-BBBB',
          status: 'PRE_RELEASE',
          person: { id: 'p', givenName: 'Alex', familyName: 'Example' },
          custody: {
            establishment: { code: 'MRI', name: 'Manchester' },
            expectedReleaseDate: '2026-12-22',
            releasedOn: null,
          },
          namedWorker: null,
          preReleaseContacts: { count: 1, required: 2 },
          supportWindow: { dischargeOverdue: true },
        },
      ],
      '2026-12-01',
    );
    expect(row).toMatchObject({
      name: 'Example, Alex',
      release: 'Expected in 3 weeks',
      worker: 'Not assigned',
      contacts: '1 of 2',
      dischargeOverdue: true,
    });
  });
});

describe('forms', () => {
  const fields: Field[] = [
    {
      kind: 'dateParts',
      name: 'on',
      label: 'Date of release',
      required: 'Enter the date of release',
      notFuture: true,
    },
    {
      kind: 'radios',
      name: 'mode',
      label: 'Mode',
      options: [{ value: 'VIDEO', text: 'Video' }],
      required: 'Select a mode',
    },
  ];

  it('accepts only real dates', () => {
    expect(dateOf({ 'on-day': '29', 'on-month': '2', 'on-year': '2028' }, 'on')).toBe('2028-02-29');
    expect(dateOf({ 'on-day': '29', 'on-month': '2', 'on-year': '2027' }, 'on')).toBeNull();
    // As the MOJ date picker writes it, with or without leading zeros.
    expect(dateOf({ on: '29/2/2028' }, 'on')).toBe('2028-02-29');
    expect(dateOf({ on: '01/03/2027' }, 'on')).toBe('2027-03-01');
    expect(dateOf({ on: '29/2/2027' }, 'on')).toBeNull();
    expect(dateOf({ on: '2027-03-01' }, 'on')).toBeNull();
  });

  it('links a picked date to its one input', () => {
    const picked: Field[] = [{ kind: 'date', name: 'on', label: 'Date of contact', notFuture: true }];
    const errors = validate(picked, { on: '2/1/2027' }, '2026-12-01');
    expect(errorListOf(picked, errors)).toEqual([
      { text: 'Date of contact must be today or in the past', href: '#on' },
    ]);
    expect(validate(picked, { on: '31/2/2026' }, '2026-12-01')).toEqual({
      on: 'Date of contact must be a real date, for example 27/3/2026',
    });
  });

  it('reports each problem once, linked to its field', () => {
    const errors = validate(
      fields,
      { 'on-day': '2', 'on-month': '1', 'on-year': '2027', mode: 'CARRIER_PIGEON' },
      '2026-12-01',
    );
    expect(errorListOf(fields, errors)).toEqual([
      { text: 'Date of release must be today or in the past', href: '#on-day' },
      { text: 'Select a mode', href: '#mode' },
    ]);
    expect(validate(fields, {}, '2026-12-01')).toEqual({
      on: 'Enter the date of release',
      mode: 'Select a mode',
    });
  });
});

describe('handovers', () => {
  const base = { status: 'REQUESTED', overdue: false, respondBy: '2026-12-01T17:00:00Z' } as const;

  it('tags a handover due today or overdue, and only while it waits for an answer', () => {
    expect(respondByTagOf(base, '2026-12-01')).toEqual({ text: 'Due today', classes: 'govuk-tag--orange' });
    expect(respondByTagOf({ ...base, overdue: true }, '2026-12-02')?.text).toBe('Overdue');
    expect(respondByTagOf({ ...base, respondBy: '2026-12-03T17:00:00Z' }, '2026-12-01')).toBeNull();
    expect(respondByTagOf({ ...base, status: 'ACCEPTED', overdue: true }, '2026-12-02')).toBeNull();
  });

  it('offers accept and decline to the receiving lead only, cancel to the sender, complete once accepted', () => {
    const slugs = (s: string, d: 'INCOMING' | 'OUTGOING', lead: boolean) =>
      handoverActionsOf({ status: s as never }, d, lead).map((a) => a.slug);
    expect(slugs('REQUESTED', 'INCOMING', true)).toEqual(['accept', 'decline']);
    expect(slugs('REQUESTED', 'INCOMING', false)).toEqual([]);
    expect(slugs('REQUESTED', 'OUTGOING', false)).toEqual(['cancel']);
    expect(slugs('ACCEPTED', 'OUTGOING', false)).toEqual(['cancel', 'complete']);
    expect(slugs('ACCEPTED', 'INCOMING', false)).toEqual(['complete']);
    expect(slugs('COMPLETED', 'INCOMING', true)).toEqual([]);
  });

  it('sorts the inbox by deadline', () => {
    const row = (id: string, respondBy: string) => ({
      id,
      status: 'REQUESTED' as const,
      requestedAt: '2026-11-28T09:00:00Z',
      respondBy,
      respondedAt: null,
      overdue: false,
      note: null,
      declineReason: null,
      completedAt: null,
      fromService: { code: 'RC-NW', name: 'North West' },
      toService: { code: 'RC-NEY', name: 'North East' },
      referral: {
        id: `r-${id}`,
        reference: 'RC-1',
        status: 'PRE_RELEASE' as const,
        person: { givenName: 'A', familyName: 'B' },
      },
    });
    const inbox = inboxOf(
      [row('late', '2026-12-04T17:00:00Z'), row('soon', '2026-12-02T17:00:00Z')],
      'INCOMING',
      '2026-12-01',
      true,
    );
    expect(inbox.map((h) => h.id)).toEqual(['soon', 'late']);
  });
});

describe('referral', () => {
  it('makes buttons from availableActions only, in the hub’s order', () => {
    const buttons = actionButtonsOf({
      id: 'r1',
      availableActions: ['RECORD_CONTACT', 'ASSIGN_WORKER', 'ENROL_ENHANCED'],
    });
    expect(buttons.map((b) => [b.text, b.href])).toEqual([
      ['Record contact', '/referrals/r1/contact'],
      ['Assign named worker', '/referrals/r1/assign-worker'],
      ['Assign peer support', '/referrals/r1/assign-peer-support'],
      ['Enrol in Enhanced RECONNECT', '/referrals/r1/enrol-enhanced'],
    ]);
    // An action the console has no form for shows no button.
    expect(actionButtonsOf({ id: 'r1', availableActions: ['UNKNOWN_ACTION' as never] })).toEqual([]);
  });

  it('names what could not be loaded', () => {
    expect(missingPartsOf([{ code: 'DOWNSTREAM_SERVICE_ERROR', path: ['referral', 'person'] }])).toEqual([
      'the person’s details',
    ]);
  });
});

describe('overview charts', () => {
  it('scales bars to the largest count', () => {
    const chart = barChartOf('Sources', [
      { label: 'Probation', count: 4 },
      { label: 'Police', count: 2 },
    ]);
    expect(chart.bars.map((b) => b.barWidth)).toEqual([260, 130]);
    expect(chart.height).toBe(64);
  });
});
