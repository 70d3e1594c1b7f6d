/**
 * Referral fields and operations (AUTH.md field matrix). Every referral the resolvers return is
 * already one the caller has a live relationship with; the rules add what that relationship lets
 * it read: staff of the owning or receiving service (or the sending service within 28 days of a
 * completed handover) read everything; a referrer reads its own referrals' status and submission
 * fields; a partner reads the status fields, named worker and support window of a referral on its
 * open enhanced case. Commissioners and admins read no referral. Mutations re-assert permission
 * in the service layer before every write.
 */
import { SERVICE_RELATIONSHIPS, type Relationship } from '@reconnect/access';
import { CUSTODY_EVENTS_ROLE, REFERRAL_SUBMITTER_ROLES } from '@reconnect/auth';
import { allow, and, hasAnyRole, or, rule, serviceStaff, type IRule, type IRules } from '@reconnect/graph';
import type { Context } from './context.ts';
import type { HandoverRow, ReferralRow } from './db/schema.ts';
import { isHandoverParty } from './service/handover-party.ts';
import { WEBHOOK_SUBSCRIBER_ROLES } from './service/webhooks.ts';

const submitters = hasAnyRole(...REFERRAL_SUBMITTER_ROLES);
const readers = hasAnyRole(...REFERRAL_SUBMITTER_ROLES, 'ER_PARTNER');

function relationshipRule(name: string, ...relationships: Relationship[]): IRule {
  return rule(name, { cache: 'no_cache' })((r: ReferralRow, _args, ctx: Context) =>
    ctx.access.referralRelationship(r.id, ...relationships),
  );
}

/** Staff of a service with a relationship (owning, receiving, or sending within 28 days). */
export const serviceOfReferral = and(
  serviceStaff,
  relationshipRule('serviceOfReferral', ...SERVICE_RELATIONSHIPS),
);
const referrerOfReferral = and(hasAnyRole('REFERRER'), relationshipRule('referrerOfReferral', 'REFERRER'));
const partnerOfReferral = and(hasAnyRole('ER_PARTNER'), relationshipRule('partnerOfReferral', 'ER_PARTNER'));

const subscribers = hasAnyRole(...WEBHOOK_SUBSCRIBER_ROLES);
/** An internal call from the person subgraph (which signs its calls as `person`). */
const calledByPerson = rule('calledByPerson', { cache: 'contextual' })(
  (_p, _a, ctx: Context) => ctx.caller === 'person',
);

/** Staff of the sending or the receiving service of this handover (service/handover-party.ts). */
const handoverParty = and(
  serviceStaff,
  rule('handoverParty', { cache: 'no_cache' })((h: HandoverRow, _args, ctx: Context) =>
    isHandoverParty(ctx.principal, h),
  ),
);

const statusFields = or(serviceOfReferral, referrerOfReferral, partnerOfReferral);
const submissionFields = or(serviceOfReferral, referrerOfReferral);
const caseFields = serviceOfReferral;
const caseFieldsWithPartner = or(serviceOfReferral, partnerOfReferral);

/** Who reads service metrics (AUTH.md): commissioners, and a service's staff (its own; the service checks). */
const metricsReaders = or(hasAnyRole('COMMISSIONER'), serviceStaff);

export const permissions: IRules = {
  Query: {
    referral: readers,
    referralByReference: readers,
    referrals: submitters,
    // The resolver lists only handovers to or from the caller's own service.
    handovers: serviceStaff,
    // Every organisation with a relationship to referrals may subscribe; each sees its own.
    webhooks: subscribers,
    // casework.md: a RECONNECT service's own due work (the service refuses another service's).
    dueWork: serviceStaff,
    // Commissioners: every service; RECONNECT staff: their own service only (the resolver checks).
    serviceMetrics: metricsReaders,
    // Information governance's subject access report, assembled by the person subgraph only.
    referralSubjectAccessPart: and(calledByPerson, hasAnyRole('RECONNECT_ADMIN')),
  },
  Mutation: {
    submitReferral: submitters,
    // The referrer may withdraw its own SUBMITTED referral; the service checks which.
    withdrawReferral: submitters,
    recordConsent: serviceStaff,
    acceptReferral: serviceStaff,
    declineReferral: serviceStaff,
    assignWorker: serviceStaff,
    assignPeerSupport: serviceStaff,
    recordContact: serviceStaff,
    updateExpectedReleaseDate: serviceStaff,
    recordRelease: serviceStaff,
    recordReturnToCustody: serviceStaff,
    recordTransfer: serviceStaff,
    recordTemporaryLicence: serviceStaff,
    // contract/next/custody-events.md: the HMPPS events client alone (the service re-checks).
    applyCustodyEvent: hasAnyRole(CUSTODY_EVENTS_ROLE),
    // The person subgraph applying an information governance merge (the service re-checks).
    applyPersonMergeToReferrals: and(calledByPerson, hasAnyRole('RECONNECT_ADMIN')),
    recordEngagement: serviceStaff,
    extendSupport: hasAnyRole('RECONNECT_LEAD'),
    dischargeReferral: serviceStaff,
    // casework.md: the owning service, or the receiving service of an open handover (the service checks).
    addCaseNote: serviceStaff,
    bookAppointment: serviceStaff,
    recordAppointmentOutcome: serviceStaff,
    // The service checks the caller is the sending or receiving service, as each operation needs.
    requestHandover: serviceStaff,
    acceptHandover: serviceStaff,
    declineHandover: hasAnyRole('RECONNECT_LEAD'),
    cancelHandover: serviceStaff,
    completeHandover: serviceStaff,
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
    // next/trust.md: the referral's staff and its referrer; not partners, not commissioners.
    referringOrganisation: submissionFields,
    consent: caseFields,
    contacts: caseFields,
    engagements: caseFields,
    history: caseFields,
    peerSupportWorker: caseFields,
    preReleaseContacts: caseFields,
    discharge: caseFields,
    handovers: caseFields,
    // casework.md: staff of a service with a relationship read them; nobody else.
    notes: caseFields,
    appointments: caseFields,
    namedWorker: caseFieldsWithPartner,
    supportWindow: caseFieldsWithPartner,
  },
  // Child objects are reached only through a Referral field whose rule already held.
  Referrer: allow,
  Custody: allow,
  Consent: allow,
  SupportWindow: allow,
  Contact: allow,
  CaseNote: allow,
  // Reached only through dueWork, which lists the caller's own service's work; each item's referral
  // is read through the caller's grants and its fields keep their own rules.
  DueWorkConnection: allow,
  DueWorkItem: allow,
  DueWorkCount: allow,
  Appointment: allow,
  ContactCompliance: allow,
  CommunityEngagement: allow,
  Decline: allow,
  Discharge: allow,
  ReferralEvent: allow,
  ReferralConnection: allow,
  PageInfo: allow,
  SubmitReferralPayload: allow,
  HandoverConnection: allow,
  // Aggregates only: nothing in a metrics answer identifies a person (commissioners' figures are
  // disclosure-controlled by the service). next/trust.md names who reads the control's own fields.
  ServiceMetrics: {
    '*': allow,
    disclosureControlled: metricsReaders,
    smallNumbers: metricsReaders,
  },
  SourceCount: allow,
  DischargeCount: allow,
  HandoverPayload: allow,
  // A handover is read by the two services party to it (resolvers and __resolveReference return
  // only those); the rule says so again for every field.
  Handover: handoverParty,
  // Subscriptions are only ever listed or returned for the caller's own organisation.
  WebhookSubscription: allow,
  ReferralPayload: allow,
  // Only the outcome and a referral id: the client reads nothing else.
  CustodyEventResult: allow,
  // Person.referrals lists only referrals the caller may see; partners and others get FORBIDDEN.
  Person: { id: allow, referrals: submitters },
  // Entity references owned elsewhere: only their keys live here; the owners' rules decide the rest.
  ReconnectService: { code: allow },
  Establishment: { code: allow },
  ReferringOrganisation: { code: allow },
  Staff: { id: allow },
};
