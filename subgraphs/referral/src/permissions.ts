/**
 * Referral fields and operations (AUTH.md field matrix). Every referral the resolvers return is
 * already one the caller has a live relationship with; the rules add what that relationship lets
 * it read: staff of the owning or receiving service (or the sending service within 28 days of a
 * completed handover) read everything; a referrer reads its own referrals' status and submission
 * fields; a partner reads the status fields, named worker and support window of a referral on its
 * open enhanced case. Commissioners and admins read no referral. Mutations re-assert permission
 * in the service layer before every write.
 */
import { allow, and, hasAnyRole, or, rule, type IRule, type IRules } from '@reconnect/graph';
import type { Relationship } from '@reconnect/access';
import type { Context } from './context.ts';
import type { ReferralRow } from './db/schema.ts';

const serviceStaffRole = hasAnyRole('RECONNECT_STAFF', 'RECONNECT_LEAD');
const submitters = hasAnyRole('RECONNECT_STAFF', 'RECONNECT_LEAD', 'REFERRER');
const readers = hasAnyRole('RECONNECT_STAFF', 'RECONNECT_LEAD', 'REFERRER', 'ER_PARTNER');

function relationshipRule(name: string, ...relationships: Relationship[]): IRule {
  return rule(name, { cache: 'no_cache' })((r: ReferralRow, _args, ctx: Context) =>
    ctx.access.hasReferralRelationship(r.id, ...relationships),
  );
}

/** Staff of a service with a relationship (owning, receiving, or sending within 28 days). */
export const serviceOfReferral = and(
  serviceStaffRole,
  relationshipRule('serviceOfReferral', 'OWNING_SERVICE', 'RECEIVING_SERVICE', 'SENDING_SERVICE'),
);
const referrerOfReferral = and(hasAnyRole('REFERRER'), relationshipRule('referrerOfReferral', 'REFERRER'));
const partnerOfReferral = and(hasAnyRole('ER_PARTNER'), relationshipRule('partnerOfReferral', 'ER_PARTNER'));

const subscribers = hasAnyRole(
  'RECONNECT_STAFF',
  'RECONNECT_LEAD',
  'RECONNECT_ADMIN',
  'REFERRER',
  'ER_PARTNER',
);

/** Staff of the sending or the receiving service of this handover. */
const handoverParty = and(
  serviceStaffRole,
  rule('handoverParty', { cache: 'no_cache' })(
    (h: { fromServiceCode: string; toServiceCode: string }, _args, ctx: Context) =>
      !!ctx.principal.organisationCode &&
      (h.fromServiceCode === ctx.principal.organisationCode ||
        h.toServiceCode === ctx.principal.organisationCode),
  ),
);

const statusFields = or(serviceOfReferral, referrerOfReferral, partnerOfReferral);
const submissionFields = or(serviceOfReferral, referrerOfReferral);
const caseFields = serviceOfReferral;
const caseFieldsWithPartner = or(serviceOfReferral, partnerOfReferral);

export const permissions: IRules = {
  Query: {
    referral: readers,
    referralByReference: readers,
    referrals: submitters,
    // The resolver lists only handovers to or from the caller's own service.
    handovers: serviceStaffRole,
    // Every organisation with a relationship to referrals may subscribe; each sees its own.
    webhooks: subscribers,
    // Commissioners: every service; RECONNECT staff: their own service only (the resolver checks).
    serviceMetrics: or(hasAnyRole('COMMISSIONER'), serviceStaffRole),
  },
  Mutation: {
    submitReferral: submitters,
    // The referrer may withdraw its own SUBMITTED referral; the service checks which.
    withdrawReferral: submitters,
    recordConsent: serviceStaffRole,
    acceptReferral: serviceStaffRole,
    declineReferral: serviceStaffRole,
    assignWorker: serviceStaffRole,
    assignPeerSupport: serviceStaffRole,
    recordContact: serviceStaffRole,
    updateExpectedReleaseDate: serviceStaffRole,
    recordRelease: serviceStaffRole,
    recordReturnToCustody: serviceStaffRole,
    recordEngagement: serviceStaffRole,
    extendSupport: hasAnyRole('RECONNECT_LEAD'),
    dischargeReferral: serviceStaffRole,
    // The service checks the caller is the sending or receiving service, as each operation needs.
    requestHandover: serviceStaffRole,
    acceptHandover: serviceStaffRole,
    declineHandover: hasAnyRole('RECONNECT_LEAD'),
    cancelHandover: serviceStaffRole,
    completeHandover: serviceStaffRole,
    registerWebhook: subscribers,
    removeWebhook: subscribers,
    replayParkedDeliveries: subscribers,
  },
  Referral: {
    id: statusFields,
    reference: statusFields,
    status: statusFields,
    version: statusFields,
    source: statusFields,
    submittedAt: statusFields,
    custody: statusFields,
    owningService: statusFields,
    receivingService: statusFields,
    availableActions: statusFields,
    // Resolved by the partner subgraph (which decides who may enrol); never served from here.
    canEnrolEnhanced: allow,
    // The person's own rules decide which of their fields each caller reads.
    person: statusFields,
    referrer: submissionFields,
    reasonForReferral: submissionFields,
    identifiedNeeds: submissionFields,
    decline: submissionFields,
    duplicateOf: submissionFields,
    consent: caseFields,
    contacts: caseFields,
    engagements: caseFields,
    history: caseFields,
    peerSupportWorker: caseFields,
    preReleaseContacts: caseFields,
    discharge: caseFields,
    handovers: caseFields,
    namedWorker: caseFieldsWithPartner,
    supportWindow: caseFieldsWithPartner,
  },
  // Child objects are reached only through a Referral field whose rule already held.
  Referrer: allow,
  Custody: allow,
  Consent: allow,
  SupportWindow: allow,
  Contact: allow,
  ContactCompliance: allow,
  CommunityEngagement: allow,
  Decline: allow,
  Discharge: allow,
  ReferralEvent: allow,
  ReferralConnection: allow,
  PageInfo: allow,
  SubmitReferralPayload: allow,
  HandoverConnection: allow,
  // Aggregates only: nothing in a metrics answer identifies a person.
  ServiceMetrics: allow,
  SourceCount: allow,
  DischargeCount: allow,
  HandoverPayload: allow,
  // A handover is read by the two services party to it (resolvers and __resolveReference return
  // only those); the rule says so again for every field.
  Handover: handoverParty,
  // Subscriptions are only ever listed or returned for the caller's own organisation.
  WebhookSubscription: allow,
  ReferralPayload: allow,
  // Person.referrals lists only referrals the caller may see; partners and others get FORBIDDEN.
  Person: { id: allow, referrals: submitters },
  // Entity references owned elsewhere: only their keys live here; the owners' rules decide the rest.
  ReconnectService: { code: allow },
  Establishment: { code: allow },
  Staff: { id: allow },
};
