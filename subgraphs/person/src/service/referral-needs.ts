/**
 * A referral's identified needs become the person's active health needs (DOMAIN.md, "One person,
 * many doors"), each remembering the referral it came from, unless the person already has an
 * active need of that category. Only the referral subgraph may ask, after it has stored the
 * referral, and only for a caller whose live grant on that referral is for that person: the
 * referral, not the caller's say-so, ties the needs to the person.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { maySubmitReferrals } from '@reconnect/auth';
import { forbidden, notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { healthNeeds, identityConflicts, people, type HealthNeedRow } from '../db/schema.ts';
import type { MutationRecordReferralNeedsArgs } from '../generated/graphql.ts';
import { validateHealthNeed } from './clinical.ts';

export async function assertMayRecordReferralNeeds(
  ctx: Context,
  personId: string,
  referralId: string,
): Promise<void> {
  if (ctx.caller !== 'referral' || !maySubmitReferrals(ctx.principal)) {
    throw forbidden('Needs are recorded from a referral only when it is submitted.');
  }
  if (!isUuid(personId) || !isUuid(referralId)) throw notFound('Referral');
  const grants = await ctx.access.referralGrants(referralId);
  if (!grants.some((g) => g.personId === personId)) throw notFound('Referral');
}

export async function recordReferralNeeds(
  ctx: Context,
  args: MutationRecordReferralNeedsArgs,
): Promise<HealthNeedRow[]> {
  const { personId, referralId } = args;
  const inputPath = args.inputPath ?? 'input.identifiedNeeds';
  await assertMayRecordReferralNeeds(ctx, personId, referralId);
  const needs = args.needs.map((n, i) => validateHealthNeed(n, `${inputPath}.${i}`));
  const actor = auditActor(ctx, ctx.clock.now());
  const added = await ctx.db.transaction(async (tx) => {
    // Lock the person: two referrals recording the same category at once add it once.
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.id, personId))
      .for('update');
    if (!person) throw notFound('Person');
    // The conflicts this submission's matching recorded (same request) name the referral it stored.
    await tx
      .update(identityConflicts)
      .set({ referralId })
      .where(
        and(
          eq(identityConflicts.personId, personId),
          eq(identityConflicts.requestId, ctx.requestId),
          isNull(identityConflicts.referralId),
        ),
      );
    const categories = [...new Set(needs.map((n) => n.category))];
    const active = categories.length
      ? await tx
          .select({ category: healthNeeds.category })
          .from(healthNeeds)
          .where(
            and(
              eq(healthNeeds.personId, personId),
              eq(healthNeeds.active, true),
              inArray(healthNeeds.category, categories),
            ),
          )
      : [];
    const taken = new Set(active.map((a) => a.category));
    const fresh = needs.filter((n) => !taken.has(n.category) && (taken.add(n.category), true));
    if (fresh.length === 0) return [];
    const rows = await tx
      .insert(healthNeeds)
      .values(
        fresh.map((n) => ({
          personId,
          category: n.category,
          description: n.description,
          active: true,
          recordedAt: actor.at,
          recordedBy: ctx.principal.subject,
          sourceReferralId: referralId,
        })),
      )
      .returning();
    await recordAuditEvents(tx, actor, [
      {
        action: 'person.health-need-recorded',
        subjectType: 'Person',
        subjectId: personId,
        personId,
        fields: ['healthNeeds'],
      },
    ]);
    return rows;
  });
  ctx.loaders.healthNeedsByPerson.clear(personId);
  return added;
}
