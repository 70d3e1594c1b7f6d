ALTER TABLE "events"."subscriptions" ADD COLUMN "secret_key_id" text;--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "events"."outbox" USING btree ("created_at");