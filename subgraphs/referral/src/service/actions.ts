/**
 * `Referral.availableActions`: what this caller may do to this referral now (pure). Combines the
 * transition table with the caller's relationship and role: a referrer may only withdraw its own
 * SUBMITTED referral; a partner, and a sending service whose access is read-only, may do nothing.
 */
import type { ReferralStatus } from '../db/schema.ts';
import type { ReferralAction } from '../generated/graphql.ts';
import { RECEIVING_SERVICE_OPERATIONS, isAllowed, type Operation } from './transitions.ts';

export interface ActionCaller {
  /** Staff of the owning service, or of the receiving service during a handover. */
  actsForService: boolean;
  /**
   * Staff of the receiving service of an open handover and not the owning one: it plans (notes,
   * appointments) and changes nothing else (contract/next/casework.md, "Who acts on a referral").
   */
  receivingOnly?: boolean;
  isLead: boolean;
  isReferrerOfReferral: boolean;
}

export interface ActionFacts {
  status: ReferralStatus;
  consentDecision: string | null;
  /** Whether a handover is REQUESTED or ACCEPTED now (the handover domain answers). */
  openHandover?: boolean;
  /** Whether the referral is eligible for Enhanced RECONNECT (the partner domain answers). */
  enhancedEligible?: boolean;
}

/**
 * The transitions offered as actions, in the order a screen shows them: each is both an Operation
 * of the transition table and a ReferralAction of the API (ASSIGN_PEER_SUPPORT is offered with
 * ASSIGN_WORKER, so it is no action of its own).
 */
const ACTION_OPERATIONS = [
  'RECORD_CONSENT',
  'ACCEPT',
  'DECLINE',
  'WITHDRAW',
  'ASSIGN_WORKER',
  'RECORD_CONTACT',
  'UPDATE_EXPECTED_RELEASE_DATE',
  'RECORD_RELEASE',
  'RECORD_RETURN_TO_CUSTODY',
  'RECORD_TRANSFER',
  'RECORD_TEMPORARY_LICENCE',
  'RECORD_ENGAGEMENT',
  'EXTEND_SUPPORT',
  'DISCHARGE',
  'ADD_NOTE',
  'BOOK_APPOINTMENT',
] as const satisfies readonly (Operation & ReferralAction)[];

export function availableActions(facts: ActionFacts, caller: ActionCaller): ReferralAction[] {
  if (!caller.actsForService) {
    return caller.isReferrerOfReferral && isAllowed('WITHDRAW', facts.status) ? ['WITHDRAW'] : [];
  }
  const actions: ReferralAction[] = [];
  for (const operation of ACTION_OPERATIONS) {
    if (caller.receivingOnly && !RECEIVING_SERVICE_OPERATIONS.has(operation)) continue;
    // RECORD_APPOINTMENT_OUTCOME goes with BOOK_APPOINTMENT (an action on an appointment, not the referral).
    if (!isAllowed(operation, facts.status)) continue;
    if (operation === 'ACCEPT' && facts.consentDecision !== 'GIVEN') continue;
    if (operation === 'EXTEND_SUPPORT' && !caller.isLead) continue;
    actions.push(operation);
  }
  if (caller.receivingOnly) return actions;
  if ((facts.status === 'PRE_RELEASE' || facts.status === 'POST_RELEASE') && facts.openHandover === false) {
    actions.push('REQUEST_HANDOVER');
  }
  if (facts.enhancedEligible) actions.push('ENROL_ENHANCED');
  return actions;
}
