CREATE SCHEMA "access";
--> statement-breakpoint
CREATE TABLE "access"."grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_code" text NOT NULL,
	"relationship" text NOT NULL,
	"person_id" uuid NOT NULL,
	"referral_id" uuid,
	"enhanced_case_id" uuid,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "grants_org_person_idx" ON "access"."grants" USING btree ("organisation_code","person_id");--> statement-breakpoint
CREATE INDEX "grants_org_referral_idx" ON "access"."grants" USING btree ("organisation_code","referral_id");--> statement-breakpoint
CREATE INDEX "grants_referral_idx" ON "access"."grants" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "grants_case_idx" ON "access"."grants" USING btree ("enhanced_case_id");