/**
 * What each HMPPS event type becomes (contract/HMPPS-EVENTS.md, "Events and what the connector
 * sends"): one handler per event type behind one router, each a pure function of the parsed
 * message, so a table test drives them. A handler answers a plan:
 *
 * - `apply`: the `applyCustodyEvent` input;
 * - `look-up-release-date`: a release-date event, which carries no dates: the connector asks
 *   Prisoner Search and then applies `withReleaseDate(date)` (or nothing, when there is no date);
 * - `skip`: nothing for the hub (an event type it does not take, an update without SENTENCE):
 *   acknowledged and dropped;
 * - `reject`: the message can never apply (a field missing or malformed): dead-lettered.
 */
import type { DomainEvent } from './envelope.ts';
import type { CustodyEventInput } from './generated/graphql.ts';

export type Plan =
  | { kind: 'apply'; input: CustodyEventInput }
  | {
      kind: 'look-up-release-date';
      prisonNumber: string;
      withReleaseDate: (expectedReleaseDate: string) => CustodyEventInput;
    }
  | { kind: 'skip'; why: string }
  | { kind: 'reject'; reason: string };

/** A prison (NOMIS) number: a letter, four digits and two letters. */
export const PRISON_NUMBER = /^[A-Z]\d{4}[A-Z]{2}$/;
/** HMPPS prison ids are three letters (MRI); a few are longer. Never anything but letters and digits. */
const ESTABLISHMENT = /^[A-Z0-9]{2,10}$/;
const REASON = /^[A-Z_]{1,50}$/;

type Handler = (event: DomainEvent, messageId: string) => Plan;

const text = (event: DomainEvent, key: string): string | undefined => {
  const value = event.additionalInformation[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : undefined;
};

/** additionalInformation.nomsNumber, else the NOMS identifier of personReference. */
function prisonNumberOf(event: DomainEvent): string | undefined {
  return text(event, 'nomsNumber') ?? event.identifiers['NOMS']?.trim().toUpperCase();
}

function checked(value: string | undefined, pattern: RegExp, what: string): string | { reject: string } {
  if (!value) return { reject: `${what} is missing` };
  if (!pattern.test(value)) return { reject: `${what} is malformed` };
  return value;
}

const rejected = (value: string | { reject: string }): value is { reject: string } =>
  typeof value === 'object';

/** RELEASED and RECEIVED: the same fields, the type apart. */
const movement =
  (type: 'RELEASED' | 'RECEIVED'): Handler =>
  (event, messageId) => {
    const prisonNumber = checked(prisonNumberOf(event), PRISON_NUMBER, 'nomsNumber');
    if (rejected(prisonNumber)) return { kind: 'reject', reason: prisonNumber.reject };
    const reason = text(event, 'reason');
    if (reason !== undefined && !REASON.test(reason))
      return { kind: 'reject', reason: 'reason is malformed' };
    const prisonId = text(event, 'prisonId');
    if (prisonId !== undefined && !ESTABLISHMENT.test(prisonId)) {
      return { kind: 'reject', reason: 'prisonId is malformed' };
    }
    return {
      kind: 'apply',
      input: {
        messageId,
        type,
        reason: reason ?? null,
        occurredAt: event.occurredAt.toISOString(),
        prisonNumber,
        establishmentCode: prisonId ?? null,
      },
    };
  };

const merged: Handler = (event, messageId) => {
  const prisonNumber = checked(prisonNumberOf(event), PRISON_NUMBER, 'nomsNumber');
  if (rejected(prisonNumber)) return { kind: 'reject', reason: prisonNumber.reject };
  const removed = checked(text(event, 'removedNomsNumber'), PRISON_NUMBER, 'removedNomsNumber');
  if (rejected(removed)) return { kind: 'reject', reason: removed.reject };
  return {
    kind: 'apply',
    input: {
      messageId,
      type: 'MERGED',
      occurredAt: event.occurredAt.toISOString(),
      prisonNumber,
      removedPrisonNumber: removed,
    },
  };
};

/** prisoner-offender-search.prisoner.updated: only a change of SENTENCE is the hub's. */
const prisonerUpdated: Handler = (event, messageId) => {
  const categories = event.additionalInformation['categoriesChanged'];
  const changed = Array.isArray(categories) ? categories : typeof categories === 'string' ? [categories] : [];
  if (!changed.some((c) => c === 'SENTENCE')) return { kind: 'skip', why: 'no SENTENCE change' };
  const prisonNumber = checked(prisonNumberOf(event), PRISON_NUMBER, 'nomsNumber');
  if (rejected(prisonNumber)) return { kind: 'reject', reason: prisonNumber.reject };
  return {
    kind: 'look-up-release-date',
    prisonNumber,
    withReleaseDate: (expectedReleaseDate) => ({
      messageId,
      type: 'RELEASE_DATE_CHANGED',
      occurredAt: event.occurredAt.toISOString(),
      prisonNumber,
      expectedReleaseDate,
    }),
  };
};

export const HANDLERS: Readonly<Record<string, Handler>> = {
  'prison-offender-events.prisoner.released': movement('RELEASED'),
  'prison-offender-events.prisoner.received': movement('RECEIVED'),
  'prison-offender-events.prisoner.merged': merged,
  'prisoner-offender-search.prisoner.updated': prisonerUpdated,
};

/** The router: the plan for one parsed message. */
export function planOf(event: DomainEvent, messageId: string): Plan {
  const handler = Object.hasOwn(HANDLERS, event.eventType) ? HANDLERS[event.eventType] : undefined;
  if (!handler) return { kind: 'skip', why: 'an event type the hub does not take' };
  return handler(event, messageId);
}
