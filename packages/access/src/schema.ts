/**
 * Relationship grants: who (an organisation, in a relationship) may see which person and referral,
 * from when until when, with which scopes. The referral subgraph writes service and referrer grants
 * and the partner subgraph writes partner grants, each in the transaction of the change that causes
 * them; every subgraph's permission rules read them through `Access`.
 */
import { sql } from 'drizzle-orm';
import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const accessSchema = pgSchema('access');

export const RELATIONSHIPS = [
  'OWNING_SERVICE',
  'RECEIVING_SERVICE',
  'SENDING_SERVICE',
  'REFERRER',
  'ER_PARTNER',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const grants = accessSchema.table(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationCode: text('organisation_code').notNull(),
    relationship: text('relationship', { enum: RELATIONSHIPS }).notNull(),
    personId: uuid('person_id').notNull(),
    referralId: uuid('referral_id'),
    enhancedCaseId: uuid('enhanced_case_id'),
    /** For ER partners: what the data sharing agreement lets them read (RISK, NEEDS). */
    scopes: text('scopes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    /** Null while open-ended; set to end the grant (never deleted, so the history stays). */
    validUntil: timestamp('valid_until', { withTimezone: true }),
    /** What created it, e.g. `referral.submitted` or `handover.completed`. */
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('grants_org_person_idx').on(t.organisationCode, t.personId),
    index('grants_org_referral_idx').on(t.organisationCode, t.referralId),
    index('grants_referral_idx').on(t.referralId),
    index('grants_case_idx').on(t.enhancedCaseId),
    // The caseload's total: counted from an organisation's live grants alone, an index-only scan
    // (caseload.ts), rather than by a join over every referral.
    index('grants_org_relationship_live_idx').on(
      t.organisationCode,
      t.relationship,
      t.referralId,
      t.validFrom,
      t.validUntil,
    ),
  ],
);

export type Grant = typeof grants.$inferSelect;
export type NewGrant = typeof grants.$inferInsert;
