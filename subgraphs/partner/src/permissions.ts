/**
 * Who may read and do what in Enhanced RECONNECT (AUTH.md). Partner organisations and agreements:
 * staff and admins read all, an ER partner its own organisation only. Enhanced cases and their
 * updates: staff with a relationship to the case's referral read them, and the owning service
 * changes them; a partner reads its OPEN case (consent GIVEN, active on it, live grant) and adds
 * updates. Admins manage agreements and nothing else here; referrers and commissioners nothing.
 * Rules on a parent object use `no_cache` and ask `ctx.access` (batched). Mutations re-assert the
 * relationship in the service layer before writing; resolvers return only visible cases.
 */
import { SERVICE_RELATIONSHIPS } from '@reconnect/access';
import { SERVICE_STAFF_ROLES } from '@reconnect/auth';
import { allow, and, hasAnyRole, or, rule, serviceStaff, type IRules } from '@reconnect/graph';
import type { Context } from './context.ts';
import type { AgreementRow, EnhancedCaseRow, PartnerRow } from './db/schema.ts';
import { partnerReadsCase, staffReadsCase } from './service/cases.ts';

const staffOrAdmin = hasAnyRole(...SERVICE_STAFF_ROLES, 'RECONNECT_ADMIN');
const partner = hasAnyRole('ER_PARTNER');
const admin = hasAnyRole('RECONNECT_ADMIN');
/** An internal call from the person subgraph (which signs its calls as `person`). */
const calledByPerson = rule('calledByPerson', { cache: 'contextual' })(
  (_p, _a, ctx: Context) => ctx.caller === 'person',
);

const ownOrganisation = rule('ownPartnerOrganisation', { cache: 'no_cache' })(
  (p: PartnerRow, _args, ctx: Context) =>
    !!ctx.principal.organisationCode && p.code === ctx.principal.organisationCode,
);
const ownAgreement = rule('ownAgreement', { cache: 'no_cache' })(async (
  a: AgreementRow,
  _args,
  ctx: Context,
) => {
  const owner = await ctx.loaders.partnerById.load(a.partnerId);
  return !!owner && owner.code === ctx.principal.organisationCode;
});

const readsOrganisation = or(staffOrAdmin, and(partner, ownOrganisation));
const readsAgreement = or(staffOrAdmin, and(partner, ownAgreement));

/** Staff whose service has a live relationship with the case's referral. */
const staffOfCase = and(
  serviceStaff,
  rule('staffOfEnhancedCase', { cache: 'no_cache' })((c: EnhancedCaseRow, _args, ctx: Context) =>
    staffReadsCase(ctx, c),
  ),
);
/** A partner on this OPEN case with consent GIVEN and a live grant. */
const partnerOfCase = and(
  partner,
  rule('partnerOfEnhancedCase', { cache: 'no_cache' })((c: EnhancedCaseRow, _args, ctx: Context) =>
    partnerReadsCase(ctx, c),
  ),
);
const readsCase = or(staffOfCase, partnerOfCase);

/** Referral.enhancedCase: staff of the referral, or a partner with a live grant on it. */
const readsReferralCase = or(
  and(
    serviceStaff,
    rule('staffOfReferralForCase', { cache: 'no_cache' })((r: { id: string }, _args, ctx: Context) =>
      ctx.access.hasReferralRelationship(r.id, ...SERVICE_RELATIONSHIPS),
    ),
  ),
  and(
    partner,
    rule('partnerOfReferralForCase', { cache: 'no_cache' })((r: { id: string }, _args, ctx: Context) =>
      ctx.access.hasReferralRelationship(r.id, 'ER_PARTNER'),
    ),
  ),
);

export const permissions: IRules = {
  Query: {
    partnerOrganisations: or(staffOrAdmin, partner),
    // The resolvers return only cases the caller may see (null / left out otherwise).
    enhancedCase: or(serviceStaff, partner),
    enhancedCases: or(serviceStaff, partner),
    // Information governance's subject access report, assembled by the person subgraph only.
    partnerSubjectAccessPart: and(calledByPerson, admin),
  },
  Mutation: {
    // The person subgraph applying an information governance merge (the service re-checks).
    applyPersonMergeToCases: and(calledByPerson, hasAnyRole('RECONNECT_ADMIN')),
    enrolEnhancedReconnect: serviceStaff,
    addCasePartner: serviceStaff,
    removeCasePartner: serviceStaff,
    recordPartnerUpdate: or(serviceStaff, partner),
    withdrawSharingConsent: serviceStaff,
    closeEnhancedCase: serviceStaff,
    recordDataSharingAgreement: admin,
  },
  PartnerOrganisation: readsOrganisation,
  DataSharingAgreement: readsAgreement,
  EnhancedCase: readsCase,
  // Reached only through an EnhancedCase field whose rule already held; the partners list is
  // narrowed for partners in its resolver, and PartnerOrganisation's own rule still applies.
  CasePartner: allow,
  PartnerUpdate: allow,
  Consent: allow,
  PageInfo: allow,
  EnhancedCaseConnection: allow,
  EnhancedCasePayload: allow,
  // The key is what the gateway passed in; the case behind it has its own rule.
  // canEnrolEnhanced: the resolver decides, answering false to anyone who may not enrol.
  Referral: { id: allow, enhancedCase: readsReferralCase, canEnrolEnhanced: allow },
};
