/**
 * Writing a person's health needs and risk assessments: RECONNECT staff of the owning or receiving
 * service only (AUTH.md: "healthNeeds / riskOfSeriousHarm: read, write" for own STAFF/LEAD). The
 * permission is asserted here, after loading and before writing, whatever the shield rules said.
 * Each write and its audit event share one transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { isServiceStaff } from '@reconnect/auth';
import type { Db, Queryable } from '@reconnect/db';
import { badInput, forbidden, notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import {
  HEALTH_NEED_CATEGORIES,
  RISK_GROUPS,
  RISK_LEVELS,
  healthNeeds,
  people,
  riskAssessments,
  type PersonRow,
} from '../db/schema.ts';
import type {
  HealthNeedInput,
  MutationRecordHealthNeedArgs,
  MutationRecordRiskAssessmentArgs,
  MutationResolveHealthNeedArgs,
  RiskAssessmentInput,
} from '../generated/graphql.ts';
import { validatePastDate } from './identifiers.ts';

export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_SOURCE_LENGTH = 200;

/**
 * The caller may change this person's clinical record: service staff whose service owns or
 * receives one of the person's referrals. A person the caller cannot see at all is NOT_FOUND (its
 * existence is not revealed); one the caller sees only as the sending service, or in another role,
 * is FORBIDDEN.
 */
export async function assertMayWriteClinical(ctx: Context, personId: string): Promise<PersonRow> {
  if (!isServiceStaff(ctx.principal))
    throw forbidden('Only RECONNECT staff may change health needs and risk.');
  if (!isUuid(personId)) throw notFound('Person');
  const [person, grants] = await Promise.all([
    ctx.loaders.personById.load(personId),
    ctx.access.personGrants(personId),
  ]);
  if (!person || grants.length === 0) throw notFound('Person');
  if (!grants.some((g) => g.relationship === 'OWNING_SERVICE' || g.relationship === 'RECEIVING_SERVICE')) {
    throw forbidden('Only the owning or receiving service may change health needs and risk.');
  }
  return person;
}

export function validateDescription(value: string, field: string): string {
  const text = value.trim();
  if (text.length === 0) throw badInput(field, 'A description is required.');
  if (text.length > MAX_DESCRIPTION_LENGTH)
    throw badInput(field, `A description may be at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  return text;
}

export function validateHealthNeed(input: HealthNeedInput, path: string): HealthNeedInput {
  if (!HEALTH_NEED_CATEGORIES.includes(input.category))
    throw badInput(`${path}.category`, 'Unknown health need category.');
  return {
    category: input.category,
    description: validateDescription(input.description, `${path}.description`),
  };
}

export function validateRiskAssessment(
  input: RiskAssessmentInput,
  path: string,
  today: string,
): RiskAssessmentInput {
  if (!RISK_LEVELS.includes(input.level)) throw badInput(`${path}.level`, 'Unknown risk level.');
  const riskTo = [...new Set(input.riskTo)];
  if (riskTo.length === 0)
    throw badInput(`${path}.riskTo`, 'Name at least one group the person is a risk to.');
  if (riskTo.some((g) => !RISK_GROUPS.includes(g))) throw badInput(`${path}.riskTo`, 'Unknown risk group.');
  const summary = input.summary?.trim() ? input.summary.trim() : null;
  if (summary && summary.length > MAX_DESCRIPTION_LENGTH) {
    throw badInput(`${path}.summary`, `A summary may be at most ${MAX_DESCRIPTION_LENGTH} characters.`);
  }
  const source = input.source.trim();
  if (source.length === 0) throw badInput(`${path}.source`, 'Say who made the assessment.');
  if (source.length > MAX_SOURCE_LENGTH)
    throw badInput(`${path}.source`, `A source may be at most ${MAX_SOURCE_LENGTH} characters.`);
  return {
    level: input.level,
    riskTo,
    summary,
    assessedOn: validatePastDate(input.assessedOn, `${path}.assessedOn`, today, 'The assessment date'),
    source,
  };
}

/** A change to the person's record: bumps its version, so readers can tell it changed. */
async function touch(tx: Queryable, personId: string, at: Date): Promise<void> {
  await tx
    .update(people)
    .set({ updatedAt: at, version: sql`${people.version} + 1` })
    .where(eq(people.id, personId));
}

export async function recordHealthNeed(ctx: Context, args: MutationRecordHealthNeedArgs): Promise<PersonRow> {
  const input = validateHealthNeed(args.input, 'input');
  const person = await assertMayWriteClinical(ctx, args.personId);
  const actor = auditActor(ctx, ctx.clock.now());
  await (ctx.db as Db).transaction(async (tx) => {
    await tx.insert(healthNeeds).values({
      personId: person.id,
      category: input.category,
      description: input.description,
      active: true,
      recordedAt: actor.at,
      recordedBy: ctx.principal.subject,
    });
    await touch(tx, person.id, actor.at);
    await recordAuditEvents(tx, actor, [
      {
        action: 'person.health-need-recorded',
        subjectType: 'Person',
        subjectId: person.id,
        personId: person.id,
        fields: ['healthNeeds'],
      },
    ]);
  });
  forget(ctx, person.id);
  return person;
}

/** Marks an active need resolved. Resolving a need that is already resolved changes nothing. */
export async function resolveHealthNeed(
  ctx: Context,
  args: MutationResolveHealthNeedArgs,
): Promise<PersonRow> {
  const { healthNeedId } = args;
  const person = await assertMayWriteClinical(ctx, args.personId);
  if (!isUuid(healthNeedId)) throw notFound('Health need');
  const actor = auditActor(ctx, ctx.clock.now());
  await (ctx.db as Db).transaction(async (tx) => {
    const [need] = await tx
      .select({ id: healthNeeds.id, active: healthNeeds.active })
      .from(healthNeeds)
      .where(and(eq(healthNeeds.id, healthNeedId), eq(healthNeeds.personId, person.id)))
      .for('update');
    if (!need) throw notFound('Health need');
    if (!need.active) return;
    await tx
      .update(healthNeeds)
      .set({ active: false, resolvedAt: actor.at })
      .where(eq(healthNeeds.id, need.id));
    await touch(tx, person.id, actor.at);
    await recordAuditEvents(tx, actor, [
      {
        action: 'person.health-need-resolved',
        subjectType: 'Person',
        subjectId: person.id,
        personId: person.id,
        fields: ['healthNeeds'],
      },
    ]);
  });
  forget(ctx, person.id);
  return person;
}

export async function recordRiskAssessment(
  ctx: Context,
  args: MutationRecordRiskAssessmentArgs,
): Promise<PersonRow> {
  const input = validateRiskAssessment(args.input, 'input', ctx.clock.today());
  const person = await assertMayWriteClinical(ctx, args.personId);
  const actor = auditActor(ctx, ctx.clock.now());
  await (ctx.db as Db).transaction(async (tx) => {
    await tx.insert(riskAssessments).values({
      personId: person.id,
      level: input.level,
      riskTo: input.riskTo,
      summary: input.summary ?? null,
      assessedOn: input.assessedOn,
      source: input.source,
      recordedAt: actor.at,
      recordedBy: ctx.principal.subject,
    });
    await touch(tx, person.id, actor.at);
    await recordAuditEvents(tx, actor, [
      {
        action: 'person.risk-assessment-recorded',
        subjectType: 'Person',
        subjectId: person.id,
        personId: person.id,
        fields: ['riskAssessments', 'riskOfSeriousHarm'],
      },
    ]);
  });
  forget(ctx, person.id);
  return person;
}

/** The payload reads the person again: drop what this request loaded before the write. */
function forget(ctx: Context, personId: string): void {
  ctx.loaders.personById.clear(personId);
  ctx.loaders.healthNeedsByPerson.clear(personId);
  ctx.loaders.riskAssessmentsByPerson.clear(personId);
}
