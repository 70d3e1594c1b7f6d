/**
 * The one write path of the referral's life (DOMAIN.md, "The referral's life"): every transition,
 * contact and engagement goes through `changeReferral`, which loads the referral, checks that the
 * caller may see it and change it, checks `expectedVersion` and the transition table, lets the
 * operation validate its input (and ask the directory, before any transaction opens), and then, in
 * one transaction, applies a version-guarded update, writes the history event and the audit event.
 * The operations themselves are in lifecycle-operations.ts.
 */
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { isUuid, type Grant } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { CUSTODY_EVENTS_ROLE, hasRole, isServiceStaff } from '@reconnect/auth';
import type { Queryable } from '@reconnect/db';
import { emitReferralEvent, isReferralEventType } from '@reconnect/events';
import { conflict, forbidden, invalidTransition, notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { custodyEvents, referrals, type ReferralRow, type ReferralStatus } from '../db/schema.ts';
import { cancelOpenHandoverOnClose } from './handover.ts';
import { recordHistory } from './history.ts';
import { isOpen } from './support-window.ts';
import {
  CUSTODY_EVENT_OPERATIONS,
  RECEIVING_SERVICE_OPERATIONS,
  isAllowed,
  nextStatus,
  type Operation,
} from './transitions.ts';

type ReferralUpdate = Partial<Omit<typeof referrals.$inferInsert, 'id' | 'version' | 'updatedAt'>>;

/** What an operation changes, decided from the current row once its input is valid. */
export interface Plan {
  /** Columns to change. `status` defaults to the transition table's target. */
  set: ReferralUpdate;
  /** The ReferralEvent's type (e.g. `referral.accepted`) and reason; also the audit action. */
  event: { type: string; reason?: string | null };
  /** Names of the fields that changed, for the audit event (never their values). */
  fields: string[];
  /** Rows that hang off the referral (contacts, engagements), written in the same transaction. */
  alsoWrite?: (tx: Queryable) => Promise<void>;
}

/** The HMPPS custody event a change applies (apply-custody-event.ts): recorded in its transaction. */
export interface CustodyEventWrite {
  messageId: string;
  personId: string;
  type: string;
  occurredAt: Date;
  /** The CustodyEventOutcome the change stands for. */
  outcome: string;
}

/**
 * Stores that an HMPPS message was applied to this referral: its id is the primary key, so a
 * repeat fails the insert (and its transaction) with `custody_events_pkey`.
 */
export function recordCustodyEvent(tx: Queryable, event: CustodyEventWrite, referralId: string, at: Date) {
  return tx.insert(custodyEvents).values({
    messageId: event.messageId,
    personId: event.personId,
    referralId,
    type: event.type,
    occurredAt: event.occurredAt,
    outcome: event.outcome,
    appliedAt: at,
  });
}

export interface ChangeRequest {
  referralId: string;
  /** Set when an HMPPS custody event makes the change: the HMPPS events client's only way in. */
  custodyEvent?: CustodyEventWrite;
  operation: Operation;
  /** The mutation's name, for messages. */
  mutation: string;
  expectedVersion?: number | null | undefined;
  /**
   * Validates the input against the current row (BAD_USER_INPUT, or INVALID_TRANSITION for a
   * condition of the transition) and says what changes. May call other subgraphs: it runs before
   * the transaction opens.
   */
  plan: (current: ReferralRow, now: Date) => Promise<Plan> | Plan;
}

export interface ChangeCaller {
  roles: readonly string[];
  /** The relationships of the caller's live grants on the referral. */
  relationships: readonly Grant['relationship'][];
  /** The change applies an HMPPS custody event (applyCustodyEvent). */
  viaCustodyEvent?: boolean;
}

/**
 * Why the caller may not perform `operation` on a referral in `status`, or null when it may (AUTH.md:
 * "referral transitions, contacts, engagements: STAFF/LEAD yes; REFERRER withdraw own SUBMITTED
 * referral only"). Pure, so `availableActions` can be checked against it.
 *
 * Security: a role alone is never enough. Staff act only through an OWNING_SERVICE grant, or a
 * RECEIVING_SERVICE grant for planning only (casework.md); the SENDING_SERVICE grant kept for 28 days after a completed handover is
 * read-only. A referrer acts only through its own REFERRER grant, and only to withdraw while the
 * referral is SUBMITTED. Extending support needs RECONNECT_LEAD.
 */
export function refusalToChange(
  caller: ChangeCaller,
  operation: Operation,
  status: ReferralStatus,
): string | null {
  // The HMPPS events client has no relationship with any referral: it changes custody facts, and
  // only by applying an event; and the event-only operations are nobody else's.
  if (caller.roles.includes(CUSTODY_EVENTS_ROLE)) {
    return caller.viaCustodyEvent
      ? null
      : 'The HMPPS events client changes referrals only through applyCustodyEvent.';
  }
  if (CUSTODY_EVENT_OPERATIONS.has(operation)) return 'Only an HMPPS custody event records this.';
  const staff = isServiceStaff(caller);
  if (staff && caller.relationships.includes('OWNING_SERVICE')) {
    if (operation === 'EXTEND_SUPPORT' && !caller.roles.includes('RECONNECT_LEAD')) {
      return 'Only a RECONNECT lead may extend support.';
    }
    return null;
  }
  // contract/next/casework.md, "Who acts on a referral": the receiving service of an open handover
  // plans with the owning service (notes, appointments; needs and risk in the person subgraph) and
  // answers its handover (handover.ts); the referral's life stays the owning service's.
  if (staff && caller.relationships.includes('RECEIVING_SERVICE')) {
    return RECEIVING_SERVICE_OPERATIONS.has(operation)
      ? null
      : 'During a handover the receiving service plans with the owning service (notes, appointments, needs and risk); only the owning service changes the referral.';
  }
  if (caller.roles.includes('REFERRER') && caller.relationships.includes('REFERRER')) {
    if (operation !== 'WITHDRAW') return 'A referrer may only withdraw its own referral.';
    return status === 'SUBMITTED' ? null : 'A referrer may withdraw its referral only while it is SUBMITTED.';
  }
  if (staff && caller.relationships.includes('SENDING_SERVICE')) {
    return 'After a completed handover the sending service may read the referral but not change it.';
  }
  return 'You may not change this referral.';
}

/** The guarded update found a newer version: thrown inside the transaction to roll it back. */
class LostRace extends Error {}

/** A later custody event about the person was applied first: rolls the change back (outcome STALE). */
export class StaleCustodyEvent extends Error {}

/**
 * Whether a custody event about the person that occurred after `occurredAt` has been applied
 * (IGNORED events changed nothing and merges move nobody, so neither counts).
 */
export async function laterCustodyEventApplied(
  db: Queryable,
  personId: string,
  occurredAt: Date,
): Promise<boolean> {
  const [later] = await db
    .select({ messageId: custodyEvents.messageId })
    .from(custodyEvents)
    .where(
      and(
        eq(custodyEvents.personId, personId),
        gt(custodyEvents.occurredAt, occurredAt),
        ne(custodyEvents.outcome, 'IGNORED'),
        // A merge is about the person's records, not where they are: it orders nothing.
        ne(custodyEvents.type, 'MERGED'),
      ),
    )
    .limit(1);
  return later !== undefined;
}

/**
 * Attempts for a change made without `expectedVersion` that loses a race; it is re-checked each
 * time. A change loses only to another one that committed, so five attempts land five changes
 * made at once (say, contacts typed in together); beyond that the caller gets CONFLICT and retries.
 */
const MAX_ATTEMPTS = 5;

/**
 * Applies one change. A change given `expectedVersion` fails with CONFLICT when anything else
 * changed the referral first; one without it is re-checked against the newer row and retried, so
 * that two contacts recorded at once both land while an operation the newer state no longer allows
 * fails as it would have on its own.
 */
export async function changeReferral(
  ctx: Context,
  request: ChangeRequest,
): Promise<{ referral: ReferralRow }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptChange(ctx, request);
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      ctx.loaders.referralById.clear(request.referralId);
      if (request.expectedVersion != null || attempt >= MAX_ATTEMPTS) throw conflict();
    }
  }
}

async function attemptChange(ctx: Context, request: ChangeRequest): Promise<{ referral: ReferralRow }> {
  const { referralId: id, operation } = request;
  if (!isUuid(id)) throw notFound('Referral');
  const [current, grants] = await Promise.all([
    ctx.loaders.referralById.load(id),
    ctx.access.referralGrants(id),
  ]);
  // The HMPPS events client reaches a referral through the event's prison number, never a grant.
  const viaCustodyEvent = request.custodyEvent !== undefined && hasRole(ctx.principal, CUSTODY_EVENTS_ROLE);
  // Security: a referral the caller has no live relationship with is not revealed, even by the error.
  if (!current || (grants.length === 0 && !viaCustodyEvent)) throw notFound('Referral');

  const refusal = refusalToChange(
    { roles: ctx.principal.roles, relationships: grants.map((g) => g.relationship), viaCustodyEvent },
    operation,
    current.status,
  );
  if (refusal) throw forbidden(refusal);
  // A stale version comes first: whatever else the caller would be told rests on an old reading.
  if (request.expectedVersion != null && request.expectedVersion !== current.version) {
    throw conflict(
      `The referral is at version ${current.version}, not ${request.expectedVersion}: read it again and retry.`,
    );
  }
  if (!isAllowed(operation, current.status)) {
    throw invalidTransition(`${request.mutation} is not allowed on a ${current.status} referral.`);
  }

  const now = ctx.clock.now();
  const plan = await request.plan(current, now);
  const status =
    plan.set.status ??
    nextStatus(operation, current.status, { released: current.releasedOn !== null }) ??
    current.status;

  const closes = isOpen(current.status) && !isOpen(status);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(referrals)
      .set({ ...plan.set, status, version: sql`${referrals.version} + 1`, updatedAt: now })
      .where(and(eq(referrals.id, id), eq(referrals.version, current.version)))
      .returning();
    if (!row) throw new LostRace();
    const event = request.custodyEvent;
    if (event) {
      // Checked under the referral row's lock, so two events about one person apply in order.
      if (await laterCustodyEventApplied(tx, event.personId, event.occurredAt)) throw new StaleCustodyEvent();
      // The message id's primary key makes a concurrent repeat roll back here.
      await recordCustodyEvent(tx, event, id, now);
    }
    await plan.alsoWrite?.(tx);
    await recordHistory(tx, ctx.principal, [
      {
        referralId: id,
        type: plan.event.type,
        fromStatus: current.status,
        toStatus: status,
        reason: plan.event.reason ?? null,
        at: now,
      },
    ]);
    await recordAuditEvents(tx, auditActor(ctx, now), [
      {
        action: plan.event.type,
        subjectType: 'Referral',
        subjectId: id,
        personId: current.personId,
        fields: plan.fields,
      },
    ]);
    // Only the changes DOMAIN.md lists are events for other agencies (not contacts, workers,
    // engagements, consent given or release-date updates); written in this transaction, so a
    // change that rolls back sends nothing.
    if (isReferralEventType(plan.event.type)) {
      await emitReferralEvent(tx, {
        type: plan.event.type,
        referralId: id,
        reference: row.reference,
        occurredAt: now,
      });
    }
    // Closing the referral (declined, withdrawn, discharged) cancels its open handover with it.
    if (closes) await cancelOpenHandoverOnClose(tx, ctx, row, now);
    return row;
  });
  ctx.loaders.referralById.clear(id);
  if (closes) {
    // The payload's reads must see the cancelled handover and the ended grant.
    ctx.loaders.handoversByReferral.clear(id);
    ctx.access.clear();
  }
  return { referral: updated };
}
