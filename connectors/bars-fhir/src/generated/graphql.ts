/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type BarsReferralFragment = {
  __typename?: 'Referral';
  id: string;
  reference: string;
  status: ReferralStatus;
  version: number;
  source: ReferralSource;
  submittedAt: string;
  reasonForReferral?: string | null;
  identifiedNeeds: Array<HealthNeedCategory>;
  referrer: {
    __typename?: 'Referrer';
    organisationCode: string;
    organisationName?: string | null;
    name: string;
    email?: string | null;
    phone?: string | null;
  };
  person: {
    __typename?: 'Person';
    id: string;
    givenName: string;
    familyName: string;
    dateOfBirth?: string | null;
  };
  custody: {
    __typename?: 'Custody';
    type: CustodyType;
    expectedReleaseDate?: string | null;
    releasedOn?: string | null;
    onTemporaryLicence: boolean;
    establishment: { __typename?: 'Establishment'; code: string; name: string };
  };
  owningService: { __typename?: 'ReconnectService'; code: string; name: string };
  decline?: { __typename?: 'Decline'; reason: DeclineReason } | null;
  duplicateOf?: { __typename?: 'Referral'; id: string; reference: string } | null;
};

export type BarsSenderAndEstablishmentQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;

export type BarsSenderAndEstablishmentQuery = {
  __typename?: 'Query';
  me: { __typename?: 'Principal'; organisationCode?: string | null };
  establishment?: { __typename?: 'Establishment'; code: string; type: CustodyType } | null;
};

export type BarsSubmitReferralMutationVariables = Exact<{
  input: SubmitReferralInput;
  idempotencyKey: Scalars['String']['input'];
}>;

export type BarsSubmitReferralMutation = {
  __typename?: 'Mutation';
  submitReferral: {
    __typename?: 'SubmitReferralPayload';
    replayed: boolean;
    referral: {
      __typename?: 'Referral';
      id: string;
      reference: string;
      status: ReferralStatus;
      version: number;
      source: ReferralSource;
      submittedAt: string;
      reasonForReferral?: string | null;
      identifiedNeeds: Array<HealthNeedCategory>;
      referrer: {
        __typename?: 'Referrer';
        organisationCode: string;
        organisationName?: string | null;
        name: string;
        email?: string | null;
        phone?: string | null;
      };
      person: {
        __typename?: 'Person';
        id: string;
        givenName: string;
        familyName: string;
        dateOfBirth?: string | null;
      };
      custody: {
        __typename?: 'Custody';
        type: CustodyType;
        expectedReleaseDate?: string | null;
        releasedOn?: string | null;
        onTemporaryLicence: boolean;
        establishment: { __typename?: 'Establishment'; code: string; name: string };
      };
      owningService: { __typename?: 'ReconnectService'; code: string; name: string };
      decline?: { __typename?: 'Decline'; reason: DeclineReason } | null;
      duplicateOf?: { __typename?: 'Referral'; id: string; reference: string } | null;
    };
  };
};

export type BarsWithdrawReferralMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;

export type BarsWithdrawReferralMutation = {
  __typename?: 'Mutation';
  withdrawReferral: {
    __typename?: 'ReferralPayload';
    referral: {
      __typename?: 'Referral';
      id: string;
      reference: string;
      status: ReferralStatus;
      version: number;
      source: ReferralSource;
      submittedAt: string;
      reasonForReferral?: string | null;
      identifiedNeeds: Array<HealthNeedCategory>;
      referrer: {
        __typename?: 'Referrer';
        organisationCode: string;
        organisationName?: string | null;
        name: string;
        email?: string | null;
        phone?: string | null;
      };
      person: {
        __typename?: 'Person';
        id: string;
        givenName: string;
        familyName: string;
        dateOfBirth?: string | null;
      };
      custody: {
        __typename?: 'Custody';
        type: CustodyType;
        expectedReleaseDate?: string | null;
        releasedOn?: string | null;
        onTemporaryLicence: boolean;
        establishment: { __typename?: 'Establishment'; code: string; name: string };
      };
      owningService: { __typename?: 'ReconnectService'; code: string; name: string };
      decline?: { __typename?: 'Decline'; reason: DeclineReason } | null;
      duplicateOf?: { __typename?: 'Referral'; id: string; reference: string } | null;
    };
  };
};

export type BarsReadReferralQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;

export type BarsReadReferralQuery = {
  __typename?: 'Query';
  referral?: {
    __typename?: 'Referral';
    id: string;
    reference: string;
    status: ReferralStatus;
    version: number;
    source: ReferralSource;
    submittedAt: string;
    reasonForReferral?: string | null;
    identifiedNeeds: Array<HealthNeedCategory>;
    referrer: {
      __typename?: 'Referrer';
      organisationCode: string;
      organisationName?: string | null;
      name: string;
      email?: string | null;
      phone?: string | null;
    };
    person: {
      __typename?: 'Person';
      id: string;
      givenName: string;
      familyName: string;
      dateOfBirth?: string | null;
    };
    custody: {
      __typename?: 'Custody';
      type: CustodyType;
      expectedReleaseDate?: string | null;
      releasedOn?: string | null;
      onTemporaryLicence: boolean;
      establishment: { __typename?: 'Establishment'; code: string; name: string };
    };
    owningService: { __typename?: 'ReconnectService'; code: string; name: string };
    decline?: { __typename?: 'Decline'; reason: DeclineReason } | null;
    duplicateOf?: { __typename?: 'Referral'; id: string; reference: string } | null;
  } | null;
};

export type BarsReferralByReferenceQueryVariables = Exact<{
  reference: Scalars['String']['input'];
}>;

export type BarsReferralByReferenceQuery = {
  __typename?: 'Query';
  referralByReference?: {
    __typename?: 'Referral';
    id: string;
    reference: string;
    status: ReferralStatus;
    version: number;
    source: ReferralSource;
    submittedAt: string;
    reasonForReferral?: string | null;
    identifiedNeeds: Array<HealthNeedCategory>;
    referrer: {
      __typename?: 'Referrer';
      organisationCode: string;
      organisationName?: string | null;
      name: string;
      email?: string | null;
      phone?: string | null;
    };
    person: {
      __typename?: 'Person';
      id: string;
      givenName: string;
      familyName: string;
      dateOfBirth?: string | null;
    };
    custody: {
      __typename?: 'Custody';
      type: CustodyType;
      expectedReleaseDate?: string | null;
      releasedOn?: string | null;
      onTemporaryLicence: boolean;
      establishment: { __typename?: 'Establishment'; code: string; name: string };
    };
    owningService: { __typename?: 'ReconnectService'; code: string; name: string };
    decline?: { __typename?: 'Decline'; reason: DeclineReason } | null;
    duplicateOf?: { __typename?: 'Referral'; id: string; reference: string } | null;
  } | null;
};

export type BarsSearchByNhsNumberQueryVariables = Exact<{
  nhsNumber: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;

export type BarsSearchByNhsNumberQuery = {
  __typename?: 'Query';
  referrals: {
    __typename?: 'ReferralConnection';
    pageInfo: { __typename?: 'PageInfo'; endCursor?: string | null; hasNextPage: boolean };
    nodes: Array<{
      __typename?: 'Referral';
      id: string;
      reference: string;
      status: ReferralStatus;
      version: number;
      source: ReferralSource;
      submittedAt: string;
      reasonForReferral?: string | null;
      identifiedNeeds: Array<HealthNeedCategory>;
      referrer: {
        __typename?: 'Referrer';
        organisationCode: string;
        organisationName?: string | null;
        name: string;
        email?: string | null;
        phone?: string | null;
      };
      person: {
        __typename?: 'Person';
        id: string;
        givenName: string;
        familyName: string;
        dateOfBirth?: string | null;
      };
      custody: {
        __typename?: 'Custody';
        type: CustodyType;
        expectedReleaseDate?: string | null;
        releasedOn?: string | null;
        onTemporaryLicence: boolean;
        establishment: { __typename?: 'Establishment'; code: string; name: string };
      };
      owningService: { __typename?: 'ReconnectService'; code: string; name: string };
      decline?: { __typename?: 'Decline'; reason: DeclineReason } | null;
      duplicateOf?: { __typename?: 'Referral'; id: string; reference: string } | null;
    }>;
  };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const BarsReferralFragmentDoc = new TypedDocumentString(
  `
    fragment BarsReferral on Referral {
  id
  reference
  status
  version
  source
  submittedAt
  reasonForReferral
  identifiedNeeds
  referrer {
    organisationCode
    organisationName
    name
    email
    phone
  }
  person {
    id
    givenName
    familyName
    dateOfBirth
  }
  custody {
    type
    establishment {
      code
      name
    }
    expectedReleaseDate
    releasedOn
    onTemporaryLicence
  }
  owningService {
    code
    name
  }
  decline {
    reason
  }
  duplicateOf {
    id
    reference
  }
}
    `,
  { fragmentName: 'BarsReferral' },
) as unknown as TypedDocumentString<BarsReferralFragment, unknown>;
export const BarsSenderAndEstablishmentDocument = new TypedDocumentString(`
    query BarsSenderAndEstablishment($code: String!) {
  me {
    organisationCode
  }
  establishment(code: $code) {
    code
    type
  }
}
    `) as unknown as TypedDocumentString<
  BarsSenderAndEstablishmentQuery,
  BarsSenderAndEstablishmentQueryVariables
>;
export const BarsSubmitReferralDocument = new TypedDocumentString(`
    mutation BarsSubmitReferral($input: SubmitReferralInput!, $idempotencyKey: String!) {
  submitReferral(input: $input, idempotencyKey: $idempotencyKey) {
    replayed
    referral {
      ...BarsReferral
    }
  }
}
    fragment BarsReferral on Referral {
  id
  reference
  status
  version
  source
  submittedAt
  reasonForReferral
  identifiedNeeds
  referrer {
    organisationCode
    organisationName
    name
    email
    phone
  }
  person {
    id
    givenName
    familyName
    dateOfBirth
  }
  custody {
    type
    establishment {
      code
      name
    }
    expectedReleaseDate
    releasedOn
    onTemporaryLicence
  }
  owningService {
    code
    name
  }
  decline {
    reason
  }
  duplicateOf {
    id
    reference
  }
}`) as unknown as TypedDocumentString<BarsSubmitReferralMutation, BarsSubmitReferralMutationVariables>;
export const BarsWithdrawReferralDocument = new TypedDocumentString(`
    mutation BarsWithdrawReferral($id: ID!, $reason: String!) {
  withdrawReferral(id: $id, reason: $reason) {
    referral {
      ...BarsReferral
    }
  }
}
    fragment BarsReferral on Referral {
  id
  reference
  status
  version
  source
  submittedAt
  reasonForReferral
  identifiedNeeds
  referrer {
    organisationCode
    organisationName
    name
    email
    phone
  }
  person {
    id
    givenName
    familyName
    dateOfBirth
  }
  custody {
    type
    establishment {
      code
      name
    }
    expectedReleaseDate
    releasedOn
    onTemporaryLicence
  }
  owningService {
    code
    name
  }
  decline {
    reason
  }
  duplicateOf {
    id
    reference
  }
}`) as unknown as TypedDocumentString<BarsWithdrawReferralMutation, BarsWithdrawReferralMutationVariables>;
export const BarsReadReferralDocument = new TypedDocumentString(`
    query BarsReadReferral($id: ID!) {
  referral(id: $id) {
    ...BarsReferral
  }
}
    fragment BarsReferral on Referral {
  id
  reference
  status
  version
  source
  submittedAt
  reasonForReferral
  identifiedNeeds
  referrer {
    organisationCode
    organisationName
    name
    email
    phone
  }
  person {
    id
    givenName
    familyName
    dateOfBirth
  }
  custody {
    type
    establishment {
      code
      name
    }
    expectedReleaseDate
    releasedOn
    onTemporaryLicence
  }
  owningService {
    code
    name
  }
  decline {
    reason
  }
  duplicateOf {
    id
    reference
  }
}`) as unknown as TypedDocumentString<BarsReadReferralQuery, BarsReadReferralQueryVariables>;
export const BarsReferralByReferenceDocument = new TypedDocumentString(`
    query BarsReferralByReference($reference: String!) {
  referralByReference(reference: $reference) {
    ...BarsReferral
  }
}
    fragment BarsReferral on Referral {
  id
  reference
  status
  version
  source
  submittedAt
  reasonForReferral
  identifiedNeeds
  referrer {
    organisationCode
    organisationName
    name
    email
    phone
  }
  person {
    id
    givenName
    familyName
    dateOfBirth
  }
  custody {
    type
    establishment {
      code
      name
    }
    expectedReleaseDate
    releasedOn
    onTemporaryLicence
  }
  owningService {
    code
    name
  }
  decline {
    reason
  }
  duplicateOf {
    id
    reference
  }
}`) as unknown as TypedDocumentString<BarsReferralByReferenceQuery, BarsReferralByReferenceQueryVariables>;
export const BarsSearchByNhsNumberDocument = new TypedDocumentString(`
    query BarsSearchByNhsNumber($nhsNumber: String!, $after: String) {
  referrals(filter: {nhsNumber: $nhsNumber}, first: 50, after: $after) {
    pageInfo {
      endCursor
      hasNextPage
    }
    nodes {
      ...BarsReferral
    }
  }
}
    fragment BarsReferral on Referral {
  id
  reference
  status
  version
  source
  submittedAt
  reasonForReferral
  identifiedNeeds
  referrer {
    organisationCode
    organisationName
    name
    email
    phone
  }
  person {
    id
    givenName
    familyName
    dateOfBirth
  }
  custody {
    type
    establishment {
      code
      name
    }
    expectedReleaseDate
    releasedOn
    onTemporaryLicence
  }
  owningService {
    code
    name
  }
  decline {
    reason
  }
  duplicateOf {
    id
    reference
  }
}`) as unknown as TypedDocumentString<BarsSearchByNhsNumberQuery, BarsSearchByNhsNumberQueryVariables>;
