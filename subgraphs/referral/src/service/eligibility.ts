/**
 * Eligibility at submission (DOMAIN.md): pure, so every rule has a table-driven test. Returns the
 * first rule broken, or null. Malformed input (bad dates, unknown establishment, a type that does
 * not match) is BAD_USER_INPUT and is checked by `validateSubmission`, before eligibility.
 */
import { ageOn, daysBetween } from '@reconnect/config';

export const POST_RELEASE_SOURCES = [
  'PROBATION',
  'POLICE',
  'LIAISON_AND_DIVERSION',
  'HOME_OFFICE_ENFORCEMENT',
] as const;
export const IN_CUSTODY_ONLY_SOURCES = ['SELF', 'FAMILY_OR_FRIEND'] as const;
export const POST_RELEASE_REFERRAL_DAYS = 28;

export interface EligibilityFacts {
  source: string;
  dateOfBirth: string;
  expectedReleaseDate: string | null;
  releasedOn: string | null;
  identifiedNeedCount: number;
}

export type IneligibleReason = 'UNDER_18' | 'NO_IDENTIFIED_HEALTH_NEED' | 'OUTSIDE_REFERRAL_WINDOW';

export interface Ineligibility {
  reason: IneligibleReason;
  message: string;
}

export function checkEligibility(facts: EligibilityFacts, today: string): Ineligibility | null {
  if (facts.identifiedNeedCount === 0) {
    return {
      reason: 'NO_IDENTIFIED_HEALTH_NEED',
      message: 'RECONNECT supports people with an identified health need: name at least one.',
    };
  }
  if (facts.releasedOn) {
    if (!(POST_RELEASE_SOURCES as readonly string[]).includes(facts.source)) {
      return {
        reason: 'OUTSIDE_REFERRAL_WINDOW',
        message:
          'After release, only probation, police, liaison and diversion or Home Office enforcement may refer.',
      };
    }
    if (daysBetween(facts.releasedOn, today) > POST_RELEASE_REFERRAL_DAYS) {
      return {
        reason: 'OUTSIDE_REFERRAL_WINDOW',
        message: `Referrals after release must be made within ${POST_RELEASE_REFERRAL_DAYS} days of release.`,
      };
    }
  } else if (!facts.expectedReleaseDate) {
    return {
      reason: 'OUTSIDE_REFERRAL_WINDOW',
      message: 'A referral needs an expected release date (in custody) or a release date (after release).',
    };
  } else if (facts.expectedReleaseDate < today) {
    return {
      reason: 'OUTSIDE_REFERRAL_WINDOW',
      message: 'The expected release date is in the past: give the release date instead.',
    };
  }
  const releaseDate = (facts.releasedOn ?? facts.expectedReleaseDate)!;
  if (ageOn(facts.dateOfBirth, releaseDate) < 18) {
    return {
      reason: 'UNDER_18',
      message: 'RECONNECT supports people aged 18 or over on their release date.',
    };
  }
  return null;
}

export interface SubmissionShape {
  source: string;
  custodyType: string;
  expectedReleaseDate: string | null;
  releasedOn: string | null;
  dateOfBirth: string;
}

/** Input errors, with the input path, before eligibility: `{ field, message }` or null. */
export function validateSubmission(
  shape: SubmissionShape,
  today: string,
): { field: string; message: string } | null {
  if (shape.expectedReleaseDate && shape.releasedOn) {
    return {
      field: 'input.custody.releasedOn',
      message:
        'Give expectedReleaseDate while the person is in custody, or releasedOn after release, not both.',
    };
  }
  if (shape.releasedOn && shape.releasedOn > today) {
    return { field: 'input.custody.releasedOn', message: 'releasedOn may not be in the future.' };
  }
  if (shape.dateOfBirth > today) {
    return { field: 'input.person.dateOfBirth', message: 'dateOfBirth may not be in the future.' };
  }
  if ((IN_CUSTODY_ONLY_SOURCES as readonly string[]).includes(shape.source) && shape.releasedOn) {
    return null; // an eligibility matter (OUTSIDE_REFERRAL_WINDOW), not malformed input
  }
  return null;
}
