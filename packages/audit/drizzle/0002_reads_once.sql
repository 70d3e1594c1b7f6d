-- One event per read per request. The gateway's query plan may reach one person through several
-- subgraph fetches of one request (`person(id)`, and `_entities` for `referral { person }`); each
-- fetch records the read (naming every field the whole request asks, from the gateway), and the
-- chain keeps the first: a read already recorded for the same request, action and subject is
-- skipped (a refused read and a granted one are different facts: the outcome is part of the key).
-- Checked under the chain's lock, so two fetches of one request racing cannot both write.
-- Changes are never skipped: each is its own event.
CREATE OR REPLACE FUNCTION "audit"."chain_event"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  -- One writer at a time extends the chain; the lock is held until the transaction ends, so the
  -- sequence order is the commit order of the chain.
  PERFORM pg_advisory_xact_lock(7263002);
  IF NEW.action LIKE '%.read' AND NEW.request_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM "audit"."events"
    WHERE request_id = NEW.request_id AND action = NEW.action AND subject_id = NEW.subject_id
      AND outcome = NEW.outcome
  ) THEN
    RETURN NULL;
  END IF;
  NEW.seq := nextval('"audit"."events_seq"');
  SELECT hash INTO previous FROM "audit"."events" ORDER BY seq DESC LIMIT 1;
  NEW.prev_hash := coalesce(previous, 'genesis');
  NEW.hash := "audit"."digest"(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;
