CREATE SCHEMA "events";
--> statement-breakpoint
CREATE TABLE "events"."deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"subscription_id" uuid NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"pending_since" timestamp with time zone NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"parked_at" timestamp with time zone,
	CONSTRAINT "deliveries_event_subscription_key" UNIQUE("event_id","subscription_id")
);
--> statement-breakpoint
CREATE TABLE "events"."outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"referral_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"handover_id" uuid,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events"."subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_code" text NOT NULL,
	"url" text NOT NULL,
	"event_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"failing_since" timestamp with time zone,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "events"."deliveries" ADD CONSTRAINT "deliveries_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "events"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events"."deliveries" ADD CONSTRAINT "deliveries_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "events"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "events"."deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "deliveries_subscription_idx" ON "events"."deliveries" USING btree ("subscription_id","status");--> statement-breakpoint
CREATE INDEX "outbox_referral_idx" ON "events"."outbox" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "subscriptions_org_idx" ON "events"."subscriptions" USING btree ("organisation_code","active");