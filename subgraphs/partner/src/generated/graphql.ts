export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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
  DateTime: { input: Date; output: Date };
};

export type CasePartner = {
  __typename?: 'CasePartner';
  active: Scalars['Boolean']['output'];
  addedAt: Scalars['DateTime']['output'];
  partner: PartnerOrganisation;
  removedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A value type shared with the referral subgraph (same shape there). */
export type Consent = {
  __typename?: 'Consent';
  decision: ConsentDecision;
  method: ContactMode;
  recordedAt: Scalars['DateTime']['output'];
  recordedBy: Scalars['String']['output'];
};

export type ConsentDecision = 'GIVEN' | 'REFUSED' | 'WITHDRAWN';

export type ContactMode = 'FACE_TO_FACE' | 'TELEPHONE' | 'VIDEO';

export type DataSharingAgreement = {
  __typename?: 'DataSharingAgreement';
  active: Scalars['Boolean']['output'];
  endsOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  reference: Scalars['String']['output'];
  scopes: Array<SharingScope>;
  startsOn: Scalars['Date']['output'];
};

export type DataSharingAgreementInput = {
  endsOn: Scalars['Date']['input'];
  reference: Scalars['String']['input'];
  scopes: Array<SharingScope>;
  startsOn: Scalars['Date']['input'];
};

export type EnhancedCase = {
  __typename?: 'EnhancedCase';
  closeReason?: Maybe<Scalars['String']['output']>;
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  openedAt: Scalars['DateTime']['output'];
  partners: Array<CasePartner>;
  rationale: Scalars['String']['output'];
  referral: Referral;
  sharingConsent: Consent;
  status: EnhancedCaseStatus;
  updates: Array<PartnerUpdate>;
};

export type EnhancedCaseConnection = {
  __typename?: 'EnhancedCaseConnection';
  nodes: Array<EnhancedCase>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type EnhancedCasePayload = {
  __typename?: 'EnhancedCasePayload';
  enhancedCase: EnhancedCase;
};

export type EnhancedCaseStatus = 'CLOSED' | 'OPEN';

export type EnrolEnhancedInput = {
  consentMethod: ContactMode;
  partnerCodes: Array<Scalars['String']['input']>;
  rationale: Scalars['String']['input'];
  sharingConsent: ConsentDecision;
};

export type Mutation = {
  __typename?: 'Mutation';
  addCasePartner: EnhancedCasePayload;
  /**
   * Internal: applies a SAME_PERSON merge recorded by the person subgraph (DOMAIN.md, "Identity
   * conflicts"): its enhanced cases and their partner grants move to the kept person. Idempotent by mergeId: answers true once applied, however often it is asked.
   */
  applyPersonMergeToCases: Scalars['Boolean']['output'];
  closeEnhancedCase: EnhancedCasePayload;
  enrolEnhancedReconnect: EnhancedCasePayload;
  recordDataSharingAgreement: PartnerOrganisation;
  recordPartnerUpdate: EnhancedCasePayload;
  removeCasePartner: EnhancedCasePayload;
  withdrawSharingConsent: EnhancedCasePayload;
};

export type MutationAddCasePartnerArgs = {
  caseId: Scalars['ID']['input'];
  partnerCode: Scalars['String']['input'];
};

export type MutationApplyPersonMergeToCasesArgs = {
  keptPersonId: Scalars['ID']['input'];
  mergeId: Scalars['ID']['input'];
  mergedPersonId: Scalars['ID']['input'];
};

export type MutationCloseEnhancedCaseArgs = {
  caseId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type MutationEnrolEnhancedReconnectArgs = {
  input: EnrolEnhancedInput;
  referralId: Scalars['ID']['input'];
};

export type MutationRecordDataSharingAgreementArgs = {
  input: DataSharingAgreementInput;
  partnerCode: Scalars['String']['input'];
};

export type MutationRecordPartnerUpdateArgs = {
  caseId: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};

export type MutationRemoveCasePartnerArgs = {
  caseId: Scalars['ID']['input'];
  partnerCode: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};

export type MutationWithdrawSharingConsentArgs = {
  caseId: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type PartnerOrganisation = {
  __typename?: 'PartnerOrganisation';
  activeAgreement?: Maybe<DataSharingAgreement>;
  agreements: Array<DataSharingAgreement>;
  code: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  regions: Array<Region>;
};

export type PartnerUpdate = {
  __typename?: 'PartnerUpdate';
  at: Scalars['DateTime']['output'];
  author: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  note: Scalars['String']['output'];
  partner?: Maybe<PartnerOrganisation>;
};

export type Query = {
  __typename?: 'Query';
  enhancedCase?: Maybe<EnhancedCase>;
  enhancedCases: EnhancedCaseConnection;
  partnerOrganisations: Array<PartnerOrganisation>;
  /**
   * Internal: this subgraph's part of a subject access report (the person's enhanced cases with
   * their partners and updates), as one JSON document. Called by the person subgraph for
   * information governance; not part of the public API.
   */
  partnerSubjectAccessPart: Scalars['String']['output'];
};

export type QueryEnhancedCaseArgs = {
  id: Scalars['ID']['input'];
};

export type QueryEnhancedCasesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<EnhancedCaseStatus>;
};

export type QueryPartnerSubjectAccessPartArgs = {
  personId: Scalars['ID']['input'];
};

/** The referral owns its fields; this subgraph adds the enhanced case. */
export type Referral = {
  __typename?: 'Referral';
  /** Whether the caller may enrol the referral in Enhanced RECONNECT now; for Referral.availableActions. */
  canEnrolEnhanced: Scalars['Boolean']['output'];
  enhancedCase?: Maybe<EnhancedCase>;
  id: Scalars['ID']['output'];
};

/** NHS England regions. */
export type Region =
  | 'EAST_OF_ENGLAND'
  | 'LONDON'
  | 'MIDLANDS'
  | 'NORTH_EAST_AND_YORKSHIRE'
  | 'NORTH_WEST'
  | 'SOUTH_EAST'
  | 'SOUTH_WEST';

/** What a data sharing agreement lets Enhanced RECONNECT partners read. */
export type SharingScope = 'NEEDS' | 'RISK';
