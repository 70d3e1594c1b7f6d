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
};

export type CustodyType = 'IRC' | 'PRISON';

export type Establishment = {
  __typename?: 'Establishment';
  code: Scalars['String']['output'];
  localService?: Maybe<ReconnectService>;
  name: Scalars['String']['output'];
  region: Region;
  type: CustodyType;
};

export type LocalAuthority = {
  __typename?: 'LocalAuthority';
  /** ONS local authority district code, e.g. E08000035. */
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
  receivingService?: Maybe<ReconnectService>;
  region: Region;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Information governance keeps the directory: adds an organisation or changes one (by code). */
  saveReferringOrganisation: ReferringOrganisation;
};

export type MutationSaveReferringOrganisationArgs = {
  input: ReferringOrganisationInput;
};

export type Principal = {
  __typename?: 'Principal';
  displayName?: Maybe<Scalars['String']['output']>;
  organisationCode?: Maybe<Scalars['String']['output']>;
  roles: Array<Role>;
  /** Set for RECONNECT staff: the service the token names. */
  service?: Maybe<ReconnectService>;
  subject: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  establishment?: Maybe<Establishment>;
  establishments: Array<Establishment>;
  localAuthorities: Array<LocalAuthority>;
  me: Principal;
  reconnectService?: Maybe<ReconnectService>;
  reconnectServices: Array<ReconnectService>;
  referringOrganisation?: Maybe<ReferringOrganisation>;
  referringOrganisations: Array<ReferringOrganisation>;
};

export type QueryEstablishmentArgs = {
  code: Scalars['String']['input'];
};

export type QueryEstablishmentsArgs = {
  region?: InputMaybe<Region>;
  type?: InputMaybe<CustodyType>;
};

export type QueryLocalAuthoritiesArgs = {
  region?: InputMaybe<Region>;
};

export type QueryReconnectServiceArgs = {
  code: Scalars['String']['input'];
};

export type QueryReconnectServicesArgs = {
  region?: InputMaybe<Region>;
};

export type QueryReferringOrganisationArgs = {
  code: Scalars['String']['input'];
};

export type QueryReferringOrganisationsArgs = {
  kind?: InputMaybe<ReferringOrganisationKind>;
  region?: InputMaybe<Region>;
};

export type ReconnectService = {
  __typename?: 'ReconnectService';
  code: Scalars['String']['output'];
  /** Whether this service runs the Enhanced RECONNECT pilot. */
  enhancedReconnect: Scalars['Boolean']['output'];
  /** The prisons and IRCs this service is local to. */
  establishments: Array<Establishment>;
  id: Scalars['ID']['output'];
  /** The home areas this service receives people into. */
  localAuthorities: Array<LocalAuthority>;
  name: Scalars['String']['output'];
  region: Region;
  staff: Array<Staff>;
};

export type ReconnectServiceStaffArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
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

/** An organisation that may refer to RECONNECT: a referrer's token names it as `org`. */
export type ReferringOrganisation = {
  __typename?: 'ReferringOrganisation';
  active: Scalars['Boolean']['output'];
  /** The referral sources its submissions may give (DOMAIN.md, One person, many doors). */
  allowedSources: Array<ReferralSource>;
  code: Scalars['String']['output'];
  kind: ReferringOrganisationKind;
  name: Scalars['String']['output'];
  /** Null for national organisations. */
  region?: Maybe<Region>;
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

export type Role =
  | 'COMMISSIONER'
  | 'ER_PARTNER'
  /** A system client that relays HMPPS domain events about people in custody. It reads nothing. */
  | 'HMPPS_EVENTS'
  | 'RECONNECT_ADMIN'
  | 'RECONNECT_LEAD'
  | 'RECONNECT_STAFF'
  | 'REFERRER';

export type Staff = {
  __typename?: 'Staff';
  active: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: StaffRole;
  service: ReconnectService;
};

export type StaffRole = 'PEER_SUPPORT_WORKER' | 'RECONNECT_WORKER' | 'TEAM_LEAD';
