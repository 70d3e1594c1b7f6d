import type * as Types from './graphql.ts';
import type { Person } from './graphql.ts';

import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRow, HealthNeedRow, RiskAssessmentRow, IdentityConflictRow } from '../db/schema.ts';
import type { ConflictPage } from '../service/conflicts.ts';
import type { ConflictPayloadSource } from '../service/merge.ts';
import type { AuditEventRow } from '@reconnect/audit';
import type { AccessLogPage } from '../service/access-log.ts';
import type { IdentityResolution } from '../service/matching.ts';
import type { PersonPayloadSource } from '../service/people.ts';
import type { Context } from '../context.ts';
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
  reference: TReference,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
type NullableCheck<T, S> =
  Types.Maybe<T> extends T ? Types.Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<
  TTypes,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Types.Maybe<TTypes> | Promise<Types.Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Person: Person;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Person: { __typename: 'Person' } & GraphQLRecursivePick<FederationTypes['Person'], { id: true }>;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEvent: ResolverTypeWrapper<AuditEventRow>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  AuditEventConnection: ResolverTypeWrapper<AccessLogPage>;
  Date: ResolverTypeWrapper<Types.Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  HealthNeed: ResolverTypeWrapper<HealthNeedRow>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  HealthNeedCategory: Types.HealthNeedCategory;
  HealthNeedInput: Types.HealthNeedInput;
  IdentifierType: Types.IdentifierType;
  IdentityConflict: ResolverTypeWrapper<IdentityConflictRow>;
  IdentityConflictConnection: ResolverTypeWrapper<ConflictPage>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  IdentityConflictKind: Types.IdentityConflictKind;
  IdentityConflictPayload: ResolverTypeWrapper<ConflictPayloadSource>;
  IdentityConflictResolution: ResolverTypeWrapper<IdentityConflictRow>;
  IdentityConflictStatus: Types.IdentityConflictStatus;
  IdentityResolution: Types.IdentityResolution;
  LocalAuthority: ResolverTypeWrapper<Types.LocalAuthority>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Person: ResolverTypeWrapper<PersonRow>;
  PersonIdentityMatchInput: Types.PersonIdentityMatchInput;
  PersonMatch: ResolverTypeWrapper<IdentityResolution>;
  PersonPayload: ResolverTypeWrapper<PersonPayloadSource>;
  PrisonNumberHolder: ResolverTypeWrapper<Types.PrisonNumberHolder>;
  PrisonNumberMerge: ResolverTypeWrapper<Types.PrisonNumberMerge>;
  PrisonNumberMergeOutcome: Types.PrisonNumberMergeOutcome;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Referral: ResolverTypeWrapper<Types.Referral>;
  RiskAssessment: ResolverTypeWrapper<RiskAssessmentRow>;
  RiskAssessmentInput: Types.RiskAssessmentInput;
  RiskGroup: Types.RiskGroup;
  RiskLevel: Types.RiskLevel;
  SubjectAccessReport: ResolverTypeWrapper<Types.SubjectAccessReport>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEvent: AuditEventRow;
  String: Types.Scalars['String']['output'];
  ID: Types.Scalars['ID']['output'];
  AuditEventConnection: AccessLogPage;
  Date: Types.Scalars['Date']['output'];
  DateTime: Types.Scalars['DateTime']['output'];
  HealthNeed: HealthNeedRow;
  Boolean: Types.Scalars['Boolean']['output'];
  HealthNeedInput: Types.HealthNeedInput;
  IdentityConflict: IdentityConflictRow;
  IdentityConflictConnection: ConflictPage;
  Int: Types.Scalars['Int']['output'];
  IdentityConflictPayload: ConflictPayloadSource;
  IdentityConflictResolution: IdentityConflictRow;
  LocalAuthority: Types.LocalAuthority;
  Mutation: Record<PropertyKey, never>;
  PageInfo: Types.PageInfo;
  Person: PersonRow;
  PersonIdentityMatchInput: Types.PersonIdentityMatchInput;
  PersonMatch: IdentityResolution;
  PersonPayload: PersonPayloadSource;
  PrisonNumberHolder: Types.PrisonNumberHolder;
  PrisonNumberMerge: Types.PrisonNumberMerge;
  Query: Record<PropertyKey, never>;
  Referral: Types.Referral;
  RiskAssessment: RiskAssessmentRow;
  RiskAssessmentInput: Types.RiskAssessmentInput;
  SubjectAccessReport: Types.SubjectAccessReport;
};

export type AuditEventResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent'],
> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorOrganisation?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorSubject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  correlationId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subjectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['AuditEventConnection'] =
    ResolversParentTypes['AuditEventConnection'],
> = {
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type HealthNeedResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['HealthNeed'] = ResolversParentTypes['HealthNeed'],
> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['HealthNeedCategory'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type IdentityConflictResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['IdentityConflict'] = ResolversParentTypes['IdentityConflict'],
> = {
  contestedIdentifiers?: Resolver<Array<ResolversTypes['IdentifierType']>, ParentType, ContextType>;
  detectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  identifierType?: Resolver<ResolversTypes['IdentifierType'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['IdentityConflictKind'], ParentType, ContextType>;
  otherPerson?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  otherPersonId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  referral?: Resolver<Types.Maybe<ResolversTypes['Referral']>, ParentType, ContextType>;
  resolution?: Resolver<Types.Maybe<ResolversTypes['IdentityConflictResolution']>, ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IdentityConflictStatus'], ParentType, ContextType>;
};

export type IdentityConflictConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['IdentityConflictConnection'] =
    ResolversParentTypes['IdentityConflictConnection'],
> = {
  nodes?: Resolver<Array<ResolversTypes['IdentityConflict']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IdentityConflictPayloadResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['IdentityConflictPayload'] =
    ResolversParentTypes['IdentityConflictPayload'],
> = {
  conflict?: Resolver<ResolversTypes['IdentityConflict'], ParentType, ContextType>;
};

export type IdentityConflictResolutionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['IdentityConflictResolution'] =
    ResolversParentTypes['IdentityConflictResolution'],
> = {
  keptPerson?: Resolver<Types.Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['IdentityResolution'], ParentType, ContextType>;
  resolvedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  resolvedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LocalAuthorityResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['LocalAuthority'] = ResolversParentTypes['LocalAuthority'],
> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  mergePrisonNumbers?: Resolver<
    ResolversTypes['PrisonNumberMerge'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationMergePrisonNumbersArgs, 'keptPrisonNumber' | 'removedPrisonNumber'>
  >;
  recordHealthNeed?: Resolver<
    ResolversTypes['PersonPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordHealthNeedArgs, 'input' | 'personId'>
  >;
  recordReferralNeeds?: Resolver<
    Array<ResolversTypes['HealthNeed']>,
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordReferralNeedsArgs, 'inputPath' | 'needs' | 'personId' | 'referralId'>
  >;
  recordRiskAssessment?: Resolver<
    ResolversTypes['PersonPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordRiskAssessmentArgs, 'input' | 'personId'>
  >;
  resolveHealthNeed?: Resolver<
    ResolversTypes['PersonPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationResolveHealthNeedArgs, 'healthNeedId' | 'personId'>
  >;
  resolveIdentityConflict?: Resolver<
    ResolversTypes['IdentityConflictPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationResolveIdentityConflictArgs, 'id' | 'note' | 'outcome'>
  >;
  resolvePersonIdentity?: Resolver<
    ResolversTypes['PersonMatch'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationResolvePersonIdentityArgs, 'input' | 'inputPath'>
  >;
};

export type PageInfoResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PersonResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'],
  FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['Person']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  accessLog?: Resolver<
    Types.Maybe<ResolversTypes['AuditEventConnection']>,
    ParentType,
    ContextType,
    RequireFields<Types.PersonAccessLogArgs, 'first'>
  >;
  crn?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dateOfBirth?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  familyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  givenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  healthNeeds?: Resolver<
    Types.Maybe<Array<ResolversTypes['HealthNeed']>>,
    ParentType,
    ContextType,
    RequireFields<Types.PersonHealthNeedsArgs, 'activeOnly'>
  >;
  homeArea?: Resolver<Types.Maybe<ResolversTypes['LocalAuthority']>, ParentType, ContextType>;
  homeOfficeReference?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identityConflicts?: Resolver<
    Types.Maybe<Array<ResolversTypes['IdentityConflict']>>,
    ParentType,
    ContextType,
    RequireFields<Types.PersonIdentityConflictsArgs, 'status'>
  >;
  mergedInto?: Resolver<Types.Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  nhsNumber?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pncId?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  prisonNumber?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  riskAssessments?: Resolver<Types.Maybe<Array<ResolversTypes['RiskAssessment']>>, ParentType, ContextType>;
  riskOfSeriousHarm?: Resolver<Types.Maybe<ResolversTypes['RiskAssessment']>, ParentType, ContextType>;
};

export type PersonMatchResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PersonMatch'] = ResolversParentTypes['PersonMatch'],
> = {
  addedIdentifiers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  conflicts?: Resolver<Array<ResolversTypes['IdentityConflict']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  matchedOn?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type PersonPayloadResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PersonPayload'] = ResolversParentTypes['PersonPayload'],
> = {
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type PrisonNumberHolderResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PrisonNumberHolder'] = ResolversParentTypes['PrisonNumberHolder'],
> = {
  personId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  prisonNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PrisonNumberMergeResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PrisonNumberMerge'] = ResolversParentTypes['PrisonNumberMerge'],
> = {
  outcome?: Resolver<ResolversTypes['PrisonNumberMergeOutcome'], ParentType, ContextType>;
  personId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  identityConflicts?: Resolver<
    ResolversTypes['IdentityConflictConnection'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryIdentityConflictsArgs, 'first' | 'status'>
  >;
  nhsNumberHolders?: Resolver<
    Array<ResolversTypes['ID']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryNhsNumberHoldersArgs, 'nhsNumber'>
  >;
  person?: Resolver<
    Types.Maybe<ResolversTypes['Person']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryPersonArgs, 'id'>
  >;
  prisonNumberHolders?: Resolver<
    Array<ResolversTypes['PrisonNumberHolder']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryPrisonNumberHoldersArgs, 'prisonNumbers'>
  >;
  searchPeople?: Resolver<
    Array<ResolversTypes['ID']>,
    ParentType,
    ContextType,
    RequireFields<Types.QuerySearchPeopleArgs, 'search'>
  >;
  subjectAccessReport?: Resolver<
    ResolversTypes['SubjectAccessReport'],
    ParentType,
    ContextType,
    RequireFields<Types.QuerySubjectAccessReportArgs, 'personId' | 'reason'>
  >;
};

export type ReferralResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RiskAssessmentResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['RiskAssessment'] = ResolversParentTypes['RiskAssessment'],
> = {
  assessedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
  riskTo?: Resolver<Array<ResolversTypes['RiskGroup']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SubjectAccessReportResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['SubjectAccessReport'] =
    ResolversParentTypes['SubjectAccessReport'],
> = {
  document?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  personId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  HealthNeed?: HealthNeedResolvers<ContextType>;
  IdentityConflict?: IdentityConflictResolvers<ContextType>;
  IdentityConflictConnection?: IdentityConflictConnectionResolvers<ContextType>;
  IdentityConflictPayload?: IdentityConflictPayloadResolvers<ContextType>;
  IdentityConflictResolution?: IdentityConflictResolutionResolvers<ContextType>;
  LocalAuthority?: LocalAuthorityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonMatch?: PersonMatchResolvers<ContextType>;
  PersonPayload?: PersonPayloadResolvers<ContextType>;
  PrisonNumberHolder?: PrisonNumberHolderResolvers<ContextType>;
  PrisonNumberMerge?: PrisonNumberMergeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
  RiskAssessment?: RiskAssessmentResolvers<ContextType>;
  SubjectAccessReport?: SubjectAccessReportResolvers<ContextType>;
};
