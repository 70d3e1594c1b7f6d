CREATE TABLE "referral"."contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"purpose" text NOT NULL,
	"staff_id" uuid,
	"note" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral"."engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"provider_name" text NOT NULL,
	"appointment_on" date,
	"outcome" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral"."idempotency_keys" (
	"caller_subject" text NOT NULL,
	"caller_organisation" text NOT NULL,
	"key" text NOT NULL,
	"input_hash" text NOT NULL,
	"referral_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY("caller_subject","caller_organisation","key")
);
--> statement-breakpoint
CREATE TABLE "referral"."referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor" text NOT NULL,
	"actor_organisation" text,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "home_area_code" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "consent_decision" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "consent_method" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "consent_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "consent_recorded_by" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "named_worker_id" uuid;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "peer_support_worker_id" uuid;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "duplicate_of_id" uuid;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "decline_note" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "discharge_reason" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "discharge_note" text;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "discharged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "support_extended_until" date;--> statement-breakpoint
ALTER TABLE "referral"."referrals" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "referral"."contacts" ADD CONSTRAINT "contacts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral"."engagements" ADD CONSTRAINT "engagements_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral"."idempotency_keys" ADD CONSTRAINT "idempotency_keys_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral"."referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_referral_idx" ON "referral"."contacts" USING btree ("referral_id","occurred_at");--> statement-breakpoint
CREATE INDEX "engagements_referral_idx" ON "referral"."engagements" USING btree ("referral_id","recorded_at");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral"."referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_submitted_idx" ON "referral"."referrals" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "referrals_named_worker_idx" ON "referral"."referrals" USING btree ("named_worker_id");--> statement-breakpoint
CREATE INDEX "referrals_release_idx" ON "referral"."referrals" USING btree ("released_on");