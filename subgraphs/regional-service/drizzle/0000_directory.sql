CREATE SCHEMA "regional_service";
--> statement-breakpoint
CREATE TABLE "regional_service"."establishments" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"region" text NOT NULL,
	"local_service_id" uuid,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regional_service"."local_authorities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"receiving_service_id" uuid,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regional_service"."local_authority_aliases" (
	"alias_code" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regional_service"."reconnect_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"enhanced_reconnect" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reconnect_services_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "regional_service"."staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regional_service"."establishments" ADD CONSTRAINT "establishments_local_service_id_reconnect_services_id_fk" FOREIGN KEY ("local_service_id") REFERENCES "regional_service"."reconnect_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_service"."local_authorities" ADD CONSTRAINT "local_authorities_receiving_service_id_reconnect_services_id_fk" FOREIGN KEY ("receiving_service_id") REFERENCES "regional_service"."reconnect_services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_service"."local_authority_aliases" ADD CONSTRAINT "local_authority_aliases_code_local_authorities_code_fk" FOREIGN KEY ("code") REFERENCES "regional_service"."local_authorities"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_service"."staff" ADD CONSTRAINT "staff_service_id_reconnect_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "regional_service"."reconnect_services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "establishments_region_idx" ON "regional_service"."establishments" USING btree ("region");--> statement-breakpoint
CREATE INDEX "establishments_local_service_idx" ON "regional_service"."establishments" USING btree ("local_service_id");--> statement-breakpoint
CREATE INDEX "local_authorities_region_idx" ON "regional_service"."local_authorities" USING btree ("region");--> statement-breakpoint
CREATE INDEX "local_authorities_receiving_service_idx" ON "regional_service"."local_authorities" USING btree ("receiving_service_id");--> statement-breakpoint
CREATE INDEX "staff_service_idx" ON "regional_service"."staff" USING btree ("service_id","active");