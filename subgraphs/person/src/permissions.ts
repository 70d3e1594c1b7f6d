/**
 * Who may read and change what of a person (contract/AUTH.md, the Person rows). A role is never
 * enough: each rule also asks `ctx.access` for a live grant on this person that the role may use
 * (Access already drops relationships the caller's roles do not open). Rules that look at the
 * parent person use `no_cache`: the contextual cache would answer for one person what was decided
 * for another. Every field has a rule; anything not named is denied (fallbackRule: deny).
 */
import { SERVICE_RELATIONSHIPS, type Relationship } from '@reconnect/access';
import { CUSTODY_EVENTS_ROLE, REFERRAL_SUBMITTER_ROLES, SERVICE_STAFF_ROLES } from '@reconnect/auth';
import { allow, and, hasAnyRole, or, rule, serviceStaff, type IRules } from '@reconnect/graph';
import type { Context } from './context.ts';
import type { PersonRow } from './db/schema.ts';

const admin = hasAnyRole('RECONNECT_ADMIN');

function relationshipRule(name: string, ...relationships: Relationship[]) {
  return rule(name, { cache: 'no_cache' })((person: PersonRow, _args, ctx: Context) =>
    ctx.access.hasPersonRelationship(person.id, ...relationships),
  );
}

/** Staff of a service that owns, receives or (for 28 days) sent one of the person's referrals. */
const ownStaff = and(serviceStaff, relationshipRule('personStaffGrant', ...SERVICE_RELATIONSHIPS));
/** The organisation that referred the person. */
const ownReferrer = and(hasAnyRole('REFERRER'), relationshipRule('personReferrerGrant', 'REFERRER'));
/** A partner on an open enhanced case of the person. */
const ownPartner = and(hasAnyRole('ER_PARTNER'), relationshipRule('personPartnerGrant', 'ER_PARTNER'));

/** A partner whose data sharing agreement's scopes include `scope` (RISK or NEEDS). */
function partnerScopeRule(scope: 'RISK' | 'NEEDS') {
  return and(
    hasAnyRole('ER_PARTNER'),
    rule(`personPartnerScope:${scope}`, { cache: 'no_cache' })(
      async (person: PersonRow, _args, ctx: Context) =>
        (await ctx.access.partnerScopes(person.id)).has(scope),
    ),
  );
}

/** The person was resolved by `resolvePersonIdentity` in this very request (internal answer). */
const resolvedInThisRequest = rule('personResolvedInThisRequest', { cache: 'no_cache' })(
  (person: PersonRow, _args, ctx: Context) => ctx.loaders.resolvedInThisRequest.has(person.id),
);

/** Internal calls come only from the referral subgraph, which signs its calls as `referral`. */
const calledByReferral = rule('calledByReferral', { cache: 'contextual' })(
  (_p, _a, ctx: Context) => ctx.caller === 'referral',
);

// shield refuses two rules of one name: each rule is built once.
const partnerNeeds = partnerScopeRule('NEEDS');
const partnerRisk = partnerScopeRule('RISK');

const identity = or(ownStaff, ownReferrer, ownPartner);

export const permissions: IRules = {
  Query: {
    // The resolver returns null for a person without a relationship; COMMISSIONER has no
    // person-level access at all (aggregate metrics only).
    person: hasAnyRole(...SERVICE_STAFF_ROLES, 'REFERRER', 'ER_PARTNER', 'RECONNECT_ADMIN'),
    // The referral subgraph applying an HMPPS custody event (ids only; the service re-checks).
    prisonNumberHolders: and(calledByReferral, hasAnyRole(CUSTODY_EVENTS_ROLE)),
    // next/governance.md: information governance only (reason required; the service audits it).
    subjectAccessReport: admin,
  },
  Mutation: {
    // The service re-asserts the grant (OWNING or RECEIVING service) before writing.
    recordHealthNeed: serviceStaff,
    resolveHealthNeed: serviceStaff,
    recordRiskAssessment: serviceStaff,
    resolvePersonIdentity: and(calledByReferral, hasAnyRole(...REFERRAL_SUBMITTER_ROLES)),
    // The service also requires the caller's grant on that referral to be for that person.
    recordReferralNeeds: and(calledByReferral, hasAnyRole(...REFERRAL_SUBMITTER_ROLES)),
    mergePrisonNumbers: and(calledByReferral, hasAnyRole(CUSTODY_EVENTS_ROLE)),
  },
  Person: {
    id: or(identity, admin, resolvedInThisRequest),
    givenName: identity,
    familyName: identity,
    dateOfBirth: identity,
    nhsNumber: ownStaff,
    prisonNumber: ownStaff,
    crn: ownStaff,
    pncId: ownStaff,
    homeOfficeReference: ownStaff,
    homeArea: ownStaff,
    healthNeeds: or(ownStaff, partnerNeeds),
    riskOfSeriousHarm: or(ownStaff, partnerRisk),
    riskAssessments: or(ownStaff, partnerRisk),
    accessLog: admin,
    identityConflicts: ownStaff,
  },
  // The types below are reachable only through a Person field or mutation guarded above.
  HealthNeed: allow,
  RiskAssessment: allow,
  AuditEvent: allow,
  AuditEventConnection: allow,
  PageInfo: allow,
  LocalAuthority: allow,
  IdentityConflict: allow,
  PersonMatch: allow,
  PersonPayload: allow,
  PrisonNumberHolder: allow,
  PrisonNumberMerge: allow,
  // Reachable only through subjectAccessReport (admin) above.
  SubjectAccessReport: allow,
};
