import type * as Types from './graphql.ts';
import type {
  Establishment,
  LocalAuthority,
  ReconnectService,
  ReferringOrganisation,
  Staff,
} from './graphql.ts';

import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '@reconnect/auth';
import type {
  ServiceRow,
  EstablishmentRow,
  LocalAuthorityRow,
  StaffRow,
  ReferringOrganisationRow,
} from '../db/schema.ts';
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
  Establishment: Establishment;
  LocalAuthority: LocalAuthority;
  ReconnectService: ReconnectService;
  ReferringOrganisation: ReferringOrganisation;
  Staff: Staff;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Establishment: { __typename: 'Establishment' } & GraphQLRecursivePick<
    FederationTypes['Establishment'],
    { code: true }
  >;
  LocalAuthority: { __typename: 'LocalAuthority' } & GraphQLRecursivePick<
    FederationTypes['LocalAuthority'],
    { code: true }
  >;
  ReconnectService: { __typename: 'ReconnectService' } & (
    | GraphQLRecursivePick<FederationTypes['ReconnectService'], { id: true }>
    | GraphQLRecursivePick<FederationTypes['ReconnectService'], { code: true }>
  );
  ReferringOrganisation: { __typename: 'ReferringOrganisation' } & GraphQLRecursivePick<
    FederationTypes['ReferringOrganisation'],
    { code: true }
  >;
  Staff: { __typename: 'Staff' } & GraphQLRecursivePick<FederationTypes['Staff'], { id: true }>;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CustodyType: Types.CustodyType;
  Establishment: ResolverTypeWrapper<EstablishmentRow>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  LocalAuthority: ResolverTypeWrapper<LocalAuthorityRow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Principal: ResolverTypeWrapper<Principal>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconnectService: ResolverTypeWrapper<ServiceRow>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  ReferralSource: Types.ReferralSource;
  ReferringOrganisation: ResolverTypeWrapper<ReferringOrganisationRow>;
  ReferringOrganisationInput: Types.ReferringOrganisationInput;
  ReferringOrganisationKind: Types.ReferringOrganisationKind;
  Region: Types.Region;
  Role: Types.Role;
  Staff: ResolverTypeWrapper<StaffRow>;
  StaffRole: Types.StaffRole;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Establishment: EstablishmentRow;
  String: Types.Scalars['String']['output'];
  LocalAuthority: LocalAuthorityRow;
  Mutation: Record<PropertyKey, never>;
  Principal: Principal;
  Query: Record<PropertyKey, never>;
  ReconnectService: ServiceRow;
  Boolean: Types.Scalars['Boolean']['output'];
  ID: Types.Scalars['ID']['output'];
  ReferringOrganisation: ReferringOrganisationRow;
  ReferringOrganisationInput: Types.ReferringOrganisationInput;
  Staff: StaffRow;
};

export type EstablishmentResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Establishment'] = ResolversParentTypes['Establishment'],
  FederationReferenceType extends FederationReferenceTypes['Establishment'] =
    FederationReferenceTypes['Establishment'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['Establishment']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  localService?: Resolver<Types.Maybe<ResolversTypes['ReconnectService']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CustodyType'], ParentType, ContextType>;
};

export type LocalAuthorityResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['LocalAuthority'] = ResolversParentTypes['LocalAuthority'],
  FederationReferenceType extends FederationReferenceTypes['LocalAuthority'] =
    FederationReferenceTypes['LocalAuthority'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['LocalAuthority']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivingService?: Resolver<Types.Maybe<ResolversTypes['ReconnectService']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  saveReferringOrganisation?: Resolver<
    ResolversTypes['ReferringOrganisation'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationSaveReferringOrganisationArgs, 'input'>
  >;
};

export type PrincipalResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Principal'] = ResolversParentTypes['Principal'],
> = {
  displayName?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  organisationCode?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
  service?: Resolver<Types.Maybe<ResolversTypes['ReconnectService']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  establishment?: Resolver<
    Types.Maybe<ResolversTypes['Establishment']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryEstablishmentArgs, 'code'>
  >;
  establishments?: Resolver<
    Array<ResolversTypes['Establishment']>,
    ParentType,
    ContextType,
    Partial<Types.QueryEstablishmentsArgs>
  >;
  localAuthorities?: Resolver<
    Array<ResolversTypes['LocalAuthority']>,
    ParentType,
    ContextType,
    Partial<Types.QueryLocalAuthoritiesArgs>
  >;
  me?: Resolver<ResolversTypes['Principal'], ParentType, ContextType>;
  reconnectService?: Resolver<
    Types.Maybe<ResolversTypes['ReconnectService']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryReconnectServiceArgs, 'code'>
  >;
  reconnectServices?: Resolver<
    Array<ResolversTypes['ReconnectService']>,
    ParentType,
    ContextType,
    Partial<Types.QueryReconnectServicesArgs>
  >;
  referringOrganisation?: Resolver<
    Types.Maybe<ResolversTypes['ReferringOrganisation']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryReferringOrganisationArgs, 'code'>
  >;
  referringOrganisations?: Resolver<
    Array<ResolversTypes['ReferringOrganisation']>,
    ParentType,
    ContextType,
    Partial<Types.QueryReferringOrganisationsArgs>
  >;
};

export type ReconnectServiceResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ReconnectService'] = ResolversParentTypes['ReconnectService'],
  FederationReferenceType extends FederationReferenceTypes['ReconnectService'] =
    FederationReferenceTypes['ReconnectService'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['ReconnectService']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  enhancedReconnect?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  establishments?: Resolver<Array<ResolversTypes['Establishment']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  localAuthorities?: Resolver<Array<ResolversTypes['LocalAuthority']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  staff?: Resolver<
    Array<ResolversTypes['Staff']>,
    ParentType,
    ContextType,
    RequireFields<Types.ReconnectServiceStaffArgs, 'activeOnly'>
  >;
};

export type ReferringOrganisationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ReferringOrganisation'] =
    ResolversParentTypes['ReferringOrganisation'],
  FederationReferenceType extends FederationReferenceTypes['ReferringOrganisation'] =
    FederationReferenceTypes['ReferringOrganisation'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['ReferringOrganisation']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  allowedSources?: Resolver<Array<ResolversTypes['ReferralSource']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ReferringOrganisationKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Types.Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
};

export type StaffResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Staff'] = ResolversParentTypes['Staff'],
  FederationReferenceType extends FederationReferenceTypes['Staff'] = FederationReferenceTypes['Staff'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['Staff']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['StaffRole'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['ReconnectService'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Establishment?: EstablishmentResolvers<ContextType>;
  LocalAuthority?: LocalAuthorityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Principal?: PrincipalResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconnectService?: ReconnectServiceResolvers<ContextType>;
  ReferringOrganisation?: ReferringOrganisationResolvers<ContextType>;
  Staff?: StaffResolvers<ContextType>;
};
