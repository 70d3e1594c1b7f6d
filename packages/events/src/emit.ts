/**
 * Writing an event: always inside the transaction of the change it describes, so an event exists
 * exactly when its change committed (nothing is sent for a change that rolled back), and fanned out
 * at once to the subscriptions of every organisation related to the referral at that moment.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '@reconnect/db';
import { deliveries, outbox } from './schema.ts';
import { isEventType, type EventBody, type EventType } from './types.ts';

export interface ReferralEventInput {
  type: EventType;
  referralId: string;
  reference: string;
  /** Required for handover events. */
  handoverId?: string | null | undefined;
  occurredAt: Date;
}

/**
 * The body is deliberately thin (no personal data): a receiver reads what it may see through the
 * gateway with its own token, where the usual permissions and the access log apply.
 */
export function eventBody(id: string, input: ReferralEventInput): EventBody {
  const handover = input.type.startsWith('handover.');
  const detail = handover
    ? `query { referral(id: "${input.referralId}") { id reference status version handovers { id status } } }`
    : `query { referral(id: "${input.referralId}") { id reference status version } }`;
  return {
    id,
    type: input.type,
    occurredAt: input.occurredAt.toISOString(),
    referralId: input.referralId,
    reference: input.reference,
    ...(handover && input.handoverId ? { handoverId: input.handoverId } : {}),
    detail,
  };
}

/**
 * Records the event in the caller's transaction and queues one delivery to each active
 * subscription, of each organisation with a grant on the referral live at `occurredAt` (granted by
 * or before this change, or ended by this very change, so a service whose handover was just
 * declined still hears of it), whose event types are empty or name this type. ER partners' grants
 * are on the person's enhanced case; they count when the person is this referral's. Two statements.
 */
export async function emitReferralEvent(tx: Queryable, input: ReferralEventInput): Promise<string> {
  if (!isEventType(input.type)) throw new Error(`unknown event type ${String(input.type)}`);
  if (input.type.startsWith('handover.') && !input.handoverId) {
    throw new Error(`${input.type} needs a handoverId`);
  }
  const id = randomUUID();
  const body = eventBody(id, input);
  await tx.insert(outbox).values({
    id,
    type: input.type,
    occurredAt: input.occurredAt,
    referralId: input.referralId,
    reference: input.reference,
    handoverId: input.handoverId ?? null,
    payload: body,
    createdAt: input.occurredAt,
  });
  const at = input.occurredAt.toISOString();
  await tx.execute(sql`
    insert into ${deliveries} (event_id, subscription_id, status, attempts, next_attempt_at, pending_since)
    select ${id}::uuid, s.id, 'PENDING', 0, ${at}::timestamptz, ${at}::timestamptz
    from events.subscriptions s
    where s.active
      and (cardinality(s.event_types) = 0 or ${input.type}::text = any(s.event_types))
      and s.organisation_code in (
        select g.organisation_code from access.grants g
        where g.valid_from <= ${at}::timestamptz
          and (g.valid_until is null or g.valid_until >= ${at}::timestamptz)
          and (
            g.referral_id = ${input.referralId}::uuid
            or (
              g.relationship = 'ER_PARTNER' and g.referral_id is null
              and g.person_id in (select r.person_id from access.grants r where r.referral_id = ${input.referralId}::uuid)
            )
          )
      )
    on conflict do nothing`);
  return id;
}
