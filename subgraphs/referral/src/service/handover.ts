/**
 * Cross-area handovers (DOMAIN.md "Cross-area handover"): the write path. Each operation checks who
 * may do it and when, then changes the handover, the grants that follow its state, the referral's
 * history and the audit trail in one transaction (one function per operation, so that whatever
 * else a change must write, such as its outbox event, is added in one place).
 *
 * Grants follow the handover's state exactly:
 * - REQUESTED: the receiving service gets a RECEIVING_SERVICE grant (full access, and it may act);
 * - ACCEPTED: unchanged;
 * - DECLINED or CANCELLED: that grant ends;
 * - COMPLETED: the receiving service becomes the owning service (OWNING_SERVICE grant, and
 *   `referrals.owning_service_code`); the old owner's OWNING_SERVICE grant ends and it gets a
 *   SENDING_SERVICE grant (read-only) for 28 days.
 *
 * Choices where DOMAIN.md is silent: `completeHandover` needs the handover ACCEPTED ("when both
 * agree": accepting is the receiving service's agreement, and the sending service asked), and the
 * referral still open (PRE_RELEASE or POST_RELEASE); a REQUESTED handover cannot be completed
 * directly. Only completion changes the referral row (and so its version); the other changes add a
 * history event to it without changing its fields.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { endGrants, grantAccess, isUuid } from '@reconnect/access';
import { auditActor, type AuditEventInput, recordAuditEvents } from '@reconnect/audit';
import { emitReferralEvent } from '@reconnect/events';
import { isUniqueViolation, type Queryable } from '@reconnect/db';
import {
  badInput,
  codeOf,
  conflict,
  forbidden,
  invalidTransition,
  notFound,
  optionalText,
  requiredText,
} from '@reconnect/graph';
import { sql } from 'drizzle-orm';
import type { Context } from '../context.ts';
import {
  handovers,
  referrals,
  type HandoverRow,
  type HandoverStatus,
  type ReferralRow,
  type ReferralStatus,
} from '../db/schema.ts';
import { hubFor } from '@reconnect/hub-client';
import type {
  MutationAcceptHandoverArgs,
  MutationCancelHandoverArgs,
  MutationCompleteHandoverArgs,
  MutationDeclineHandoverArgs,
  MutationRequestHandoverArgs,
} from '../generated/graphql.ts';
import { isHandoverParty } from './handover-party.ts';
import { respondByFor } from './handover-dates.ts';
import { recordHistory } from './history.ts';
import { actorLabel } from '@reconnect/auth';

export const OPEN_HANDOVER_STATUSES: readonly HandoverStatus[] = ['REQUESTED', 'ACCEPTED'];
/** How long the sending service keeps read access after a completed handover. */
export const SENDING_ACCESS_DAYS = 28;
export const MAX_HANDOVER_TEXT = 2000;

const DAY_MS = 24 * 60 * 60 * 1000;

export const isOpenHandover = (h: Pick<HandoverRow, 'status'>) => OPEN_HANDOVER_STATUSES.includes(h.status);

function handoverAudit(action: string, h: HandoverRow, personId: string, fields: string[]): AuditEventInput {
  return { action, subjectType: 'Handover', subjectId: h.id, personId, fields };
}

const OPEN_EXISTS = 'The referral already has a handover REQUESTED or ACCEPTED: finish or cancel it first.';

/**
 * Writes a handover request inside the caller's transaction: the handover, the receiving service's
 * grant, the history event and the audit event. Used by `requestHandover` and by `acceptReferral`
 * and `recordTransfer` (the automatic requests, in their change's own transaction). A second open handover violates
 * the partial unique index; the caller turns that into INVALID_TRANSITION after the rollback.
 */
export async function writeHandoverRequest(
  tx: Queryable,
  ctx: Context,
  referral: Pick<ReferralRow, 'id' | 'personId' | 'owningServiceCode' | 'reference'>,
  request: {
    toServiceCode: string;
    note: string | null;
    at: Date;
    /** What requested it when no one asked by hand: the acceptance, or a transfer. */
    automatic: false | 'acceptance' | 'transfer';
  },
): Promise<HandoverRow> {
  const { at } = request;
  const [row] = await tx
    .insert(handovers)
    .values({
      referralId: referral.id,
      fromServiceCode: referral.owningServiceCode,
      toServiceCode: request.toServiceCode,
      status: 'REQUESTED',
      requestedAt: at,
      requestedBy: actorLabel(ctx.principal),
      respondBy: respondByFor(at),
      note: request.note,
    })
    .returning();
  const handover = row!;
  await grantAccess(tx, {
    organisationCode: request.toServiceCode,
    relationship: 'RECEIVING_SERVICE',
    personId: referral.personId,
    referralId: referral.id,
    validFrom: at,
    reason: 'handover.requested',
  });
  const how = request.automatic ? ` (automatically, on ${request.automatic})` : '';
  await recordHistory(tx, ctx.principal, [
    {
      referralId: referral.id,
      type: 'handover.requested',
      reason: `Handover from ${handover.fromServiceCode} to ${handover.toServiceCode} requested${how}${request.note ? `: ${request.note}` : ''}`,
      at,
    },
  ]);
  await recordAuditEvents(tx, auditActor(ctx, at), [
    handoverAudit('handover.requested', handover, referral.personId, ['handover', 'grants']),
  ]);
  await emitReferralEvent(tx, {
    type: 'handover.requested',
    referralId: referral.id,
    reference: referral.reference,
    handoverId: handover.id,
    occurredAt: at,
  });
  return handover;
}

/**
 * The handover a change requests by itself (an acceptance, a transfer), in that change's
 * transaction: none when the referral has one REQUESTED or ACCEPTED already (a transfer while
 * SUBMITTED may have requested it before the acceptance), since only one is open at a time.
 */
export async function requestAutomaticHandover(
  tx: Queryable,
  ctx: Context,
  referral: Pick<ReferralRow, 'id' | 'personId' | 'owningServiceCode' | 'reference'>,
  request: { toServiceCode: string; at: Date; cause: 'acceptance' | 'transfer' },
): Promise<HandoverRow | null> {
  if (await openHandoverOf(tx, referral.id)) return null;
  return writeHandoverRequest(tx, ctx, referral, {
    toServiceCode: request.toServiceCode,
    note: null,
    at: request.at,
    automatic: request.cause,
  });
}

/** The reason DOMAIN.md gives a handover cancelled because its referral closed. */
export const REFERRAL_CLOSED = 'referral closed';

/**
 * Cancels the referral's open handover (REQUESTED or ACCEPTED) inside the transaction that closes
 * the referral (declined, withdrawn or discharged: DOMAIN.md "Cross-area handover" 6), so that no
 * service keeps access to a closed case through it: the handover, the receiving service's grant,
 * the history, the audit event and the outbox event, all or nothing with the closing change.
 *
 * One guarded UPDATE on the handover's status, not a read then a version-guarded write: under a
 * concurrent accept the row is re-checked after the lock, so an ACCEPTED handover is cancelled too,
 * and the concurrent answer then finds it CANCELLED (INVALID_TRANSITION) rather than overwriting it.
 */
export async function cancelOpenHandoverOnClose(
  tx: Queryable,
  ctx: Context,
  referral: Pick<ReferralRow, 'id' | 'personId' | 'reference'>,
  at: Date,
): Promise<HandoverRow | null> {
  const [moved] = await tx
    .update(handovers)
    .set({ status: 'CANCELLED', cancelReason: REFERRAL_CLOSED, version: sql`${handovers.version} + 1` })
    .where(and(eq(handovers.referralId, referral.id), inArray(handovers.status, [...OPEN_HANDOVER_STATUSES])))
    .returning();
  if (!moved) return null;
  await endGrants(
    tx,
    { referralId: referral.id, organisationCode: moved.toServiceCode, relationship: 'RECEIVING_SERVICE' },
    at,
  );
  await recordHistory(tx, ctx.principal, [
    {
      referralId: referral.id,
      type: 'handover.cancelled',
      reason: `Handover from ${moved.fromServiceCode} to ${moved.toServiceCode} cancelled: ${REFERRAL_CLOSED}`,
      at,
    },
  ]);
  await recordAuditEvents(tx, auditActor(ctx, at), [
    handoverAudit('handover.cancelled', moved, referral.personId, ['status', 'cancelReason', 'grants']),
  ]);
  await emitReferralEvent(tx, {
    type: 'handover.cancelled',
    referralId: referral.id,
    reference: referral.reference,
    handoverId: moved.id,
    occurredAt: at,
  });
  return moved;
}

const SERVICE = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on ReconnectService {
        code
      }
    }
  }
`;

/** A RECONNECT service's code, checked against the directory (before any transaction opens). */
async function knownService(ctx: Context, code: string): Promise<string> {
  const normalised = code.trim().toUpperCase();
  if (normalised.length === 0 || normalised.length > 40)
    throw badInput('toServiceCode', 'Name the receiving RECONNECT service by its code.');
  let found: { code: string } | null;
  try {
    const data = await hubFor(ctx).call<{ _entities: ({ code: string } | null)[] }>(
      'regional-service',
      SERVICE,
      {
        representations: [{ __typename: 'ReconnectService', code: normalised }],
      },
    );
    found = data._entities[0] ?? null;
  } catch (error) {
    if (codeOf(error) !== 'NOT_FOUND') throw error;
    found = null;
  }
  if (!found) throw badInput('toServiceCode', 'No RECONNECT service has that code.');
  return found.code;
}

/** The referral's handover REQUESTED or ACCEPTED now, if any. */
export async function openHandoverOf(db: Queryable, referralId: string): Promise<HandoverRow | null> {
  const [row] = await db
    .select()
    .from(handovers)
    .where(and(eq(handovers.referralId, referralId), inArray(handovers.status, [...OPEN_HANDOVER_STATUSES])));
  return row ?? null;
}

/**
 * `requestHandover`: staff of the owning service ask another service to take an open referral over.
 *
 * Security: a referral the caller cannot see is NOT_FOUND; one it sees through any other
 * relationship (receiving, sending, referrer) is FORBIDDEN: only the owner hands over.
 */
export async function requestHandover(ctx: Context, args: MutationRequestHandoverArgs): Promise<HandoverRow> {
  if (!isUuid(args.referralId)) throw notFound('Referral');
  const [referral, grants] = await Promise.all([
    ctx.loaders.referralById.load(args.referralId),
    ctx.access.referralGrants(args.referralId),
  ]);
  if (!referral || grants.length === 0) throw notFound('Referral');
  const org = ctx.principal.organisationCode;
  if (org !== referral.owningServiceCode || !grants.some((g) => g.relationship === 'OWNING_SERVICE')) {
    throw forbidden('Only the owning service may request a handover of this referral.');
  }
  if (referral.status !== 'PRE_RELEASE' && referral.status !== 'POST_RELEASE') {
    throw invalidTransition(`requestHandover is not allowed on a ${referral.status} referral.`);
  }
  const note = optionalText(args.note, 'note', 'A note', MAX_HANDOVER_TEXT);
  if (args.toServiceCode.trim().toUpperCase() === referral.owningServiceCode) {
    throw badInput('toServiceCode', 'A referral is handed over to another service than its owner.');
  }
  if (await openHandoverOf(ctx.db, referral.id)) throw invalidTransition(OPEN_EXISTS);
  const toServiceCode = await knownService(ctx, args.toServiceCode);

  const at = ctx.clock.now();
  let handover: HandoverRow;
  try {
    handover = await ctx.db.transaction(async (tx) =>
      writeHandoverRequest(tx, ctx, referral, { toServiceCode, note, at, automatic: false }),
    );
  } catch (error) {
    // Another request landed between the check above and this one: the index refused it.
    if (isUniqueViolation(error, 'handovers_one_open_per_referral')) throw invalidTransition(OPEN_EXISTS);
    throw error;
  }
  forgetReads(ctx, referral.id);
  return handover;
}

/** The handover or the referral changed under this attempt: roll back and look again. */
class LostRace extends Error {}
const MAX_ATTEMPTS = 5;

type Side = 'RECEIVING' | 'SENDING' | 'EITHER';

interface Checked {
  handover: HandoverRow;
  referral: ReferralRow;
}

/**
 * Loads the handover for a change and checks who and when, in AUTH.md's order: a handover the
 * caller's service is not party to is NOT_FOUND (it cannot see it); the right party on the wrong
 * side is FORBIDDEN; a state the operation is not allowed in is INVALID_TRANSITION. Read straight
 * from the database (not the loaders): every attempt must see the latest row.
 */
async function checkedHandover(
  ctx: Context,
  id: string,
  side: Side,
  mutation: string,
  allowed: readonly HandoverStatus[],
): Promise<Checked> {
  if (!isUuid(id)) throw notFound('Handover');
  const [handover] = await ctx.db.select().from(handovers).where(eq(handovers.id, id));
  const org = ctx.principal.organisationCode;
  if (!handover || !isHandoverParty(ctx.principal, handover)) throw notFound('Handover');
  if (side === 'RECEIVING' && org !== handover.toServiceCode) {
    throw forbidden(
      `Only the receiving service (${handover.toServiceCode}) may ${mutation.replace('Handover', '')} this handover.`,
    );
  }
  if (side === 'SENDING' && org !== handover.fromServiceCode) {
    throw forbidden(`Only the sending service (${handover.fromServiceCode}) may cancel this handover.`);
  }
  if (!allowed.includes(handover.status)) {
    throw invalidTransition(`${mutation} is not allowed on a ${handover.status} handover.`);
  }
  const [referral] = await ctx.db.select().from(referrals).where(eq(referrals.id, handover.referralId));
  return { handover, referral: referral! };
}

/** Runs one attempt after another while the rows change under it (no expectedVersion to honour). */
async function withRetry<T>(ctx: Context, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof LostRace)) throw error;
      if (n >= MAX_ATTEMPTS) throw conflict();
    }
  }
}

/** The version-guarded move of a handover to its next state; LostRace when another change won. */
async function moveHandover(
  tx: Queryable,
  current: HandoverRow,
  set: Partial<Omit<HandoverRow, 'id' | 'referralId' | 'version'>>,
): Promise<HandoverRow> {
  const [row] = await tx
    .update(handovers)
    .set({ ...set, version: sql`${handovers.version} + 1` })
    .where(and(eq(handovers.id, current.id), eq(handovers.version, current.version)))
    .returning();
  if (!row) throw new LostRace();
  return row;
}

/** After a write, this request's later reads (the payload) must see the new rows and grants. */
function forgetReads(ctx: Context, referralId: string): void {
  ctx.loaders.referralById.clear(referralId);
  ctx.loaders.handoversByReferral.clear(referralId);
  ctx.access.clear();
}

type HandoverEvent = 'handover.accepted' | 'handover.declined' | 'handover.cancelled' | 'handover.completed';

/** One change to a handover, as data: who may make it and when, and what it writes. */
interface HandoverChange {
  id: string;
  side: Side;
  mutation: string;
  allowed: readonly HandoverStatus[];
  /** Checks of the referral beyond the handover's own state, before anything is written. */
  check?: (checked: Checked) => void;
  event: HandoverEvent;
  /** The handover's new columns (its status among them). */
  set: (at: Date) => Partial<Omit<HandoverRow, 'id' | 'referralId' | 'version'>>;
  /** The receiving service's access ends with this change (declined, cancelled). */
  endsReceivingAccess?: boolean;
  /** The referral's history entry. */
  history: (
    moved: HandoverRow,
    referral: ReferralRow,
  ) => { reason: string; fromStatus?: ReferralStatus; toStatus?: ReferralStatus };
  /** The handover fields the audit event names. */
  fields: string[];
  /** What else the change writes in its transaction; its audit events join the handover's. */
  alsoWrite?: (
    tx: Queryable,
    moved: HandoverRow,
    referral: ReferralRow,
    at: Date,
  ) => Promise<AuditEventInput[]>;
}

/**
 * The one write path of a handover's answer (accept, decline, cancel, complete), as
 * `changeReferral` is the referral's: check who and when, then the version-guarded move, grants,
 * history, audit and outbox in one transaction, retried while another change wins the race.
 */
function changeHandover(ctx: Context, change: HandoverChange): Promise<HandoverRow> {
  return withRetry(ctx, async () => {
    const checked = await checkedHandover(ctx, change.id, change.side, change.mutation, change.allowed);
    change.check?.(checked);
    const { handover, referral } = checked;
    const at = ctx.clock.now();
    const row = await ctx.db.transaction(async (tx) => {
      const moved = await moveHandover(tx, handover, change.set(at));
      if (change.endsReceivingAccess) {
        await endGrants(
          tx,
          {
            referralId: moved.referralId,
            organisationCode: moved.toServiceCode,
            relationship: 'RECEIVING_SERVICE',
          },
          at,
        );
      }
      const also = (await change.alsoWrite?.(tx, moved, referral, at)) ?? [];
      await recordHistory(tx, ctx.principal, [
        { referralId: moved.referralId, type: change.event, ...change.history(moved, referral), at },
      ]);
      await recordAuditEvents(tx, auditActor(ctx, at), [
        handoverAudit(change.event, moved, referral.personId, change.fields),
        ...also,
      ]);
      await emitReferralEvent(tx, {
        type: change.event,
        referralId: moved.referralId,
        reference: referral.reference,
        handoverId: moved.id,
        occurredAt: at,
      });
      return moved;
    });
    forgetReads(ctx, row.referralId);
    return row;
  });
}

/** `acceptHandover`: the receiving service takes it on; its access continues as it was. */
export function acceptHandover(ctx: Context, args: MutationAcceptHandoverArgs): Promise<HandoverRow> {
  return changeHandover(ctx, {
    id: args.id,
    side: 'RECEIVING',
    mutation: 'acceptHandover',
    allowed: ['REQUESTED'],
    event: 'handover.accepted',
    set: (at) => ({ status: 'ACCEPTED', respondedAt: at }),
    history: (moved) => ({ reason: `Accepted by ${moved.toServiceCode}` }),
    fields: ['status', 'respondedAt'],
  });
}

/** `declineHandover` (RECONNECT_LEAD, by the shield): the receiving service's access ends with it. */
export function declineHandover(ctx: Context, args: MutationDeclineHandoverArgs): Promise<HandoverRow> {
  const reason = requiredText(args.reason, 'reason', 'A reason', MAX_HANDOVER_TEXT);
  return changeHandover(ctx, {
    id: args.id,
    side: 'RECEIVING',
    mutation: 'declineHandover',
    allowed: ['REQUESTED'],
    event: 'handover.declined',
    set: (at) => ({ status: 'DECLINED', respondedAt: at, declineReason: reason }),
    endsReceivingAccess: true,
    history: (moved) => ({ reason: `Declined by ${moved.toServiceCode}: ${reason}` }),
    fields: ['status', 'declineReason', 'grants'],
  });
}

/** `cancelHandover`: the sending service withdraws it; the receiving service's access ends. */
export function cancelHandover(ctx: Context, args: MutationCancelHandoverArgs): Promise<HandoverRow> {
  const reason = requiredText(args.reason, 'reason', 'A reason', MAX_HANDOVER_TEXT);
  return changeHandover(ctx, {
    id: args.id,
    side: 'SENDING',
    mutation: 'cancelHandover',
    allowed: OPEN_HANDOVER_STATUSES,
    event: 'handover.cancelled',
    set: () => ({ status: 'CANCELLED', cancelReason: reason }),
    endsReceivingAccess: true,
    history: (moved) => ({ reason: `Cancelled by ${moved.fromServiceCode}: ${reason}` }),
    fields: ['status', 'cancelReason', 'grants'],
  });
}

/**
 * `completeHandover` (either side, once ACCEPTED): the receiving service becomes the owning service
 * in one transaction, with a version-guarded update of the referral.
 *
 * Security: the sending service's new SENDING_SERVICE grant ends `SENDING_ACCESS_DAYS` x 24 hours
 * after completion; it is read-only (lifecycle.ts refuses changes made through it).
 */
export function completeHandover(ctx: Context, args: MutationCompleteHandoverArgs): Promise<HandoverRow> {
  return changeHandover(ctx, {
    id: args.id,
    side: 'EITHER',
    mutation: 'completeHandover',
    allowed: ['ACCEPTED'],
    check: ({ referral }) => {
      if (referral.status !== 'PRE_RELEASE' && referral.status !== 'POST_RELEASE') {
        throw invalidTransition(
          `completeHandover is not allowed on a ${referral.status} referral: cancel the handover instead.`,
        );
      }
    },
    event: 'handover.completed',
    set: (at) => ({ status: 'COMPLETED', completedAt: at }),
    history: (moved, referral) => ({
      fromStatus: referral.status,
      toStatus: referral.status,
      reason: `Owning service changed from ${moved.fromServiceCode} to ${moved.toServiceCode}`,
    }),
    fields: ['status', 'completedAt'],
    alsoWrite: async (tx, moved, referral, at) => {
      const [owned] = await tx
        .update(referrals)
        .set({
          owningServiceCode: moved.toServiceCode,
          version: sql`${referrals.version} + 1`,
          updatedAt: at,
        })
        .where(and(eq(referrals.id, referral.id), eq(referrals.version, referral.version)))
        .returning({ id: referrals.id });
      if (!owned) throw new LostRace();
      const base = {
        referralId: referral.id,
        personId: referral.personId,
        validFrom: at,
        reason: 'handover.completed',
      };
      await endGrants(
        tx,
        { referralId: referral.id, organisationCode: moved.fromServiceCode, relationship: 'OWNING_SERVICE' },
        at,
      );
      // The new owner's handover grant, and any read-only grant left from an earlier handover it sent.
      for (const relationship of ['RECEIVING_SERVICE', 'SENDING_SERVICE'] as const) {
        await endGrants(
          tx,
          { referralId: referral.id, organisationCode: moved.toServiceCode, relationship },
          at,
        );
      }
      await grantAccess(tx, {
        ...base,
        organisationCode: moved.toServiceCode,
        relationship: 'OWNING_SERVICE',
      });
      await grantAccess(tx, {
        ...base,
        organisationCode: moved.fromServiceCode,
        relationship: 'SENDING_SERVICE',
        validUntil: new Date(at.getTime() + SENDING_ACCESS_DAYS * DAY_MS),
      });
      return [
        {
          action: 'handover.completed',
          subjectType: 'Referral',
          subjectId: referral.id,
          personId: referral.personId,
          fields: ['owningService', 'grants'],
        },
      ];
    },
  });
}
