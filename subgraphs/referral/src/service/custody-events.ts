/**
 * HMPPS custody events (DOMAIN.md, "Custody events from HMPPS") as pure rules: the input checks of
 * an event, and the table of what an event does to the person's open referral, as one decision
 * (event x referral state -> a change, or an outcome without one). The write (apply-custody-event.ts)
 * applies each change through the staff operation's own write path.
 */
import { badInput, establishmentCodeAt, prisonNumberAt } from '@reconnect/graph';
import type { ReferralStatus } from '../db/schema.ts';
import type { CustodyEventInput, CustodyEventOutcome, CustodyEventType } from '../generated/graphql.ts';

export const MAX_MESSAGE_ID_LENGTH = 200;
export const MAX_REASON_CODE_LENGTH = 100;
/** How far ahead of the hub's clock an event may say it occurred (the publishers' clocks drift). */
export const OCCURRED_AT_SKEW_MS = 5 * 60 * 1000;

/** The event, checked and normalised: prison numbers and codes upper-cased, blanks made null. */
export interface CustodyEvent {
  messageId: string;
  type: CustodyEventType;
  reason: string | null;
  occurredAt: Date;
  prisonNumber: string;
  removedPrisonNumber: string | null;
  establishmentCode: string | null;
  expectedReleaseDate: string | null;
}

const blankToNull = (raw: string | null | undefined) => {
  const value = raw?.trim();
  return value ? value : null;
};

/** BAD_USER_INPUT, with the input path under `event`, for an event that can never apply. */
export function validateCustodyEvent(input: CustodyEventInput, now: Date): CustodyEvent {
  const messageId = input.messageId.trim();
  if (messageId.length === 0 || messageId.length > MAX_MESSAGE_ID_LENGTH)
    throw badInput('event.messageId', `A message id is 1 to ${MAX_MESSAGE_ID_LENGTH} characters.`);
  const reason = blankToNull(input.reason)?.toUpperCase() ?? null;
  if (reason && reason.length > MAX_REASON_CODE_LENGTH)
    throw badInput('event.reason', `A reason is at most ${MAX_REASON_CODE_LENGTH} characters.`);
  if (input.occurredAt.getTime() > now.getTime() + OCCURRED_AT_SKEW_MS)
    throw badInput('event.occurredAt', 'An event may not have occurred in the future.');
  const prisonNumber = prisonNumberAt(input.prisonNumber, 'event.prisonNumber');
  const removedRaw = blankToNull(input.removedPrisonNumber);
  const removedPrisonNumber = removedRaw ? prisonNumberAt(removedRaw, 'event.removedPrisonNumber') : null;
  if (input.type === 'MERGED') {
    if (!removedPrisonNumber)
      throw badInput('event.removedPrisonNumber', 'A MERGED event names the removed prison number.');
    if (removedPrisonNumber === prisonNumber)
      throw badInput('event.removedPrisonNumber', 'The removed prison number must differ from the kept one.');
  } else if (removedPrisonNumber) {
    throw badInput('event.removedPrisonNumber', 'Only a MERGED event names a removed prison number.');
  }
  const establishmentRaw = blankToNull(input.establishmentCode);
  const establishmentCode = establishmentRaw
    ? establishmentCodeAt(establishmentRaw, 'event.establishmentCode')
    : null;
  const expectedReleaseDate = input.expectedReleaseDate ?? null;
  if (input.type === 'RELEASE_DATE_CHANGED' && !expectedReleaseDate)
    throw badInput(
      'event.expectedReleaseDate',
      'A RELEASE_DATE_CHANGED event carries the expected release date.',
    );
  if (input.type !== 'RELEASE_DATE_CHANGED' && expectedReleaseDate)
    throw badInput('event.expectedReleaseDate', 'Only a RELEASE_DATE_CHANGED event carries a release date.');
  return {
    messageId,
    type: input.type,
    reason,
    occurredAt: input.occurredAt,
    prisonNumber,
    removedPrisonNumber,
    establishmentCode,
    expectedReleaseDate,
  };
}

/** The change an event makes, each one a staff operation's write path. */
export type CustodyChange =
  | 'RECORD_RELEASE'
  | 'RECORD_RELEASED_ON'
  | 'START_TEMPORARY_LICENCE'
  | 'END_TEMPORARY_LICENCE'
  | 'RECORD_RETURN_TO_CUSTODY'
  | 'RECORD_TRANSFER'
  | 'UPDATE_EXPECTED_RELEASE_DATE'
  | 'MERGE_PRISON_NUMBERS';

export type CustodyDecision =
  | { change: CustodyChange; outcome: CustodyEventOutcome }
  /** Nothing changes; `why` is the history note when there is an open referral to note it on. */
  | { change: null; outcome: 'IGNORED'; why: string };

/** The open referral of the person the event is about, as the decision needs it; null for none. */
export interface OpenReferralFacts {
  status: ReferralStatus;
  onTemporaryLicence: boolean;
}

const IN_CUSTODY: readonly ReferralStatus[] = ['SUBMITTED', 'PRE_RELEASE'];

/** The event as history notes name it: its type and reason, never the person. */
export const describeCustodyEvent = (event: Pick<CustodyEvent, 'type' | 'reason'>) =>
  `${event.type}${event.reason ? ` (${event.reason})` : ''}`;

const change = (c: CustodyChange, outcome: CustodyEventOutcome): CustodyDecision => ({ change: c, outcome });
const ignore = (why: string): CustodyDecision => ({ change: null, outcome: 'IGNORED', why });

/**
 * DOMAIN.md's table, row by row. MERGED concerns the person records (whoever holds either number),
 * so it is decided without a referral; every other event needs the person's open referral.
 */
export function decideCustodyEvent(
  event: Pick<CustodyEvent, 'type' | 'reason'>,
  referral: OpenReferralFacts | null,
): CustodyDecision {
  if (event.type === 'MERGED') return change('MERGE_PRISON_NUMBERS', 'PRISON_NUMBER_MERGED');
  if (!referral) return ignore('Nobody with an open referral has this prison number.');
  const { status } = referral;
  const held = IN_CUSTODY.includes(status);
  switch (event.type) {
    case 'RELEASED':
      if (event.reason === 'RELEASED') {
        if (status === 'PRE_RELEASE') return change('RECORD_RELEASE', 'RELEASE_RECORDED');
        if (status === 'SUBMITTED') return change('RECORD_RELEASED_ON', 'RELEASE_RECORDED');
      }
      if (event.reason === 'TEMPORARY_ABSENCE_RELEASE' && held)
        return change('START_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_STARTED');
      break;
    case 'RECEIVED':
      if (event.reason === 'TEMPORARY_ABSENCE_RETURN' && held && referral.onTemporaryLicence)
        return change('END_TEMPORARY_LICENCE', 'TEMPORARY_LICENCE_ENDED');
      if (event.reason === 'ADMISSION' && status === 'POST_RELEASE')
        return change('RECORD_RETURN_TO_CUSTODY', 'RETURN_TO_CUSTODY_RECORDED');
      if (event.reason === 'TRANSFERRED' && held) return change('RECORD_TRANSFER', 'TRANSFER_RECORDED');
      break;
    case 'RELEASE_DATE_CHANGED':
      if (held) return change('UPDATE_EXPECTED_RELEASE_DATE', 'RELEASE_DATE_UPDATED');
      break;
  }
  return ignore(
    `HMPPS reported ${describeCustodyEvent(event)} on a ${status} referral: nothing applied (staff decide).`,
  );
}
