-- The audit chain off the request's critical section (issue 14, item 2). Written by hand
-- (drizzle-kit generate --custom): the data move, triggers and functions are outside what
-- drizzle's schema describes; the tables and indexes are what schema.ts says.
--
-- Before: every INSERT took one global advisory lock to commit, checked for a repeated read,
-- read the chain's last row and hashed inside a trigger, so every audited request queued on one
-- lock. After: an INSERT numbers its row from a sequence and queues it in "pending"; one
-- background sequencer at a time (packages/audit/src/sequencer.ts) chains queued events in
-- batches into "chain", folds them into a Merkle tree ("tree") and signs a checkpoint.
CREATE TABLE "audit"."chain" (
	"position" bigint PRIMARY KEY NOT NULL,
	"event_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"chained_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "chain_event_idx" ON "audit"."chain" USING btree ("event_seq");
--> statement-breakpoint
CREATE TABLE "audit"."checkpoints" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"chain_head" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit"."pending" (
	"event_seq" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit"."tree" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"size" bigint NOT NULL,
	"frontier" text[] NOT NULL,
	CONSTRAINT "tree_one_row" CHECK ("audit"."tree"."id" = 1)
);
--> statement-breakpoint
-- An empty tree: the sequencer folds the chain into it from position 1, the rows moved below
-- included, and signs a checkpoint as it goes.
INSERT INTO "audit"."tree" ("id", "size", "frontier") VALUES (1, 0, '{}');
--> statement-breakpoint
-- The rows chained by the old trigger keep their links: position n is the n-th row by seq, and
-- its hash is what 0001's trigger computed (sha256(prev_hash | canonical)), the rule the new
-- chain follows too, so old and new rows verify the same way.
INSERT INTO "audit"."chain" ("position", "event_seq", "prev_hash", "hash")
SELECT row_number() OVER (ORDER BY "seq"), "seq", "prev_hash", "hash" FROM "audit"."events" ORDER BY "seq";
--> statement-breakpoint
DROP TRIGGER "events_chain" ON "audit"."events";
--> statement-breakpoint
DROP FUNCTION "audit"."chain_event"();
--> statement-breakpoint
ALTER TABLE "audit"."events" DROP COLUMN "prev_hash";
--> statement-breakpoint
ALTER TABLE "audit"."events" DROP COLUMN "hash";
--> statement-breakpoint
-- At most one read per request, action, subject and outcome (0002 checked this under the lock);
-- writers insert with ON CONFLICT DO NOTHING. Two fetches of one request racing on the same key
-- wait only for each other.
CREATE UNIQUE INDEX "events_read_once_idx" ON "audit"."events" USING btree ("request_id","action","subject_id","outcome") WHERE "audit"."events"."action" LIKE '%.read' AND "audit"."events"."request_id" IS NOT NULL;
--> statement-breakpoint
-- The append order, whatever the writer sent: no lock, just the sequence.
CREATE FUNCTION "audit"."number_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.seq := nextval('"audit"."events_seq"');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "events_number" BEFORE INSERT ON "audit"."events"
  FOR EACH ROW EXECUTE FUNCTION "audit"."number_event"();
--> statement-breakpoint
-- Every appended row is queued for the sequencer in the same statement, so an event cannot be
-- committed without being either pending or (later) chained: one that is neither was inserted
-- with the triggers off, and `pnpm audit:verify` says so. Rows skipped by ON CONFLICT are not in
-- the transition table.
CREATE FUNCTION "audit"."enqueue_events"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "audit"."pending" ("event_seq") SELECT "seq" FROM appended;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "events_enqueue" AFTER INSERT ON "audit"."events"
  REFERENCING NEW TABLE AS appended
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."enqueue_events"();
--> statement-breakpoint
-- The chain and the checkpoints are append-only like the events (the message names the table).
CREATE OR REPLACE FUNCTION "audit"."refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.% is append-only: % is refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "chain_append_only" BEFORE UPDATE OR DELETE ON "audit"."chain"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "chain_no_truncate" BEFORE TRUNCATE ON "audit"."chain"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit"."checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "checkpoints_no_truncate" BEFORE TRUNCATE ON "audit"."checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
-- What the sequencer and verify hash for an event: its RFC 6962 leaf (0x00 || canonical text).
CREATE FUNCTION "audit"."leaf_hash"(e "audit"."events") RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256('\x00'::bytea || convert_to("audit"."canonical"(e), 'UTF8')), 'hex')
$$;
