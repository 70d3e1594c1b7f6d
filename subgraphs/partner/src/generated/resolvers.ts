import type * as Types from './graphql.ts';
import type { EnhancedCase, PartnerOrganisation, Referral } from './graphql.ts';

import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type {
  PartnerRow,
  AgreementRow,
  EnhancedCaseRow,
  CasePartnerRow,
  PartnerUpdateRow,
} from '../db/schema.ts';
import type { CaseListPage } from '../service/case-list.ts';
import type { ReferralKey } from '../service/cases.ts';
import type { Context } from '../context.ts';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
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
  EnhancedCase: EnhancedCase;
  PartnerOrganisation: PartnerOrganisation;
  Referral: Referral;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  EnhancedCase: { __typename: 'EnhancedCase' } & GraphQLRecursivePick<
    FederationTypes['EnhancedCase'],
    { id: true }
  >;
  PartnerOrganisation: { __typename: 'PartnerOrganisation' } & (
    | GraphQLRecursivePick<FederationTypes['PartnerOrganisation'], { id: true }>
    | GraphQLRecursivePick<FederationTypes['PartnerOrganisation'], { code: true }>
  );
  Referral: { __typename: 'Referral' } & GraphQLRecursivePick<FederationTypes['Referral'], { id: true }>;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CasePartner: ResolverTypeWrapper<CasePartnerRow>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  Consent: ResolverTypeWrapper<Types.Consent>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  ConsentDecision: Types.ConsentDecision;
  ContactMode: Types.ContactMode;
  DataSharingAgreement: ResolverTypeWrapper<AgreementRow>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  DataSharingAgreementInput: Types.DataSharingAgreementInput;
  Date: ResolverTypeWrapper<Types.Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  EnhancedCase: ResolverTypeWrapper<EnhancedCaseRow>;
  EnhancedCaseConnection: ResolverTypeWrapper<CaseListPage>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  EnhancedCasePayload: ResolverTypeWrapper<
    Omit<Types.EnhancedCasePayload, 'enhancedCase'> & { enhancedCase: ResolversTypes['EnhancedCase'] }
  >;
  EnhancedCaseStatus: Types.EnhancedCaseStatus;
  EnrolEnhancedInput: Types.EnrolEnhancedInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  PartnerOrganisation: ResolverTypeWrapper<PartnerRow>;
  PartnerUpdate: ResolverTypeWrapper<PartnerUpdateRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Referral: ResolverTypeWrapper<ReferralKey>;
  Region: Types.Region;
  SharingScope: Types.SharingScope;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CasePartner: CasePartnerRow;
  Boolean: Types.Scalars['Boolean']['output'];
  Consent: Types.Consent;
  String: Types.Scalars['String']['output'];
  DataSharingAgreement: AgreementRow;
  ID: Types.Scalars['ID']['output'];
  DataSharingAgreementInput: Types.DataSharingAgreementInput;
  Date: Types.Scalars['Date']['output'];
  DateTime: Types.Scalars['DateTime']['output'];
  EnhancedCase: EnhancedCaseRow;
  EnhancedCaseConnection: CaseListPage;
  Int: Types.Scalars['Int']['output'];
  EnhancedCasePayload: Omit<Types.EnhancedCasePayload, 'enhancedCase'> & {
    enhancedCase: ResolversParentTypes['EnhancedCase'];
  };
  EnrolEnhancedInput: Types.EnrolEnhancedInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: Types.PageInfo;
  PartnerOrganisation: PartnerRow;
  PartnerUpdate: PartnerUpdateRow;
  Query: Record<PropertyKey, never>;
  Referral: ReferralKey;
};

export type CasePartnerResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['CasePartner'] = ResolversParentTypes['CasePartner'],
> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['PartnerOrganisation'], ParentType, ContextType>;
  removedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ConsentResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Consent'] = ResolversParentTypes['Consent'],
> = {
  decision?: Resolver<ResolversTypes['ConsentDecision'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ContactMode'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recordedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DataSharingAgreementResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['DataSharingAgreement'] =
    ResolversParentTypes['DataSharingAgreement'],
> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['SharingScope']>, ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EnhancedCaseResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['EnhancedCase'] = ResolversParentTypes['EnhancedCase'],
  FederationReferenceType extends FederationReferenceTypes['EnhancedCase'] =
    FederationReferenceTypes['EnhancedCase'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['EnhancedCase']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  closeReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  closedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  partners?: Resolver<Array<ResolversTypes['CasePartner']>, ParentType, ContextType>;
  rationale?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referral?: Resolver<ResolversTypes['Referral'], ParentType, ContextType>;
  sharingConsent?: Resolver<ResolversTypes['Consent'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EnhancedCaseStatus'], ParentType, ContextType>;
  updates?: Resolver<Array<ResolversTypes['PartnerUpdate']>, ParentType, ContextType>;
};

export type EnhancedCaseConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['EnhancedCaseConnection'] =
    ResolversParentTypes['EnhancedCaseConnection'],
> = {
  nodes?: Resolver<Array<ResolversTypes['EnhancedCase']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EnhancedCasePayloadResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['EnhancedCasePayload'] =
    ResolversParentTypes['EnhancedCasePayload'],
> = {
  enhancedCase?: Resolver<ResolversTypes['EnhancedCase'], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  addCasePartner?: Resolver<
    ResolversTypes['EnhancedCasePayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationAddCasePartnerArgs, 'caseId' | 'partnerCode'>
  >;
  applyPersonMergeToCases?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationApplyPersonMergeToCasesArgs, 'keptPersonId' | 'mergeId' | 'mergedPersonId'>
  >;
  closeEnhancedCase?: Resolver<
    ResolversTypes['EnhancedCasePayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationCloseEnhancedCaseArgs, 'caseId' | 'reason'>
  >;
  enrolEnhancedReconnect?: Resolver<
    ResolversTypes['EnhancedCasePayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationEnrolEnhancedReconnectArgs, 'input' | 'referralId'>
  >;
  recordDataSharingAgreement?: Resolver<
    ResolversTypes['PartnerOrganisation'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordDataSharingAgreementArgs, 'input' | 'partnerCode'>
  >;
  recordPartnerUpdate?: Resolver<
    ResolversTypes['EnhancedCasePayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordPartnerUpdateArgs, 'caseId' | 'note'>
  >;
  removeCasePartner?: Resolver<
    ResolversTypes['EnhancedCasePayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRemoveCasePartnerArgs, 'caseId' | 'partnerCode' | 'reason'>
  >;
  withdrawSharingConsent?: Resolver<
    ResolversTypes['EnhancedCasePayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationWithdrawSharingConsentArgs, 'caseId'>
  >;
};

export type PageInfoResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo'],
> = {
  endCursor?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PartnerOrganisationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PartnerOrganisation'] =
    ResolversParentTypes['PartnerOrganisation'],
  FederationReferenceType extends FederationReferenceTypes['PartnerOrganisation'] =
    FederationReferenceTypes['PartnerOrganisation'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['PartnerOrganisation']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  activeAgreement?: Resolver<Types.Maybe<ResolversTypes['DataSharingAgreement']>, ParentType, ContextType>;
  agreements?: Resolver<Array<ResolversTypes['DataSharingAgreement']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regions?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType>;
};

export type PartnerUpdateResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['PartnerUpdate'] = ResolversParentTypes['PartnerUpdate'],
> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  partner?: Resolver<Types.Maybe<ResolversTypes['PartnerOrganisation']>, ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  enhancedCase?: Resolver<
    Types.Maybe<ResolversTypes['EnhancedCase']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryEnhancedCaseArgs, 'id'>
  >;
  enhancedCases?: Resolver<
    ResolversTypes['EnhancedCaseConnection'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryEnhancedCasesArgs, 'first'>
  >;
  partnerOrganisations?: Resolver<Array<ResolversTypes['PartnerOrganisation']>, ParentType, ContextType>;
  partnerSubjectAccessPart?: Resolver<
    ResolversTypes['String'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryPartnerSubjectAccessPartArgs, 'personId'>
  >;
};

export type ReferralResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral'],
  FederationReferenceType extends FederationReferenceTypes['Referral'] = FederationReferenceTypes['Referral'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['Referral']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  canEnrolEnhanced?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enhancedCase?: Resolver<Types.Maybe<ResolversTypes['EnhancedCase']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  CasePartner?: CasePartnerResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  DataSharingAgreement?: DataSharingAgreementResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EnhancedCase?: EnhancedCaseResolvers<ContextType>;
  EnhancedCaseConnection?: EnhancedCaseConnectionResolvers<ContextType>;
  EnhancedCasePayload?: EnhancedCasePayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartnerOrganisation?: PartnerOrganisationResolvers<ContextType>;
  PartnerUpdate?: PartnerUpdateResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
};
