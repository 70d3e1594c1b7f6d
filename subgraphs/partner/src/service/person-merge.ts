/**
 * The partner subgraph's step of a person merge (docs/GOVERNANCE.md, "Merging two person
 * records"): the merged person's enhanced cases point at the kept person and the partner grants
 * they give follow, in one transaction that also stores the merge id, so asking again changes
 * nothing.
 */
import { and, eq } from 'drizzle-orm';
import { grants, isUuid } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { hasRole } from '@reconnect/auth';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { appliedPersonMerges, enhancedCases } from '../db/schema.ts';
import type { MutationApplyPersonMergeToCasesArgs } from '../generated/graphql.ts';

export async function applyPersonMerge(
  ctx: Context,
  args: MutationApplyPersonMergeToCasesArgs,
): Promise<boolean> {
  if (ctx.caller !== 'person' || !hasRole(ctx.principal, 'RECONNECT_ADMIN')) {
    throw forbidden('Person records are merged only by the person subgraph, for information governance.');
  }
  const { mergeId, keptPersonId: kept, mergedPersonId: merged } = args;
  for (const [field, value] of Object.entries({ mergeId, keptPersonId: kept, mergedPersonId: merged })) {
    if (!isUuid(value)) throw badInput(field, `${field} is not an id.`);
  }
  if (kept === merged) throw badInput('mergedPersonId', 'A person is not merged into itself.');
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(appliedPersonMerges)
      .values({ mergeId, keptPersonId: kept, mergedPersonId: merged, appliedAt: at })
      .onConflictDoNothing()
      .returning({ mergeId: appliedPersonMerges.mergeId });
    if (inserted.length === 0) return; // Applied before.
    const moved = await tx
      .update(enhancedCases)
      .set({ personId: kept })
      .where(eq(enhancedCases.personId, merged))
      .returning({ id: enhancedCases.id });
    await tx
      .update(grants)
      .set({ personId: kept })
      .where(and(eq(grants.personId, merged), eq(grants.relationship, 'ER_PARTNER')));
    if (moved.length > 0) {
      await recordAuditEvents(
        tx,
        auditActor(ctx, at),
        moved.map((c) => ({
          action: 'enhanced-case.person-merged',
          subjectType: 'EnhancedCase',
          subjectId: c.id,
          personId: kept,
          fields: ['person'],
        })),
      );
    }
  });
  ctx.access.clear();
  return true;
}
