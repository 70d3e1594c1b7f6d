/**
 * The directory: RECONNECT services, the establishments they are local to, the areas they receive
 * into, staff, and the organisations that may refer.
 */
import { boolean, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const directory = pgSchema('regional_service');

export const services = directory.table('reconnect_services', {
  id: uuid('id').primaryKey(),
  code: text('code').notNull().unique('reconnect_services_code_key'),
  name: text('name').notNull(),
  region: text('region').notNull(),
  enhancedReconnect: boolean('enhanced_reconnect').notNull().default(false),
  /** The reference file the row came from. */
  source: text('source').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const establishments = directory.table(
  'establishments',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    type: text('type', { enum: ['PRISON', 'IRC'] }).notNull(),
    region: text('region').notNull(),
    localServiceId: uuid('local_service_id').references(() => services.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
  },
  (t) => [
    index('establishments_region_idx').on(t.region),
    index('establishments_local_service_idx').on(t.localServiceId),
  ],
);

export const localAuthorities = directory.table(
  'local_authorities',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    receivingServiceId: uuid('receiving_service_id').references(() => services.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
  },
  (t) => [
    index('local_authorities_region_idx').on(t.region),
    index('local_authorities_receiving_service_idx').on(t.receivingServiceId),
  ],
);

/** Superseded codes that are still accepted on input and mean the current one. */
export const localAuthorityAliases = directory.table('local_authority_aliases', {
  aliasCode: text('alias_code').primaryKey(),
  code: text('code')
    .notNull()
    .references(() => localAuthorities.code, { onDelete: 'cascade' }),
});

export const staff = directory.table(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    role: text('role', { enum: ['RECONNECT_WORKER', 'PEER_SUPPORT_WORKER', 'TEAM_LEAD'] }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staff_service_idx').on(t.serviceId, t.active)],
);

/**
 * The organisations that may refer (contract/next/trust.md): a referrer's token names one as `org`.
 * Seeded from the reference data; information governance keeps it (`saveReferringOrganisation`),
 * so a seed never overwrites a row that exists.
 */
export const referringOrganisations = directory.table(
  'referring_organisations',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: [
        'PROBATION',
        'POLICE',
        'LIAISON_AND_DIVERSION',
        'HOME_OFFICE_ENFORCEMENT',
        'PRISON_HEALTHCARE',
        'IRC_HEALTHCARE',
        'ONLINE_FORM',
      ],
    }).notNull(),
    /** Null for national organisations. */
    region: text('region'),
    active: boolean('active').notNull().default(true),
    /** The reference file the row came from, or `saveReferringOrganisation` once governance changed it. */
    source: text('source').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The subject of whoever last saved it; null for a seeded row. */
    updatedBy: text('updated_by'),
  },
  (t) => [index('referring_organisations_kind_region_idx').on(t.kind, t.region)],
);

export type ServiceRow = typeof services.$inferSelect;
export type EstablishmentRow = typeof establishments.$inferSelect;
export type LocalAuthorityRow = typeof localAuthorities.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type ReferringOrganisationRow = typeof referringOrganisations.$inferSelect;
