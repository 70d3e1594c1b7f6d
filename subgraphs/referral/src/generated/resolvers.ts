import type * as Types from './graphql.ts';
import type { Handover, Person, Referral } from './graphql.ts';

import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ReferralParent } from '../service/referral-actions.ts';
import type { HandoverRow, ReferralEventRow, EngagementRow } from '../db/schema.ts';
import type { CaseloadPage } from '../service/caseload.ts';
import type { HandoverPage } from '../service/handover-list.ts';
import type { SubmitResult } from '../service/submit.ts';
import type { WebhookView } from '../service/webhooks.ts';
import type { ServiceMetrics } from '../service/metrics.ts';
import type { DueWorkPage, DueWorkItemRow } from '../service/due-work.ts';
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
  Handover: Handover;
  Person: Person;
  Referral: Referral;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Handover: { __typename: 'Handover' } & GraphQLRecursivePick<FederationTypes['Handover'], { id: true }>;
  Person: { __typename: 'Person' } & GraphQLRecursivePick<FederationTypes['Person'], { id: true }>;
  Referral: { __typename: 'Referral' } & GraphQLRecursivePick<FederationTypes['Referral'], { id: true }> &
    (
      | Record<PropertyKey, never>
      | GraphQLRecursivePick<FederationTypes['Referral'], { canEnrolEnhanced: true }>
    );
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Appointment: ResolverTypeWrapper<Types.Appointment>;
  String: ResolverTypeWrapper<Types.Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Types.Scalars['ID']['output']>;
  AppointmentStatus: Types.AppointmentStatus;
  AppointmentWith: Types.AppointmentWith;
  BookAppointmentInput: Types.BookAppointmentInput;
  CaseNote: ResolverTypeWrapper<Types.CaseNote>;
  CommunityEngagement: ResolverTypeWrapper<EngagementRow>;
  CommunityServiceType: Types.CommunityServiceType;
  Consent: ResolverTypeWrapper<Types.Consent>;
  ConsentDecision: Types.ConsentDecision;
  Contact: ResolverTypeWrapper<Types.Contact>;
  Boolean: ResolverTypeWrapper<Types.Scalars['Boolean']['output']>;
  ContactCompliance: ResolverTypeWrapper<Types.ContactCompliance>;
  Int: ResolverTypeWrapper<Types.Scalars['Int']['output']>;
  ContactInput: Types.ContactInput;
  ContactMode: Types.ContactMode;
  ContactPurpose: Types.ContactPurpose;
  Custody: ResolverTypeWrapper<Types.Custody>;
  CustodyEventInput: Types.CustodyEventInput;
  CustodyEventOutcome: Types.CustodyEventOutcome;
  CustodyEventResult: ResolverTypeWrapper<Types.CustodyEventResult>;
  CustodyEventType: Types.CustodyEventType;
  CustodyInput: Types.CustodyInput;
  CustodyType: Types.CustodyType;
  Date: ResolverTypeWrapper<Types.Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Types.Scalars['DateTime']['output']>;
  Decline: ResolverTypeWrapper<Types.Decline>;
  DeclineReason: Types.DeclineReason;
  Discharge: ResolverTypeWrapper<Types.Discharge>;
  DischargeCount: ResolverTypeWrapper<Types.DischargeCount>;
  DischargeReason: Types.DischargeReason;
  DueWorkConnection: ResolverTypeWrapper<DueWorkPage>;
  DueWorkCount: ResolverTypeWrapper<Types.DueWorkCount>;
  DueWorkItem: ResolverTypeWrapper<DueWorkItemRow>;
  DueWorkKind: Types.DueWorkKind;
  EngagementInput: Types.EngagementInput;
  EngagementOutcome: Types.EngagementOutcome;
  Establishment: ResolverTypeWrapper<Types.Establishment>;
  Handover: ResolverTypeWrapper<HandoverRow>;
  HandoverConnection: ResolverTypeWrapper<HandoverPage>;
  HandoverDirection: Types.HandoverDirection;
  HandoverPayload: ResolverTypeWrapper<
    Omit<Types.HandoverPayload, 'handover'> & { handover: ResolversTypes['Handover'] }
  >;
  HandoverStatus: Types.HandoverStatus;
  HealthNeedCategory: Types.HealthNeedCategory;
  HealthNeedInput: Types.HealthNeedInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<Types.PageInfo>;
  Person: ResolverTypeWrapper<
    Omit<Types.Person, 'referrals'> & { referrals?: Types.Maybe<Array<ResolversTypes['Referral']>> }
  >;
  PersonIdentityInput: Types.PersonIdentityInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReconnectService: ResolverTypeWrapper<Types.ReconnectService>;
  Referral: ResolverTypeWrapper<ReferralParent>;
  ReferralAction: Types.ReferralAction;
  ReferralConnection: ResolverTypeWrapper<CaseloadPage>;
  ReferralEvent: ResolverTypeWrapper<ReferralEventRow>;
  ReferralFilter: Types.ReferralFilter;
  ReferralPayload: ResolverTypeWrapper<
    Omit<Types.ReferralPayload, 'referral'> & { referral: ResolversTypes['Referral'] }
  >;
  ReferralSource: Types.ReferralSource;
  ReferralStatus: Types.ReferralStatus;
  Referrer: ResolverTypeWrapper<Types.Referrer>;
  ReferrerInput: Types.ReferrerInput;
  ReferringOrganisation: ResolverTypeWrapper<Types.ReferringOrganisation>;
  ServiceMetrics: ResolverTypeWrapper<ServiceMetrics>;
  Float: ResolverTypeWrapper<Types.Scalars['Float']['output']>;
  SourceCount: ResolverTypeWrapper<Types.SourceCount>;
  Staff: ResolverTypeWrapper<Types.Staff>;
  SubmitReferralInput: Types.SubmitReferralInput;
  SubmitReferralPayload: ResolverTypeWrapper<SubmitResult>;
  SupportWindow: ResolverTypeWrapper<Types.SupportWindow>;
  WebhookSubscription: ResolverTypeWrapper<WebhookView>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Appointment: Types.Appointment;
  String: Types.Scalars['String']['output'];
  ID: Types.Scalars['ID']['output'];
  BookAppointmentInput: Types.BookAppointmentInput;
  CaseNote: Types.CaseNote;
  CommunityEngagement: EngagementRow;
  Consent: Types.Consent;
  Contact: Types.Contact;
  Boolean: Types.Scalars['Boolean']['output'];
  ContactCompliance: Types.ContactCompliance;
  Int: Types.Scalars['Int']['output'];
  ContactInput: Types.ContactInput;
  Custody: Types.Custody;
  CustodyEventInput: Types.CustodyEventInput;
  CustodyEventResult: Types.CustodyEventResult;
  CustodyInput: Types.CustodyInput;
  Date: Types.Scalars['Date']['output'];
  DateTime: Types.Scalars['DateTime']['output'];
  Decline: Types.Decline;
  Discharge: Types.Discharge;
  DischargeCount: Types.DischargeCount;
  DueWorkConnection: DueWorkPage;
  DueWorkCount: Types.DueWorkCount;
  DueWorkItem: DueWorkItemRow;
  EngagementInput: Types.EngagementInput;
  Establishment: Types.Establishment;
  Handover: HandoverRow;
  HandoverConnection: HandoverPage;
  HandoverPayload: Omit<Types.HandoverPayload, 'handover'> & { handover: ResolversParentTypes['Handover'] };
  HealthNeedInput: Types.HealthNeedInput;
  Mutation: Record<PropertyKey, never>;
  PageInfo: Types.PageInfo;
  Person:
    | (Omit<Types.Person, 'referrals'> & { referrals?: Types.Maybe<Array<ResolversParentTypes['Referral']>> })
    | FederationReferenceTypes['Person'];
  PersonIdentityInput: Types.PersonIdentityInput;
  Query: Record<PropertyKey, never>;
  ReconnectService: Types.ReconnectService;
  Referral: ReferralParent;
  ReferralConnection: CaseloadPage;
  ReferralEvent: ReferralEventRow;
  ReferralFilter: Types.ReferralFilter;
  ReferralPayload: Omit<Types.ReferralPayload, 'referral'> & { referral: ResolversParentTypes['Referral'] };
  Referrer: Types.Referrer;
  ReferrerInput: Types.ReferrerInput;
  ReferringOrganisation: Types.ReferringOrganisation;
  ServiceMetrics: ServiceMetrics;
  Float: Types.Scalars['Float']['output'];
  SourceCount: Types.SourceCount;
  Staff: Types.Staff;
  SubmitReferralInput: Types.SubmitReferralInput;
  SubmitReferralPayload: SubmitResult;
  SupportWindow: Types.SupportWindow;
  WebhookSubscription: WebhookView;
};

export type AppointmentResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Appointment'] = ResolversParentTypes['Appointment'],
> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  bookedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  bookedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mode?: Resolver<Types.Maybe<ResolversTypes['ContactMode']>, ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcomeRecordedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  outcomeRecordedBy?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  providerName?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Types.Maybe<ResolversTypes['ContactPurpose']>, ParentType, ContextType>;
  serviceType?: Resolver<Types.Maybe<ResolversTypes['CommunityServiceType']>, ParentType, ContextType>;
  staff?: Resolver<Types.Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AppointmentStatus'], ParentType, ContextType>;
  with?: Resolver<ResolversTypes['AppointmentWith'], ParentType, ContextType>;
};

export type CaseNoteResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['CaseNote'] = ResolversParentTypes['CaseNote'],
> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  author?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  staff?: Resolver<Types.Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CommunityEngagementResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['CommunityEngagement'] =
    ResolversParentTypes['CommunityEngagement'],
> = {
  appointmentOn?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['EngagementOutcome'], ParentType, ContextType>;
  providerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  serviceType?: Resolver<ResolversTypes['CommunityServiceType'], ParentType, ContextType>;
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

export type ContactResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ContactMode'], ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  preRelease?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['ContactPurpose'], ParentType, ContextType>;
  staff?: Resolver<Types.Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
};

export type ContactComplianceResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ContactCompliance'] = ResolversParentTypes['ContactCompliance'],
> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  faceToFace?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  met?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustodyResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Custody'] = ResolversParentTypes['Custody'],
> = {
  establishment?: Resolver<ResolversTypes['Establishment'], ParentType, ContextType>;
  expectedReleaseDate?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  onTemporaryLicence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  releasedOn?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CustodyType'], ParentType, ContextType>;
};

export type CustodyEventResultResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['CustodyEventResult'] = ResolversParentTypes['CustodyEventResult'],
> = {
  outcome?: Resolver<ResolversTypes['CustodyEventOutcome'], ParentType, ContextType>;
  referralId?: Resolver<Types.Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeclineResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Decline'] = ResolversParentTypes['Decline'],
> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DeclineReason'], ParentType, ContextType>;
};

export type DischargeResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Discharge'] = ResolversParentTypes['Discharge'],
> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DischargeReason'], ParentType, ContextType>;
};

export type DischargeCountResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['DischargeCount'] = ResolversParentTypes['DischargeCount'],
> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['DischargeReason'], ParentType, ContextType>;
};

export type DueWorkConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['DueWorkConnection'] = ResolversParentTypes['DueWorkConnection'],
> = {
  countsByKind?: Resolver<Array<ResolversTypes['DueWorkCount']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['DueWorkItem']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DueWorkCountResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['DueWorkCount'] = ResolversParentTypes['DueWorkCount'],
> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DueWorkKind'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DueWorkItemResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['DueWorkItem'] = ResolversParentTypes['DueWorkItem'],
> = {
  appointment?: Resolver<Types.Maybe<ResolversTypes['Appointment']>, ParentType, ContextType>;
  dueOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  handover?: Resolver<Types.Maybe<ResolversTypes['Handover']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DueWorkKind'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  referral?: Resolver<ResolversTypes['Referral'], ParentType, ContextType>;
};

export type EstablishmentResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Establishment'] = ResolversParentTypes['Establishment'],
> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HandoverResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Handover'] = ResolversParentTypes['Handover'],
  FederationReferenceType extends FederationReferenceTypes['Handover'] = FederationReferenceTypes['Handover'],
> = {
  __resolveReference?: ReferenceResolver<
    Types.Maybe<ResolversTypes['Handover']> | FederationReferenceType,
    FederationReferenceType,
    ContextType
  >;
  completedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  declineReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fromService?: Resolver<ResolversTypes['ReconnectService'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  referral?: Resolver<ResolversTypes['Referral'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  respondBy?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  respondedAt?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HandoverStatus'], ParentType, ContextType>;
  toService?: Resolver<ResolversTypes['ReconnectService'], ParentType, ContextType>;
};

export type HandoverConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['HandoverConnection'] = ResolversParentTypes['HandoverConnection'],
> = {
  nodes?: Resolver<Array<ResolversTypes['Handover']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HandoverPayloadResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['HandoverPayload'] = ResolversParentTypes['HandoverPayload'],
> = {
  handover?: Resolver<ResolversTypes['Handover'], ParentType, ContextType>;
};

export type MutationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation'],
> = {
  acceptHandover?: Resolver<
    ResolversTypes['HandoverPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationAcceptHandoverArgs, 'id'>
  >;
  acceptReferral?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationAcceptReferralArgs, 'id'>
  >;
  addCaseNote?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationAddCaseNoteArgs, 'referralId' | 'text'>
  >;
  applyCustodyEvent?: Resolver<
    ResolversTypes['CustodyEventResult'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationApplyCustodyEventArgs, 'event'>
  >;
  applyPersonMergeToReferrals?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<
      Types.MutationApplyPersonMergeToReferralsArgs,
      'keptPersonId' | 'mergeId' | 'mergedPersonId'
    >
  >;
  assignPeerSupport?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationAssignPeerSupportArgs, 'referralId' | 'staffId'>
  >;
  assignWorker?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationAssignWorkerArgs, 'referralId' | 'staffId'>
  >;
  bookAppointment?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationBookAppointmentArgs, 'input' | 'referralId'>
  >;
  cancelHandover?: Resolver<
    ResolversTypes['HandoverPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationCancelHandoverArgs, 'id' | 'reason'>
  >;
  completeHandover?: Resolver<
    ResolversTypes['HandoverPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationCompleteHandoverArgs, 'id'>
  >;
  declineHandover?: Resolver<
    ResolversTypes['HandoverPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationDeclineHandoverArgs, 'id' | 'reason'>
  >;
  declineReferral?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationDeclineReferralArgs, 'id' | 'reason'>
  >;
  dischargeReferral?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationDischargeReferralArgs, 'reason' | 'referralId'>
  >;
  extendSupport?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationExtendSupportArgs, 'reason' | 'referralId' | 'until'>
  >;
  recordAppointmentOutcome?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordAppointmentOutcomeArgs, 'appointmentId' | 'status'>
  >;
  recordConsent?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordConsentArgs, 'decision' | 'method' | 'referralId'>
  >;
  recordContact?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordContactArgs, 'input' | 'referralId'>
  >;
  recordEngagement?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordEngagementArgs, 'input' | 'referralId'>
  >;
  recordRelease?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordReleaseArgs, 'referralId' | 'releasedOn'>
  >;
  recordReturnToCustody?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordReturnToCustodyArgs, 'establishmentCode' | 'referralId'>
  >;
  recordTemporaryLicence?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordTemporaryLicenceArgs, 'onTemporaryLicence' | 'referralId'>
  >;
  recordTransfer?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRecordTransferArgs, 'establishmentCode' | 'referralId' | 'transferredOn'>
  >;
  registerWebhook?: Resolver<
    ResolversTypes['WebhookSubscription'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRegisterWebhookArgs, 'eventTypes' | 'secret' | 'url'>
  >;
  removeWebhook?: Resolver<
    ResolversTypes['Boolean'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRemoveWebhookArgs, 'id'>
  >;
  replayParkedDeliveries?: Resolver<
    ResolversTypes['WebhookSubscription'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationReplayParkedDeliveriesArgs, 'id'>
  >;
  requestHandover?: Resolver<
    ResolversTypes['HandoverPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationRequestHandoverArgs, 'referralId' | 'toServiceCode'>
  >;
  submitReferral?: Resolver<
    ResolversTypes['SubmitReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationSubmitReferralArgs, 'idempotencyKey' | 'input'>
  >;
  updateExpectedReleaseDate?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<
      Types.MutationUpdateExpectedReleaseDateArgs,
      'expectedReleaseDate' | 'reason' | 'referralId'
    >
  >;
  withdrawReferral?: Resolver<
    ResolversTypes['ReferralPayload'],
    ParentType,
    ContextType,
    RequireFields<Types.MutationWithdrawReferralArgs, 'id' | 'reason'>
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
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  referrals?: Resolver<Types.Maybe<Array<ResolversTypes['Referral']>>, ParentType, ContextType>;
};

export type QueryResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = {
  dueWork?: Resolver<
    ResolversTypes['DueWorkConnection'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryDueWorkArgs, 'first' | 'mine'>
  >;
  handovers?: Resolver<
    ResolversTypes['HandoverConnection'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryHandoversArgs, 'direction' | 'first'>
  >;
  referral?: Resolver<
    Types.Maybe<ResolversTypes['Referral']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryReferralArgs, 'id'>
  >;
  referralByReference?: Resolver<
    Types.Maybe<ResolversTypes['Referral']>,
    ParentType,
    ContextType,
    RequireFields<Types.QueryReferralByReferenceArgs, 'reference'>
  >;
  referralSubjectAccessPart?: Resolver<
    ResolversTypes['String'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryReferralSubjectAccessPartArgs, 'personId'>
  >;
  referrals?: Resolver<
    ResolversTypes['ReferralConnection'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryReferralsArgs, 'first'>
  >;
  serviceMetrics?: Resolver<
    ResolversTypes['ServiceMetrics'],
    ParentType,
    ContextType,
    RequireFields<Types.QueryServiceMetricsArgs, 'from' | 'to'>
  >;
  webhooks?: Resolver<Array<ResolversTypes['WebhookSubscription']>, ParentType, ContextType>;
};

export type ReconnectServiceResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ReconnectService'] = ResolversParentTypes['ReconnectService'],
> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  appointments?: Resolver<Types.Maybe<Array<ResolversTypes['Appointment']>>, ParentType, ContextType>;
  availableActions?: Resolver<Array<ResolversTypes['ReferralAction']>, ParentType, ContextType>;
  consent?: Resolver<Types.Maybe<ResolversTypes['Consent']>, ParentType, ContextType>;
  contacts?: Resolver<Types.Maybe<Array<ResolversTypes['Contact']>>, ParentType, ContextType>;
  custody?: Resolver<ResolversTypes['Custody'], ParentType, ContextType>;
  decline?: Resolver<Types.Maybe<ResolversTypes['Decline']>, ParentType, ContextType>;
  discharge?: Resolver<Types.Maybe<ResolversTypes['Discharge']>, ParentType, ContextType>;
  duplicateOf?: Resolver<Types.Maybe<ResolversTypes['Referral']>, ParentType, ContextType>;
  engagements?: Resolver<Types.Maybe<Array<ResolversTypes['CommunityEngagement']>>, ParentType, ContextType>;
  handovers?: Resolver<Types.Maybe<Array<ResolversTypes['Handover']>>, ParentType, ContextType>;
  history?: Resolver<Types.Maybe<Array<ResolversTypes['ReferralEvent']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiedNeeds?: Resolver<Array<ResolversTypes['HealthNeedCategory']>, ParentType, ContextType>;
  namedWorker?: Resolver<Types.Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  notes?: Resolver<Types.Maybe<Array<ResolversTypes['CaseNote']>>, ParentType, ContextType>;
  owningService?: Resolver<ResolversTypes['ReconnectService'], ParentType, ContextType>;
  peerSupportWorker?: Resolver<Types.Maybe<ResolversTypes['Staff']>, ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  preReleaseContacts?: Resolver<ResolversTypes['ContactCompliance'], ParentType, ContextType>;
  reasonForReferral?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  receivingService?: Resolver<Types.Maybe<ResolversTypes['ReconnectService']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referrer?: Resolver<ResolversTypes['Referrer'], ParentType, ContextType>;
  referringOrganisation?: Resolver<
    Types.Maybe<ResolversTypes['ReferringOrganisation']>,
    ParentType,
    ContextType
  >;
  source?: Resolver<ResolversTypes['ReferralSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReferralStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  supportWindow?: Resolver<ResolversTypes['SupportWindow'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReferralConnectionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ReferralConnection'] = ResolversParentTypes['ReferralConnection'],
> = {
  nodes?: Resolver<Array<ResolversTypes['Referral']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReferralEventResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ReferralEvent'] = ResolversParentTypes['ReferralEvent'],
> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromStatus?: Resolver<Types.Maybe<ResolversTypes['ReferralStatus']>, ParentType, ContextType>;
  reason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toStatus?: Resolver<Types.Maybe<ResolversTypes['ReferralStatus']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReferralPayloadResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ReferralPayload'] = ResolversParentTypes['ReferralPayload'],
> = {
  referral?: Resolver<ResolversTypes['Referral'], ParentType, ContextType>;
};

export type ReferrerResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Referrer'] = ResolversParentTypes['Referrer'],
> = {
  email?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisationCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisationName?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReferringOrganisationResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ReferringOrganisation'] =
    ResolversParentTypes['ReferringOrganisation'],
> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceMetricsResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['ServiceMetrics'] = ResolversParentTypes['ServiceMetrics'],
> = {
  acceptance?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bySource?: Resolver<Array<ResolversTypes['SourceCount']>, ParentType, ContextType>;
  declined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  discharges?: Resolver<Array<ResolversTypes['DischargeCount']>, ParentType, ContextType>;
  disclosureControlled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  engagedWithin28Days?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  handoversOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  handoversRequested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianDaysReferralToFirstContact?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  medianHandoverResponseHours?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  openCaseload?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  preReleaseContactTargetMet?: Resolver<Types.Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  referralsReceived?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  released?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  serviceCode?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  smallNumbers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type SourceCountResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['SourceCount'] = ResolversParentTypes['SourceCount'],
> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ReferralSource'], ParentType, ContextType>;
};

export type StaffResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['Staff'] = ResolversParentTypes['Staff'],
> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SubmitReferralPayloadResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['SubmitReferralPayload'] =
    ResolversParentTypes['SubmitReferralPayload'],
> = {
  referral?: Resolver<ResolversTypes['Referral'], ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SupportWindowResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['SupportWindow'] = ResolversParentTypes['SupportWindow'],
> = {
  dischargeOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endsOn?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  extendedUntil?: Resolver<Types.Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  extensionReason?: Resolver<Types.Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type WebhookSubscriptionResolvers<
  ContextType = Context,
  ParentType extends ResolversParentTypes['WebhookSubscription'] =
    ResolversParentTypes['WebhookSubscription'],
> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  failingSince?: Resolver<Types.Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parkedDeliveries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  Appointment?: AppointmentResolvers<ContextType>;
  CaseNote?: CaseNoteResolvers<ContextType>;
  CommunityEngagement?: CommunityEngagementResolvers<ContextType>;
  Consent?: ConsentResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  ContactCompliance?: ContactComplianceResolvers<ContextType>;
  Custody?: CustodyResolvers<ContextType>;
  CustodyEventResult?: CustodyEventResultResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decline?: DeclineResolvers<ContextType>;
  Discharge?: DischargeResolvers<ContextType>;
  DischargeCount?: DischargeCountResolvers<ContextType>;
  DueWorkConnection?: DueWorkConnectionResolvers<ContextType>;
  DueWorkCount?: DueWorkCountResolvers<ContextType>;
  DueWorkItem?: DueWorkItemResolvers<ContextType>;
  Establishment?: EstablishmentResolvers<ContextType>;
  Handover?: HandoverResolvers<ContextType>;
  HandoverConnection?: HandoverConnectionResolvers<ContextType>;
  HandoverPayload?: HandoverPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReconnectService?: ReconnectServiceResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
  ReferralConnection?: ReferralConnectionResolvers<ContextType>;
  ReferralEvent?: ReferralEventResolvers<ContextType>;
  ReferralPayload?: ReferralPayloadResolvers<ContextType>;
  Referrer?: ReferrerResolvers<ContextType>;
  ReferringOrganisation?: ReferringOrganisationResolvers<ContextType>;
  ServiceMetrics?: ServiceMetricsResolvers<ContextType>;
  SourceCount?: SourceCountResolvers<ContextType>;
  Staff?: StaffResolvers<ContextType>;
  SubmitReferralPayload?: SubmitReferralPayloadResolvers<ContextType>;
  SupportWindow?: SupportWindowResolvers<ContextType>;
  WebhookSubscription?: WebhookSubscriptionResolvers<ContextType>;
};
