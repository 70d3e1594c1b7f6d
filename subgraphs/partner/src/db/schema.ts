/** Enhanced RECONNECT partner organisations and their data sharing agreements. */
import { date, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const partnerSchema = pgSchema('partner');

export const partnerOrganisations = partnerSchema.table('partner_organisations', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique('partner_organisations_code_key'),
  name: text('name').notNull(),
  regions: text('regions')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** The reference file the row came from, or `recorded` for rows added through the API. */
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const dataSharingAgreements = partnerSchema.table(
  'data_sharing_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull().unique('data_sharing_agreements_reference_key'),
    scopes: text('scopes').array().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('data_sharing_agreements_partner_idx').on(t.partnerId, t.startsOn)],
);

export type PartnerRow = typeof partnerOrganisations.$inferSelect;
export type AgreementRow = typeof dataSharingAgreements.$inferSelect;
