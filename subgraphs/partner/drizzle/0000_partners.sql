CREATE SCHEMA "partner";
--> statement-breakpoint
CREATE TABLE "partner"."data_sharing_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"scopes" text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	CONSTRAINT "data_sharing_agreements_reference_key" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "partner"."partner_organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_organisations_code_key" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "partner"."data_sharing_agreements" ADD CONSTRAINT "data_sharing_agreements_partner_id_partner_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "partner"."partner_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_sharing_agreements_partner_idx" ON "partner"."data_sharing_agreements" USING btree ("partner_id","starts_on");