/**
 * The referral subgraph's step of a person merge (docs/GOVERNANCE.md, "Merging two person
 * records"): the person subgraph has recorded that `merged` is the same person as `kept`, and asks
 * each owner to make its own data follow. Here, in one transaction: the merged person's referrals
 * and custody events point at the kept person, the grants those referrals give follow, and when
 * the kept person now has two open referrals the newer is declined as DUPLICATE of the older, with
 * history on both (DOMAIN.md, "Identity conflicts"). The merge id is stored in the same
 * transaction: asked again, nothing changes and the answer is the same.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { grants, isUuid } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { hasRole } from '@reconnect/auth';
import type { Queryable } from '@reconnect/db';
import { emitReferralEvent } from '@reconnect/events';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { cancelOpenHandoverOnClose } from './handover.ts';
import { appliedPersonMerges, custodyEvents, referrals } from '../db/schema.ts';
import type { MutationApplyPersonMergeToReferralsArgs } from '../generated/graphql.ts';
import { recordHistory } from './history.ts';
import { OPEN_STATUSES } from './support-window.ts';

export function assertPersonMergeCall(ctx: Pick<Context, 'caller' | 'principal'>): void {
  if (ctx.caller !== 'person' || !hasRole(ctx.principal, 'RECONNECT_ADMIN')) {
    throw forbidden('Person records are merged only by the person subgraph, for information governance.');
  }
}

export async function applyPersonMerge(
  ctx: Context,
  args: MutationApplyPersonMergeToReferralsArgs,
): Promise<boolean> {
  assertPersonMergeCall(ctx);
  const { mergeId, keptPersonId: kept, mergedPersonId: merged } = args;
  for (const [field, value] of Object.entries({ mergeId, keptPersonId: kept, mergedPersonId: merged })) {
    if (!isUuid(value)) throw badInput(field, `${field} is not an id.`);
  }
  if (kept === merged) throw badInput('mergedPersonId', 'A person is not merged into itself.');
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Submissions for either person wait (submit.ts takes the same locks), so no new open
    // referral of the merged person appears behind this step's back. In id order: no deadlock.
    for (const id of [kept, merged].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`referral.person:${id}`}))`);
    }
    const inserted = await tx
      .insert(appliedPersonMerges)
      .values({ mergeId, keptPersonId: kept, mergedPersonId: merged, appliedAt: at })
      .onConflictDoNothing()
      .returning({ mergeId: appliedPersonMerges.mergeId });
    if (inserted.length === 0) return; // Applied before.
    const moved = await tx
      .update(referrals)
      .set({ personId: kept, updatedAt: at, version: sql`${referrals.version} + 1` })
      .where(eq(referrals.personId, merged))
      .returning({ id: referrals.id });
    await tx.update(custodyEvents).set({ personId: kept }).where(eq(custodyEvents.personId, merged));
    // The service and referrer grants of those referrals (the partner subgraph moves its own).
    await tx
      .update(grants)
      .set({ personId: kept })
      .where(and(eq(grants.personId, merged), ne(grants.relationship, 'ER_PARTNER')));
    await declineNewerOpenReferrals(ctx, tx, kept, at);
    if (moved.length > 0) {
      await recordAuditEvents(
        tx,
        auditActor(ctx, at),
        moved.map((r) => ({
          action: 'referral.person-merged',
          subjectType: 'Referral',
          subjectId: r.id,
          personId: kept,
          fields: ['person'],
        })),
      );
    }
  });
  ctx.loaders.referralById.clearAll();
  ctx.access.clear();
  return true;
}

/** Two open referrals of one person after a merge: the newer is a DUPLICATE of the older. */
async function declineNewerOpenReferrals(ctx: Context, tx: Queryable, personId: string, at: Date) {
  const open = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.personId, personId), inArray(referrals.status, OPEN_STATUSES)))
    .orderBy(asc(referrals.submittedAt), asc(referrals.id))
    .for('update');
  const [older, ...newer] = open;
  if (!older || newer.length === 0) return;
  for (const row of newer) {
    await tx
      .update(referrals)
      .set({
        status: 'DECLINED',
        declineReason: 'DUPLICATE',
        // Its submitter reads the note: it names neither the older referral nor its service.
        declineNote:
          'A duplicate of an older open referral of this person: the two person records were merged.',
        declinedAt: at,
        duplicateOfId: older.id,
        updatedAt: at,
        version: sql`${referrals.version} + 1`,
      })
      .where(eq(referrals.id, row.id));
    // DOMAIN.md "Cross-area handover" 6: a closed referral leaves no handover open (nor its access).
    await cancelOpenHandoverOnClose(tx, ctx, row, at);
    await recordHistory(tx, ctx.principal, [
      {
        referralId: row.id,
        type: 'referral.declined',
        fromStatus: row.status,
        toStatus: 'DECLINED',
        reason: `DUPLICATE: the person records were merged, and open referral ${older.reference} is older.`,
        at,
      },
      {
        referralId: older.id,
        type: 'referral.duplicate-received',
        reason: `The person records were merged: open referral ${row.reference} was declined as a duplicate of this one.`,
        at,
      },
    ]);
    await recordAuditEvents(tx, auditActor(ctx, at), [
      {
        action: 'referral.declined',
        subjectType: 'Referral',
        subjectId: row.id,
        personId,
        fields: ['status', 'decline', 'duplicateOf'],
      },
    ]);
    await emitReferralEvent(tx, {
      type: 'referral.declined',
      referralId: row.id,
      reference: row.reference,
      occurredAt: at,
    });
  }
}
