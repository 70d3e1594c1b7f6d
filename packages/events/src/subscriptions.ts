/**
 * Subscriptions, always read and changed for one organisation: every function takes the caller's
 * organisation and matches on it, so one organisation can neither see nor touch another's.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '@reconnect/db';
import { deliveries, subscriptions, type SubscriptionRow } from './schema.ts';
import type { WebhookSecretSealer } from './secrets.ts';

/** A subscription as the API shows it: never with its secret. */
export type PublicSubscription = Omit<SubscriptionRow, 'secret' | 'secretKeyId'>;

const publicColumns = {
  id: subscriptions.id,
  organisationCode: subscriptions.organisationCode,
  url: subscriptions.url,
  eventTypes: subscriptions.eventTypes,
  active: subscriptions.active,
  createdAt: subscriptions.createdAt,
  createdBy: subscriptions.createdBy,
  failingSince: subscriptions.failingSince,
  removedAt: subscriptions.removedAt,
};

export interface NewSubscription {
  organisationCode: string;
  url: string;
  eventTypes: string[];
  /** The plaintext secret: sealed here, never stored as it is. */
  secret: string;
  createdBy: string;
  at: Date;
}

export async function createSubscription(
  tx: Queryable,
  input: NewSubscription,
  secrets: WebhookSecretSealer,
): Promise<PublicSubscription> {
  // The id is chosen here: the sealed secret is bound to it.
  const id = randomUUID();
  const sealed = secrets.seal(input.secret, id);
  const [row] = await tx
    .insert(subscriptions)
    .values({
      id,
      organisationCode: input.organisationCode,
      url: input.url,
      eventTypes: input.eventTypes,
      secret: sealed.ciphertext,
      secretKeyId: sealed.keyId,
      createdBy: input.createdBy,
      createdAt: input.at,
    })
    .returning(publicColumns);
  return row!;
}

/** The organisation's active subscriptions, oldest first. */
export async function listSubscriptions(
  db: Queryable,
  organisationCode: string,
): Promise<PublicSubscription[]> {
  return db
    .select(publicColumns)
    .from(subscriptions)
    .where(and(eq(subscriptions.organisationCode, organisationCode), eq(subscriptions.active, true)))
    .orderBy(subscriptions.createdAt, subscriptions.id);
}

/** One active subscription of the organisation, or null (also for another organisation's). */
export async function findSubscription(
  db: Queryable,
  organisationCode: string,
  id: string,
): Promise<PublicSubscription | null> {
  const [row] = await db
    .select(publicColumns)
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.id, id),
        eq(subscriptions.organisationCode, organisationCode),
        eq(subscriptions.active, true),
      ),
    );
  return row ?? null;
}

/** Parked deliveries per subscription, for many subscriptions in one statement. */
export async function parkedCounts(
  db: Queryable,
  subscriptionIds: readonly string[],
): Promise<Map<string, number>> {
  if (subscriptionIds.length === 0) return new Map();
  const rows = await db
    .select({ id: deliveries.subscriptionId, n: count() })
    .from(deliveries)
    .where(and(inArray(deliveries.subscriptionId, [...subscriptionIds]), eq(deliveries.status, 'PARKED')))
    .groupBy(deliveries.subscriptionId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/**
 * Deactivates the organisation's subscription; the dispatcher claims deliveries of active
 * subscriptions only, so what was pending to it is no longer sent. Returns whether one was removed.
 */
export async function removeSubscription(
  tx: Queryable,
  organisationCode: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const removed = await tx
    .update(subscriptions)
    .set({ active: false, removedAt: at })
    .where(
      and(
        eq(subscriptions.id, id),
        eq(subscriptions.organisationCode, organisationCode),
        eq(subscriptions.active, true),
        isNull(subscriptions.removedAt),
      ),
    )
    .returning({ id: subscriptions.id });
  return removed.length > 0;
}

/** Queues the subscription's parked deliveries again, due now, with a fresh 24 hours of retries. */
export async function replayParked(tx: Queryable, subscriptionId: string, at: Date): Promise<number> {
  const replayed = await tx
    .update(deliveries)
    .set({ status: 'PENDING', parkedAt: null, nextAttemptAt: at, pendingSince: at, attempts: 0 })
    .where(and(eq(deliveries.subscriptionId, subscriptionId), eq(deliveries.status, 'PARKED')))
    .returning({ id: deliveries.id });
  return replayed.length;
}

/**
 * Holds the organisation's subscriptions still until the transaction ends (a transaction-scoped
 * advisory lock on its code), so that counting them and adding one is atomic: two registrations at
 * once cannot both pass the cap.
 */
export async function lockOrganisationSubscriptions(tx: Queryable, organisationCode: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`events.subscriptions:${organisationCode}`}))`,
  );
}

/** The organisation's active subscriptions. */
export async function countActiveSubscriptions(db: Queryable, organisationCode: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(subscriptions)
    .where(and(eq(subscriptions.organisationCode, organisationCode), eq(subscriptions.active, true)));
  return Number(row?.n ?? 0);
}

/**
 * The most active subscriptions any one organisation has (0 with none): a gauge for `/metrics`,
 * to watch against WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION. One statement.
 */
export async function maxSubscriptionsPerOrganisation(db: Queryable): Promise<number> {
  const result = await db.execute(sql`
    select coalesce(max(n), 0)::int as n from (
      select count(*) as n from ${subscriptions} where active group by organisation_code
    ) per_organisation`);
  const [row] = rowsOf<{ n: number | string }>(result);
  return Number(row?.n ?? 0);
}
