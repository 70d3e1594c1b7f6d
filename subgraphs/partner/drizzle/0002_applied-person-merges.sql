CREATE TABLE "partner"."applied_person_merges" (
	"merge_id" uuid PRIMARY KEY NOT NULL,
	"kept_person_id" uuid NOT NULL,
	"merged_person_id" uuid NOT NULL,
	"applied_at" timestamp with time zone NOT NULL
);
