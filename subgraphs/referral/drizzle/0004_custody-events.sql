CREATE TABLE "referral"."custody_events" (
	"message_id" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"referral_id" uuid,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"applied_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "custody_events_person_idx" ON "referral"."custody_events" USING btree ("person_id","occurred_at");