/** Per-request loaders: one query per kind of lookup per tick, whatever the number of people. */
import DataLoader from 'dataloader';
import { asc, desc, inArray, or } from 'drizzle-orm';
import type { AuditRecorder } from '@reconnect/audit';
import { isUuid } from '@reconnect/access';
import type { Db } from '@reconnect/db';
import { byKey, groupBy } from '@reconnect/graph';
import {
  healthNeeds,
  identityConflicts,
  people,
  riskAssessments,
  submissions,
  type HealthNeedRow,
  type IdentityConflictRow,
  type PersonRow,
  type RiskAssessmentRow,
  type SubmissionRow,
} from './db/schema.ts';

export function createLoaders(ctx: { db: Db }) {
  const { db } = ctx;
  return {
    personById: new DataLoader<string, PersonRow | null>(async (ids) => {
      // Not a uuid: no such person (and no SQL error from a uuid cast).
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await db.select().from(people).where(inArray(people.id, valid)) : [];
      return byKey(
        ids.map((id) => id.toLowerCase()),
        rows,
        (r) => r.id,
      );
    }),
    healthNeedsByPerson: new DataLoader<string, HealthNeedRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(healthNeeds)
        .where(inArray(healthNeeds.personId, [...ids]))
        .orderBy(desc(healthNeeds.recordedAt), asc(healthNeeds.id));
      return groupBy(ids, rows, (r) => r.personId);
    }),
    /** Newest assessment first: the first is the person's current risk of serious harm. */
    riskAssessmentsByPerson: new DataLoader<string, RiskAssessmentRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(riskAssessments)
        .where(inArray(riskAssessments.personId, [...ids]))
        .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.recordedAt), asc(riskAssessments.id));
      return groupBy(ids, rows, (r) => r.personId);
    }),
    /** Conflicts on either side of each person, newest first. */
    conflictsByPerson: new DataLoader<string, IdentityConflictRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(identityConflicts)
        .where(
          or(
            inArray(identityConflicts.personId, [...ids]),
            inArray(identityConflicts.otherPersonId, [...ids]),
          ),
        )
        .orderBy(desc(identityConflicts.recordedAt), asc(identityConflicts.id));
      return ids.map((id) => rows.filter((r) => r.personId === id || r.otherPersonId === id));
    }),
    conflictById: new DataLoader<string, IdentityConflictRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(identityConflicts)
        .where(inArray(identityConflicts.id, [...ids]));
      return byKey(ids, rows, (r) => r.id);
    }),
    /** The audit recorder of information governance's reads (service/conflicts.ts), made when first used. */
    /** What was submitted with each referral (service/submitted.ts), newest first per referral. */
    submissionsByReferral: new DataLoader<string, SubmissionRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length
        ? await db
            .select()
            .from(submissions)
            .where(inArray(submissions.referralId, valid))
            .orderBy(desc(submissions.recordedAt))
        : [];
      return ids.map((id) => rows.find((r) => r.referralId === id) ?? null);
    }),
    governanceAudit: undefined as AuditRecorder | undefined,
    /**
     * People this request resolved through `resolvePersonIdentity`: the caller may read their `id`
     * in the answer (the referral it is submitting needs it) before any grant exists.
     */
    resolvedInThisRequest: new Set<string>(),
    /** The audit event of each person read in this request: one per person per request. */
    personReads: new Map<string, Promise<void>>(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
