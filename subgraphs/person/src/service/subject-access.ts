/**
 * Subject access reports (UK GDPR Article 15; DOMAIN.md "Subject access and retention"; AUTH.md
 * next/governance.md): for information governance (RECONNECT_ADMIN, by the shield), one JSON
 * document of everything the hub holds about one person. The person subgraph, the identity
 * authority, assembles it: its own part (identity, identifiers, health needs, risk assessments,
 * identity conflicts, the access log) and the parts the referral and partner subgraphs hold, each
 * asked for through its internal `@inaccessible` operation with `hubFor(ctx)`, so each owner reads
 * its own schema and its shield decides (internal caller `person`, role RECONNECT_ADMIN).
 *
 * Security: this is the one place where an admin reads a person's whole record, so producing a
 * report is an audit event of its own (action `person.subject-access-report`, the reason as its
 * purpose), written before the document is returned: a report whose audit fails is not given.
 * The reason is stored in the audit trail, which holds no personal data: state a request
 * reference, not the requester's details (docs/API.md says so).
 */
import { asc, eq, or } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import { auditActor, auditEvents, recordAuditEvents } from '@reconnect/audit';
import type { Queryable } from '@reconnect/db';
import { notFound, requiredText } from '@reconnect/graph';
import { hubFor } from '@reconnect/hub-client';
import type { Context } from '../context.ts';
import { healthNeeds, identityConflicts, people, riskAssessments, submissions } from '../db/schema.ts';
import type { QuerySubjectAccessReportArgs } from '../generated/graphql.ts';

export const MAX_REASON = 2000;
export const SUBJECT_ACCESS_ACTION = 'person.subject-access-report';

export interface SubjectAccessReport {
  personId: string;
  generatedAt: Date;
  reason: string;
  document: string;
}

/** The person subgraph's own part, or null when nobody has that id. */
export async function personSubjectAccessPart(db: Queryable, personId: string) {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person) return null;
  const [needs, risks, conflicts, submitted, accessLog] = await Promise.all([
    db
      .select()
      .from(healthNeeds)
      .where(eq(healthNeeds.personId, personId))
      .orderBy(asc(healthNeeds.recordedAt), asc(healthNeeds.id)),
    db
      .select()
      .from(riskAssessments)
      .where(eq(riskAssessments.personId, personId))
      .orderBy(asc(riskAssessments.assessedOn), asc(riskAssessments.id)),
    // The other record of a conflict is another person: only its id is this person's data.
    db
      .select()
      .from(identityConflicts)
      .where(or(eq(identityConflicts.personId, personId), eq(identityConflicts.otherPersonId, personId)))
      .orderBy(asc(identityConflicts.recordedAt)),
    // What each referral's submission said of the person (its submitter reads that, not the record).
    db
      .select()
      .from(submissions)
      .where(eq(submissions.personId, personId))
      .orderBy(asc(submissions.recordedAt), asc(submissions.id)),
    db.select().from(auditEvents).where(eq(auditEvents.personId, personId)).orderBy(asc(auditEvents.seq)),
  ]);
  return {
    identity: person,
    healthNeeds: needs,
    riskAssessments: risks,
    identityConflicts: conflicts,
    submissions: submitted,
    accessLog: accessLog.map(({ seq: _seq, ...event }) => event),
  };
}

const PART = (field: string) => /* GraphQL */ `query ($personId: ID!) { ${field}(personId: $personId) }`;

/** `subjectAccessReport(personId, reason)`. */
export async function subjectAccessReport(
  ctx: Context,
  args: QuerySubjectAccessReportArgs,
): Promise<SubjectAccessReport> {
  const reason = requiredText(args.reason, 'reason', 'The reason for the subject access request', MAX_REASON);
  if (!isUuid(args.personId)) throw notFound('Person');
  const own = await personSubjectAccessPart(ctx.db, args.personId);
  if (!own) throw notFound('Person');
  const hub = hubFor(ctx);
  const variables = { personId: args.personId };
  const [referral, partner] = await Promise.all([
    hub.call<{ referralSubjectAccessPart: string }>('referral', PART('referralSubjectAccessPart'), variables),
    hub.call<{ partnerSubjectAccessPart: string }>('partner', PART('partnerSubjectAccessPart'), variables),
  ]);
  const referralPart = JSON.parse(referral.referralSubjectAccessPart) as {
    referrals: unknown[];
    custodyEvents: unknown[];
  };
  const partnerPart = JSON.parse(partner.partnerSubjectAccessPart) as { enhancedCases: unknown[] };

  const generatedAt = ctx.clock.now();
  const document = {
    personId: args.personId,
    generatedAt: generatedAt.toISOString(),
    reason,
    identity: own.identity,
    healthNeeds: own.healthNeeds,
    riskAssessments: own.riskAssessments,
    identityConflicts: own.identityConflicts,
    submissions: own.submissions,
    referrals: referralPart.referrals,
    custodyEvents: referralPart.custodyEvents,
    enhancedCases: partnerPart.enhancedCases,
    accessLog: own.accessLog,
  };
  await recordAuditEvents(ctx.db, { ...auditActor(ctx, generatedAt), purpose: `subject access: ${reason}` }, [
    {
      action: SUBJECT_ACCESS_ACTION,
      subjectType: 'Person',
      subjectId: args.personId,
      personId: args.personId,
      fields: Object.keys(document).filter((k) => !['personId', 'generatedAt', 'reason'].includes(k)),
    },
  ]);
  return { personId: args.personId, generatedAt, reason, document: JSON.stringify(document, null, 2) };
}
