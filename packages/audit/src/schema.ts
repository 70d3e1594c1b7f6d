/**
 * The append-only audit trail. A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE, and
 * chains every row to the previous one: it takes a transaction-level advisory lock, numbers the row,
 * and sets `hash = sha256(prev_hash || the row's canonical text)`, so an edited or removed row breaks
 * the chain that `pnpm audit:verify` recomputes. Rows never hold personal data: only ids, field
 * names and outcomes.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

export const auditEvents = auditSchema.table(
  'events',
  {
    /** Assigned by the trigger under the chain lock, so ids follow the chain order. */
    seq: bigint('seq', { mode: 'number' }).primaryKey().default(0),
    id: text('id')
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorOrganisation: text('actor_organisation'),
    actorRoles: text('actor_roles').array().notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** The person the event concerns, when there is one: the key of `Person.accessLog`. */
    personId: text('person_id'),
    fields: text('fields').array().notNull(),
    purpose: text('purpose'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [index('events_person_idx').on(t.personId, t.seq), index('events_request_idx').on(t.requestId)],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
