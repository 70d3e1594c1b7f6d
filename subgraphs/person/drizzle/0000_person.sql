CREATE SCHEMA "person";
--> statement-breakpoint
CREATE TABLE "person"."health_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"source_referral_id" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person"."identity_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"other_person_id" uuid NOT NULL,
	"identifier_kind" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person"."people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"nhs_number" text,
	"prison_number" text,
	"crn" text,
	"pnc_id" text,
	"home_office_reference" text,
	"home_area_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person"."risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"level" text NOT NULL,
	"risk_to" text[] NOT NULL,
	"summary" text,
	"assessed_on" date NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person"."health_needs" ADD CONSTRAINT "health_needs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "person"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD CONSTRAINT "identity_conflicts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "person"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD CONSTRAINT "identity_conflicts_other_person_id_people_id_fk" FOREIGN KEY ("other_person_id") REFERENCES "person"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person"."risk_assessments" ADD CONSTRAINT "risk_assessments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "person"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_needs_person_idx" ON "person"."health_needs" USING btree ("person_id","recorded_at");--> statement-breakpoint
CREATE INDEX "health_needs_source_referral_idx" ON "person"."health_needs" USING btree ("source_referral_id");--> statement-breakpoint
CREATE INDEX "identity_conflicts_person_idx" ON "person"."identity_conflicts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "identity_conflicts_other_person_idx" ON "person"."identity_conflicts" USING btree ("other_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_conflicts_open_key" ON "person"."identity_conflicts" USING btree ("person_id","other_person_id","identifier_kind") WHERE "person"."identity_conflicts"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_nhs_number_key" ON "person"."people" USING btree ("nhs_number") WHERE "person"."people"."nhs_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_prison_number_key" ON "person"."people" USING btree ("prison_number") WHERE "person"."people"."prison_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_crn_key" ON "person"."people" USING btree ("crn") WHERE "person"."people"."crn" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_pnc_id_key" ON "person"."people" USING btree ("pnc_id") WHERE "person"."people"."pnc_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "people_home_office_reference_key" ON "person"."people" USING btree ("home_office_reference") WHERE "person"."people"."home_office_reference" is not null;--> statement-breakpoint
CREATE INDEX "risk_assessments_person_idx" ON "person"."risk_assessments" USING btree ("person_id","assessed_on");