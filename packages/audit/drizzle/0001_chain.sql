-- Append-only, hash-chained audit events. Written by hand (drizzle-kit generate --custom):
-- triggers and functions are outside what drizzle's schema describes.
CREATE SEQUENCE "audit"."events_seq";
--> statement-breakpoint
-- The canonical text of a row: a JSON array of every column but the hashes, with the instant as
-- integer microseconds so the text does not depend on the session's time zone.
CREATE FUNCTION "audit"."canonical"(e "audit"."events") RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_array(
    e.seq, e.id, (extract(epoch FROM e.at) * 1000000)::bigint, e.actor_subject, e.actor_organisation,
    e.actor_roles, e.action, e.subject_type, e.subject_id, e.person_id, e.fields, e.purpose,
    e.outcome, e.request_id
  )::text
$$;
--> statement-breakpoint
CREATE FUNCTION "audit"."digest"(prev text, e "audit"."events") RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev || '|' || "audit"."canonical"(e), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION "audit"."chain_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  -- One writer at a time extends the chain; the lock is held until the transaction ends, so the
  -- sequence order is the commit order of the chain.
  PERFORM pg_advisory_xact_lock(7263002);
  NEW.seq := nextval('"audit"."events_seq"');
  SELECT hash INTO previous FROM "audit"."events" ORDER BY seq DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, 'genesis');
  NEW.hash := "audit"."digest"(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "events_chain" BEFORE INSERT ON "audit"."events"
  FOR EACH ROW EXECUTE FUNCTION "audit"."chain_event"();
--> statement-breakpoint
CREATE FUNCTION "audit"."refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "events_append_only" BEFORE UPDATE OR DELETE ON "audit"."events"
  FOR EACH ROW EXECUTE FUNCTION "audit"."refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "events_no_truncate" BEFORE TRUNCATE ON "audit"."events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit"."refuse_change"();
