CREATE TABLE "referral"."handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"from_service_code" text NOT NULL,
	"to_service_code" text NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"note" text,
	"decline_reason" text,
	"cancel_reason" text,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referral"."handovers" ADD CONSTRAINT "handovers_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handovers_one_open_per_referral" ON "referral"."handovers" USING btree ("referral_id") WHERE "referral"."handovers"."status" in ('REQUESTED', 'ACCEPTED');--> statement-breakpoint
CREATE INDEX "handovers_referral_idx" ON "referral"."handovers" USING btree ("referral_id","requested_at");--> statement-breakpoint
CREATE INDEX "handovers_to_idx" ON "referral"."handovers" USING btree ("to_service_code","requested_at","id");--> statement-breakpoint
CREATE INDEX "handovers_from_idx" ON "referral"."handovers" USING btree ("from_service_code","requested_at","id");