/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /** ISO 8601 calendar date, YYYY-MM-DD (Europe/London). */
  Date: { input: string; output: string };
  /** ISO 8601 timestamp with offset, e.g. 2026-11-25T09:30:00Z. */
  DateTime: { input: string; output: string };
};

export type AppointmentStatus = 'ATTENDED' | 'BOOKED' | 'CANCELLED' | 'MISSED';

export type AppointmentWith =
  /** An appointment with a community service (it becomes a CommunityEngagement when ATTENDED). */
  | 'COMMUNITY_SERVICE'
  /** A contact with the person by RECONNECT staff (it becomes a Contact when ATTENDED). */
  | 'RECONNECT';

export type BookAppointmentInput = {
  at: Scalars['DateTime']['input'];
  location?: InputMaybe<Scalars['String']['input']>;
  /** Required for RECONNECT appointments. */
  mode?: InputMaybe<ContactMode>;
  note?: InputMaybe<Scalars['String']['input']>;
  providerName?: InputMaybe<Scalars['String']['input']>;
  purpose?: InputMaybe<ContactPurpose>;
  /** Required for community service appointments. */
  serviceType?: InputMaybe<CommunityServiceType>;
  /** A member of the referral's owning or receiving service; default the caller. */
  staffId?: InputMaybe<Scalars['ID']['input']>;
  with: AppointmentWith;
};

export type CommunityServiceType =
  | 'GP_REGISTRATION'
  | 'HOUSING'
  | 'MENTAL_HEALTH'
  | 'OTHER'
  | 'PHYSICAL_HEALTH'
  | 'PRIMARY_CARE'
  | 'SOCIAL_CARE'
  | 'SUBSTANCE_MISUSE';

export type ConsentDecision = 'GIVEN' | 'REFUSED' | 'WITHDRAWN';

export type ContactInput = {
  mode: ContactMode;
  note?: InputMaybe<Scalars['String']['input']>;
  occurredAt: Scalars['DateTime']['input'];
  purpose: ContactPurpose;
  staffId?: InputMaybe<Scalars['ID']['input']>;
};

export type ContactMode = 'FACE_TO_FACE' | 'TELEPHONE' | 'VIDEO';

export type ContactPurpose =
  'ASSESSMENT' | 'GATE_MEET' | 'PEER_SUPPORT' | 'POST_RELEASE_SUPPORT' | 'RELEASE_PLANNING';

export type CustodyEventInput = {
  /** The establishment (HMPPS prisonId) the event happened at. */
  establishmentCode?: InputMaybe<Scalars['String']['input']>;
  /** RELEASE_DATE_CHANGED only: the expected release date now recorded in custody. */
  expectedReleaseDate?: InputMaybe<Scalars['Date']['input']>;
  /** The broker's id of the message (the SNS MessageId). A message id is applied once. */
  messageId: Scalars['String']['input'];
  occurredAt: Scalars['DateTime']['input'];
  /** The person's prison (NOMIS) number. */
  prisonNumber: Scalars['String']['input'];
  /** additionalInformation.reason as HMPPS sends it: RELEASED, TEMPORARY_ABSENCE_RELEASE, RELEASED_TO_HOSPITAL, SENT_TO_COURT, TRANSFERRED, ADMISSION, TEMPORARY_ABSENCE_RETURN, RETURN_FROM_COURT, ... */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** MERGED only: the prison number that was merged into prisonNumber and no longer exists. */
  removedPrisonNumber?: InputMaybe<Scalars['String']['input']>;
  type: CustodyEventType;
};

export type CustodyEventOutcome =
  /** This message id was applied before; its first outcome is returned. */
  | 'ALREADY_APPLIED'
  | 'IDENTITY_CONFLICT_RECORDED'
  /** Nothing to change: nobody with an open referral has this prison number, or the event changes nothing RECONNECT keeps. */
  | 'IGNORED'
  | 'PRISON_NUMBER_MERGED'
  | 'RELEASE_DATE_UPDATED'
  | 'RELEASE_RECORDED'
  | 'RETURN_TO_CUSTODY_RECORDED'
  /** A later event about this person has already been applied. */
  | 'STALE'
  | 'TEMPORARY_LICENCE_ENDED'
  | 'TEMPORARY_LICENCE_STARTED'
  | 'TRANSFER_RECORDED';

/** What happened in custody, as HMPPS reported it. */
export type CustodyEventType =
  /** prison-offender-events.prisoner.merged */
  | 'MERGED'
  /** prison-offender-events.prisoner.received */
  | 'RECEIVED'
  /** prison-offender-events.prisoner.released */
  | 'RELEASED'
  /** The sentence or release dates changed (e.g. prisoner-offender-search.prisoner.updated with SENTENCE). */
  | 'RELEASE_DATE_CHANGED';

export type CustodyInput = {
  establishmentCode: Scalars['String']['input'];
  expectedReleaseDate?: InputMaybe<Scalars['Date']['input']>;
  onTemporaryLicence?: InputMaybe<Scalars['Boolean']['input']>;
  /** For referrals after release (at most 28 days ago). */
  releasedOn?: InputMaybe<Scalars['Date']['input']>;
  type: CustodyType;
};

export type CustodyType = 'IRC' | 'PRISON';

export type DataSharingAgreementInput = {
  endsOn: Scalars['Date']['input'];
  reference: Scalars['String']['input'];
  scopes: Array<SharingScope>;
  startsOn: Scalars['Date']['input'];
};

export type DeclineReason =
  | 'CONSENT_NOT_GIVEN'
  | 'DUPLICATE'
  | 'NO_IDENTIFIED_HEALTH_NEED'
  | 'OTHER'
  | 'OUTSIDE_REFERRAL_WINDOW'
  | 'SUPPORTED_ELSEWHERE'
  | 'UNDER_18';

export type DischargeReason =
  | 'CONSENT_WITHDRAWN'
  | 'DIED'
  | 'DISENGAGED'
  | 'ENGAGED_WITH_COMMUNITY_SERVICES'
  | 'MOVED_OUTSIDE_ENGLAND'
  | 'NEEDS_MET'
  | 'OTHER'
  | 'REMOVED_FROM_UK'
  | 'SUPPORT_PERIOD_ENDED';

export type DueWorkKind =
  | 'APPOINTMENT_OUTCOME'
  | 'CONSENT_NOT_RECORDED'
  | 'DISCHARGE_OVERDUE'
  | 'HANDOVER_RESPONSE'
  | 'NEW_REFERRAL'
  | 'NO_NAMED_WORKER'
  | 'PRE_RELEASE_CONTACTS'
  | 'RELEASE_DAY'
  | 'SUPPORT_ENDING';

export type EngagementInput = {
  appointmentOn?: InputMaybe<Scalars['Date']['input']>;
  outcome: EngagementOutcome;
  providerName: Scalars['String']['input'];
  serviceType: CommunityServiceType;
};

export type EngagementOutcome = 'ATTENDED' | 'BOOKED' | 'CANCELLED' | 'MISSED';

export type EnhancedCaseStatus = 'CLOSED' | 'OPEN';

export type EnrolEnhancedInput = {
  consentMethod: ContactMode;
  partnerCodes: Array<Scalars['String']['input']>;
  rationale: Scalars['String']['input'];
  sharingConsent: ConsentDecision;
};

export type HandoverDirection = 'INCOMING' | 'OUTGOING';

export type HandoverStatus = 'ACCEPTED' | 'CANCELLED' | 'COMPLETED' | 'DECLINED' | 'REQUESTED';

export type HealthNeedCategory =
  | 'ALCOHOL'
  | 'BRAIN_INJURY'
  | 'LEARNING_DISABILITY'
  | 'MENTAL_HEALTH'
  | 'NEURODIVERSITY'
  | 'OTHER'
  | 'PHYSICAL_HEALTH'
  | 'SOCIAL_CARE'
  | 'SUBSTANCE_MISUSE';

export type HealthNeedInput = {
  category: HealthNeedCategory;
  description: Scalars['String']['input'];
};

export type IdentifierType = 'CRN' | 'HOME_OFFICE_REFERENCE' | 'NHS_NUMBER' | 'PNC_ID' | 'PRISON_NUMBER';

export type IdentityConflictKind =
  /** An identifier belonged to a record whose date of birth and names differ from the submission's: the submission got a record of its own, without that identifier. */
  | 'DEMOGRAPHICS_DIFFER'
  /** One submission's identifiers pointed at two records. */
  | 'TWO_RECORDS';

export type IdentityConflictStatus = 'OPEN' | 'RESOLVED';

export type IdentityResolution =
  /** They are two people: nothing is merged, and the identifier is taken off the record it was wrongly added to. */
  | 'DIFFERENT_PEOPLE'
  /** The two records are one person: the other record is merged into the kept one. */
  | 'SAME_PERSON';

export type PersonIdentityInput = {
  crn?: InputMaybe<Scalars['String']['input']>;
  dateOfBirth: Scalars['Date']['input'];
  familyName: Scalars['String']['input'];
  givenName: Scalars['String']['input'];
  /** ONS code of the local authority the person will live in after release. */
  homeLocalAuthorityCode?: InputMaybe<Scalars['String']['input']>;
  homeOfficeReference?: InputMaybe<Scalars['String']['input']>;
  nhsNumber?: InputMaybe<Scalars['String']['input']>;
  pncId?: InputMaybe<Scalars['String']['input']>;
  prisonNumber?: InputMaybe<Scalars['String']['input']>;
};

/** What the caller may do to a referral now, given its state and the caller's permissions. */
export type ReferralAction =
  | 'ACCEPT'
  | 'ADD_NOTE'
  | 'ASSIGN_WORKER'
  | 'BOOK_APPOINTMENT'
  | 'DECLINE'
  | 'DISCHARGE'
  | 'ENROL_ENHANCED'
  | 'EXTEND_SUPPORT'
  | 'RECORD_CONSENT'
  | 'RECORD_CONTACT'
  | 'RECORD_ENGAGEMENT'
  | 'RECORD_RELEASE'
  | 'RECORD_RETURN_TO_CUSTODY'
  | 'RECORD_TEMPORARY_LICENCE'
  | 'RECORD_TRANSFER'
  | 'REQUEST_HANDOVER'
  | 'UPDATE_EXPECTED_RELEASE_DATE'
  | 'WITHDRAW';

export type ReferralFilter = {
  dischargeOverdue?: InputMaybe<Scalars['Boolean']['input']>;
  namedWorkerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only referrals of the person with this NHS number (spaces accepted); the caller's own referrals still, nothing more. */
  nhsNumber?: InputMaybe<Scalars['String']['input']>;
  releaseFrom?: InputMaybe<Scalars['Date']['input']>;
  releaseTo?: InputMaybe<Scalars['Date']['input']>;
  /** A reference (RC-...), NHS number, prison number, CRN or PNC id, matched exactly; otherwise the start of the person's given or family name (accents, case and punctuation ignored). Only among the referrals the caller may see. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** RECONNECT services only see their own; staff default to their own service. */
  serviceCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<ReferralStatus>>;
  /** true: only referrals with no named worker yet (those waiting to be assigned); false: only those with one. */
  unassigned?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Where a referral came from (the same values as the referral subgraph's). */
export type ReferralSource =
  | 'FAMILY_OR_FRIEND'
  | 'HOME_OFFICE_ENFORCEMENT'
  | 'IRC_HEALTHCARE'
  | 'LIAISON_AND_DIVERSION'
  | 'POLICE'
  | 'PRISON_HEALTHCARE'
  | 'PROBATION'
  | 'SELF';

export type ReferralStatus =
  'DECLINED' | 'DISCHARGED' | 'POST_RELEASE' | 'PRE_RELEASE' | 'SUBMITTED' | 'WITHDRAWN';

export type ReferrerInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  organisationName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** For FAMILY_OR_FRIEND referrals: how the referrer knows the person. */
  relationship?: InputMaybe<Scalars['String']['input']>;
};

export type ReferringOrganisationInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  code: Scalars['String']['input'];
  kind: ReferringOrganisationKind;
  name: Scalars['String']['input'];
  region?: InputMaybe<Region>;
};

export type ReferringOrganisationKind =
  | 'HOME_OFFICE_ENFORCEMENT'
  | 'IRC_HEALTHCARE'
  | 'LIAISON_AND_DIVERSION'
  /** The online form that people in custody, their family and friends use. */
  | 'ONLINE_FORM'
  | 'POLICE'
  | 'PRISON_HEALTHCARE'
  | 'PROBATION';

/** NHS England regions. */
export type Region =
  | 'EAST_OF_ENGLAND'
  | 'LONDON'
  | 'MIDLANDS'
  | 'NORTH_EAST_AND_YORKSHIRE'
  | 'NORTH_WEST'
  | 'SOUTH_EAST'
  | 'SOUTH_WEST';

export type RiskAssessmentInput = {
  assessedOn: Scalars['Date']['input'];
  level: RiskLevel;
  riskTo: Array<RiskGroup>;
  source: Scalars['String']['input'];
  summary?: InputMaybe<Scalars['String']['input']>;
};

export type RiskGroup = 'CHILDREN' | 'KNOWN_ADULT' | 'PUBLIC' | 'STAFF';

export type RiskLevel = 'HIGH' | 'LOW' | 'MEDIUM' | 'VERY_HIGH';

export type Role =
  | 'COMMISSIONER'
  | 'ER_PARTNER'
  /** A system client that relays HMPPS domain events about people in custody. It reads nothing. */
  | 'HMPPS_EVENTS'
  | 'RECONNECT_ADMIN'
  | 'RECONNECT_LEAD'
  | 'RECONNECT_STAFF'
  | 'REFERRER';

/** What a data sharing agreement lets Enhanced RECONNECT partners read. */
export type SharingScope = 'NEEDS' | 'RISK';

export type StaffRole = 'PEER_SUPPORT_WORKER' | 'RECONNECT_WORKER' | 'TEAM_LEAD';

export type SubmitReferralInput = {
  custody: CustodyInput;
  identifiedNeeds: Array<HealthNeedInput>;
  person: PersonIdentityInput;
  reasonForReferral?: InputMaybe<Scalars['String']['input']>;
  referrer: ReferrerInput;
  source: ReferralSource;
};

export type ChangedReferralFragment = {
  __typename?: 'Referral';
  id: string;
  version: number;
  status: ReferralStatus;
};

export type RecordConsentMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  decision: ConsentDecision;
  method: ContactMode;
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type RecordConsentMutation = {
  __typename?: 'Mutation';
  recordConsent: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type AcceptReferralMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type AcceptReferralMutation = {
  __typename?: 'Mutation';
  acceptReferral: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type DeclineReferralMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: DeclineReason;
  note: InputMaybe<Scalars['String']['input']>;
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type DeclineReferralMutation = {
  __typename?: 'Mutation';
  declineReferral: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type AssignWorkerMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  staffId: Scalars['ID']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type AssignWorkerMutation = {
  __typename?: 'Mutation';
  assignWorker: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type AssignPeerSupportMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  staffId: Scalars['ID']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type AssignPeerSupportMutation = {
  __typename?: 'Mutation';
  assignPeerSupport: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type RecordContactMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  input: ContactInput;
}>;

export type RecordContactMutation = {
  __typename?: 'Mutation';
  recordContact: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type UpdateExpectedReleaseDateMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  expectedReleaseDate: Scalars['Date']['input'];
  reason: Scalars['String']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type UpdateExpectedReleaseDateMutation = {
  __typename?: 'Mutation';
  updateExpectedReleaseDate: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type RecordReleaseMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  releasedOn: Scalars['Date']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type RecordReleaseMutation = {
  __typename?: 'Mutation';
  recordRelease: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type RecordReturnToCustodyMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  establishmentCode: Scalars['String']['input'];
  expectedReleaseDate: InputMaybe<Scalars['Date']['input']>;
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type RecordReturnToCustodyMutation = {
  __typename?: 'Mutation';
  recordReturnToCustody: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type RecordTransferMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  establishmentCode: Scalars['String']['input'];
  transferredOn: Scalars['Date']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type RecordTransferMutation = {
  __typename?: 'Mutation';
  recordTransfer: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type RecordTemporaryLicenceMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  onTemporaryLicence: Scalars['Boolean']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type RecordTemporaryLicenceMutation = {
  __typename?: 'Mutation';
  recordTemporaryLicence: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type RecordEngagementMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  input: EngagementInput;
}>;

export type RecordEngagementMutation = {
  __typename?: 'Mutation';
  recordEngagement: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type ExtendSupportMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  until: Scalars['Date']['input'];
  reason: Scalars['String']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type ExtendSupportMutation = {
  __typename?: 'Mutation';
  extendSupport: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type DischargeReferralMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  reason: DischargeReason;
  note: InputMaybe<Scalars['String']['input']>;
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type DischargeReferralMutation = {
  __typename?: 'Mutation';
  dischargeReferral: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type RequestHandoverMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  toServiceCode: Scalars['String']['input'];
  note: InputMaybe<Scalars['String']['input']>;
}>;

export type RequestHandoverMutation = {
  __typename?: 'Mutation';
  requestHandover: {
    __typename?: 'HandoverPayload';
    handover: { __typename?: 'Handover'; id: string; status: HandoverStatus };
  };
};

export type ServicesQueryVariables = Exact<{ [key: string]: never }>;

export type ServicesQuery = {
  __typename?: 'Query';
  reconnectServices: Array<{ __typename?: 'ReconnectService'; code: string; name: string }>;
};

export type WithdrawReferralMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  expectedVersion: InputMaybe<Scalars['Int']['input']>;
}>;

export type WithdrawReferralMutation = {
  __typename?: 'Mutation';
  withdrawReferral: {
    __typename?: 'ReferralPayload';
    referral: { __typename?: 'Referral'; id: string; version: number; status: ReferralStatus };
  };
};

export type PartnersQueryVariables = Exact<{ [key: string]: never }>;

export type PartnersQuery = {
  __typename?: 'Query';
  partnerOrganisations: Array<{
    __typename?: 'PartnerOrganisation';
    code: string;
    name: string;
    regions: Array<Region>;
    activeAgreement: { __typename?: 'DataSharingAgreement'; reference: string } | null;
  }>;
};

export type EnrolEnhancedMutationVariables = Exact<{
  referralId: Scalars['ID']['input'];
  input: EnrolEnhancedInput;
}>;

export type EnrolEnhancedMutation = {
  __typename?: 'Mutation';
  enrolEnhancedReconnect: {
    __typename?: 'EnhancedCasePayload';
    enhancedCase: { __typename?: 'EnhancedCase'; id: string };
  };
};

export type CaseloadQueryVariables = Exact<{
  filter: InputMaybe<ReferralFilter>;
  first: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
}>;

export type CaseloadQuery = {
  __typename?: 'Query';
  referrals: {
    __typename?: 'ReferralConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename?: 'Referral';
      id: string;
      reference: string;
      status: ReferralStatus;
      person: { __typename?: 'Person'; id: string; givenName: string; familyName: string };
      custody: {
        __typename?: 'Custody';
        expectedReleaseDate: string | null;
        releasedOn: string | null;
        establishment: { __typename?: 'Establishment'; code: string; name: string };
      };
      namedWorker: { __typename?: 'Staff'; id: string; name: string } | null;
      preReleaseContacts: { __typename?: 'ContactCompliance'; count: number; required: number };
      supportWindow: { __typename?: 'SupportWindow'; dischargeOverdue: boolean };
    }>;
  };
};

export type ServiceStaffQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;

export type ServiceStaffQuery = {
  __typename?: 'Query';
  reconnectService: {
    __typename?: 'ReconnectService';
    code: string;
    name: string;
    staff: Array<{ __typename?: 'Staff'; id: string; name: string; role: StaffRole }>;
  } | null;
};

export type AccessLogQueryVariables = Exact<{
  personId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;

export type AccessLogQuery = {
  __typename?: 'Query';
  person: {
    __typename?: 'Person';
    id: string;
    accessLog: {
      __typename?: 'AuditEventConnection';
      pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
      nodes: Array<{
        __typename?: 'AuditEvent';
        id: string;
        at: string;
        actorSubject: string;
        actorOrganisation: string | null;
        action: string;
        subjectType: string;
        fields: Array<string>;
        purpose: string | null;
        outcome: string;
      }>;
    } | null;
  } | null;
};

export type AgreementsQueryVariables = Exact<{ [key: string]: never }>;

export type AgreementsQuery = {
  __typename?: 'Query';
  partnerOrganisations: Array<{
    __typename?: 'PartnerOrganisation';
    code: string;
    name: string;
    regions: Array<Region>;
    agreements: Array<{
      __typename?: 'DataSharingAgreement';
      id: string;
      reference: string;
      scopes: Array<SharingScope>;
      startsOn: string;
      endsOn: string;
      active: boolean;
    }>;
  }>;
};

export type ConflictRecordFragment = {
  __typename?: 'Person';
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  prisonNumber: string | null;
  crn: string | null;
  pncId: string | null;
  homeOfficeReference: string | null;
};

export type IdentityConflictsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
}>;

export type IdentityConflictsQuery = {
  __typename?: 'Query';
  identityConflicts: {
    __typename?: 'IdentityConflictConnection';
    totalCount: number;
    nodes: Array<{
      __typename?: 'IdentityConflict';
      id: string;
      detectedAt: string;
      kind: IdentityConflictKind;
      identifierType: IdentifierType;
      contestedIdentifiers: Array<IdentifierType>;
      person: {
        __typename?: 'Person';
        id: string;
        givenName: string;
        familyName: string;
        dateOfBirth: string | null;
        nhsNumber: string | null;
        prisonNumber: string | null;
        crn: string | null;
        pncId: string | null;
        homeOfficeReference: string | null;
      };
      otherPerson: {
        __typename?: 'Person';
        id: string;
        givenName: string;
        familyName: string;
        dateOfBirth: string | null;
        nhsNumber: string | null;
        prisonNumber: string | null;
        crn: string | null;
        pncId: string | null;
        homeOfficeReference: string | null;
      };
    }>;
  };
};

export type ResolveIdentityConflictMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  outcome: IdentityResolution;
  note: Scalars['String']['input'];
  keepPersonId: InputMaybe<Scalars['ID']['input']>;
}>;

export type ResolveIdentityConflictMutation = {
  __typename?: 'Mutation';
  resolveIdentityConflict: {
    __typename?: 'IdentityConflictPayload';
    conflict: { __typename?: 'IdentityConflict'; id: string; status: IdentityConflictStatus };
  };
};

export type SubjectAccessReportQueryVariables = Exact<{
  personId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;

export type SubjectAccessReportQuery = {
  __typename?: 'Query';
  subjectAccessReport: {
    __typename?: 'SubjectAccessReport';
    personId: string;
    generatedAt: string;
    reason: string;
    document: string;
  };
};

export type ReferringOrganisationsQueryVariables = Exact<{
  kind: InputMaybe<ReferringOrganisationKind>;
  region: InputMaybe<Region>;
}>;

export type ReferringOrganisationsQuery = {
  __typename?: 'Query';
  referringOrganisations: Array<{
    __typename?: 'ReferringOrganisation';
    code: string;
    name: string;
    kind: ReferringOrganisationKind;
    region: Region | null;
    allowedSources: Array<ReferralSource>;
    active: boolean;
  }>;
};

export type ReferringOrganisationByCodeQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;

export type ReferringOrganisationByCodeQuery = {
  __typename?: 'Query';
  referringOrganisation: {
    __typename?: 'ReferringOrganisation';
    code: string;
    name: string;
    kind: ReferringOrganisationKind;
    region: Region | null;
    active: boolean;
  } | null;
};

export type SaveReferringOrganisationMutationVariables = Exact<{
  input: ReferringOrganisationInput;
}>;

export type SaveReferringOrganisationMutation = {
  __typename?: 'Mutation';
  saveReferringOrganisation: {
    __typename?: 'ReferringOrganisation';
    code: string;
    name: string;
    active: boolean;
  };
};

export type HandoversQueryVariables = Exact<{
  direction: HandoverDirection;
  status: InputMaybe<Array<HandoverStatus> | HandoverStatus>;
  first: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
}>;

export type HandoversQuery = {
  __typename?: 'Query';
  handovers: {
    __typename?: 'HandoverConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename?: 'Handover';
      id: string;
      status: HandoverStatus;
      requestedAt: string;
      respondBy: string;
      respondedAt: string | null;
      overdue: boolean;
      note: string | null;
      declineReason: string | null;
      completedAt: string | null;
      fromService: { __typename?: 'ReconnectService'; code: string; name: string };
      toService: { __typename?: 'ReconnectService'; code: string; name: string };
      referral: {
        __typename?: 'Referral';
        id: string;
        reference: string;
        status: ReferralStatus;
        person: { __typename?: 'Person'; givenName: string; familyName: string };
      };
    }>;
  };
};

export type HandoverRowFragment = {
  __typename?: 'Handover';
  id: string;
  status: HandoverStatus;
  requestedAt: string;
  respondBy: string;
  respondedAt: string | null;
  overdue: boolean;
  note: string | null;
  declineReason: string | null;
  completedAt: string | null;
  fromService: { __typename?: 'ReconnectService'; code: string; name: string };
  toService: { __typename?: 'ReconnectService'; code: string; name: string };
  referral: {
    __typename?: 'Referral';
    id: string;
    reference: string;
    status: ReferralStatus;
    person: { __typename?: 'Person'; givenName: string; familyName: string };
  };
};

export type AcceptHandoverMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type AcceptHandoverMutation = {
  __typename?: 'Mutation';
  acceptHandover: {
    __typename?: 'HandoverPayload';
    handover: { __typename?: 'Handover'; id: string; status: HandoverStatus };
  };
};

export type DeclineHandoverMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;

export type DeclineHandoverMutation = {
  __typename?: 'Mutation';
  declineHandover: {
    __typename?: 'HandoverPayload';
    handover: { __typename?: 'Handover'; id: string; status: HandoverStatus };
  };
};

export type CancelHandoverMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;

export type CancelHandoverMutation = {
  __typename?: 'Mutation';
  cancelHandover: {
    __typename?: 'HandoverPayload';
    handover: { __typename?: 'Handover'; id: string; status: HandoverStatus };
  };
};

export type CompleteHandoverMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type CompleteHandoverMutation = {
  __typename?: 'Mutation';
  completeHandover: {
    __typename?: 'HandoverPayload';
    handover: { __typename?: 'Handover'; id: string; status: HandoverStatus };
  };
};

export type ServiceOverviewQueryVariables = Exact<{
  serviceCode: InputMaybe<Scalars['String']['input']>;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
}>;

export type ServiceOverviewQuery = {
  __typename?: 'Query';
  serviceMetrics: {
    __typename?: 'ServiceMetrics';
    from: string;
    to: string;
    serviceCode: string | null;
    referralsReceived: number;
    accepted: number;
    declined: number;
    acceptance: number | null;
    released: number;
    preReleaseContactTargetMet: number | null;
    engagedWithin28Days: number | null;
    medianDaysReferralToFirstContact: number | null;
    openCaseload: number;
    handoversRequested: number;
    handoversOverdue: number;
    medianHandoverResponseHours: number | null;
    disclosureControlled: boolean;
    smallNumbers: Array<string>;
    bySource: Array<{ __typename?: 'SourceCount'; source: ReferralSource; count: number }>;
    discharges: Array<{ __typename?: 'DischargeCount'; reason: DischargeReason; count: number }>;
  };
};

export type MetricsServicesQueryVariables = Exact<{ [key: string]: never }>;

export type MetricsServicesQuery = {
  __typename?: 'Query';
  reconnectServices: Array<{ __typename?: 'ReconnectService'; code: string; name: string }>;
};

export type PartnerCasesQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;

export type PartnerCasesQuery = {
  __typename?: 'Query';
  enhancedCases: {
    __typename?: 'EnhancedCaseConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename?: 'EnhancedCase';
      id: string;
      openedAt: string;
      referral: {
        __typename?: 'Referral';
        reference: string;
        person: { __typename?: 'Person'; givenName: string; familyName: string };
        namedWorker: { __typename?: 'Staff'; name: string } | null;
        supportWindow: {
          __typename?: 'SupportWindow';
          startsOn: string;
          endsOn: string | null;
          extendedUntil: string | null;
        };
      };
    }>;
  };
};

export type PartnerCaseQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type PartnerCaseQuery = {
  __typename?: 'Query';
  enhancedCase: {
    __typename?: 'EnhancedCase';
    id: string;
    status: EnhancedCaseStatus;
    openedAt: string;
    rationale: string;
    sharingConsent: { __typename?: 'Consent'; decision: ConsentDecision };
    partners: Array<{
      __typename?: 'CasePartner';
      active: boolean;
      partner: { __typename?: 'PartnerOrganisation'; code: string; name: string };
    }>;
    updates: Array<{
      __typename?: 'PartnerUpdate';
      id: string;
      at: string;
      author: string;
      note: string;
      partner: { __typename?: 'PartnerOrganisation'; name: string } | null;
    }>;
    referral: {
      __typename?: 'Referral';
      reference: string;
      person: {
        __typename?: 'Person';
        givenName: string;
        familyName: string;
        dateOfBirth: string | null;
        healthNeeds: Array<{
          __typename?: 'HealthNeed';
          id: string;
          category: HealthNeedCategory;
          description: string;
        }> | null;
        riskOfSeriousHarm: {
          __typename?: 'RiskAssessment';
          level: RiskLevel;
          riskTo: Array<RiskGroup>;
          summary: string | null;
          assessedOn: string;
        } | null;
      };
      namedWorker: { __typename?: 'Staff'; name: string } | null;
      supportWindow: {
        __typename?: 'SupportWindow';
        startsOn: string;
        endsOn: string | null;
        extendedUntil: string | null;
      };
    };
  } | null;
};

export type RecordPartnerUpdateMutationVariables = Exact<{
  caseId: Scalars['ID']['input'];
  note: Scalars['String']['input'];
}>;

export type RecordPartnerUpdateMutation = {
  __typename?: 'Mutation';
  recordPartnerUpdate: {
    __typename?: 'EnhancedCasePayload';
    enhancedCase: { __typename?: 'EnhancedCase'; id: string };
  };
};

export type ReferralQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type ReferralQuery = {
  __typename?: 'Query';
  referral: {
    __typename?: 'Referral';
    id: string;
    reference: string;
    status: ReferralStatus;
    version: number;
    source: ReferralSource;
    submittedAt: string;
    reasonForReferral: string | null;
    identifiedNeeds: Array<HealthNeedCategory>;
    availableActions: Array<ReferralAction>;
    referrer: {
      __typename?: 'Referrer';
      name: string;
      organisationCode: string;
      organisationName: string | null;
    };
    person: {
      __typename?: 'Person';
      id: string;
      givenName: string;
      familyName: string;
      dateOfBirth: string | null;
      nhsNumber: string | null;
      prisonNumber: string | null;
      homeArea: { __typename?: 'LocalAuthority'; code: string; name: string } | null;
      healthNeeds: Array<{
        __typename?: 'HealthNeed';
        id: string;
        category: HealthNeedCategory;
        description: string;
      }> | null;
    };
    custody: {
      __typename?: 'Custody';
      type: CustodyType;
      expectedReleaseDate: string | null;
      releasedOn: string | null;
      onTemporaryLicence: boolean;
      establishment: { __typename?: 'Establishment'; code: string; name: string };
    };
    consent: {
      __typename?: 'Consent';
      decision: ConsentDecision;
      method: ContactMode;
      recordedAt: string;
    } | null;
    owningService: { __typename?: 'ReconnectService'; code: string; name: string; region: Region };
    receivingService: { __typename?: 'ReconnectService'; code: string; name: string } | null;
    namedWorker: { __typename?: 'Staff'; id: string; name: string } | null;
    peerSupportWorker: { __typename?: 'Staff'; id: string; name: string } | null;
    supportWindow: {
      __typename?: 'SupportWindow';
      startsOn: string;
      endsOn: string | null;
      extendedUntil: string | null;
      extensionReason: string | null;
      dischargeOverdue: boolean;
    };
    preReleaseContacts: {
      __typename?: 'ContactCompliance';
      count: number;
      faceToFace: number;
      required: number;
      met: boolean;
    };
    contacts: Array<{
      __typename?: 'Contact';
      id: string;
      occurredAt: string;
      mode: ContactMode;
      purpose: ContactPurpose;
      preRelease: boolean;
      note: string | null;
      staff: { __typename?: 'Staff'; name: string } | null;
    }> | null;
    engagements: Array<{
      __typename?: 'CommunityEngagement';
      id: string;
      serviceType: CommunityServiceType;
      providerName: string;
      appointmentOn: string | null;
      outcome: EngagementOutcome;
      recordedAt: string;
    }> | null;
    handovers: Array<{
      __typename?: 'Handover';
      id: string;
      status: HandoverStatus;
      requestedAt: string;
      respondBy: string;
      overdue: boolean;
      fromService: { __typename?: 'ReconnectService'; code: string; name: string };
      toService: { __typename?: 'ReconnectService'; code: string; name: string };
    }> | null;
    history: Array<{
      __typename?: 'ReferralEvent';
      at: string;
      type: string;
      fromStatus: ReferralStatus | null;
      toStatus: ReferralStatus | null;
      actor: string;
      reason: string | null;
    }> | null;
    decline: { __typename?: 'Decline'; reason: DeclineReason; note: string | null } | null;
    discharge: { __typename?: 'Discharge'; reason: DischargeReason; note: string | null } | null;
  } | null;
};

export type EstablishmentsQueryVariables = Exact<{ [key: string]: never }>;

export type EstablishmentsQuery = {
  __typename?: 'Query';
  establishments: Array<{ __typename?: 'Establishment'; code: string; name: string; type: CustodyType }>;
};

export type ServiceEstablishmentsQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;

export type ServiceEstablishmentsQuery = {
  __typename?: 'Query';
  reconnectService: {
    __typename?: 'ReconnectService';
    code: string;
    establishments: Array<{ __typename?: 'Establishment'; code: string; name: string; type: CustodyType }>;
  } | null;
};

export type LocalAuthoritiesQueryVariables = Exact<{ [key: string]: never }>;

export type LocalAuthoritiesQuery = {
  __typename?: 'Query';
  localAuthorities: Array<{ __typename?: 'LocalAuthority'; code: string; name: string }>;
};

export type OwnReferringOrganisationQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;

export type OwnReferringOrganisationQuery = {
  __typename?: 'Query';
  referringOrganisation: {
    __typename?: 'ReferringOrganisation';
    code: string;
    name: string;
    kind: ReferringOrganisationKind;
    allowedSources: Array<ReferralSource>;
    active: boolean;
  } | null;
};

export type SubmitReferralMutationVariables = Exact<{
  input: SubmitReferralInput;
  idempotencyKey: Scalars['String']['input'];
}>;

export type SubmitReferralMutation = {
  __typename?: 'Mutation';
  submitReferral: {
    __typename?: 'SubmitReferralPayload';
    replayed: boolean;
    referral: {
      __typename?: 'Referral';
      id: string;
      reference: string;
      status: ReferralStatus;
      owningService: { __typename?: 'ReconnectService'; name: string };
    };
  };
};

export type MyReferralsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after: InputMaybe<Scalars['String']['input']>;
}>;

export type MyReferralsQuery = {
  __typename?: 'Query';
  referrals: {
    __typename?: 'ReferralConnection';
    totalCount: number;
    pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename?: 'Referral';
      id: string;
      reference: string;
      status: ReferralStatus;
      submittedAt: string;
      person: { __typename?: 'Person'; givenName: string; familyName: string };
      custody: { __typename?: 'Custody'; establishment: { __typename?: 'Establishment'; name: string } };
      owningService: { __typename?: 'ReconnectService'; name: string };
    }>;
  };
};

export type MyReferralQueryVariables = Exact<{
  reference: Scalars['String']['input'];
}>;

export type MyReferralQuery = {
  __typename?: 'Query';
  referralByReference: {
    __typename?: 'Referral';
    id: string;
    reference: string;
    status: ReferralStatus;
    version: number;
    source: ReferralSource;
    submittedAt: string;
    reasonForReferral: string | null;
    identifiedNeeds: Array<HealthNeedCategory>;
    availableActions: Array<ReferralAction>;
    referrer: { __typename?: 'Referrer'; name: string; organisationName: string | null };
    person: { __typename?: 'Person'; givenName: string; familyName: string; dateOfBirth: string | null };
    custody: {
      __typename?: 'Custody';
      type: CustodyType;
      expectedReleaseDate: string | null;
      releasedOn: string | null;
      onTemporaryLicence: boolean;
      establishment: { __typename?: 'Establishment'; name: string };
    };
    owningService: { __typename?: 'ReconnectService'; name: string };
    decline: { __typename?: 'Decline'; reason: DeclineReason; note: string | null; at: string } | null;
    duplicateOf: { __typename?: 'Referral'; reference: string } | null;
  } | null;
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  __typename?: 'Query';
  me: {
    __typename?: 'Principal';
    subject: string;
    displayName: string | null;
    roles: Array<Role>;
    organisationCode: string | null;
    service: { __typename?: 'ReconnectService'; code: string; name: string } | null;
  };
};

export type DirectoryStaffQueryVariables = Exact<{ [key: string]: never }>;

export type DirectoryStaffQuery = {
  __typename?: 'Query';
  reconnectServices: Array<{
    __typename?: 'ReconnectService';
    code: string;
    name: string;
    staff: Array<{ __typename?: 'Staff'; id: string; name: string; role: StaffRole }>;
  }>;
};

export type WebhooksQueryVariables = Exact<{ [key: string]: never }>;

export type WebhooksQuery = {
  __typename?: 'Query';
  webhooks: Array<{
    __typename?: 'WebhookSubscription';
    id: string;
    url: string;
    eventTypes: Array<string>;
    active: boolean;
    createdAt: string;
    failingSince: string | null;
    parkedDeliveries: number;
  }>;
};

export type RegisterWebhookMutationVariables = Exact<{
  url: Scalars['String']['input'];
  eventTypes: Array<Scalars['String']['input']> | Scalars['String']['input'];
  secret: Scalars['String']['input'];
}>;

export type RegisterWebhookMutation = {
  __typename?: 'Mutation';
  registerWebhook: { __typename?: 'WebhookSubscription'; id: string };
};

export type RemoveWebhookMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type RemoveWebhookMutation = { __typename?: 'Mutation'; removeWebhook: boolean };

export type ReplayParkedDeliveriesMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type ReplayParkedDeliveriesMutation = {
  __typename?: 'Mutation';
  replayParkedDeliveries: { __typename?: 'WebhookSubscription'; id: string; parkedDeliveries: number };
};

export const ChangedReferralFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangedReferralFragment, unknown>;
export const ConflictRecordFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConflictRecord' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Person' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prisonNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'crn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pncId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'homeOfficeReference' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConflictRecordFragment, unknown>;
export const HandoverRowFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HandoverRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Handover' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'requestedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'respondBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'respondedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'note' } },
          { kind: 'Field', name: { kind: 'Name', value: 'declineReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'completedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'fromService' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'toService' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referral' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'person' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<HandoverRowFragment, unknown>;
export const RecordConsentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordConsent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'decision' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConsentDecision' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'method' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ContactMode' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordConsent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'decision' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'decision' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'method' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'method' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordConsentMutation, RecordConsentMutationVariables>;
export const AcceptReferralDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcceptReferral' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acceptReferral' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcceptReferralMutation, AcceptReferralMutationVariables>;
export const DeclineReferralDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeclineReferral' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DeclineReason' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'declineReferral' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeclineReferralMutation, DeclineReferralMutationVariables>;
export const AssignWorkerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AssignWorker' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'staffId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignWorker' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'staffId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'staffId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AssignWorkerMutation, AssignWorkerMutationVariables>;
export const AssignPeerSupportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AssignPeerSupport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'staffId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignPeerSupport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'staffId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'staffId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AssignPeerSupportMutation, AssignPeerSupportMutationVariables>;
export const RecordContactDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordContact' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ContactInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordContact' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordContactMutation, RecordContactMutationVariables>;
export const UpdateExpectedReleaseDateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateExpectedReleaseDate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedReleaseDate' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateExpectedReleaseDate' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedReleaseDate' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedReleaseDate' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateExpectedReleaseDateMutation, UpdateExpectedReleaseDateMutationVariables>;
export const RecordReleaseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordRelease' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'releasedOn' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordRelease' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'releasedOn' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'releasedOn' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordReleaseMutation, RecordReleaseMutationVariables>;
export const RecordReturnToCustodyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordReturnToCustody' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'establishmentCode' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedReleaseDate' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordReturnToCustody' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'establishmentCode' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'establishmentCode' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedReleaseDate' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedReleaseDate' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordReturnToCustodyMutation, RecordReturnToCustodyMutationVariables>;
export const RecordTransferDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordTransfer' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'establishmentCode' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'transferredOn' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordTransfer' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'establishmentCode' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'establishmentCode' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'transferredOn' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'transferredOn' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordTransferMutation, RecordTransferMutationVariables>;
export const RecordTemporaryLicenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordTemporaryLicence' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'onTemporaryLicence' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordTemporaryLicence' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'onTemporaryLicence' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'onTemporaryLicence' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordTemporaryLicenceMutation, RecordTemporaryLicenceMutationVariables>;
export const RecordEngagementDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordEngagement' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'EngagementInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordEngagement' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordEngagementMutation, RecordEngagementMutationVariables>;
export const ExtendSupportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ExtendSupport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'until' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'extendSupport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'until' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'until' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ExtendSupportMutation, ExtendSupportMutationVariables>;
export const DischargeReferralDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DischargeReferral' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'DischargeReason' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'dischargeReferral' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DischargeReferralMutation, DischargeReferralMutationVariables>;
export const RequestHandoverDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RequestHandover' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'toServiceCode' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestHandover' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'toServiceCode' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'toServiceCode' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'handover' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestHandoverMutation, RequestHandoverMutationVariables>;
export const ServicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Services' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reconnectServices' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ServicesQuery, ServicesQueryVariables>;
export const WithdrawReferralDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'WithdrawReferral' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'withdrawReferral' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ChangedReferral' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ChangedReferral' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Referral' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WithdrawReferralMutation, WithdrawReferralMutationVariables>;
export const PartnersDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Partners' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'partnerOrganisations' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'regions' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'activeAgreement' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'reference' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PartnersQuery, PartnersQueryVariables>;
export const EnrolEnhancedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'EnrolEnhanced' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'EnrolEnhancedInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enrolEnhancedReconnect' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'referralId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'referralId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'enhancedCase' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EnrolEnhancedMutation, EnrolEnhancedMutationVariables>;
export const CaseloadDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Caseload' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReferralFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referrals' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'person' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'custody' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'establishment' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                            { kind: 'Field', name: { kind: 'Name', value: 'expectedReleaseDate' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'releasedOn' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'namedWorker' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'preReleaseContacts' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'required' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'supportWindow' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'dischargeOverdue' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CaseloadQuery, CaseloadQueryVariables>;
export const ServiceStaffDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ServiceStaff' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reconnectService' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'staff' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ServiceStaffQuery, ServiceStaffQueryVariables>;
export const AccessLogDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AccessLog' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'personId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'person' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'personId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'accessLog' },
                  arguments: [
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'first' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
                    },
                    {
                      kind: 'Argument',
                      name: { kind: 'Name', value: 'after' },
                      value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
                    },
                  ],
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'pageInfo' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'nodes' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'actorSubject' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'actorOrganisation' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'subjectType' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'fields' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'purpose' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AccessLogQuery, AccessLogQueryVariables>;
export const AgreementsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Agreements' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'partnerOrganisations' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'regions' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agreements' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'scopes' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'startsOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endsOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgreementsQuery, AgreementsQueryVariables>;
export const IdentityConflictsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'IdentityConflicts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'identityConflicts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'EnumValue', value: 'OPEN' },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'detectedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'identifierType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'contestedIdentifiers' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'person' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConflictRecord' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'otherPerson' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConflictRecord' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConflictRecord' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Person' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
          { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'prisonNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'crn' } },
          { kind: 'Field', name: { kind: 'Name', value: 'pncId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'homeOfficeReference' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<IdentityConflictsQuery, IdentityConflictsQueryVariables>;
export const ResolveIdentityConflictDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResolveIdentityConflict' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'outcome' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'IdentityResolution' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'keepPersonId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resolveIdentityConflict' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'outcome' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'outcome' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'keepPersonId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'keepPersonId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'conflict' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResolveIdentityConflictMutation, ResolveIdentityConflictMutationVariables>;
export const SubjectAccessReportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SubjectAccessReport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'personId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'subjectAccessReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'personId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'personId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'personId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'document' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SubjectAccessReportQuery, SubjectAccessReportQueryVariables>;
export const ReferringOrganisationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReferringOrganisations' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReferringOrganisationKind' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'region' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Region' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referringOrganisations' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kind' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'region' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'region' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'region' } },
                { kind: 'Field', name: { kind: 'Name', value: 'allowedSources' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReferringOrganisationsQuery, ReferringOrganisationsQueryVariables>;
export const ReferringOrganisationByCodeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ReferringOrganisationByCode' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referringOrganisation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'region' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReferringOrganisationByCodeQuery, ReferringOrganisationByCodeQueryVariables>;
export const SaveReferringOrganisationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SaveReferringOrganisation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReferringOrganisationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'saveReferringOrganisation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveReferringOrganisationMutation, SaveReferringOrganisationMutationVariables>;
export const HandoversDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Handovers' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'direction' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'HandoverDirection' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: {
            kind: 'ListType',
            type: {
              kind: 'NonNullType',
              type: { kind: 'NamedType', name: { kind: 'Name', value: 'HandoverStatus' } },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'handovers' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'direction' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'direction' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'HandoverRow' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'HandoverRow' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Handover' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'requestedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'respondBy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'respondedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
          { kind: 'Field', name: { kind: 'Name', value: 'note' } },
          { kind: 'Field', name: { kind: 'Name', value: 'declineReason' } },
          { kind: 'Field', name: { kind: 'Name', value: 'completedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'fromService' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'toService' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referral' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'person' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<HandoversQuery, HandoversQueryVariables>;
export const AcceptHandoverDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcceptHandover' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acceptHandover' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'handover' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcceptHandoverMutation, AcceptHandoverMutationVariables>;
export const DeclineHandoverDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeclineHandover' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'declineHandover' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'handover' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeclineHandoverMutation, DeclineHandoverMutationVariables>;
export const CancelHandoverDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CancelHandover' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cancelHandover' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reason' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reason' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'handover' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CancelHandoverMutation, CancelHandoverMutationVariables>;
export const CompleteHandoverDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CompleteHandover' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'completeHandover' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'handover' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompleteHandoverMutation, CompleteHandoverMutationVariables>;
export const ServiceOverviewDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ServiceOverview' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'serviceCode' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Date' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'serviceMetrics' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'serviceCode' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'serviceCode' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'from' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'from' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'to' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'to' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'serviceCode' } },
                { kind: 'Field', name: { kind: 'Name', value: 'referralsReceived' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'bySource' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'accepted' } },
                { kind: 'Field', name: { kind: 'Name', value: 'declined' } },
                { kind: 'Field', name: { kind: 'Name', value: 'acceptance' } },
                { kind: 'Field', name: { kind: 'Name', value: 'released' } },
                { kind: 'Field', name: { kind: 'Name', value: 'preReleaseContactTargetMet' } },
                { kind: 'Field', name: { kind: 'Name', value: 'engagedWithin28Days' } },
                { kind: 'Field', name: { kind: 'Name', value: 'medianDaysReferralToFirstContact' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'discharges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'openCaseload' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handoversRequested' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handoversOverdue' } },
                { kind: 'Field', name: { kind: 'Name', value: 'medianHandoverResponseHours' } },
                { kind: 'Field', name: { kind: 'Name', value: 'disclosureControlled' } },
                { kind: 'Field', name: { kind: 'Name', value: 'smallNumbers' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ServiceOverviewQuery, ServiceOverviewQueryVariables>;
export const MetricsServicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MetricsServices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reconnectServices' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricsServicesQuery, MetricsServicesQueryVariables>;
export const PartnerCasesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PartnerCases' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enhancedCases' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'EnumValue', value: 'OPEN' },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'referral' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'person' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'namedWorker' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'supportWindow' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'startsOn' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'endsOn' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'extendedUntil' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PartnerCasesQuery, PartnerCasesQueryVariables>;
export const PartnerCaseDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PartnerCase' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'enhancedCase' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'rationale' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'sharingConsent' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'decision' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'partners' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'partner' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'updates' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'author' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'partner' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'person' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'healthNeeds' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'category' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'riskOfSeriousHarm' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'level' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'riskTo' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'summary' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'assessedOn' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'namedWorker' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'supportWindow' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'startsOn' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'endsOn' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'extendedUntil' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PartnerCaseQuery, PartnerCaseQueryVariables>;
export const RecordPartnerUpdateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordPartnerUpdate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordPartnerUpdate' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'caseId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'caseId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'enhancedCase' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordPartnerUpdateMutation, RecordPartnerUpdateMutationVariables>;
export const ReferralDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Referral' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referral' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reasonForReferral' } },
                { kind: 'Field', name: { kind: 'Name', value: 'identifiedNeeds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'availableActions' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referrer' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'organisationCode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'organisationName' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'person' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'nhsNumber' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'prisonNumber' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'homeArea' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'healthNeeds' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'category' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'description' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'custody' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'establishment' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedReleaseDate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'releasedOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'onTemporaryLicence' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'consent' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'decision' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'method' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'owningService' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'region' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'receivingService' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'namedWorker' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'peerSupportWorker' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'supportWindow' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'startsOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endsOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'extendedUntil' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'extensionReason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dischargeOverdue' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'preReleaseContacts' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'count' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'faceToFace' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'required' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'met' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'contacts' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'occurredAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'mode' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'purpose' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'preRelease' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'staff' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'engagements' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'serviceType' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'providerName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'appointmentOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'outcome' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'recordedAt' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'handovers' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'requestedAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'respondBy' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'overdue' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'fromService' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'toService' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'history' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'fromStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'toStatus' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'decline' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'discharge' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReferralQuery, ReferralQueryVariables>;
export const EstablishmentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Establishments' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'establishments' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<EstablishmentsQuery, EstablishmentsQueryVariables>;
export const ServiceEstablishmentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ServiceEstablishments' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reconnectService' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'establishments' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ServiceEstablishmentsQuery, ServiceEstablishmentsQueryVariables>;
export const LocalAuthoritiesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'LocalAuthorities' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'localAuthorities' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LocalAuthoritiesQuery, LocalAuthoritiesQueryVariables>;
export const OwnReferringOrganisationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'OwnReferringOrganisation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referringOrganisation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'code' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'code' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'allowedSources' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<OwnReferringOrganisationQuery, OwnReferringOrganisationQueryVariables>;
export const SubmitReferralDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SubmitReferral' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SubmitReferralInput' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'idempotencyKey' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitReferral' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'idempotencyKey' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'idempotencyKey' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'replayed' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referral' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'owningService' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SubmitReferralMutation, SubmitReferralMutationVariables>;
export const MyReferralsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyReferrals' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referrals' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'person' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'custody' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'establishment' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                              },
                            },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'owningService' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyReferralsQuery, MyReferralsQueryVariables>;
export const MyReferralDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MyReferral' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'reference' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'referralByReference' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'reference' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'reference' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reference' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'source' } },
                { kind: 'Field', name: { kind: 'Name', value: 'submittedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reasonForReferral' } },
                { kind: 'Field', name: { kind: 'Name', value: 'identifiedNeeds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'availableActions' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'referrer' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'organisationName' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'person' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'givenName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'familyName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'dateOfBirth' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'custody' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'establishment' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                        },
                      },
                      { kind: 'Field', name: { kind: 'Name', value: 'expectedReleaseDate' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'releasedOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'onTemporaryLicence' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'owningService' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'name' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'decline' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'duplicateOf' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'reference' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MyReferralQuery, MyReferralQueryVariables>;
export const MeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Me' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'subject' } },
                { kind: 'Field', name: { kind: 'Name', value: 'displayName' } },
                { kind: 'Field', name: { kind: 'Name', value: 'roles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'organisationCode' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'service' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const DirectoryStaffDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'DirectoryStaff' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reconnectServices' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'code' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'staff' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DirectoryStaffQuery, DirectoryStaffQueryVariables>;
export const WebhooksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Webhooks' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'webhooks' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'eventTypes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'active' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'failingSince' } },
                { kind: 'Field', name: { kind: 'Name', value: 'parkedDeliveries' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WebhooksQuery, WebhooksQueryVariables>;
export const RegisterWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RegisterWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'url' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'eventTypes' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
              },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'secret' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'registerWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'url' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'url' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'eventTypes' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'eventTypes' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'secret' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'secret' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegisterWebhookMutation, RegisterWebhookMutationVariables>;
export const RemoveWebhookDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveWebhook' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeWebhook' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveWebhookMutation, RemoveWebhookMutationVariables>;
export const ReplayParkedDeliveriesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplayParkedDeliveries' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replayParkedDeliveries' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'parkedDeliveries' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplayParkedDeliveriesMutation, ReplayParkedDeliveriesMutationVariables>;
