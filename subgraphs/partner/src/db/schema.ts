/**
 * Enhanced RECONNECT: partner organisations and their data sharing agreements, enhanced cases, the
 * partners on each case and the updates recorded on it. Cases keep the referral's and person's ids
 * (owned by other subgraphs) as plain columns: no foreign keys across schemas.
 */
import {
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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

export const ENHANCED_CASE_STATUSES = ['OPEN', 'CLOSED'] as const;
export type EnhancedCaseStatus = (typeof ENHANCED_CASE_STATUSES)[number];

export const enhancedCases = partnerSchema.table(
  'enhanced_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The owning service's region at enrolment: partners must have an agreement covering it. */
    region: text('region').notNull(),
    status: text('status', { enum: ENHANCED_CASE_STATUSES }).notNull().default('OPEN'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedBy: text('opened_by').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    rationale: text('rationale').notNull(),
    sharingConsentDecision: text('sharing_consent_decision', {
      enum: ['GIVEN', 'REFUSED', 'WITHDRAWN'],
    }).notNull(),
    consentMethod: text('consent_method', { enum: ['FACE_TO_FACE', 'VIDEO', 'TELEPHONE'] }).notNull(),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }).notNull(),
    consentRecordedBy: text('consent_recorded_by').notNull(),
    version: integer('version').notNull().default(1),
    /** When retention erased this case's personal data (DOMAIN.md, retention); null until then. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    // One OPEN case per referral; closed ones stay as history.
    uniqueIndex('enhanced_cases_open_referral_key')
      .on(t.referralId)
      .where(sql`status = 'OPEN'`),
    index('enhanced_cases_person_idx').on(t.personId),
    index('enhanced_cases_opened_idx').on(t.openedAt, t.id),
  ],
);

export const casePartners = partnerSchema.table(
  'case_partners',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => enhancedCases.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedBy: text('added_by').notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removeReason: text('remove_reason'),
  },
  // A partner removed and added again gets a new row: the history of membership stays.
  (t) => [primaryKey({ columns: [t.caseId, t.partnerId, t.addedAt] })],
);

export const partnerUpdates = partnerSchema.table(
  'partner_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => enhancedCases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    author: text('author').notNull(),
    /** The partner organisation that wrote it; null for RECONNECT staff. */
    partnerId: uuid('partner_id').references(() => partnerOrganisations.id),
    note: text('note').notNull(),
  },
  (t) => [index('partner_updates_case_idx').on(t.caseId, t.at)],
);

export type EnhancedCaseRow = typeof enhancedCases.$inferSelect;
export type CasePartnerRow = typeof casePartners.$inferSelect;
export type PartnerUpdateRow = typeof partnerUpdates.$inferSelect;
export type PartnerRow = typeof partnerOrganisations.$inferSelect;
export type AgreementRow = typeof dataSharingAgreements.$inferSelect;

/**
 * Person merges this subgraph has applied (docs/GOVERNANCE.md, "Merging two person records"): the
 * merge id is the primary key, written in the transaction that moves the enhanced cases, so a
 * repeat of `applyPersonMerge` finds it and changes nothing.
 */
export const appliedPersonMerges = partnerSchema.table('applied_person_merges', {
  mergeId: uuid('merge_id').primaryKey(),
  keptPersonId: uuid('kept_person_id').notNull(),
  mergedPersonId: uuid('merged_person_id').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
});
