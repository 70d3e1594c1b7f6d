/** The event types agencies may subscribe to (DOMAIN.md, "Events to other agencies"), and no others. */
export const REFERRAL_EVENT_TYPES = [
  'referral.submitted',
  'referral.accepted',
  'referral.declined',
  'referral.withdrawn',
  'referral.released',
  'referral.returned-to-custody',
  'referral.discharged',
  'referral.support-extended',
  'referral.transferred',
] as const;

export const HANDOVER_EVENT_TYPES = [
  'handover.requested',
  'handover.accepted',
  'handover.declined',
  'handover.cancelled',
  'handover.completed',
] as const;

export const EVENT_TYPES = [...REFERRAL_EVENT_TYPES, ...HANDOVER_EVENT_TYPES] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/** What a receiver gets: identifiers and a query to read the rest through the gateway. */
export interface EventBody {
  id: string;
  type: EventType;
  occurredAt: string;
  referralId: string;
  reference: string;
  handoverId?: string;
  detail: string;
}

export function isReferralEventType(value: string): value is (typeof REFERRAL_EVENT_TYPES)[number] {
  return (REFERRAL_EVENT_TYPES as readonly string[]).includes(value);
}
