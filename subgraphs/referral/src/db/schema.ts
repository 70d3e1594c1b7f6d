/** Referrals: who referred whom, from which establishment, to which RECONNECT service, and where it stands. */
import { sql } from 'drizzle-orm';
import {
  boolean,
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

export const referralSchema = pgSchema('referral');

export const REFERRAL_STATUSES = [
  'SUBMITTED',
  'PRE_RELEASE',
  'POST_RELEASE',
  'DECLINED',
  'WITHDRAWN',
  'DISCHARGED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const referrals = referralSchema.table(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    status: text('status', { enum: REFERRAL_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    source: text('source').notNull(),
    /** The referring organisation (the submitting token's `org`) and the person who referred. */
    referrerOrganisationCode: text('referrer_organisation_code').notNull(),
    /**
     * The directory's referring organisation that submitted it (contract/next/trust.md): the
     * referrer's `org`, checked against the directory at submission. Null when RECONNECT staff
     * submitted it (a referral received by phone or email).
     */
    referringOrganisationCode: text('referring_organisation_code'),
    referrerOrganisationName: text('referrer_organisation_name'),
    referrerName: text('referrer_name').notNull(),
    referrerEmail: text('referrer_email'),
    referrerPhone: text('referrer_phone'),
    referrerRelationship: text('referrer_relationship'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: text('submitted_by').notNull(),
    personId: uuid('person_id').notNull(),
    custodyType: text('custody_type', { enum: ['PRISON', 'IRC'] }).notNull(),
    establishmentCode: text('establishment_code').notNull(),
    expectedReleaseDate: date('expected_release_date', { mode: 'string' }),
    releasedOn: date('released_on', { mode: 'string' }),
    onTemporaryLicence: boolean('on_temporary_licence').notNull().default(false),
    reasonForReferral: text('reason_for_referral'),
    identifiedNeeds: text('identified_needs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Service codes: the owning service is local to the establishment until a completed handover. */
    owningServiceCode: text('owning_service_code').notNull(),
    receivingServiceCode: text('receiving_service_code'),
    /** ONS code of the person's home local authority when referred (decides the receiving service). */
    homeAreaCode: text('home_area_code'),
    consentDecision: text('consent_decision', { enum: ['GIVEN', 'REFUSED', 'WITHDRAWN'] }),
    consentMethod: text('consent_method', { enum: ['FACE_TO_FACE', 'VIDEO', 'TELEPHONE'] }),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    consentRecordedBy: text('consent_recorded_by'),
    namedWorkerId: uuid('named_worker_id'),
    peerSupportWorkerId: uuid('peer_support_worker_id'),
    duplicateOfId: uuid('duplicate_of_id'),
    declineReason: text('decline_reason'),
    declineNote: text('decline_note'),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    dischargeReason: text('discharge_reason'),
    dischargeNote: text('discharge_note'),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    supportExtendedUntil: date('support_extended_until', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When retention erased this referral's personal data (DOMAIN.md, retention); null until then. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('referrals_reference_key').on(t.reference),
    index('referrals_person_idx').on(t.personId),
    index('referrals_owning_status_idx').on(t.owningServiceCode, t.status),
    index('referrals_receiving_status_idx').on(t.receivingServiceCode, t.status),
    index('referrals_referrer_idx').on(t.referrerOrganisationCode, t.submittedAt),
    index('referrals_submitted_idx').on(t.submittedAt, t.id),
    index('referrals_named_worker_idx').on(t.namedWorkerId),
    index('referrals_release_idx').on(t.releasedOn),
    // Service metrics: one service's referrals by submission, release and discharge.
    index('referrals_owning_submitted_idx').on(t.owningServiceCode, t.submittedAt),
    index('referrals_owning_released_idx').on(t.owningServiceCode, t.releasedOn),
    index('referrals_discharged_idx').on(t.owningServiceCode, t.dischargedAt),
  ],
);

/** Every change to a referral: who, when, from, to, why (ReferralEvent). */
export const referralEvents = referralSchema.table(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** The actor's subject, and organisation where it has one. */
    actor: text('actor').notNull(),
    actorOrganisation: text('actor_organisation'),
    reason: text('reason'),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);

export const contacts = referralSchema.table(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    mode: text('mode', { enum: ['FACE_TO_FACE', 'VIDEO', 'TELEPHONE'] }).notNull(),
    purpose: text('purpose').notNull(),
    staffId: uuid('staff_id'),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('contacts_referral_idx').on(t.referralId, t.occurredAt)],
);

export const engagements = referralSchema.table(
  'engagements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    serviceType: text('service_type').notNull(),
    providerName: text('provider_name').notNull(),
    appointmentOn: date('appointment_on', { mode: 'string' }),
    outcome: text('outcome', { enum: ['BOOKED', 'ATTENDED', 'MISSED', 'CANCELLED'] }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('engagements_referral_idx').on(t.referralId, t.recordedAt)],
);

/**
 * Case notes (DOMAIN.md, "Casework"): free text with who and when, never changed or removed (there
 * is no update or delete path); retention blanks `text` and sets `erased_at`.
 */
export const caseNotes = referralSchema.table(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** As the history names people (actorLabel), and the author's organisation and staff id. */
    author: text('author').notNull(),
    authorOrganisation: text('author_organisation'),
    staffId: uuid('staff_id'),
    text: text('text').notNull(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [index('case_notes_referral_idx').on(t.referralId, t.at)],
);

export type CaseNoteRow = typeof caseNotes.$inferSelect;

export const APPOINTMENT_STATUSES = ['BOOKED', 'ATTENDED', 'MISSED', 'CANCELLED'] as const;

/**
 * Appointments (DOMAIN.md, "Casework"): BOOKED, then ATTENDED, MISSED or CANCELLED once. An ATTENDED
 * one names the Contact or CommunityEngagement written with its outcome. Retention blanks the text
 * (location, note, provider) and sets `erased_at`.
 */
export const appointments = referralSchema.table(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    with: text('with', { enum: ['RECONNECT', 'COMMUNITY_SERVICE'] }).notNull(),
    mode: text('mode', { enum: ['FACE_TO_FACE', 'VIDEO', 'TELEPHONE'] }),
    purpose: text('purpose'),
    staffId: uuid('staff_id'),
    serviceType: text('service_type'),
    providerName: text('provider_name'),
    location: text('location'),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
    note: text('note'),
    /** The service whose staff booked it (owning or receiving). */
    bookedByService: text('booked_by_service'),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    bookedBy: text('booked_by').notNull(),
    outcomeRecordedAt: timestamp('outcome_recorded_at', { withTimezone: true }),
    outcomeRecordedBy: text('outcome_recorded_by'),
    contactId: uuid('contact_id'),
    engagementId: uuid('engagement_id'),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    index('appointments_referral_idx').on(t.referralId, t.at),
    // dueWork: past appointments still BOOKED.
    index('appointments_booked_idx')
      .on(t.at, t.referralId)
      .where(sql`${t.status} = 'BOOKED'`),
  ],
);

export type AppointmentRow = typeof appointments.$inferSelect;

/**
 * Submissions by idempotency key: per caller (subject and organisation), the hash of the input and
 * the referral it produced, stored in the submission's own transaction.
 */
export const idempotencyKeys = referralSchema.table(
  'idempotency_keys',
  {
    callerSubject: text('caller_subject').notNull(),
    callerOrganisation: text('caller_organisation').notNull(),
    key: text('key').notNull(),
    inputHash: text('input_hash').notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.callerSubject, t.callerOrganisation, t.key] }),
  ],
);

export const HANDOVER_STATUSES = ['REQUESTED', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/**
 * Handovers of a referral from its owning service to another RECONNECT service (DOMAIN.md
 * "Cross-area handover"). The partial unique index is the rule "at most one REQUESTED or ACCEPTED
 * handover per referral", enforced by the database so that two requests made at once cannot both land.
 */
export const handovers = referralSchema.table(
  'handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    fromServiceCode: text('from_service_code').notNull(),
    toServiceCode: text('to_service_code').notNull(),
    status: text('status', { enum: HANDOVER_STATUSES }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedBy: text('requested_by').notNull(),
    respondBy: timestamp('respond_by', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    note: text('note'),
    declineReason: text('decline_reason'),
    cancelReason: text('cancel_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('handovers_one_open_per_referral')
      .on(t.referralId)
      .where(sql`${t.status} in ('REQUESTED', 'ACCEPTED')`),
    index('handovers_referral_idx').on(t.referralId, t.requestedAt),
    index('handovers_to_idx').on(t.toServiceCode, t.requestedAt, t.id),
    index('handovers_from_idx').on(t.fromServiceCode, t.requestedAt, t.id),
    // Service metrics: handovers still waiting for an answer, by deadline.
    index('handovers_waiting_idx').on(t.status, t.respondBy),
  ],
);

export type HandoverRow = typeof handovers.$inferSelect;

/**
 * HMPPS custody events applied to a person with an open referral (DOMAIN.md, "Custody events from
 * HMPPS"): one row per message id, written in the change's own transaction, so that a message is
 * applied at most once and an event older than the last one applied to the person is STALE. Ids,
 * the event's type and time, and the outcome only: no prison number, nothing about a person the
 * hub has no open referral for.
 */
export const custodyEvents = referralSchema.table(
  'custody_events',
  {
    messageId: text('message_id').primaryKey(),
    personId: uuid('person_id').notNull(),
    referralId: uuid('referral_id'),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** A CustodyEventOutcome; IGNORED rows (a change the rules refused) do not count for STALE. */
    outcome: text('outcome').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('custody_events_person_idx').on(t.personId, t.occurredAt)],
);

export type CustodyEventRow = typeof custodyEvents.$inferSelect;

export type ReferralEventRow = typeof referralEvents.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type EngagementRow = typeof engagements.$inferSelect;

export type ReferralRow = typeof referrals.$inferSelect;

/**
 * Person merges this subgraph has applied (docs/GOVERNANCE.md, "Merging two person records"): the
 * merge id is the primary key, written in the transaction that moves the referrals, so a repeat of
 * `applyPersonMerge` finds it and changes nothing.
 */
export const appliedPersonMerges = referralSchema.table('applied_person_merges', {
  mergeId: uuid('merge_id').primaryKey(),
  keptPersonId: uuid('kept_person_id').notNull(),
  mergedPersonId: uuid('merged_person_id').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
});
