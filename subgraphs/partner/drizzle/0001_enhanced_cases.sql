CREATE TABLE "partner"."case_partners" (
	"case_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by" text NOT NULL,
	"removed_at" timestamp with time zone,
	"remove_reason" text,
	CONSTRAINT "case_partners_case_id_partner_id_added_at_pk" PRIMARY KEY("case_id","partner_id","added_at")
);
--> statement-breakpoint
CREATE TABLE "partner"."enhanced_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"region" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" text NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"rationale" text NOT NULL,
	"sharing_consent_decision" text NOT NULL,
	"consent_method" text NOT NULL,
	"consent_recorded_at" timestamp with time zone NOT NULL,
	"consent_recorded_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner"."partner_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author" text NOT NULL,
	"partner_id" uuid,
	"note" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner"."case_partners" ADD CONSTRAINT "case_partners_case_id_enhanced_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "partner"."enhanced_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner"."case_partners" ADD CONSTRAINT "case_partners_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "partner"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner"."partner_updates" ADD CONSTRAINT "partner_updates_case_id_enhanced_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "partner"."enhanced_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner"."partner_updates" ADD CONSTRAINT "partner_updates_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "partner"."partner_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enhanced_cases_open_referral_key" ON "partner"."enhanced_cases" USING btree ("referral_id") WHERE status = 'OPEN';--> statement-breakpoint
CREATE INDEX "enhanced_cases_person_idx" ON "partner"."enhanced_cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "enhanced_cases_opened_idx" ON "partner"."enhanced_cases" USING btree ("opened_at","id");--> statement-breakpoint
CREATE INDEX "partner_updates_case_idx" ON "partner"."partner_updates" USING btree ("case_id","at");