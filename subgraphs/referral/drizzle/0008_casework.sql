CREATE TABLE "referral"."appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"with" text NOT NULL,
	"mode" text,
	"purpose" text,
	"staff_id" uuid,
	"service_type" text,
	"provider_name" text,
	"location" text,
	"status" text NOT NULL,
	"note" text,
	"booked_by_service" text,
	"booked_at" timestamp with time zone NOT NULL,
	"booked_by" text NOT NULL,
	"outcome_recorded_at" timestamp with time zone,
	"outcome_recorded_by" text,
	"contact_id" uuid,
	"engagement_id" uuid,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral"."case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author" text NOT NULL,
	"author_organisation" text,
	"staff_id" uuid,
	"text" text NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "referral"."appointments" ADD CONSTRAINT "appointments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral"."case_notes" ADD CONSTRAINT "case_notes_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_referral_idx" ON "referral"."appointments" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "appointments_booked_idx" ON "referral"."appointments" USING btree ("at","referral_id") WHERE "referral"."appointments"."status" = 'BOOKED';--> statement-breakpoint
CREATE INDEX "case_notes_referral_idx" ON "referral"."case_notes" USING btree ("referral_id","at");