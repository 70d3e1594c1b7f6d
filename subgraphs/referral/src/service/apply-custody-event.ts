/**
 * `applyCustodyEvent` (DOMAIN.md, "Custody events from HMPPS"): the HMPPS events client reports one
 * event; the decision (custody-events.ts) says what it does to the person's open referral, and the
 * staff operation's own write path (changeReferral) applies it, with the message id recorded in the
 * same transaction.
 *
 * - A message id seen before answers ALREADY_APPLIED (and the referral it changed), changing nothing.
 * - Nobody with an open referral holds the prison number, or the establishment is not a known one
 *   in England: IGNORED, and nothing is stored (not even the message id).
 * - An event older than the last one applied to the person: STALE, nothing changes.
 * - A change the rules refuse (BAD_USER_INPUT or INVALID_TRANSITION from the operation), or an
 *   event the table does not apply: IGNORED, with a history note on the open referral and the
 *   message id stored in one transaction.
 * - MERGED is the person subgraph's change (the identity authority), made through the graph; the
 *   message id is stored afterwards when the person has an open referral. Applying a merge again
 *   changes nothing there, so a repeat that comes before the id is stored is harmless.
 *
 * Changes are attributed to the client (its `sub`) in history and audit, as any caller's are.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { CUSTODY_EVENTS_ROLE, hasRole } from '@reconnect/auth';
import { isUniqueViolation } from '@reconnect/db';
import { badInput, codeOf, forbidden } from '@reconnect/graph';
import { hubFor } from '@reconnect/hub-client';
import { londonDateOf } from '@reconnect/config';
import type { Context } from '../context.ts';
import { custodyEvents, referrals, type ReferralRow } from '../db/schema.ts';
import { OPEN_STATUSES } from './support-window.ts';
import type {
  CustodyEventOutcome,
  CustodyEventResult,
  MutationApplyCustodyEventArgs,
} from '../generated/graphql.ts';
import {
  decideCustodyEvent,
  describeCustodyEvent,
  validateCustodyEvent,
  type CustodyChange,
  type CustodyEvent,
} from './custody-events.ts';
import { recordHistory } from './history.ts';
import { knownEstablishment } from './lifecycle-directory.ts';
import {
  recordRelease,
  recordReleasedOn,
  recordReturnToCustody,
  recordTemporaryLicence,
  recordTransfer,
  updateExpectedReleaseDate,
} from './lifecycle-operations.ts';
import {
  StaleCustodyEvent,
  laterCustodyEventApplied,
  recordCustodyEvent,
  type CustodyEventWrite,
} from './lifecycle.ts';

export const HMPPS_RELEASE_DATE_REASON = 'HMPPS sentence dates';
/** Codes of a change the rules refuse: the event is IGNORED with a note, never half-applied. */
const REFUSALS = new Set(['BAD_USER_INPUT', 'INVALID_TRANSITION']);

type Result = Pick<CustodyEventResult, 'outcome' | 'referralId'>;
const result = (outcome: CustodyEventOutcome, referralId: string | null = null): Result => ({
  outcome,
  referralId,
});

const HOLDERS = /* GraphQL */ `
  query ($numbers: [String!]!) {
    prisonNumberHolders(prisonNumbers: $numbers) {
      prisonNumber
      personId
    }
  }
`;

const MERGE = /* GraphQL */ `
  mutation ($kept: String!, $removed: String!) {
    mergePrisonNumbers(keptPrisonNumber: $kept, removedPrisonNumber: $removed) {
      outcome
      personId
    }
  }
`;

async function holderOf(ctx: Context, prisonNumber: string): Promise<string | null> {
  const data = await hubFor(ctx).call<{ prisonNumberHolders: { prisonNumber: string; personId: string }[] }>(
    'person',
    HOLDERS,
    { numbers: [prisonNumber] },
  );
  return data.prisonNumberHolders[0]?.personId ?? null;
}

async function openReferralOf(ctx: Context, personId: string): Promise<ReferralRow | null> {
  // DOMAIN.md: a person has at most one open referral (a second is declined as DUPLICATE).
  const [row] = await ctx.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.personId, personId), inArray(referrals.status, [...OPEN_STATUSES])))
    .orderBy(referrals.submittedAt)
    .limit(1);
  return row ?? null;
}

async function firstApplication(ctx: Context, messageId: string) {
  const [row] = await ctx.db.select().from(custodyEvents).where(eq(custodyEvents.messageId, messageId));
  return row ?? null;
}

/** A known establishment in England, or null (the event is then IGNORED). */
async function establishmentInEngland(ctx: Context, code: string) {
  try {
    return await knownEstablishment(ctx, code, 'event.establishmentCode');
  } catch (error) {
    if (codeOf(error) === 'BAD_USER_INPUT') return null;
    throw error;
  }
}

export async function applyCustodyEvent(ctx: Context, args: MutationApplyCustodyEventArgs): Promise<Result> {
  // Security: re-asserted whatever the shield rule said; nobody else reaches referrals this way.
  if (!hasRole(ctx.principal, CUSTODY_EVENTS_ROLE)) {
    throw forbidden('Only the HMPPS events client applies custody events.');
  }
  const event = validateCustodyEvent(args.event, ctx.clock.now());
  const first = await firstApplication(ctx, event.messageId);
  if (first) return result('ALREADY_APPLIED', first.referralId);

  // MERGED concerns the person records, whoever holds either number: no referral is looked up.
  const target = event.type === 'MERGED' ? null : await openReferralFor(ctx, event);
  if (target === 'IGNORED') return result('IGNORED');
  if (target && (await laterCustodyEventApplied(ctx.db, target.personId, event.occurredAt))) {
    return result('STALE', target.referral.id);
  }
  const decision = decideCustodyEvent(event, target?.referral ?? null);
  if (decision.change === 'MERGE_PRISON_NUMBERS') return applyMerge(ctx, event);
  // Nobody with an open referral holds the number: IGNORED, and nothing about the person is kept.
  if (!target) return result('IGNORED');
  const { personId, referral } = target;
  if (decision.change === null) return noteIgnored(ctx, event, personId, referral, decision.why);
  const via: CustodyEventWrite = {
    messageId: event.messageId,
    personId,
    type: event.type,
    occurredAt: event.occurredAt,
    outcome: decision.outcome,
  };
  try {
    await applyChange(ctx, decision.change, event, referral, via);
    return result(decision.outcome, referral.id);
  } catch (error) {
    if (error instanceof StaleCustodyEvent) return result('STALE', referral.id);
    if (isUniqueViolation(error, 'custody_events_pkey')) return alreadyApplied(ctx, event, referral);
    const code = codeOf(error);
    if (code && REFUSALS.has(code)) {
      const message = error instanceof Error ? error.message : String(error);
      return noteIgnored(
        ctx,
        event,
        personId,
        referral,
        `HMPPS reported ${describeCustodyEvent(event)}: not applied: ${message}`,
      );
    }
    throw error;
  }
}

/**
 * The holder of the event's prison number and their open referral; null when there is none;
 * 'IGNORED' when the event names an establishment that is not a prison or IRC in England.
 */
async function openReferralFor(
  ctx: Context,
  event: CustodyEvent,
): Promise<{ personId: string; referral: ReferralRow } | null | 'IGNORED'> {
  const needsEstablishment =
    event.type === 'RECEIVED' && (event.reason === 'ADMISSION' || event.reason === 'TRANSFERRED');
  if (needsEstablishment && !event.establishmentCode) {
    throw badInput('event.establishmentCode', `A RECEIVED (${event.reason}) event names the establishment.`);
  }
  const personId = await holderOf(ctx, event.prisonNumber);
  const referral = personId ? await openReferralOf(ctx, personId) : null;
  if (!personId || !referral) return null;
  if (event.establishmentCode && !(await establishmentInEngland(ctx, event.establishmentCode))) {
    return 'IGNORED';
  }
  return { personId, referral };
}

/** Each change through the staff operation's write path, with the event's facts as its input. */
async function applyChange(
  ctx: Context,
  change: Exclude<CustodyChange, 'MERGE_PRISON_NUMBERS'>,
  event: CustodyEvent,
  referral: ReferralRow,
  via: CustodyEventWrite,
): Promise<void> {
  const referralId = referral.id;
  const on = londonDateOf(event.occurredAt);
  switch (change) {
    case 'RECORD_RELEASE':
      await recordRelease(ctx, { referralId, releasedOn: on }, via);
      return;
    case 'RECORD_RELEASED_ON':
      await recordReleasedOn(ctx, { referralId, releasedOn: on }, via);
      return;
    case 'START_TEMPORARY_LICENCE':
      await recordTemporaryLicence(ctx, { referralId, onTemporaryLicence: true }, via);
      return;
    case 'END_TEMPORARY_LICENCE':
      await recordTemporaryLicence(ctx, { referralId, onTemporaryLicence: false }, via);
      return;
    case 'RECORD_RETURN_TO_CUSTODY':
      await recordReturnToCustody(
        ctx,
        { referralId, establishmentCode: event.establishmentCode!, expectedReleaseDate: null },
        via,
      );
      return;
    case 'RECORD_TRANSFER':
      await recordTransfer(
        ctx,
        { referralId, establishmentCode: event.establishmentCode!, transferredOn: on },
        via,
      );
      return;
    case 'UPDATE_EXPECTED_RELEASE_DATE':
      await updateExpectedReleaseDate(
        ctx,
        { referralId, expectedReleaseDate: event.expectedReleaseDate!, reason: HMPPS_RELEASE_DATE_REASON },
        via,
      );
      return;
  }
}

/**
 * IGNORED on an open referral: the history says what HMPPS reported and why nothing changed, and
 * the message id is kept, in one transaction (the referral's fields and version stay).
 */
async function noteIgnored(
  ctx: Context,
  event: CustodyEvent,
  personId: string,
  referral: ReferralRow,
  why: string,
): Promise<Result> {
  const at = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      await recordCustodyEvent(tx, { ...event, personId, outcome: 'IGNORED' }, referral.id, at);
      await recordHistory(tx, ctx.principal, [
        {
          referralId: referral.id,
          type: 'referral.custody-event-ignored',
          fromStatus: referral.status,
          toStatus: referral.status,
          reason: why,
          at,
        },
      ]);
      await recordAuditEvents(tx, auditActor(ctx, at), [
        {
          action: 'referral.custody-event-ignored',
          subjectType: 'Referral',
          subjectId: referral.id,
          personId,
          fields: ['history'],
        },
      ]);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'custody_events_pkey')) return alreadyApplied(ctx, event, referral);
    throw error;
  }
  ctx.loaders.referralById.clear(referral.id);
  return result('IGNORED', referral.id);
}

/** A message seen before: the referral its first application changed (this one when it is gone). */
async function alreadyApplied(ctx: Context, event: CustodyEvent, referral: ReferralRow): Promise<Result> {
  const first = await firstApplication(ctx, event.messageId);
  return result('ALREADY_APPLIED', first?.referralId ?? referral.id);
}

/** MERGED, through the identity authority; the message id is kept when the person has an open referral. */
async function applyMerge(ctx: Context, event: CustodyEvent): Promise<Result> {
  const data = await hubFor(ctx).call<{
    mergePrisonNumbers: { outcome: 'MERGED' | 'IDENTITY_CONFLICT' | 'NOT_HELD'; personId: string | null };
  }>('person', MERGE, { kept: event.prisonNumber, removed: event.removedPrisonNumber });
  const { outcome: merged, personId } = data.mergePrisonNumbers;
  if (merged === 'NOT_HELD' || !personId) return result('IGNORED');
  const outcome: CustodyEventOutcome =
    merged === 'MERGED' ? 'PRISON_NUMBER_MERGED' : 'IDENTITY_CONFLICT_RECORDED';
  const referral = await openReferralOf(ctx, personId);
  if (referral) {
    await recordCustodyEvent(
      ctx.db,
      { ...event, personId, outcome },
      referral.id,
      ctx.clock.now(),
    ).onConflictDoNothing();
  }
  return result(outcome, referral?.id ?? null);
}
