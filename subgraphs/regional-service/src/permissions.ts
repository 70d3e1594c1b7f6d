/**
 * Who may read the directory (contract/AUTH.md): every role reads services, establishments and
 * local authorities; a service's staff list is for its own staff and admins; a worker reached
 * through a referral is readable by RECONNECT staff, and its name by an ER partner (the referral's
 * rules decide whether the caller reaches one at all). Anyone with a valid token may ask `me`,
 * except the HMPPS events client, which reads nothing (contract/next/custody-events.md): the
 * referral subgraph alone looks establishments up for it, when it applies a custody event.
 *
 * The directory of referring organisations (contract/next/trust.md): RECONNECT staff and leads,
 * commissioners and information governance read it; a referrer reads its own organisation only
 * (the list is narrowed to it, `referringOrganisation(code)` of another is FORBIDDEN); partners
 * and the HMPPS events client nothing. Information governance alone saves one.
 */
import { allow, and, hasAnyRole, or, rule, serviceStaff, type IRules } from '@reconnect/graph';
import { CUSTODY_EVENTS_ROLE, READER_ROLES } from '@reconnect/auth';
import type { Context } from './context.ts';
import type { ReferringOrganisationRow, ServiceRow } from './db/schema.ts';

const anyRole = hasAnyRole(...READER_ROLES);
/** The referral subgraph, applying a custody event for the HMPPS events client. */
const custodyEventLookup = and(
  hasAnyRole(CUSTODY_EVENTS_ROLE),
  rule('calledByReferral', { cache: 'contextual' })((_p, _a, ctx: Context) => ctx.caller === 'referral'),
);
const establishmentReader = or(anyRole, custodyEventLookup);
/** Any token, the HMPPS events client's excepted (it reads nothing, `me` included). */
const notCustodyEventsClient = rule('notCustodyEventsClient', { cache: 'contextual' })(
  (_p, _a, ctx: Context) => !ctx.principal.roles.includes(CUSTODY_EVENTS_ROLE),
);
const admin = hasAnyRole('RECONNECT_ADMIN');
const partner = hasAnyRole('ER_PARTNER');

/** The service is the caller's own (the token's `org`). Depends on the parent: no caching across parents. */
const ownService = rule('ownService', { cache: 'no_cache' })(
  (service: ServiceRow, _args, ctx: Context) =>
    !!ctx.principal.organisationCode && service.code === ctx.principal.organisationCode,
);

/**
 * Staff records are reached only through paths that are gated already: a service's own staff list
 * (`ReconnectService.staff`: own service or admin) and the workers of a referral the caller is
 * related to (namedWorker, peerSupportWorker, contacts: the referral subgraph's rules). So RECONNECT
 * staff read a worker they can reach, the receiving service of a handover included: it needs to
 * know whom to call (AUTH.md, "staff lists": read where the relationship holds). Partners read the
 * name of their case's named worker, nothing else.
 */
const staffReader = or(admin, serviceStaff);

const directoryReader = hasAnyRole('RECONNECT_STAFF', 'RECONNECT_LEAD', 'COMMISSIONER', 'RECONNECT_ADMIN');
const referrer = hasAnyRole('REFERRER');
/** The organisation asked for is the caller's own (`referringOrganisation(code)`). */
const asksForOwnOrganisation = rule('asksForOwnOrganisation', { cache: 'no_cache' })(
  (_p, args: { code?: string }, ctx: Context) =>
    !!ctx.principal.organisationCode && args.code?.trim() === ctx.principal.organisationCode,
);
/** The organisation is the caller's own. Depends on the parent: no caching across parents. */
const ownOrganisation = rule('ownReferringOrganisation', { cache: 'no_cache' })(
  (org: ReferringOrganisationRow, _args, ctx: Context) =>
    !!ctx.principal.organisationCode && org.code === ctx.principal.organisationCode,
);
const referringOrganisationReader = or(directoryReader, and(referrer, ownOrganisation));

export const permissions: IRules = {
  Query: {
    me: notCustodyEventsClient,
    reconnectServices: anyRole,
    reconnectService: anyRole,
    establishments: anyRole,
    establishment: anyRole,
    localAuthorities: anyRole,
    // A referrer's list holds its own organisation only (service/referring-organisations.ts).
    referringOrganisations: or(directoryReader, referrer),
    referringOrganisation: or(directoryReader, and(referrer, asksForOwnOrganisation)),
  },
  Mutation: {
    saveReferringOrganisation: admin,
  },
  Principal: allow,
  ReconnectService: {
    id: anyRole,
    // The code of an establishment's local service, for a custody event's transfer handover.
    code: establishmentReader,
    name: anyRole,
    region: anyRole,
    enhancedReconnect: anyRole,
    establishments: anyRole,
    localAuthorities: anyRole,
    staff: or(admin, and(serviceStaff, ownService)),
  },
  Establishment: establishmentReader,
  LocalAuthority: anyRole,
  ReferringOrganisation: referringOrganisationReader,
  Staff: {
    id: staffReader,
    name: or(staffReader, partner),
    role: staffReader,
    service: staffReader,
    active: staffReader,
  },
};
