/**
 * The support window (DOMAIN.md, "Support, contacts and engagement"): support may start 12 weeks
 * before the (expected) release date, or on the day of referral if later, and ends six calendar
 * months after release, or later if extended. An open referral past its end is discharge-overdue.
 * Release on temporary licence is not a release.
 */
import { addDays, addMonths, laterOf } from '@reconnect/config';

export const PRE_RELEASE_WEEKS = 12;
export const SUPPORT_MONTHS_AFTER_RELEASE = 6;
export const OPEN_STATUSES = ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'] as const;

export interface WindowFacts {
  status: string;
  /** The Europe/London date the referral was submitted. */
  referredOn: string;
  expectedReleaseDate: string | null;
  releasedOn: string | null;
  extendedUntil: string | null;
  extensionReason?: string | null;
}

export interface SupportWindow {
  startsOn: string;
  endsOn: string | null;
  extendedUntil: string | null;
  extensionReason: string | null;
  dischargeOverdue: boolean;
}

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function supportWindow(facts: WindowFacts, today: string): SupportWindow {
  const release = facts.releasedOn ?? facts.expectedReleaseDate;
  const startsOn = release
    ? laterOf(facts.referredOn, addDays(release, -7 * PRE_RELEASE_WEEKS))
    : facts.referredOn;
  const endsOn = facts.releasedOn ? addMonths(facts.releasedOn, SUPPORT_MONTHS_AFTER_RELEASE) : null;
  const end = facts.extendedUntil ?? endsOn;
  return {
    startsOn,
    endsOn,
    extendedUntil: facts.extendedUntil,
    extensionReason: facts.extensionReason ?? null,
    dischargeOverdue: isOpen(facts.status) && end !== null && today > end,
  };
}
