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

export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actorOrganisation?: Maybe<Scalars['String']['output']>;
  actorSubject: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /** The X-Request-Id or X-Correlation-Id the client sent, if any. `requestId` is always the hub's own. */
  correlationId?: Maybe<Scalars['String']['output']>;
  fields: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  outcome: Scalars['String']['output'];
  purpose?: Maybe<Scalars['String']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  subjectId: Scalars['ID']['output'];
  subjectType: Scalars['String']['output'];
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
};

export type HealthNeed = {
  __typename?: 'HealthNeed';
  active: Scalars['Boolean']['output'];
  category: HealthNeedCategory;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  recordedAt: Scalars['DateTime']['output'];
};

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

/** Two person records that one submission's identifiers pointed at (DOMAIN.md, One person, many doors). */
export type IdentityConflict = {
  __typename?: 'IdentityConflict';
  /** Every identifier type the submission shared with the other record. */
  contestedIdentifiers: Array<IdentifierType>;
  detectedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The identifier kind (internal: the referral subgraph's match answer). */
  identifier: Scalars['String']['output'];
  /** The identifier that belongs to the other record. */
  identifierType: IdentifierType;
  kind: IdentityConflictKind;
  /** The record that already held that identifier. */
  otherPerson: Person;
  otherPersonId: Scalars['ID']['output'];
  /** The record the submission was linked to (for DEMOGRAPHICS_DIFFER, the record made from the submission). */
  person: Person;
  recordedAt: Scalars['DateTime']['output'];
  /** The referral whose submission found the conflict. */
  referral?: Maybe<Referral>;
  resolution?: Maybe<IdentityConflictResolution>;
  resolved: Scalars['Boolean']['output'];
  status: IdentityConflictStatus;
};

export type IdentityConflictConnection = {
  __typename?: 'IdentityConflictConnection';
  nodes: Array<IdentityConflict>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type IdentityConflictKind =
  /** An identifier belonged to a record whose date of birth and names differ from the submission's: the submission got a record of its own, without that identifier. */
  | 'DEMOGRAPHICS_DIFFER'
  /** One submission's identifiers pointed at two records. */
  | 'TWO_RECORDS';

export type IdentityConflictPayload = {
  __typename?: 'IdentityConflictPayload';
  conflict: IdentityConflict;
};

export type IdentityConflictResolution = {
  __typename?: 'IdentityConflictResolution';
  /** SAME_PERSON only: the record that was kept. */
  keptPerson?: Maybe<Person>;
  note: Scalars['String']['output'];
  outcome: IdentityResolution;
  resolvedAt: Scalars['DateTime']['output'];
  resolvedBy: Scalars['String']['output'];
};

export type IdentityConflictStatus = 'OPEN' | 'RESOLVED';

export type IdentityResolution =
  /** They are two people: nothing is merged, and the identifier is taken off the record it was wrongly added to. */
  | 'DIFFERENT_PEOPLE'
  /** The two records are one person: the other record is merged into the kept one. */
  | 'SAME_PERSON';

export type LocalAuthority = {
  __typename?: 'LocalAuthority';
  code: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Internal: an HMPPS MERGED event (DOMAIN.md, "Custody events from HMPPS"): the kept prison number
   * replaces the removed one on the person; two people holding the two numbers get an identity
   * conflict, never a merge. Called by the referral subgraph for the HMPPS events client.
   */
  mergePrisonNumbers: PrisonNumberMerge;
  recordHealthNeed: PersonPayload;
  /**
   * Internal: makes a stored referral's identified needs the person's active health needs, each
   * remembering the referral, except categories in which the person already has an active need
   * (DOMAIN.md). Called by the referral subgraph after the referral is stored, for a caller with a
   * relationship to that referral. Returns the needs it added.
   */
  recordReferralNeeds: Array<HealthNeed>;
  recordRiskAssessment: PersonPayload;
  resolveHealthNeed: PersonPayload;
  /**
   * Information governance decides an identity conflict (DOMAIN.md, "Identity conflicts"): SAME_PERSON
   * merges the other record into the kept one across every subgraph; DIFFERENT_PEOPLE takes the
   * identifiers the conflicting submission added off the linked record. A note is required.
   */
  resolveIdentityConflict: IdentityConflictPayload;
  /**
   * Internal: the identity authority's matching ("One person, many doors", DOMAIN.md). Called by the
   * referral subgraph with the caller's principal; not part of the public API.
   */
  resolvePersonIdentity: PersonMatch;
};

export type MutationMergePrisonNumbersArgs = {
  keptPrisonNumber: Scalars['String']['input'];
  removedPrisonNumber: Scalars['String']['input'];
};

export type MutationRecordHealthNeedArgs = {
  input: HealthNeedInput;
  personId: Scalars['ID']['input'];
};

export type MutationRecordReferralNeedsArgs = {
  inputPath?: InputMaybe<Scalars['String']['input']>;
  needs: Array<HealthNeedInput>;
  personId: Scalars['ID']['input'];
  referralId: Scalars['ID']['input'];
};

export type MutationRecordRiskAssessmentArgs = {
  input: RiskAssessmentInput;
  personId: Scalars['ID']['input'];
};

export type MutationResolveHealthNeedArgs = {
  healthNeedId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
};

export type MutationResolveIdentityConflictArgs = {
  id: Scalars['ID']['input'];
  keepPersonId?: InputMaybe<Scalars['ID']['input']>;
  note: Scalars['String']['input'];
  outcome: IdentityResolution;
};

export type MutationResolvePersonIdentityArgs = {
  input: PersonIdentityMatchInput;
  inputPath?: InputMaybe<Scalars['String']['input']>;
  referralId?: InputMaybe<Scalars['ID']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Person = {
  __typename?: 'Person';
  /** Who read or changed this person's record, newest first (Caldicott / subject access). */
  accessLog?: Maybe<AuditEventConnection>;
  /** Probation case reference number, e.g. X123456. */
  crn?: Maybe<Scalars['String']['output']>;
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  familyName: Scalars['String']['output'];
  givenName: Scalars['String']['output'];
  healthNeeds?: Maybe<Array<HealthNeed>>;
  homeArea?: Maybe<LocalAuthority>;
  homeOfficeReference?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Identity conflicts on this record, open ones by default. */
  identityConflicts?: Maybe<Array<IdentityConflict>>;
  /** Set when this record was merged into another one: read that one instead. */
  mergedInto?: Maybe<Person>;
  /** 10 digits, Modulus 11 valid. */
  nhsNumber?: Maybe<Scalars['String']['output']>;
  /** Police National Computer id, e.g. 2012/0052834K. */
  pncId?: Maybe<Scalars['String']['output']>;
  /** Prison (NOMIS) number, e.g. A1234BC. */
  prisonNumber?: Maybe<Scalars['String']['output']>;
  riskAssessments?: Maybe<Array<RiskAssessment>>;
  /** The most recent risk of serious harm assessment. */
  riskOfSeriousHarm?: Maybe<RiskAssessment>;
};

export type PersonAccessLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PersonHealthNeedsArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type PersonIdentityConflictsArgs = {
  status?: InputMaybe<IdentityConflictStatus>;
};

/** The identity the referral subgraph asks the person subgraph to resolve (internal). */
export type PersonIdentityMatchInput = {
  crn?: InputMaybe<Scalars['String']['input']>;
  dateOfBirth: Scalars['Date']['input'];
  familyName: Scalars['String']['input'];
  givenName: Scalars['String']['input'];
  homeLocalAuthorityCode?: InputMaybe<Scalars['String']['input']>;
  homeOfficeReference?: InputMaybe<Scalars['String']['input']>;
  nhsNumber?: InputMaybe<Scalars['String']['input']>;
  pncId?: InputMaybe<Scalars['String']['input']>;
  prisonNumber?: InputMaybe<Scalars['String']['input']>;
};

/** How an identity was resolved (internal). */
export type PersonMatch = {
  __typename?: 'PersonMatch';
  /** Identifiers added to the existing person. */
  addedIdentifiers: Array<Scalars['String']['output']>;
  /** Conflicts recorded by this resolution. */
  conflicts: Array<IdentityConflict>;
  /** True when no identifier matched and a new person was created. */
  created: Scalars['Boolean']['output'];
  /** The identifier that matched, e.g. NHS_NUMBER; null when created. */
  matchedOn?: Maybe<Scalars['String']['output']>;
  person: Person;
};

export type PersonPayload = {
  __typename?: 'PersonPayload';
  person: Person;
};

/** A person holding a prison number (internal). */
export type PrisonNumberHolder = {
  __typename?: 'PrisonNumberHolder';
  personId: Scalars['ID']['output'];
  prisonNumber: Scalars['String']['output'];
};

/** The answer to mergePrisonNumbers (internal). */
export type PrisonNumberMerge = {
  __typename?: 'PrisonNumberMerge';
  outcome: PrisonNumberMergeOutcome;
  /** The person holding the removed number (or, once merged, the kept one). */
  personId?: Maybe<Scalars['ID']['output']>;
};

/** What an HMPPS MERGED event did to the person records (internal). */
export type PrisonNumberMergeOutcome =
  /** Two people hold the two numbers: an identity conflict is recorded, nothing is merged. */
  | 'IDENTITY_CONFLICT'
  /** The person holding the removed prison number now holds the kept one (or already did). */
  | 'MERGED'
  /** Nobody in the hub holds either number. */
  | 'NOT_HELD';

export type Query = {
  __typename?: 'Query';
  /** Information governance's queue of identity conflicts (RECONNECT_ADMIN), oldest first. */
  identityConflicts: IdentityConflictConnection;
  /**
   * Internal: the person holding this NHS number, by id alone (none: an empty list). Called by the
   * referral subgraph to narrow a caller's own referrals to one NHS number (the BaRS FHIR search);
   * a bad NHS number is BAD_USER_INPUT at `inputPath`. Not part of the public API.
   */
  nhsNumberHolders: Array<Scalars['ID']['output']>;
  person?: Maybe<Person>;
  /**
   * Internal: who holds these prison numbers (at most two), by person id alone. Called by the referral
   * subgraph applying an HMPPS custody event; not part of the public API.
   */
  prisonNumberHolders: Array<PrisonNumberHolder>;
  /**
   * Internal: the people a caseload search names (ReferralFilter.search): an NHS number, prison
   * number, CRN or PNC id matched exactly, else the start of a given or family name (accents, case and
   * punctuation ignored); only people the caller's organisation holds a live grant on. Called by the
   * referral subgraph; not part of the public API.
   */
  searchPeople: Array<Scalars['ID']['output']>;
  /** Information governance only: everything the hub holds about one person, with the stated reason (audited). */
  subjectAccessReport: SubjectAccessReport;
};

export type QueryIdentityConflictsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<IdentityConflictStatus>;
};

export type QueryNhsNumberHoldersArgs = {
  inputPath?: InputMaybe<Scalars['String']['input']>;
  nhsNumber: Scalars['String']['input'];
};

export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};

export type QueryPrisonNumberHoldersArgs = {
  prisonNumbers: Array<Scalars['String']['input']>;
};

export type QuerySearchPeopleArgs = {
  inputPath?: InputMaybe<Scalars['String']['input']>;
  search: Scalars['String']['input'];
};

export type QuerySubjectAccessReportArgs = {
  personId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type Referral = {
  __typename?: 'Referral';
  id: Scalars['ID']['output'];
};

export type RiskAssessment = {
  __typename?: 'RiskAssessment';
  assessedOn: Scalars['Date']['output'];
  id: Scalars['ID']['output'];
  level: RiskLevel;
  riskTo: Array<RiskGroup>;
  source: Scalars['String']['output'];
  summary?: Maybe<Scalars['String']['output']>;
};

export type RiskAssessmentInput = {
  assessedOn: Scalars['Date']['input'];
  level: RiskLevel;
  riskTo: Array<RiskGroup>;
  source: Scalars['String']['input'];
  summary?: InputMaybe<Scalars['String']['input']>;
};

export type RiskGroup = 'CHILDREN' | 'KNOWN_ADULT' | 'PUBLIC' | 'STAFF';

export type RiskLevel = 'HIGH' | 'LOW' | 'MEDIUM' | 'VERY_HIGH';

/** Everything the hub holds about one person, for a subject access request (UK GDPR Article 15). */
export type SubjectAccessReport = {
  __typename?: 'SubjectAccessReport';
  /** One JSON document: identity, health needs, risk assessments, every referral with its history, contacts, engagements and handovers, enhanced cases with partners and updates, and the access log. */
  document: Scalars['String']['output'];
  generatedAt: Scalars['DateTime']['output'];
  personId: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
};
