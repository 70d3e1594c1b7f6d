/**
 * Who may read and change what of a person (contract/AUTH.md, the Person rows). A role is never
 * enough: each rule also asks `ctx.access` for a live grant on this person that the role may use
 * (Access already drops relationships the caller's roles do not open). Rules that look at the
 * parent person use `no_cache`: the contextual cache would answer for one person what was decided
 * for another. Every field has a rule; anything not named is denied (fallbackRule: deny).
 */
import { SERVICE_RELATIONSHIPS, isReferralOnly, type Relationship } from '@reconnect/access';
import { CUSTODY_EVENTS_ROLE, REFERRAL_SUBMITTER_ROLES, SERVICE_STAFF_ROLES } from '@reconnect/auth';
import { allow, and, hasAnyRole, or, rule, serviceStaff, type IRules } from '@reconnect/graph';
import type { Context } from './context.ts';
import type { IdentityConflictRow, PersonRow } from './db/schema.ts';
import { isConflictPerson, type ConflictThroughPerson } from './service/conflicts.ts';
import { linkedPersonIds } from './service/people.ts';

const admin = hasAnyRole('RECONNECT_ADMIN');

/** A grant on this record or, in a merge, on the other record (people.ts, linkedPersonIds). */
function relationshipRule(name: string, ...relationships: Relationship[]) {
  return rule(name, { cache: 'no_cache' })((person: PersonRow, _args, ctx: Context) => {
    const ids = linkedPersonIds(person);
    if (ids.length === 1) return ctx.access.hasPersonRelationship(person.id, ...relationships);
    return Promise.all(ids.map((id) => ctx.access.hasPersonRelationship(id, ...relationships))).then((held) =>
      held.some(Boolean),
    );
  });
}

/**
 * Information governance reading a record through an identity conflict (service/conflicts.ts):
 * only there, and only its identity fields, open to RECONNECT_ADMIN (contract/next/governance.md).
 */
const adminThroughConflict = and(
  admin,
  rule('personReadThroughConflictByAdmin', { cache: 'no_cache' })((person: PersonRow) =>
    isConflictPerson(person, 'ADMIN'),
  ),
);
/** Staff reading a conflict of a person they have a relationship with see the other record's id. */
const throughConflict = rule('personReadThroughConflict', { cache: 'no_cache' })(
  (person: PersonRow) => isConflictPerson(person, 'STAFF') || isConflictPerson(person, 'ADMIN'),
);

/** Staff of a service that owns, receives or (for 28 days) sent one of the person's referrals. */
const ownStaff = and(serviceStaff, relationshipRule('personStaffGrant', ...SERVICE_RELATIONSHIPS));
/** The organisation that referred the person. */
const ownReferrer = and(hasAnyRole('REFERRER'), relationshipRule('personReferrerGrant', 'REFERRER'));
/**
 * The service of a declined duplicate (a REFERRAL_ONLY grant): it reads the person of that
 * referral as submitted (service/submitted.ts), and nothing of the record (contract/next/trust.md).
 */
const duplicateService = and(
  serviceStaff,
  rule('personDuplicateServiceGrant', { cache: 'no_cache' })(async (person: PersonRow, _args, ctx: Context) =>
    (await Promise.all(linkedPersonIds(person).map((id) => ctx.access.submissionGrants(id)))).some((g) =>
      g.some(isReferralOnly),
    ),
  ),
);
/** A partner on an open enhanced case of the person. */
const ownPartner = and(hasAnyRole('ER_PARTNER'), relationshipRule('personPartnerGrant', 'ER_PARTNER'));

/** A partner whose data sharing agreement's scopes include `scope` (RISK or NEEDS). */
function partnerScopeRule(scope: 'RISK' | 'NEEDS') {
  return and(
    hasAnyRole('ER_PARTNER'),
    rule(`personPartnerScope:${scope}`, { cache: 'no_cache' })(
      async (person: PersonRow, _args, ctx: Context) => {
        for (const id of linkedPersonIds(person))
          if ((await ctx.access.partnerScopes(id)).has(scope)) return true;
        return false;
      },
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

/** A conflict reached through `Person.identityConflicts` (guarded by ownStaff or admin there). */
const conflictThroughPerson = rule('identityConflictThroughPerson', { cache: 'no_cache' })(
  (conflict: IdentityConflictRow) => (conflict as Partial<ConflictThroughPerson>).throughPerson === true,
);
const conflictDetail = or(admin, and(serviceStaff, conflictThroughPerson));

// shield refuses two rules of one name: each rule is built once.
const partnerNeeds = partnerScopeRule('NEEDS');
const partnerRisk = partnerScopeRule('RISK');

const identity = or(ownStaff, ownReferrer, ownPartner);
const identityOrConflict = or(identity, adminThroughConflict, duplicateService);
const identifier = or(ownStaff, adminThroughConflict);

export const permissions: IRules = {
  Query: {
    // The resolver returns null for a person without a relationship; COMMISSIONER has no
    // person-level access at all (aggregate metrics only).
    person: hasAnyRole(...SERVICE_STAFF_ROLES, 'REFERRER', 'ER_PARTNER', 'RECONNECT_ADMIN'),
    // Information governance's queue (the service re-asserts the role).
    identityConflicts: admin,
    // The referral subgraph applying an HMPPS custody event (ids only; the service re-checks).
    prisonNumberHolders: and(calledByReferral, hasAnyRole(CUSTODY_EVENTS_ROLE)),
    // The referral subgraph narrowing the caller's own referrals by NHS number (ids only).
    nhsNumberHolders: and(calledByReferral, hasAnyRole(...SERVICE_STAFF_ROLES, 'REFERRER')),
    // casework.md: staff search names and identifiers among their own; a referrer, references only.
    searchPeople: and(calledByReferral, hasAnyRole(...SERVICE_STAFF_ROLES)),
    // next/governance.md: information governance only (reason required; the service audits it).
    subjectAccessReport: admin,
  },
  Mutation: {
    // Information governance only (re-asserted by the service).
    resolveIdentityConflict: admin,
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
    id: or(identity, admin, resolvedInThisRequest, throughConflict, duplicateService),
    givenName: identityOrConflict,
    familyName: identityOrConflict,
    dateOfBirth: identityOrConflict,
    nhsNumber: identifier,
    prisonNumber: identifier,
    crn: identifier,
    pncId: identifier,
    homeOfficeReference: identifier,
    homeArea: ownStaff,
    healthNeeds: or(ownStaff, partnerNeeds),
    riskOfSeriousHarm: or(ownStaff, partnerRisk),
    riskAssessments: or(ownStaff, partnerRisk),
    accessLog: admin,
    identityConflicts: or(ownStaff, admin),
    mergedInto: or(identity, admin),
  },
  // The types below are reachable only through a Person field or mutation guarded above.
  HealthNeed: allow,
  RiskAssessment: allow,
  // next/trust.md: the client's correlation id is information governance's alone. The type is
  // reached only through `accessLog` (admin) today; the field keeps its own rule should that change.
  AuditEvent: { '*': allow, correlationId: admin },
  AuditEventConnection: allow,
  PageInfo: allow,
  LocalAuthority: allow,
  // next/trust.md: kind and contestedIdentifiers to staff of the person (the conflict reached
  // through Person.identityConflicts, which asks for their grant) and to information governance.
  IdentityConflict: { '*': allow, kind: conflictDetail, contestedIdentifiers: conflictDetail },
  IdentityConflictResolution: allow,
  IdentityConflictConnection: allow,
  IdentityConflictPayload: allow,
  Referral: allow,
  PersonMatch: allow,
  PersonPayload: allow,
  PrisonNumberHolder: allow,
  PrisonNumberMerge: allow,
  // Reachable only through subjectAccessReport (admin) above.
  SubjectAccessReport: allow,
};
