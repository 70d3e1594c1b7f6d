CREATE TABLE "person"."submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"referral_id" uuid,
	"organisation_code" text,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "kind" text DEFAULT 'TWO_RECORDS' NOT NULL;--> statement-breakpoint
ALTER TABLE "person"."identity_conflicts" ADD COLUMN "contested_identifier_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "person"."submissions" ADD CONSTRAINT "submissions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "person"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_person_idx" ON "person"."submissions" USING btree ("person_id","recorded_at");--> statement-breakpoint
CREATE INDEX "submissions_referral_idx" ON "person"."submissions" USING btree ("referral_id");--> statement-breakpoint
-- Every conflict recorded before corroboration was one submission pointing at two records.
UPDATE "person"."identity_conflicts" SET "kind" = 'TWO_RECORDS', "contested_identifier_kinds" = ARRAY["identifier_kind"] WHERE "contested_identifier_kinds" = '{}'::text[];
