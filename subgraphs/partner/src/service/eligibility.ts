/**
 * Enhanced RECONNECT eligibility (DOMAIN.md "Enhanced RECONNECT"), pure so that the referral's
 * `availableActions` could ask the same question. Each refusal carries a DeclineReason:
 * - a referral not open (DECLINED, WITHDRAWN, DISCHARGED): OUTSIDE_REFERRAL_WINDOW;
 * - a referral not yet accepted (SUBMITTED): OTHER;
 * - an owning service outside the pilot (flag off, or region not in the pilot): OTHER;
 * - latest risk of serious harm missing, LOW or MEDIUM: OTHER;
 * - no active health need: NO_IDENTIFIED_HEALTH_NEED; active needs in one category only: OTHER.
 * The message says which rule failed.
 */
export const PILOT_REGIONS = ['NORTH_EAST_AND_YORKSHIRE', 'NORTH_WEST', 'SOUTH_WEST'] as const;

export interface EligibilityFacts {
  referralStatus: string;
  service: { region: string; enhancedReconnect: boolean };
  /** The latest risk of serious harm level, if any. */
  riskLevel: string | null;
  /** Categories of the person's active health needs. */
  activeNeedCategories: string[];
}

export interface Refusal {
  reason: 'OUTSIDE_REFERRAL_WINDOW' | 'NO_IDENTIFIED_HEALTH_NEED' | 'OTHER';
  message: string;
}

export function enhancedEligibilityRefusal(facts: EligibilityFacts): Refusal | null {
  if (facts.referralStatus === 'SUBMITTED') {
    return { reason: 'OTHER', message: 'The referral must be accepted (PRE_RELEASE or POST_RELEASE) first.' };
  }
  if (facts.referralStatus !== 'PRE_RELEASE' && facts.referralStatus !== 'POST_RELEASE') {
    return {
      reason: 'OUTSIDE_REFERRAL_WINDOW',
      message: `A ${facts.referralStatus} referral is closed: only an open referral can be enrolled.`,
    };
  }
  if (
    !facts.service.enhancedReconnect ||
    !(PILOT_REGIONS as readonly string[]).includes(facts.service.region)
  ) {
    return { reason: 'OTHER', message: 'The owning service does not run the Enhanced RECONNECT pilot.' };
  }
  if (facts.riskLevel !== 'HIGH' && facts.riskLevel !== 'VERY_HIGH') {
    return {
      reason: 'OTHER',
      message: 'The latest risk of serious harm assessment must be HIGH or VERY_HIGH.',
    };
  }
  const categories = new Set(facts.activeNeedCategories);
  if (categories.size === 0) {
    return { reason: 'NO_IDENTIFIED_HEALTH_NEED', message: 'The person has no active health need.' };
  }
  if (categories.size < 2) {
    return {
      reason: 'OTHER',
      message: 'Enhanced RECONNECT needs active health needs in at least two categories.',
    };
  }
  return null;
}
