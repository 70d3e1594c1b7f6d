CREATE TABLE "person"."person_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conflict_id" uuid NOT NULL,
	"kept_person_id" uuid NOT NULL,
	"merged_person_id" uuid NOT NULL,
	"pending_steps" text[] NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by_subject" text NOT NULL,
	"recorded_by_organisation" text,
	"request_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"completed_at" timestamp with time zone,
	CONSTRAINT "person_merges_conflict_id_unique" UNIQUE("conflict_id")
);
--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "referral_id" uuid;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "added_identifier_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "kept_person_id" uuid;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "resolved_by" text;--> statement-breakpoint
ALTER TABLE "person"."people" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "person"."people" ADD COLUMN "pending_merge_of" uuid;--> statement-breakpoint
ALTER TABLE "person"."person_merges" ADD CONSTRAINT "person_merges_conflict_id_identity_conflicts_id_fk" FOREIGN KEY ("conflict_id") REFERENCES "person"."identity_conflicts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."person_merges" ADD CONSTRAINT "person_merges_kept_person_id_people_id_fk" FOREIGN KEY ("kept_person_id") REFERENCES "person"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."person_merges" ADD CONSTRAINT "person_merges_merged_person_id_people_id_fk" FOREIGN KEY ("merged_person_id") REFERENCES "person"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_merges_pending_idx" ON "person"."person_merges" USING btree ("recorded_at") WHERE "person"."person_merges"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "identity_conflicts_open_idx" ON "person"."identity_conflicts" USING btree ("recorded_at") WHERE "person"."identity_conflicts"."resolved_at" is null;