/**
 * The shape of a submitted referral: lengths and blanks checked, codes upper-cased, in stored
 * form. Pure, so every check has a table-driven test. Identifiers are the person subgraph's to
 * check (it is the identity authority); dates and eligibility are in eligibility.ts; whether the
 * establishment and local authority exist is the directory's answer (submit.ts).
 */
import { badInput } from '@reconnect/graph';
import type { CustodyType, PersonIdentityInput, SubmitReferralInput } from '../generated/graphql.ts';

export type { SubmitReferralInput };

export interface Submission {
  source: string;
  referrer: {
    name: string;
    organisationName: string | null;
    email: string | null;
    phone: string | null;
    relationship: string | null;
  };
  /** As submitted, for the person subgraph to validate, except the home area code (upper-cased, blank = none). */
  person: PersonIdentityInput & { homeLocalAuthorityCode: string | null };
  custody: {
    type: CustodyType;
    establishmentCode: string;
    expectedReleaseDate: string | null;
    releasedOn: string | null;
    onTemporaryLicence: boolean;
  };
  needs: { category: string; description: string }[];
  /** Distinct categories in the order given (the referral's `identifiedNeeds`). */
  needCategories: string[];
  reasonForReferral: string | null;
}

export const LIMITS = {
  referrerName: 200,
  organisationName: 200,
  email: 254,
  phone: 40,
  relationship: 200,
  reasonForReferral: 4000,
  needDescription: 2000,
  needs: 20,
  establishmentCode: 20,
} as const;

/** Blank optional text is absent: forms send "" for "not known". */
function optional(value: string | null | undefined, field: string, max: number, what: string): string | null {
  const v = value?.trim() ?? '';
  if (v.length === 0) return null;
  if (v.length > max) throw badInput(field, `${what} may be at most ${max} characters.`);
  return v;
}

function required(value: string, field: string, max: number, what: string): string {
  const v = optional(value, field, max, what);
  if (v === null) throw badInput(field, `${what} is required.`);
  return v;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()\-.]*$/;

/** Checks and normalises everything but identifiers, dates and directory codes; throws BAD_USER_INPUT. */
export function normaliseSubmission(input: SubmitReferralInput): Submission {
  const name = required(
    input.referrer.name,
    'input.referrer.name',
    LIMITS.referrerName,
    "The referrer's name",
  );
  const organisationName = optional(
    input.referrer.organisationName,
    'input.referrer.organisationName',
    LIMITS.organisationName,
    "The referrer's organisation name",
  );
  const email = optional(input.referrer.email, 'input.referrer.email', LIMITS.email, 'An email address');
  if (email !== null && !EMAIL.test(email))
    throw badInput('input.referrer.email', 'An email address looks like name@example.org.');
  const phone = optional(input.referrer.phone, 'input.referrer.phone', LIMITS.phone, 'A phone number');
  if (phone !== null && !PHONE.test(phone)) {
    throw badInput(
      'input.referrer.phone',
      'A phone number is digits, with spaces, brackets, dashes or a leading +.',
    );
  }
  const relationship = optional(
    input.referrer.relationship,
    'input.referrer.relationship',
    LIMITS.relationship,
    'The relationship',
  );
  const reasonForReferral = optional(
    input.reasonForReferral,
    'input.reasonForReferral',
    LIMITS.reasonForReferral,
    'The reason for referral',
  );
  if (input.identifiedNeeds.length > LIMITS.needs) {
    throw badInput('input.identifiedNeeds', `A referral may name at most ${LIMITS.needs} needs.`);
  }
  const needs = input.identifiedNeeds.map((n, i) => ({
    category: n.category,
    description: required(
      n.description,
      `input.identifiedNeeds.${i}.description`,
      LIMITS.needDescription,
      'A description of the need',
    ),
  }));
  const establishmentCode = input.custody.establishmentCode.trim().toUpperCase();
  if (establishmentCode.length === 0 || establishmentCode.length > LIMITS.establishmentCode) {
    throw badInput('input.custody.establishmentCode', 'This is not a known prison or IRC in England.');
  }
  const homeArea = input.person.homeLocalAuthorityCode?.trim().toUpperCase() || null;
  return {
    source: input.source,
    referrer: { name, organisationName, email, phone, relationship },
    person: { ...input.person, homeLocalAuthorityCode: homeArea },
    custody: {
      type: input.custody.type,
      establishmentCode,
      expectedReleaseDate: input.custody.expectedReleaseDate ?? null,
      releasedOn: input.custody.releasedOn ?? null,
      onTemporaryLicence: input.custody.onTemporaryLicence ?? false,
    },
    needs,
    needCategories: [...new Set(needs.map((n) => n.category))],
    reasonForReferral,
  };
}

/**
 * The input paths a submission carried, for the audit event: which fields were written, never
 * their values (a need's description is health data).
 */
export function submittedFields(input: SubmitReferralInput): string[] {
  const fields: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      if (value.length > 0) fields.push(path);
      return;
    }
    if (typeof value === 'object') {
      for (const key of Object.keys(value as object).sort())
        walk((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      return;
    }
    fields.push(path);
  };
  walk(input, '');
  return fields;
}
