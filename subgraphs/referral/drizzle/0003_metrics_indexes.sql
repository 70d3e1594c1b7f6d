CREATE INDEX "handovers_waiting_idx" ON "referral"."handovers" USING btree ("status","respond_by");--> statement-breakpoint
CREATE INDEX "referrals_owning_submitted_idx" ON "referral"."referrals" USING btree ("owning_service_code","submitted_at");--> statement-breakpoint
CREATE INDEX "referrals_owning_released_idx" ON "referral"."referrals" USING btree ("owning_service_code","released_on");--> statement-breakpoint
CREATE INDEX "referrals_discharged_idx" ON "referral"."referrals" USING btree ("owning_service_code","discharged_at");