/**
 * A referrer reads what it submitted (contract/next/trust.md): for a caller whose only way to a
 * person is a submission of its own (a REFERRER grant) or a declined duplicate (a REFERRAL_ONLY
 * grant of the duplicate's service), `givenName`, `familyName` and `dateOfBirth` are answered from
 * what that submission said, never from the record it was linked to. So a link teaches the
 * submitter nothing it did not send: not a married name, not a corrected date of birth.
 *
 * Callers with a grant on the record itself (the owning, receiving or sending service, a partner
 * on an open enhanced case) and information governance through a conflict read the record.
 */
import { SERVICE_RELATIONSHIPS, type Grant } from '@reconnect/access';
import type { Context } from '../context.ts';
import type { PersonRow, SubmissionRow } from '../db/schema.ts';
import { isConflictPerson } from './conflicts.ts';
import { linkedPersonIds } from './people.ts';

export interface ShownIdentity {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
}

const RECORD_RELATIONSHIPS = [...SERVICE_RELATIONSHIPS, 'ER_PARTNER'] as const;

/** The caller's grants that show it a submission, on this record and (in a merge) the other one. */
export async function submissionGrantsOf(ctx: Context, person: PersonRow): Promise<Grant[]> {
  const found = await Promise.all(linkedPersonIds(person).map((id) => ctx.access.submissionGrants(id)));
  return found.flat();
}

/** True when the caller reads this person through a submission only (no grant on the record). */
async function readsSubmission(ctx: Context, person: PersonRow): Promise<boolean> {
  if (isConflictPerson(person, 'ADMIN')) return false;
  for (const id of linkedPersonIds(person))
    if (await ctx.access.hasPersonRelationship(id, ...RECORD_RELATIONSHIPS)) return false;
  return true;
}

/**
 * The newest submission among the caller's referrals of this person. A referral stored before
 * submissions were kept has none: its submitter then reads the record, as it always did.
 */
async function latestSubmission(ctx: Context, grants: Grant[]): Promise<SubmissionRow | null> {
  const ids = [...new Set(grants.flatMap((g) => (g.referralId ? [g.referralId] : [])))];
  const rows = await Promise.all(ids.map((id) => ctx.loaders.submissionsByReferral.load(id)));
  let newest: SubmissionRow | null = null;
  for (const row of rows)
    if (row && (!newest || row.recordedAt.getTime() > newest.recordedAt.getTime())) newest = row;
  return newest;
}

/** What the caller is shown of a person's names and date of birth (the field rules allowed them). */
export async function shownIdentity(ctx: Context, person: PersonRow): Promise<ShownIdentity> {
  if (await readsSubmission(ctx, person)) {
    const submission = await latestSubmission(ctx, await submissionGrantsOf(ctx, person));
    if (submission) return submission;
  }
  return person;
}
