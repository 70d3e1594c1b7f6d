/**
 * Custody changes while the person is held (DOMAIN.md, "Custody changes"), as pure rules: what a
 * transfer and a temporary licence change on the referral, and whether a transfer hands the
 * referral over to the new establishment's service. The write path (lifecycle.ts) applies them.
 *
 * Choices where DOMAIN.md is silent: a transfer to the establishment the person is already at is
 * BAD_USER_INPUT; `transferredOn` may not be before the referral was made (like a release date);
 * starting a temporary licence while on one, or ending one while not on one, is
 * INVALID_TRANSITION (nothing would change).
 */
import { badInput, invalidTransition } from '@reconnect/graph';
import type { ReferralRow } from '../db/schema.ts';

export interface TransferTarget {
  code: string;
  type: 'PRISON' | 'IRC';
  /** The RECONNECT service local to the establishment (the directory's answer), if any. */
  localServiceCode: string | null;
}

export interface TransferFacts {
  current: Pick<ReferralRow, 'establishmentCode' | 'custodyType' | 'owningServiceCode'>;
  to: TransferTarget;
  transferredOn: string;
  /** The day the referral was made (London) and today (London). */
  referredOn: string;
  today: string;
  /** Whether the referral has a handover REQUESTED or ACCEPTED now. */
  openHandover: boolean;
}

export interface TransferChange {
  set: { establishmentCode: string; custodyType: 'PRISON' | 'IRC' };
  reason: string;
  fields: string[];
  /** The service a handover is requested to, in the transfer's transaction; null for none. */
  handOverTo: string | null;
}

export function transferChange(facts: TransferFacts): TransferChange {
  const { current, to, transferredOn } = facts;
  if (transferredOn > facts.today)
    throw badInput('transferredOn', 'The transfer date may not be in the future.');
  if (transferredOn < facts.referredOn)
    throw badInput('transferredOn', 'The transfer date may not be before the referral was made.');
  if (to.code === current.establishmentCode)
    throw badInput('establishmentCode', `The person is already at ${to.code}: name the new establishment.`);
  const handOverTo =
    to.localServiceCode !== null && to.localServiceCode !== current.owningServiceCode && !facts.openHandover
      ? to.localServiceCode
      : null;
  const typeChanged = to.type !== current.custodyType;
  return {
    set: { establishmentCode: to.code, custodyType: to.type },
    reason: `Transferred from ${current.establishmentCode} to ${to.code} on ${transferredOn}${
      typeChanged ? ` (${current.custodyType} to ${to.type})` : ''
    }`,
    fields: typeChanged ? ['custody.establishment', 'custody.type'] : ['custody.establishment'],
    handOverTo,
  };
}

export interface TemporaryLicenceChange {
  set: { onTemporaryLicence: boolean };
  event: 'referral.temporary-licence-started' | 'referral.temporary-licence-ended';
  reason: string;
}

/** ROTL began (`next` true) or ended: status, release date and support window stay as they are. */
export function temporaryLicenceChange(onTemporaryLicence: boolean, next: boolean): TemporaryLicenceChange {
  if (onTemporaryLicence === next) {
    throw invalidTransition(
      next
        ? 'recordTemporaryLicence: the person is already on temporary licence.'
        : 'recordTemporaryLicence: the person is not on temporary licence.',
    );
  }
  return next
    ? {
        set: { onTemporaryLicence: true },
        event: 'referral.temporary-licence-started',
        reason: 'Release on temporary licence began',
      }
    : {
        set: { onTemporaryLicence: false },
        event: 'referral.temporary-licence-ended',
        reason: 'Release on temporary licence ended',
      };
}
