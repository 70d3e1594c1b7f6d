/**
 * The append-only audit trail and the tamper evidence over it (docs/RELIABILITY.md, "Audit").
 *
 * - `events`: one row per fact, appended on the request path with no lock beyond its own row. A
 *   trigger (migration 0003) numbers each row from a sequence (`seq`, the append order the access
 *   log pages on) and queues it in `pending`; another refuses UPDATE, DELETE and TRUNCATE. A read
 *   is written once per request, reader, subject and outcome with the same fields and purpose (a
 *   unique partial index; writers insert with ON CONFLICT DO NOTHING): only a true repeat is
 *   folded, never another reader's read or one naming other fields (migration 0004).
 * - `pending`: what the sequencer has not chained yet (the one table rows leave: the sequencer
 *   deletes them in the transaction that chains them).
 * - `chain`: the order of the log. Position n links to n-1: `hash = sha256(prev_hash | canonical
 *   text of the event)`, `prev_hash` of position 1 being `genesis`. Written only by the sequencer
 *   (sequencer.ts), append-only like the events.
 * - `tree`: the sequencer's state, one row: how many chained leaves the Merkle tree holds and its
 *   frontier (the roots of its perfect subtrees), so a batch costs O(batch · log n). Its row lock
 *   is what makes one sequencer at a time. A cache of what `chain` says: verify never trusts it.
 * - `checkpoints`: signed tree heads (RFC 6962 Merkle tree hash of the first `tree_size` leaves,
 *   the chain's head hash at that size, when, and the Ed25519 signature with its key id).
 *
 * Rows never hold personal data: only ids, field names and outcomes. The chain and checkpoints
 * refer to events by `seq` without a foreign key on purpose: a removed event must leave its
 * chain entry behind as evidence, not be refused or cascaded away.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgSchema, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const auditSchema = pgSchema('audit');

export const auditEvents = auditSchema.table(
  'events',
  {
    /** The append order, assigned by the trigger from `audit.events_seq`, whatever the writer sends. */
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
    /** The hub's own id of the request (the gateway makes it, a UUID); a job's run id. */
    requestId: text('request_id'),
    /**
     * The id the client sent (X-Request-Id, or the FHIR endpoint's X-Correlation-Id), at most 128
     * printable ASCII characters: kept to find a client's request, part of no key (next/trust.md).
     */
    correlationId: text('correlation_id'),
  },
  (t) => [
    index('events_person_idx').on(t.personId, t.seq),
    index('events_request_idx').on(t.requestId),
    // A person read through several subgraph fetches of one request is one read: each fetch
    // records the same event (the gateway sends the fields the whole request asks), and the index
    // keeps one. Only a true repeat is folded: the reader (subject and organisation), the outcome,
    // the fields and the purpose are all in the key, so no read is ever dropped or narrowed
    // because another event looks like it (a different reader, more fields, governance's purpose).
    // Changes are never folded: each is its own event.
    uniqueIndex('events_read_once_idx')
      .on(
        t.requestId,
        t.actorSubject,
        sql`coalesce(${t.actorOrganisation}, '')`,
        t.action,
        t.subjectId,
        t.outcome,
        sql`coalesce(${t.purpose}, '')`,
        t.fields,
      )
      .where(sql`${t.action} LIKE '%.read' AND ${t.requestId} IS NOT NULL`),
  ],
);

export const auditPending = auditSchema.table('pending', {
  eventSeq: bigint('event_seq', { mode: 'number' }).primaryKey(),
});

export const auditChain = auditSchema.table(
  'chain',
  {
    /** 1, 2, 3, ... with no gap: leaf `position - 1` of the Merkle tree. */
    position: bigint('position', { mode: 'number' }).primaryKey(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    chainedAt: timestamp('chained_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chain_event_idx').on(t.eventSeq)],
);

export const auditTree = auditSchema.table(
  'tree',
  {
    id: smallint('id').primaryKey().default(1),
    /** Leaves (chain positions 1..size) folded into `frontier`. */
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Hex roots of the perfect subtrees, largest (leftmost) first: one per set bit of `size`. */
    frontier: text('frontier').array().notNull(),
  },
  (t) => [check('tree_one_row', sql`${t.id} = 1`)],
);

export const auditCheckpoints = auditSchema.table('checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  /** Hex RFC 6962 Merkle tree hash of leaves 0..tree_size-1. */
  rootHash: text('root_hash').notNull(),
  /** The chain's `hash` at position `tree_size`. */
  chainHead: text('chain_head').notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  /** Which key signed (signing.ts, `keyIdOf`): verify looks the public key up by it. */
  keyId: text('key_id').notNull(),
  /** Base64 Ed25519 signature of `checkpointText` of the row. */
  signature: text('signature').notNull(),
});

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuditCheckpointRow = typeof auditCheckpoints.$inferSelect;
