CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TABLE "audit"."events" (
	"seq" bigint PRIMARY KEY DEFAULT 0 NOT NULL,
	"id" text DEFAULT gen_random_uuid()::text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_organisation" text,
	"actor_roles" text[] NOT NULL,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"person_id" text,
	"fields" text[] NOT NULL,
	"purpose" text,
	"outcome" text NOT NULL,
	"request_id" text,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX "events_person_idx" ON "audit"."events" USING btree ("person_id","seq");--> statement-breakpoint
CREATE INDEX "events_request_idx" ON "audit"."events" USING btree ("request_id");