/**
 * Who may read the directory (contract/AUTH.md): every role reads services, establishments and
 * local authorities; staff lists are for RECONNECT staff of that service and admins; an ER partner
 * may read the name of a named worker it reaches through a case it may see (the referral's rules
 * decide whether it reaches one at all). Anyone with a valid token may ask `me`.
 */
import { allow, and, hasAnyRole, or, rule, type IRules } from '@reconnect/graph';
import type { Context } from './context.ts';
import type { ServiceRow, StaffRow } from './db/schema.ts';

const anyRole = hasAnyRole(
  'RECONNECT_STAFF',
  'RECONNECT_LEAD',
  'RECONNECT_ADMIN',
  'REFERRER',
  'ER_PARTNER',
  'COMMISSIONER',
);
const serviceStaff = hasAnyRole('RECONNECT_STAFF', 'RECONNECT_LEAD');
const admin = hasAnyRole('RECONNECT_ADMIN');
const partner = hasAnyRole('ER_PARTNER');

/** The service is the caller's own (the token's `org`). Depends on the parent: no caching across parents. */
const ownService = rule('ownService', { cache: 'no_cache' })(
  (service: ServiceRow, _args, ctx: Context) =>
    !!ctx.principal.organisationCode && service.code === ctx.principal.organisationCode,
);

/** The staff member belongs to the caller's own service. */
const ownStaff = rule('ownStaff', { cache: 'no_cache' })(async (member: StaffRow, _args, ctx: Context) => {
  const service = await ctx.loaders.serviceById.load(member.serviceId);
  return !!service && service.code === ctx.principal.organisationCode;
});

const staffReader = or(admin, and(serviceStaff, ownStaff));

export const permissions: IRules = {
  Query: {
    me: allow,
    reconnectServices: anyRole,
    reconnectService: anyRole,
    establishments: anyRole,
    establishment: anyRole,
    localAuthorities: anyRole,
  },
  Principal: allow,
  ReconnectService: {
    id: anyRole,
    code: anyRole,
    name: anyRole,
    region: anyRole,
    enhancedReconnect: anyRole,
    establishments: anyRole,
    localAuthorities: anyRole,
    staff: or(admin, and(serviceStaff, ownService)),
  },
  Establishment: anyRole,
  LocalAuthority: anyRole,
  Staff: {
    id: staffReader,
    name: or(staffReader, partner),
    role: staffReader,
    service: staffReader,
    active: staffReader,
  },
};
