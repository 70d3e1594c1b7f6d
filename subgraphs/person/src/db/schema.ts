/**
 * People (the identity authority), their health needs, risk of serious harm assessments and the
 * identity conflicts matching found. Each identifier is unique among people, enforced by the
 * database, so two concurrent submissions can never create two people with one identifier.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const personSchema = pgSchema('person');

export const HEALTH_NEED_CATEGORIES = [
  'PHYSICAL_HEALTH',
  'MENTAL_HEALTH',
  'SUBSTANCE_MISUSE',
  'ALCOHOL',
  'LEARNING_DISABILITY',
  'NEURODIVERSITY',
  'BRAIN_INJURY',
  'SOCIAL_CARE',
  'OTHER',
] as const;
export type HealthNeedCategory = (typeof HEALTH_NEED_CATEGORIES)[number];

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_GROUPS = ['PUBLIC', 'KNOWN_ADULT', 'CHILDREN', 'STAFF'] as const;
export type RiskGroup = (typeof RISK_GROUPS)[number];

/** The identifier kinds, in the order matching tries them (DOMAIN.md, "One person, many doors"). */
export const IDENTIFIER_KINDS = [
  'NHS_NUMBER',
  'PRISON_NUMBER',
  'CRN',
  'PNC_ID',
  'HOME_OFFICE_REFERENCE',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** DOMAIN.md, "Identity conflicts": two records of (maybe) one person, or demographics that differ. */
export const IDENTITY_CONFLICT_KINDS = ['TWO_RECORDS', 'DEMOGRAPHICS_DIFFER'] as const;
export type IdentityConflictKind = (typeof IDENTITY_CONFLICT_KINDS)[number];

export const IDENTITY_RESOLUTIONS = ['SAME_PERSON', 'DIFFERENT_PEOPLE'] as const;
export type IdentityResolutionOutcome = (typeof IDENTITY_RESOLUTIONS)[number];

/**
 * A name column as search compares it (search.ts's `nameKey`, in SQL): lower-cased, NFKD, letters
 * a to z only, COLLATE "C" so that `LIKE 'prefix%'` uses the index whatever the database's
 * collation. The name indexes and search's statement both use this, so they cannot drift apart.
 */
export function nameKeySql(column: AnyPgColumn): SQL {
  return sql`(regexp_replace(normalize(lower(${column}), NFKD), '[^a-z]', '', 'g') COLLATE "C")`;
}

export const people = personSchema.table(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    /** Stored without spaces. */
    nhsNumber: text('nhs_number'),
    prisonNumber: text('prison_number'),
    crn: text('crn'),
    /** Stored as YYYY/NNNNNNNL (four-digit year, seven-digit serial). */
    pncId: text('pnc_id'),
    homeOfficeReference: text('home_office_reference'),
    /** ONS code of the home local authority; the directory (regional-service) owns the area. */
    homeAreaCode: text('home_area_code'),
    /** Set when information governance merged this record into another (DOMAIN.md, "Identity conflicts"). */
    mergedInto: uuid('merged_into'),
    /**
     * On the kept record while a merge into it is still being applied by the other subgraphs: the
     * merged record's id, whose grants (not yet moved) still open this record to their holders.
     */
    pendingMergeOf: uuid('pending_merge_of'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    /** When retention erased this person's personal data (DOMAIN.md, retention); null until then. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('people_nhs_number_key')
      .on(t.nhsNumber)
      .where(sql`${t.nhsNumber} is not null`),
    uniqueIndex('people_prison_number_key')
      .on(t.prisonNumber)
      .where(sql`${t.prisonNumber} is not null`),
    uniqueIndex('people_crn_key')
      .on(t.crn)
      .where(sql`${t.crn} is not null`),
    uniqueIndex('people_pnc_id_key')
      .on(t.pncId)
      .where(sql`${t.pncId} is not null`),
    // Casework search (DOMAIN.md, "Finding a case"): the start of a given or family name, with
    // accents, case and everything but letters ignored (search.ts's nameKey, the same expression);
    // COLLATE "C" lets `LIKE 'prefix%'` use the index whatever the database's collation.
    index('people_given_name_key_idx').on(nameKeySql(t.givenName)),
    index('people_family_name_key_idx').on(nameKeySql(t.familyName)),
    uniqueIndex('people_home_office_reference_key')
      .on(t.homeOfficeReference)
      .where(sql`${t.homeOfficeReference} is not null`),
  ],
);

export const healthNeeds = personSchema.table(
  'health_needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    category: text('category', { enum: HEALTH_NEED_CATEGORIES }).notNull(),
    description: text('description').notNull(),
    active: boolean('active').notNull().default(true),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** The subject of whoever recorded it (a staff member, or the referrer of the source referral). */
    recordedBy: text('recorded_by').notNull(),
    /** The referral the need came from, when a referral identified it (owned by the referral subgraph). */
    sourceReferralId: uuid('source_referral_id'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('health_needs_person_idx').on(t.personId, t.recordedAt),
    index('health_needs_source_referral_idx').on(t.sourceReferralId),
  ],
);

export const riskAssessments = personSchema.table(
  'risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    level: text('level', { enum: RISK_LEVELS }).notNull(),
    riskTo: text('risk_to', { enum: RISK_GROUPS }).array().notNull(),
    summary: text('summary'),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    /** Who assessed, e.g. "OASys (probation)". */
    source: text('source').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('risk_assessments_person_idx').on(t.personId, t.assessedOn)],
);

/**
 * One submission's identifiers pointed at two records (TWO_RECORDS), or at a record whose
 * demographics differ from the submission's (DEMOGRAPHICS_DIFFER). Holds the kinds of identifier
 * only, never their values: the values are on the other person's record already.
 */
export const identityConflicts = personSchema.table(
  'identity_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The person the submission was linked to (the first corroborated match, or its new record). */
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The person another identifier of the submission belongs to. */
    otherPersonId: uuid('other_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: IDENTITY_CONFLICT_KINDS }).notNull().default('TWO_RECORDS'),
    /** The first of `contestedIdentifierKinds` (kept for the open-conflict key). */
    identifierKind: text('identifier_kind', { enum: IDENTIFIER_KINDS }).notNull(),
    /** Every identifier kind the submission shared with the other record. */
    contestedIdentifierKinds: text('contested_identifier_kinds', { enum: IDENTIFIER_KINDS })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** The request that found it: the referral stored by that request is linked afterwards. */
    requestId: text('request_id'),
    /** The referral whose submission found it (owned by the referral subgraph). */
    referralId: uuid('referral_id'),
    /** Identifiers that same submission added to `personId`: DIFFERENT_PEOPLE takes them off again. */
    addedIdentifierKinds: text('added_identifier_kinds', { enum: IDENTIFIER_KINDS })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    outcome: text('outcome', { enum: IDENTITY_RESOLUTIONS }),
    /** SAME_PERSON: the record kept (the other one is merged into it). */
    keptPersonId: uuid('kept_person_id'),
    note: text('note'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    index('identity_conflicts_open_idx')
      .on(t.recordedAt)
      .where(sql`${t.resolvedAt} is null`),
    index('identity_conflicts_person_idx').on(t.personId),
    index('identity_conflicts_other_person_idx').on(t.otherPersonId),
    // One open conflict per pair and identifier: a resubmission does not pile up duplicates.
    uniqueIndex('identity_conflicts_open_key')
      .on(t.personId, t.otherPersonId, t.identifierKind)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

/**
 * What each submission said of the person (contract/next/trust.md, "A referrer reads what it
 * submitted"): a referrer, and the service of a declined duplicate, read a person's names and date
 * of birth from here, never from the record the submission was linked to.
 */
export const submissions = personSchema.table(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The referral the submission stored (owned by the referral subgraph); null if not told. */
    referralId: uuid('referral_id'),
    /** The submitting organisation (the token's `org`). */
    organisationCode: text('organisation_code'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('submissions_person_idx').on(t.personId, t.recordedAt),
    index('submissions_referral_idx').on(t.referralId),
  ],
);

/** The other subgraphs that hold data about a person, in the order a merge is applied to them. */
export const MERGE_STEPS = ['referral', 'partner'] as const;
export type MergeStep = (typeof MERGE_STEPS)[number];

/**
 * A SAME_PERSON resolution: recorded in the transaction that merges the person subgraph's own data
 * (the commit point), then applied by each other owner, idempotently by this id, until
 * `pendingSteps` is empty and `completedAt` is set (docs/GOVERNANCE.md, "Merging two person records").
 */
export const personMerges = personSchema.table(
  'person_merges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conflictId: uuid('conflict_id')
      .notNull()
      .unique()
      .references(() => identityConflicts.id),
    keptPersonId: uuid('kept_person_id')
      .notNull()
      .references(() => people.id),
    mergedPersonId: uuid('merged_person_id')
      .notNull()
      .references(() => people.id),
    pendingSteps: text('pending_steps', { enum: MERGE_STEPS }).array().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** Who resolved it: the other owners' changes are made on their behalf. */
    recordedBySubject: text('recorded_by_subject').notNull(),
    recordedByOrganisation: text('recorded_by_organisation'),
    requestId: text('request_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('person_merges_pending_idx')
      .on(t.recordedAt)
      .where(sql`${t.completedAt} is null`),
  ],
);

export type PersonRow = typeof people.$inferSelect;
export type NewPersonRow = typeof people.$inferInsert;
export type HealthNeedRow = typeof healthNeeds.$inferSelect;
export type RiskAssessmentRow = typeof riskAssessments.$inferSelect;
export type IdentityConflictRow = typeof identityConflicts.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
export type PersonMergeRow = typeof personMerges.$inferSelect;
