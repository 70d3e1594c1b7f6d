/**
 * The referral's operations (DOMAIN.md, "The referral's life" and "Support, contacts and
 * engagement"): each validates its input against the current row and says what changes; the
 * shared write path (lifecycle.ts) checks who may do it and when, and writes it.
 *
 * Choices where DOMAIN.md is silent: a contact cannot predate the day the referral was made nor be
 * in the future; an engagement ATTENDED or MISSED cannot be on a future day; a return to custody
 * clears any extension of support (it ran from the release that no longer holds; the history keeps
 * it); an extension must end later than the current end and not in the past.
 */
import { londonDateOf } from '@reconnect/config';
import { badInput, conflict, invalidTransition, optionalText, requiredText } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { isUniqueViolation, type Queryable } from '@reconnect/db';
import { contacts, engagements, type ReferralRow } from '../db/schema.ts';
import type {
  MutationAcceptReferralArgs,
  MutationAssignPeerSupportArgs,
  MutationAssignWorkerArgs,
  MutationDeclineReferralArgs,
  MutationDischargeReferralArgs,
  MutationExtendSupportArgs,
  MutationRecordConsentArgs,
  MutationRecordContactArgs,
  MutationRecordEngagementArgs,
  MutationRecordReleaseArgs,
  MutationRecordReturnToCustodyArgs,
  MutationRecordTemporaryLicenceArgs,
  MutationRecordTransferArgs,
  MutationUpdateExpectedReleaseDateArgs,
  MutationWithdrawReferralArgs,
} from '../generated/graphql.ts';
import { openHandoverOf, requestAutomaticHandover } from './handover.ts';
import { temporaryLicenceChange, transferChange } from './custody.ts';
import { addMonths } from '@reconnect/config';
import {
  NAMED_WORKER_ROLES,
  PEER_SUPPORT_ROLES,
  assignableStaff,
  knownEstablishment,
} from './lifecycle-directory.ts';
import { changeReferral, type CustodyEventWrite } from './lifecycle.ts';
import { SUPPORT_MONTHS_AFTER_RELEASE } from './support-window.ts';
import { actorLabel } from '@reconnect/auth';

export const MAX_NOTE_LENGTH = 2000;
export const MAX_REASON_LENGTH = 2000;
export const MAX_PROVIDER_NAME_LENGTH = 200;

function notInPast(date: string, field: string, what: string, today: string): string {
  if (date < today) throw badInput(field, `${what} may not be in the past.`);
  return date;
}

function notInFuture(date: string, field: string, what: string, today: string): string {
  if (date > today) throw badInput(field, `${what} may not be in the future.`);
  return date;
}

const referredOn = (r: ReferralRow) => londonDateOf(r.submittedAt);
const withNote = (head: string, note: string | null) => (note ? `${head}: ${note}` : head);

export function withdrawReferral(ctx: Context, args: MutationWithdrawReferralArgs) {
  return changeReferral(ctx, {
    referralId: args.id,
    operation: 'WITHDRAW',
    mutation: 'withdrawReferral',
    expectedVersion: args.expectedVersion,
    plan: () => ({
      set: {},
      // The reason lives in the history: the referral has no withdrawal columns.
      event: {
        type: 'referral.withdrawn',
        reason: requiredText(args.reason, 'reason', 'A reason', MAX_REASON_LENGTH),
      },
      fields: ['status'],
    }),
  });
}

export function recordConsent(ctx: Context, args: MutationRecordConsentArgs) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation: 'RECORD_CONSENT',
    mutation: 'recordConsent',
    expectedVersion: args.expectedVersion,
    plan: (_current, now) => {
      const consent = {
        consentDecision: args.decision,
        consentMethod: args.method,
        consentRecordedAt: now,
        consentRecordedBy: actorLabel(ctx.principal),
      };
      if (args.decision === 'GIVEN') {
        return {
          set: consent,
          event: { type: 'referral.consent-recorded', reason: `Consent GIVEN (${args.method})` },
          fields: ['consent'],
        };
      }
      // DOMAIN.md: refused consent leads to DECLINED with CONSENT_NOT_GIVEN, in the same change.
      return {
        set: {
          ...consent,
          status: 'DECLINED',
          declineReason: 'CONSENT_NOT_GIVEN',
          declineNote: null,
          declinedAt: now,
        },
        event: {
          type: 'referral.declined',
          reason: `CONSENT_NOT_GIVEN: consent ${args.decision} (${args.method})`,
        },
        fields: ['consent', 'status', 'decline'],
      };
    },
  });
}

export function acceptReferral(ctx: Context, args: MutationAcceptReferralArgs) {
  return changeReferral(ctx, {
    referralId: args.id,
    operation: 'ACCEPT',
    mutation: 'acceptReferral',
    expectedVersion: args.expectedVersion,
    plan: (current, now) => {
      if (current.consentDecision !== 'GIVEN') {
        throw invalidTransition(
          "acceptReferral needs the person's consent recorded as GIVEN first (recordConsent).",
        );
      }
      // DOMAIN.md "Cross-area handover": a person from another service's area is handed over to it,
      // requested in the acceptance's own transaction.
      const receiving = current.receivingServiceCode;
      const handOver = receiving !== null && receiving !== current.owningServiceCode;
      return {
        set: {},
        event: { type: 'referral.accepted' },
        fields: ['status'],
        ...(handOver
          ? {
              alsoWrite: async (tx: Queryable) => {
                await requestAutomaticHandover(tx, ctx, current, {
                  toServiceCode: receiving,
                  at: now,
                  cause: 'acceptance',
                });
              },
            }
          : {}),
      };
    },
  });
}

export function declineReferral(ctx: Context, args: MutationDeclineReferralArgs) {
  return changeReferral(ctx, {
    referralId: args.id,
    operation: 'DECLINE',
    mutation: 'declineReferral',
    expectedVersion: args.expectedVersion,
    plan: (_current, now) => {
      const note = optionalText(args.note, 'note', 'A note', MAX_NOTE_LENGTH);
      return {
        set: { declineReason: args.reason, declineNote: note, declinedAt: now },
        event: { type: 'referral.declined', reason: withNote(args.reason, note) },
        fields: ['status', 'decline'],
      };
    },
  });
}

/** The two staff assignments differ only in the role allowed, the column and the wording. */
const ASSIGNMENTS = {
  ASSIGN_WORKER: {
    mutation: 'assignWorker',
    roles: NAMED_WORKER_ROLES,
    column: 'namedWorkerId',
    event: 'referral.worker-assigned',
    label: 'Named worker',
    field: 'namedWorker',
  },
  ASSIGN_PEER_SUPPORT: {
    mutation: 'assignPeerSupport',
    roles: PEER_SUPPORT_ROLES,
    column: 'peerSupportWorkerId',
    event: 'referral.peer-support-assigned',
    label: 'Peer support worker',
    field: 'peerSupportWorker',
  },
} as const;

function assignStaff(
  ctx: Context,
  operation: keyof typeof ASSIGNMENTS,
  args: MutationAssignWorkerArgs | MutationAssignPeerSupportArgs,
) {
  const assignment = ASSIGNMENTS[operation];
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation,
    mutation: assignment.mutation,
    expectedVersion: args.expectedVersion,
    plan: async (current) => {
      const worker = await assignableStaff(
        ctx,
        args.staffId,
        current.owningServiceCode,
        'staffId',
        assignment.roles,
      );
      return {
        set: { [assignment.column]: worker.id },
        event: { type: assignment.event, reason: `${assignment.label}: ${worker.name}` },
        fields: [assignment.field],
      };
    },
  });
}

export function assignWorker(ctx: Context, args: MutationAssignWorkerArgs) {
  return assignStaff(ctx, 'ASSIGN_WORKER', args);
}

export function assignPeerSupport(ctx: Context, args: MutationAssignPeerSupportArgs) {
  return assignStaff(ctx, 'ASSIGN_PEER_SUPPORT', args);
}

export function recordContact(ctx: Context, args: MutationRecordContactArgs) {
  const { input } = args;
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation: 'RECORD_CONTACT',
    mutation: 'recordContact',
    plan: async (current, now) => {
      if (input.occurredAt.getTime() > now.getTime())
        throw badInput('input.occurredAt', 'A contact may not be in the future.');
      const on = londonDateOf(input.occurredAt);
      if (on < referredOn(current))
        throw badInput('input.occurredAt', 'A contact may not be before the day of the referral.');
      const note = optionalText(input.note, 'input.note', 'A note', MAX_NOTE_LENGTH);
      const staff = input.staffId
        ? await assignableStaff(ctx, input.staffId, current.owningServiceCode, 'input.staffId', null)
        : null;
      return {
        set: {},
        event: {
          type: 'referral.contact-recorded',
          reason: `${input.mode} contact (${input.purpose}) on ${on}`,
        },
        fields: ['contacts'],
        alsoWrite: async (tx) => {
          await tx.insert(contacts).values({
            referralId: current.id,
            occurredAt: input.occurredAt,
            mode: input.mode,
            purpose: input.purpose,
            staffId: staff?.id ?? null,
            note,
            recordedAt: now,
            recordedBy: actorLabel(ctx.principal),
          });
        },
      };
    },
  });
}

/** `via`: an HMPPS custody event applies it (apply-custody-event.ts), from SUBMITTED on too. */
export function updateExpectedReleaseDate(
  ctx: Context,
  args: MutationUpdateExpectedReleaseDateArgs,
  via?: CustodyEventWrite,
) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    ...(via ? { custodyEvent: via } : {}),
    operation: via ? 'SET_EXPECTED_RELEASE_DATE' : 'UPDATE_EXPECTED_RELEASE_DATE',
    mutation: 'updateExpectedReleaseDate',
    expectedVersion: args.expectedVersion,
    plan: (current) => {
      const date = notInPast(
        args.expectedReleaseDate,
        'expectedReleaseDate',
        'The expected release date',
        ctx.clock.today(),
      );
      const reason = requiredText(args.reason, 'reason', 'A reason', MAX_REASON_LENGTH);
      return {
        // The support window is derived from it, so it moves with it.
        set: { expectedReleaseDate: date },
        event: {
          type: 'referral.expected-release-date-updated',
          reason: `${current.expectedReleaseDate ?? 'none'} to ${date}: ${reason}`,
        },
        fields: ['custody.expectedReleaseDate'],
      };
    },
  });
}

export function recordRelease(ctx: Context, args: MutationRecordReleaseArgs, via?: CustodyEventWrite) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    ...(via ? { custodyEvent: via } : {}),
    operation: 'RECORD_RELEASE',
    mutation: 'recordRelease',
    expectedVersion: args.expectedVersion,
    plan: (current) => {
      const releasedOn = notInFuture(args.releasedOn, 'releasedOn', 'The release date', ctx.clock.today());
      if (releasedOn < referredOn(current))
        throw badInput('releasedOn', 'The release date may not be before the referral was made.');
      return {
        // A release ends any temporary licence: the person is out for good (support ends six months on).
        set: { releasedOn, onTemporaryLicence: false },
        event: { type: 'referral.released', reason: `Released on ${releasedOn}` },
        fields: ['status', 'custody.releasedOn', 'custody.onTemporaryLicence'],
      };
    },
  });
}

/**
 * An HMPPS release reported while the referral is SUBMITTED (DOMAIN.md, "Custody events from
 * HMPPS"): `custody.releasedOn` is set and the status stays; accepting it then gives POST_RELEASE.
 */
export function recordReleasedOn(
  ctx: Context,
  args: { referralId: string; releasedOn: string },
  via: CustodyEventWrite,
) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    custodyEvent: via,
    operation: 'RECORD_RELEASED_ON',
    mutation: 'applyCustodyEvent',
    plan: (current) => {
      const releasedOn = notInFuture(args.releasedOn, 'releasedOn', 'The release date', ctx.clock.today());
      if (releasedOn < referredOn(current))
        throw badInput('releasedOn', 'The release date may not be before the referral was made.');
      return {
        set: { releasedOn, onTemporaryLicence: false },
        event: { type: 'referral.release-reported', reason: `Released on ${releasedOn} (before acceptance)` },
        fields: ['custody.releasedOn', 'custody.onTemporaryLicence'],
      };
    },
  });
}

export function recordReturnToCustody(
  ctx: Context,
  args: MutationRecordReturnToCustodyArgs,
  via?: CustodyEventWrite,
) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    ...(via ? { custodyEvent: via } : {}),
    operation: 'RECORD_RETURN_TO_CUSTODY',
    mutation: 'recordReturnToCustody',
    expectedVersion: args.expectedVersion,
    plan: async (current) => {
      const expected = args.expectedReleaseDate
        ? notInPast(
            args.expectedReleaseDate,
            'expectedReleaseDate',
            'The expected release date',
            ctx.clock.today(),
          )
        : null;
      const establishment = await knownEstablishment(ctx, args.establishmentCode, 'establishmentCode');
      const extension = current.supportExtendedUntil
        ? `; support had been extended until ${current.supportExtendedUntil}`
        : '';
      return {
        set: {
          custodyType: establishment.type,
          establishmentCode: establishment.code,
          releasedOn: null,
          expectedReleaseDate: expected,
          onTemporaryLicence: false,
          supportExtendedUntil: null,
          extensionReason: null,
        },
        event: {
          type: 'referral.returned-to-custody',
          reason: `Returned to custody at ${establishment.code}; previously released on ${current.releasedOn ?? 'an unrecorded date'}${extension}`,
        },
        fields: ['status', 'custody', 'supportWindow'],
      };
    },
  });
}

/**
 * DOMAIN.md "Custody changes": the person moved to another establishment in England. When the new
 * establishment's local service is not the owning service, a handover to it is requested in the
 * same transaction (as on acceptance), unless one is open already.
 */
export async function recordTransfer(
  ctx: Context,
  args: MutationRecordTransferArgs,
  via?: CustodyEventWrite,
) {
  try {
    return await changeReferral(ctx, {
      referralId: args.referralId,
      ...(via ? { custodyEvent: via } : {}),
      operation: 'RECORD_TRANSFER',
      mutation: 'recordTransfer',
      expectedVersion: args.expectedVersion,
      plan: async (current, now) => {
        const to = await knownEstablishment(ctx, args.establishmentCode, 'establishmentCode');
        const change = transferChange({
          current,
          to,
          transferredOn: args.transferredOn,
          referredOn: referredOn(current),
          today: ctx.clock.today(),
          openHandover: (await openHandoverOf(ctx.db, current.id)) !== null,
        });
        const handOverTo = change.handOverTo;
        return {
          set: change.set,
          event: { type: 'referral.transferred', reason: change.reason },
          fields: handOverTo ? [...change.fields, 'handover'] : change.fields,
          ...(handOverTo
            ? {
                alsoWrite: async (tx: Queryable) => {
                  await requestAutomaticHandover(tx, ctx, current, {
                    toServiceCode: handOverTo,
                    at: now,
                    cause: 'transfer',
                  });
                },
              }
            : {}),
        };
      },
    });
  } catch (error) {
    // A handover was requested by hand between the check and the write: the index refused the second.
    if (isUniqueViolation(error, 'handovers_one_open_per_referral')) throw conflict();
    throw error;
  }
}

/** DOMAIN.md "Custody changes": ROTL began or ended; status, release date and support window stay. */
export function recordTemporaryLicence(
  ctx: Context,
  args: MutationRecordTemporaryLicenceArgs,
  via?: CustodyEventWrite,
) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    ...(via ? { custodyEvent: via } : {}),
    operation: 'RECORD_TEMPORARY_LICENCE',
    mutation: 'recordTemporaryLicence',
    expectedVersion: args.expectedVersion,
    plan: (current) => {
      const change = temporaryLicenceChange(current.onTemporaryLicence, args.onTemporaryLicence);
      return {
        set: change.set,
        event: { type: change.event, reason: change.reason },
        fields: ['custody.onTemporaryLicence'],
      };
    },
  });
}

export function recordEngagement(ctx: Context, args: MutationRecordEngagementArgs) {
  const { input } = args;
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation: 'RECORD_ENGAGEMENT',
    mutation: 'recordEngagement',
    plan: (current, now) => {
      const providerName = requiredText(
        input.providerName,
        'input.providerName',
        'A provider name',
        MAX_PROVIDER_NAME_LENGTH,
      );
      const appointmentOn = input.appointmentOn ?? null;
      if (appointmentOn && (input.outcome === 'ATTENDED' || input.outcome === 'MISSED')) {
        notInFuture(
          appointmentOn,
          'input.appointmentOn',
          `An appointment ${input.outcome.toLowerCase()}`,
          ctx.clock.today(),
        );
      }
      return {
        set: {},
        event: {
          type: 'referral.engagement-recorded',
          reason: `${input.serviceType} with ${providerName}: ${input.outcome}`,
        },
        fields: ['engagements'],
        alsoWrite: async (tx) => {
          await tx.insert(engagements).values({
            referralId: current.id,
            serviceType: input.serviceType,
            providerName,
            appointmentOn,
            outcome: input.outcome,
            recordedAt: now,
            recordedBy: actorLabel(ctx.principal),
          });
        },
      };
    },
  });
}

/** The day support ends now: a previous extension, or six calendar months after release. */
export function currentSupportEnd(
  r: Pick<ReferralRow, 'supportExtendedUntil' | 'releasedOn'>,
): string | null {
  return (
    r.supportExtendedUntil ?? (r.releasedOn ? addMonths(r.releasedOn, SUPPORT_MONTHS_AFTER_RELEASE) : null)
  );
}

export function extendSupport(ctx: Context, args: MutationExtendSupportArgs) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation: 'EXTEND_SUPPORT',
    mutation: 'extendSupport',
    expectedVersion: args.expectedVersion,
    plan: (current) => {
      const end = currentSupportEnd(current);
      if (end && args.until <= end)
        throw badInput(
          'until',
          'An extension must end after the current end of support (see supportWindow).',
        );
      notInPast(args.until, 'until', 'The end of an extension', ctx.clock.today());
      const reason = requiredText(args.reason, 'reason', 'A reason', MAX_REASON_LENGTH);
      return {
        set: { supportExtendedUntil: args.until, extensionReason: reason },
        event: { type: 'referral.support-extended', reason: `Until ${args.until}: ${reason}` },
        fields: ['supportWindow'],
      };
    },
  });
}

export function dischargeReferral(ctx: Context, args: MutationDischargeReferralArgs) {
  return changeReferral(ctx, {
    referralId: args.referralId,
    operation: 'DISCHARGE',
    mutation: 'dischargeReferral',
    expectedVersion: args.expectedVersion,
    plan: (_current, now) => {
      const note = optionalText(args.note, 'note', 'A note', MAX_NOTE_LENGTH);
      // DOMAIN.md: withdrawn consent leads here; the consent record says so too (method unchanged).
      const consent =
        args.reason === 'CONSENT_WITHDRAWN'
          ? {
              consentDecision: 'WITHDRAWN' as const,
              consentRecordedAt: now,
              consentRecordedBy: actorLabel(ctx.principal),
            }
          : {};
      return {
        set: { ...consent, dischargeReason: args.reason, dischargeNote: note, dischargedAt: now },
        event: { type: 'referral.discharged', reason: withNote(args.reason, note) },
        fields:
          args.reason === 'CONSENT_WITHDRAWN' ? ['status', 'discharge', 'consent'] : ['status', 'discharge'],
      };
    },
  });
}
