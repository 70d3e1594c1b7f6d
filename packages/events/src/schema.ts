/**
 * The transactional outbox (DOMAIN.md, "Events to other agencies"): agencies' webhook
 * subscriptions, one row per event written in the transaction of the change it describes, and one
 * delivery per event and subscription that the dispatcher works through.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgSchema, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const eventsSchema = pgSchema('events');

export const subscriptions = eventsSchema.table(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationCode: text('organisation_code').notNull(),
    url: text('url').notNull(),
    /** Empty means every type. */
    eventTypes: text('event_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * Security: kept to sign deliveries (HMAC needs the secret itself, so it cannot be hashed),
     * encrypted (secrets.ts: AES-256-GCM, `v1.<iv>.<ciphertext>.<tag>`), never returned by the API
     * or written to logs.
     */
    secret: text('secret').notNull(),
    /** The WEBHOOK_SECRET_KEYS entry `secret` is sealed under; null only for a plaintext secret stored before encryption. */
    secretKeyId: text('secret_key_id'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    failingSince: timestamp('failing_since', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('subscriptions_org_idx').on(t.organisationCode, t.active)],
);

export const outbox = eventsSchema.table(
  'outbox',
  {
    /** The event id receivers de-duplicate by. */
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    referralId: uuid('referral_id').notNull(),
    reference: text('reference').notNull(),
    handoverId: uuid('handover_id'),
    /** The thin body sent to every subscriber: identifiers and a query, never personal data. */
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbox_referral_idx').on(t.referralId),
    // Pruning finds old events by age (dispatcher.ts, `prune`).
    index('outbox_created_idx').on(t.createdAt),
  ],
);

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'PARKED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const deliveries = eventsSchema.table(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => outbox.id),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** When it last became PENDING (created or replayed): retries run for 24 hours from here. */
    pendingSince: timestamp('pending_since', { withTimezone: true }).notNull(),
    /** The HTTP status or the network error; never the receiver's answer body. */
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    parkedAt: timestamp('parked_at', { withTimezone: true }),
  },
  (t) => [
    unique('deliveries_event_subscription_key').on(t.eventId, t.subscriptionId),
    index('deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('deliveries_subscription_idx').on(t.subscriptionId, t.status),
  ],
);

export type SubscriptionRow = typeof subscriptions.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
