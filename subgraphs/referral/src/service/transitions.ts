/**
 * The referral's life (DOMAIN.md, "The referral's life") as data: which operation is allowed in
 * which status and where it leads. Anything not in the table is INVALID_TRANSITION.
 */
import type { ReferralStatus } from '../db/schema.ts';

export type Operation =
  | 'RECORD_CONSENT'
  | 'ACCEPT'
  | 'DECLINE'
  | 'WITHDRAW'
  | 'ASSIGN_WORKER'
  | 'ASSIGN_PEER_SUPPORT'
  | 'RECORD_CONTACT'
  | 'UPDATE_EXPECTED_RELEASE_DATE'
  | 'RECORD_RELEASE'
  | 'RECORD_RETURN_TO_CUSTODY'
  | 'RECORD_TRANSFER'
  | 'RECORD_TEMPORARY_LICENCE'
  | 'RECORD_RELEASED_ON'
  | 'SET_EXPECTED_RELEASE_DATE'
  | 'RECORD_ENGAGEMENT'
  | 'EXTEND_SUPPORT'
  | 'DISCHARGE'
  | 'ADD_NOTE'
  | 'BOOK_APPOINTMENT'
  | 'RECORD_APPOINTMENT_OUTCOME';

type Target = ReferralStatus | 'SAME' | 'PRE_OR_POST_RELEASE';

export const TRANSITIONS: Record<Operation, Partial<Record<ReferralStatus, Target>>> = {
  RECORD_CONSENT: { SUBMITTED: 'SAME' },
  ACCEPT: { SUBMITTED: 'PRE_OR_POST_RELEASE' },
  DECLINE: { SUBMITTED: 'DECLINED' },
  WITHDRAW: { SUBMITTED: 'WITHDRAWN' },
  // Every accepted referral gets a named worker; peer support is offered where appropriate.
  ASSIGN_WORKER: { PRE_RELEASE: 'SAME', POST_RELEASE: 'SAME' },
  ASSIGN_PEER_SUPPORT: { PRE_RELEASE: 'SAME', POST_RELEASE: 'SAME' },
  // The assessment of appropriateness is itself a contact, so contacts start at submission.
  RECORD_CONTACT: { SUBMITTED: 'SAME', PRE_RELEASE: 'SAME', POST_RELEASE: 'SAME' },
  UPDATE_EXPECTED_RELEASE_DATE: { PRE_RELEASE: 'SAME' },
  RECORD_RELEASE: { PRE_RELEASE: 'POST_RELEASE' },
  RECORD_RETURN_TO_CUSTODY: { POST_RELEASE: 'PRE_RELEASE' },
  // DOMAIN.md "Custody changes": while the person is held, before or after acceptance.
  RECORD_TRANSFER: { SUBMITTED: 'SAME', PRE_RELEASE: 'SAME' },
  RECORD_TEMPORARY_LICENCE: { SUBMITTED: 'SAME', PRE_RELEASE: 'SAME' },
  // HMPPS custody events only (DOMAIN.md, "Custody events from HMPPS"): a release reported before
  // acceptance (accepting then gives POST_RELEASE), and release dates kept true from SUBMITTED on.
  RECORD_RELEASED_ON: { SUBMITTED: 'SAME' },
  SET_EXPECTED_RELEASE_DATE: { SUBMITTED: 'SAME', PRE_RELEASE: 'SAME' },
  RECORD_ENGAGEMENT: { PRE_RELEASE: 'SAME', POST_RELEASE: 'SAME' },
  EXTEND_SUPPORT: { POST_RELEASE: 'SAME' },
  DISCHARGE: { PRE_RELEASE: 'DISCHARGED', POST_RELEASE: 'DISCHARGED' },
  // Casework (DOMAIN.md, "Casework"): notes while the referral is open; a closed one is final.
  ADD_NOTE: { SUBMITTED: 'SAME', PRE_RELEASE: 'SAME', POST_RELEASE: 'SAME' },
  // A RECONNECT appointment from submission (the assessment); a community one once accepted (the
  // booking checks that, as engagements start then).
  BOOK_APPOINTMENT: { SUBMITTED: 'SAME', PRE_RELEASE: 'SAME', POST_RELEASE: 'SAME' },
  RECORD_APPOINTMENT_OUTCOME: { SUBMITTED: 'SAME', PRE_RELEASE: 'SAME', POST_RELEASE: 'SAME' },
};

/** The operations only an HMPPS custody event performs (no staff mutation, no action). */
export const CUSTODY_EVENT_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>([
  'RECORD_RELEASED_ON',
  'SET_EXPECTED_RELEASE_DATE',
]);

/** What the receiving service of a REQUESTED or ACCEPTED handover may do to the referral itself. */
export const RECEIVING_SERVICE_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>([
  'ADD_NOTE',
  'BOOK_APPOINTMENT',
  'RECORD_APPOINTMENT_OUTCOME',
]);

export function isAllowed(operation: Operation, status: ReferralStatus): boolean {
  return TRANSITIONS[operation][status] !== undefined;
}

/** The status after `operation`, or null when the operation is not allowed now. */
export function nextStatus(
  operation: Operation,
  status: ReferralStatus,
  facts: { released: boolean },
): ReferralStatus | null {
  const target = TRANSITIONS[operation][status];
  if (target === undefined) return null;
  if (target === 'SAME') return status;
  if (target === 'PRE_OR_POST_RELEASE') return facts.released ? 'POST_RELEASE' : 'PRE_RELEASE';
  return target;
}
