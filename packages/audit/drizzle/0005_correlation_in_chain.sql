-- The client's correlation id in the tamper evidence (issue 24, item 4). Written by hand
-- (drizzle-kit generate --custom): functions are outside what drizzle's schema describes.
--
-- 0004 added "correlation_id" (the X-Request-Id or X-Correlation-Id the client sent; "request_id"
-- is now always the hub's own) and widened the read key to the reader, fields and purpose. Here
-- the canonical text, which the chain links and the Merkle leaves hash, covers the new column.
-- A row without one (every row written before this migration) keeps the exact text it had, so
-- the chain and the signed checkpoints over old rows still verify; a row with one has it as a
-- fifteenth element, so editing, adding or removing it is found by `pnpm audit:verify`.
CREATE OR REPLACE FUNCTION "audit"."canonical"(e "audit"."events") RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT (
    jsonb_build_array(
      e.seq, e.id, (extract(epoch FROM e.at) * 1000000)::bigint, e.actor_subject, e.actor_organisation,
      e.actor_roles, e.action, e.subject_type, e.subject_id, e.person_id, e.fields, e.purpose,
      e.outcome, e.request_id
    )
    || CASE WHEN e.correlation_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(e.correlation_id) END
  )::text
$$;
