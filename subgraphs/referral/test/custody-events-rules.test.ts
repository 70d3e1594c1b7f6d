/**
 * HMPPS custody events' pure rules (DOMAIN.md, "Custody events from HMPPS"): DOMAIN.md's table as
 * one decision, every row against every state of the person's open referral (or none), written out
 * cell by cell; and the input checks of an event (BAD_USER_INPUT on the input path).
 */
import { describe, expect, it } from 'vitest';
import {
  decideCustodyEvent,
  validateCustodyEvent,
  type OpenReferralFacts,
} from '../src/service/custody-events.ts';
import type { CustodyEventInput } from '../src/generated/graphql.ts';

const STATES: Record<string, OpenReferralFacts | null> = {
  none: null,
  SUBMITTED: { status: 'SUBMITTED', onTemporaryLicence: false },
  'SUBMITTED on ROTL': { status: 'SUBMITTED', onTemporaryLicence: true },
  PRE_RELEASE: { status: 'PRE_RELEASE', onTemporaryLicence: false },
  'PRE_RELEASE on ROTL': { status: 'PRE_RELEASE', onTemporaryLicence: true },
  POST_RELEASE: { status: 'POST_RELEASE', onTemporaryLicence: false },
};
type StateName = keyof typeof STATES;
const ALL = Object.keys(STATES) as StateName[];

/** Each row of DOMAIN.md's table: the event, and the change (outcome) in the states it applies in. */
const ROWS: { event: [string, string | null]; applies: Partial<Record<StateName, [string, string]>> }[] = [
  {
    event: ['RELEASED', 'RELEASED'],
    applies: {
      PRE_RELEASE: ['RECORD_RELEASE', 'RELEASE_RECORDED'],
      'PRE_RELEASE on ROTL': ['RECORD_RELEASE', 'RELEASE_RECORDED'],
      SUBMITTED: ['RECORD_RELEASED_ON', 'RELEASE_RECORDED'],
      'SUBMITTED on ROTL': ['RECORD_RELEASED_ON', 'RELEASE_RECORDED'],
    },
  },
  {
    event: ['RELEASED', 'TEMPORARY_ABSENCE_RELEASE'],
    applies: {
      SUBMITTED: ['START_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_STARTED'],
      'SUBMITTED on ROTL': ['START_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_STARTED'],
      PRE_RELEASE: ['START_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_STARTED'],
      'PRE_RELEASE on ROTL': ['START_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_STARTED'],
    },
  },
  {
    event: ['RECEIVED', 'TEMPORARY_ABSENCE_RETURN'],
    applies: {
      'SUBMITTED on ROTL': ['END_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_ENDED'],
      'PRE_RELEASE on ROTL': ['END_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_ENDED'],
    },
  },
  {
    event: ['RECEIVED', 'ADMISSION'],
    applies: { POST_RELEASE: ['RECORD_RETURN_TO_CUSTODY', 'RETURN_TO_CUSTODY_RECORDED'] },
  },
  {
    event: ['RECEIVED', 'TRANSFERRED'],
    applies: {
      SUBMITTED: ['RECORD_TRANSFER', 'TRANSFER_RECORDED'],
      'SUBMITTED on ROTL': ['RECORD_TRANSFER', 'TRANSFER_RECORDED'],
      PRE_RELEASE: ['RECORD_TRANSFER', 'TRANSFER_RECORDED'],
      'PRE_RELEASE on ROTL': ['RECORD_TRANSFER', 'TRANSFER_RECORDED'],
    },
  },
  {
    event: ['RELEASE_DATE_CHANGED', null],
    applies: {
      SUBMITTED: ['UPDATE_EXPECTED_RELEASE_DATE', 'RELEASE_DATE_UPDATED'],
      'SUBMITTED on ROTL': ['UPDATE_EXPECTED_RELEASE_DATE', 'RELEASE_DATE_UPDATED'],
      PRE_RELEASE: ['UPDATE_EXPECTED_RELEASE_DATE', 'RELEASE_DATE_UPDATED'],
      'PRE_RELEASE on ROTL': ['UPDATE_EXPECTED_RELEASE_DATE', 'RELEASE_DATE_UPDATED'],
    },
  },
  // MERGED concerns whoever holds either number, open referral or not.
  {
    event: ['MERGED', null],
    applies: Object.fromEntries(ALL.map((s) => [s, ['MERGE_PRISON_NUMBERS', 'PRISON_NUMBER_MERGED']])),
  },
  // Anything else: IGNORED (staff decide).
  { event: ['RELEASED', 'RELEASED_TO_HOSPITAL'], applies: {} },
  { event: ['RELEASED', 'SENT_TO_COURT'], applies: {} },
  { event: ['RELEASED', 'TRANSFERRED'], applies: {} },
  { event: ['RELEASED', null], applies: {} },
  { event: ['RECEIVED', 'RETURN_FROM_COURT'], applies: {} },
  { event: ['RECEIVED', 'RELEASED'], applies: {} },
  { event: ['RECEIVED', null], applies: {} },
];

describe('decideCustodyEvent: every row of the table in every state', () => {
  const cells = ROWS.flatMap((row) => ALL.map((state) => [row.event[0], row.event[1], state, row] as const));

  it.each(cells)('%s (%s) with an open referral %s', (type, reason, state, row) => {
    const decision = decideCustodyEvent({ type: type as never, reason }, STATES[state]!);
    const expected = row.applies[state];
    if (expected) {
      expect(decision).toEqual({ change: expected[0], outcome: expected[1] });
    } else {
      expect(decision).toMatchObject({ change: null, outcome: 'IGNORED' });
      if (state === 'none') expect((decision as { why: string }).why).toMatch(/Nobody with an open referral/);
      else expect((decision as { why: string }).why).toMatch(/staff decide/);
    }
  });
});

const NOW = new Date('2026-11-25T10:00:00Z');
const valid: CustodyEventInput = {
  messageId: '5b3d3c2e-1f0a-4a55-9f43-0d6f6a0c9d11',
  type: 'RELEASED',
  reason: 'RELEASED',
  occurredAt: new Date('2026-11-25T09:15:00Z'),
  prisonNumber: 'a1234bc',
  establishmentCode: 'mri',
};

describe('validateCustodyEvent', () => {
  it('normalises what it accepts', () => {
    expect(validateCustodyEvent({ ...valid, reason: ' released ' }, NOW)).toEqual({
      messageId: valid.messageId,
      type: 'RELEASED',
      reason: 'RELEASED',
      occurredAt: valid.occurredAt,
      prisonNumber: 'A1234BC',
      removedPrisonNumber: null,
      establishmentCode: 'MRI',
      expectedReleaseDate: null,
    });
    expect(
      validateCustodyEvent(
        { ...valid, type: 'MERGED', reason: null, removedPrisonNumber: 'B2345CD', establishmentCode: ' ' },
        NOW,
      ),
    ).toMatchObject({ removedPrisonNumber: 'B2345CD', establishmentCode: null });
    // A few minutes of clock drift at the publisher is not the future.
    expect(
      validateCustodyEvent({ ...valid, occurredAt: new Date('2026-11-25T10:04:00Z') }, NOW).occurredAt,
    ).toEqual(new Date('2026-11-25T10:04:00Z'));
  });

  it.each([
    ['a blank message id', { messageId: '  ' }, 'event.messageId'],
    ['a message id over 200 characters', { messageId: 'm'.repeat(201) }, 'event.messageId'],
    ['a prison number of the wrong format', { prisonNumber: 'A12345B' }, 'event.prisonNumber'],
    ['a prison number with a space inside', { prisonNumber: 'A1234 BC' }, 'event.prisonNumber'],
    ['an event in the future', { occurredAt: new Date('2026-11-25T10:06:00Z') }, 'event.occurredAt'],
    ['a MERGED event with no removed number', { type: 'MERGED' }, 'event.removedPrisonNumber'],
    [
      'a MERGED event removing the kept number',
      { type: 'MERGED', removedPrisonNumber: 'A1234BC' },
      'event.removedPrisonNumber',
    ],
    [
      'a removed number of the wrong format',
      { type: 'MERGED', removedPrisonNumber: 'B23' },
      'event.removedPrisonNumber',
    ],
    ['a removed number on a release', { removedPrisonNumber: 'B2345CD' }, 'event.removedPrisonNumber'],
    ['a release date change with no date', { type: 'RELEASE_DATE_CHANGED' }, 'event.expectedReleaseDate'],
    ['a release date on a release', { expectedReleaseDate: '2027-01-01' }, 'event.expectedReleaseDate'],
    [
      'an establishment code over 20 characters',
      { establishmentCode: 'X'.repeat(21) },
      'event.establishmentCode',
    ],
    ['a reason over 100 characters', { reason: 'R'.repeat(101) }, 'event.reason'],
  ] as const)('refuses %s (BAD_USER_INPUT on %s)', (_label, change, field) => {
    expect(() => validateCustodyEvent({ ...valid, ...change } as CustodyEventInput, NOW)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    );
  });
});
