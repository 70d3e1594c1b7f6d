CREATE SCHEMA "referral";
--> statement-breakpoint
CREATE TABLE "referral"."referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"referrer_organisation_code" text NOT NULL,
	"referrer_organisation_name" text,
	"referrer_name" text NOT NULL,
	"referrer_email" text,
	"referrer_phone" text,
	"referrer_relationship" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" text NOT NULL,
	"person_id" uuid NOT NULL,
	"custody_type" text NOT NULL,
	"establishment_code" text NOT NULL,
	"expected_release_date" date,
	"released_on" date,
	"on_temporary_licence" boolean DEFAULT false NOT NULL,
	"reason_for_referral" text,
	"identified_needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"owning_service_code" text NOT NULL,
	"receiving_service_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_reference_key" ON "referral"."referrals" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referral"."referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_owning_status_idx" ON "referral"."referrals" USING btree ("owning_service_code","status");--> statement-breakpoint
CREATE INDEX "referrals_receiving_status_idx" ON "referral"."referrals" USING btree ("receiving_service_code","status");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referral"."referrals" USING btree ("referrer_organisation_code","submitted_at");