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

export type Appointment = {
  __typename?: 'Appointment';
  /** When it is (stored in UTC; shown in Europe/London). */
  at: Scalars['DateTime']['output'];
  bookedAt: Scalars['DateTime']['output'];
  bookedBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Where: an address, a prison's legal visits hall, a telephone or video link. */
  location?: Maybe<Scalars['String']['output']>;
  /** RECONNECT appointments: how and why, and with whom of the service. */
  mode?: Maybe<ContactMode>;
  note?: Maybe<Scalars['String']['output']>;
  outcomeRecordedAt?: Maybe<Scalars['DateTime']['output']>;
  outcomeRecordedBy?: Maybe<Scalars['String']['output']>;
  providerName?: Maybe<Scalars['String']['output']>;
  purpose?: Maybe<ContactPurpose>;
  /** Community service appointments: which service. */
  serviceType?: Maybe<CommunityServiceType>;
  staff?: Maybe<Staff>;
  status: AppointmentStatus;
  with: AppointmentWith;
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

/** A worker's note on a referral. Notes are never changed or removed. */
export type CaseNote = {
  __typename?: 'CaseNote';
  at: Scalars['DateTime']['output'];
  /** Who wrote it, as the history names people. */
  author: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  staff?: Maybe<Staff>;
  text: Scalars['String']['output'];
};

export type CommunityEngagement = {
  __typename?: 'CommunityEngagement';
  appointmentOn?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  outcome: EngagementOutcome;
  providerName: Scalars['String']['output'];
  recordedAt: Scalars['DateTime']['output'];
  serviceType: CommunityServiceType;
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

export type Consent = {
  __typename?: 'Consent';
  decision: ConsentDecision;
  method: ContactMode;
  recordedAt: Scalars['DateTime']['output'];
  recordedBy: Scalars['String']['output'];
};

export type ConsentDecision = 'GIVEN' | 'REFUSED' | 'WITHDRAWN';

export type Contact = {
  __typename?: 'Contact';
  id: Scalars['ID']['output'];
  mode: ContactMode;
  note?: Maybe<Scalars['String']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  preRelease: Scalars['Boolean']['output'];
  purpose: ContactPurpose;
  staff?: Maybe<Staff>;
};

export type ContactCompliance = {
  __typename?: 'ContactCompliance';
  count: Scalars['Int']['output'];
  faceToFace: Scalars['Int']['output'];
  met: Scalars['Boolean']['output'];
  required: Scalars['Int']['output'];
};

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

export type Custody = {
  __typename?: 'Custody';
  establishment: Establishment;
  expectedReleaseDate?: Maybe<Scalars['Date']['output']>;
  onTemporaryLicence: Scalars['Boolean']['output'];
  releasedOn?: Maybe<Scalars['Date']['output']>;
  type: CustodyType;
};

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

export type CustodyEventResult = {
  __typename?: 'CustodyEventResult';
  outcome: CustodyEventOutcome;
  /** The referral the event changed, by id alone: the caller reads nothing else. */
  referralId?: Maybe<Scalars['ID']['output']>;
};

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

export type Decline = {
  __typename?: 'Decline';
  at: Scalars['DateTime']['output'];
  note?: Maybe<Scalars['String']['output']>;
  reason: DeclineReason;
};

export type DeclineReason =
  | 'CONSENT_NOT_GIVEN'
  | 'DUPLICATE'
  | 'NO_IDENTIFIED_HEALTH_NEED'
  | 'OTHER'
  | 'OUTSIDE_REFERRAL_WINDOW'
  | 'SUPPORTED_ELSEWHERE'
  | 'UNDER_18';

export type Discharge = {
  __typename?: 'Discharge';
  at: Scalars['DateTime']['output'];
  note?: Maybe<Scalars['String']['output']>;
  reason: DischargeReason;
};

export type DischargeCount = {
  __typename?: 'DischargeCount';
  count: Scalars['Int']['output'];
  reason: DischargeReason;
};

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

export type DueWorkConnection = {
  __typename?: 'DueWorkConnection';
  /** Every kind's count over the whole list, not only this page. */
  countsByKind: Array<DueWorkCount>;
  nodes: Array<DueWorkItem>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DueWorkCount = {
  __typename?: 'DueWorkCount';
  count: Scalars['Int']['output'];
  kind: DueWorkKind;
  overdue: Scalars['Int']['output'];
};

/** Something a service must do for a referral, and by when (DOMAIN.md, Casework). */
export type DueWorkItem = {
  __typename?: 'DueWorkItem';
  /** The appointment (APPOINTMENT_OUTCOME) or handover (HANDOVER_RESPONSE) it is about. */
  appointment?: Maybe<Appointment>;
  /** The day it is due; `overdue` when that day has passed. */
  dueOn: Scalars['Date']['output'];
  handover?: Maybe<Handover>;
  kind: DueWorkKind;
  overdue: Scalars['Boolean']['output'];
  referral: Referral;
};

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

export type Establishment = {
  __typename?: 'Establishment';
  code: Scalars['String']['output'];
};

export type Handover = {
  __typename?: 'Handover';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  declineReason?: Maybe<Scalars['String']['output']>;
  fromService: ReconnectService;
  id: Scalars['ID']['output'];
  note?: Maybe<Scalars['String']['output']>;
  overdue: Scalars['Boolean']['output'];
  referral: Referral;
  requestedAt: Scalars['DateTime']['output'];
  /** Acknowledgement deadline for the receiving service. */
  respondBy: Scalars['DateTime']['output'];
  respondedAt?: Maybe<Scalars['DateTime']['output']>;
  status: HandoverStatus;
  toService: ReconnectService;
};

export type HandoverConnection = {
  __typename?: 'HandoverConnection';
  nodes: Array<Handover>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type HandoverDirection = 'INCOMING' | 'OUTGOING';

export type HandoverPayload = {
  __typename?: 'HandoverPayload';
  handover: Handover;
};

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

export type Mutation = {
  __typename?: 'Mutation';
  acceptHandover: HandoverPayload;
  acceptReferral: ReferralPayload;
  addCaseNote: ReferralPayload;
  /** HMPPS_EVENTS only: applies one HMPPS domain event about a person in custody. */
  applyCustodyEvent: CustodyEventResult;
  /**
   * Internal: applies a SAME_PERSON merge recorded by the person subgraph (DOMAIN.md, "Identity
   * conflicts"): its referrals, custody events and the grants those referrals give move to the kept person; two open referrals leave the older open and the newer declined as DUPLICATE of it. Idempotent by mergeId: answers true once applied, however often it is asked.
   */
  applyPersonMergeToReferrals: Scalars['Boolean']['output'];
  assignPeerSupport: ReferralPayload;
  assignWorker: ReferralPayload;
  bookAppointment: ReferralPayload;
  cancelHandover: HandoverPayload;
  completeHandover: HandoverPayload;
  declineHandover: HandoverPayload;
  declineReferral: ReferralPayload;
  dischargeReferral: ReferralPayload;
  extendSupport: ReferralPayload;
  /** ATTENDED, MISSED or CANCELLED, once: ATTENDED also records the Contact or CommunityEngagement. */
  recordAppointmentOutcome: ReferralPayload;
  recordConsent: ReferralPayload;
  recordContact: ReferralPayload;
  recordEngagement: ReferralPayload;
  recordRelease: ReferralPayload;
  recordReturnToCustody: ReferralPayload;
  /** Release on temporary licence began (true) or ended (false). ROTL is not a release. */
  recordTemporaryLicence: ReferralPayload;
  /** The person was moved to another establishment. */
  recordTransfer: ReferralPayload;
  /** The secret signs every delivery (HMAC-SHA256); it is never returned. */
  registerWebhook: WebhookSubscription;
  removeWebhook: Scalars['Boolean']['output'];
  /** Queue the parked deliveries of a subscription again. */
  replayParkedDeliveries: WebhookSubscription;
  requestHandover: HandoverPayload;
  /** Idempotent per caller and key: a retry with the same key and input returns the original referral. */
  submitReferral: SubmitReferralPayload;
  updateExpectedReleaseDate: ReferralPayload;
  withdrawReferral: ReferralPayload;
};

export type MutationAcceptHandoverArgs = {
  id: Scalars['ID']['input'];
};

export type MutationAcceptReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};

export type MutationAddCaseNoteArgs = {
  referralId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};

export type MutationApplyCustodyEventArgs = {
  event: CustodyEventInput;
};

export type MutationApplyPersonMergeToReferralsArgs = {
  keptPersonId: Scalars['ID']['input'];
  mergeId: Scalars['ID']['input'];
  mergedPersonId: Scalars['ID']['input'];
};

export type MutationAssignPeerSupportArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  referralId: Scalars['ID']['input'];
  staffId: Scalars['ID']['input'];
};

export type MutationAssignWorkerArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  referralId: Scalars['ID']['input'];
  staffId: Scalars['ID']['input'];
};

export type MutationBookAppointmentArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: BookAppointmentInput;
  referralId: Scalars['ID']['input'];
};

export type MutationCancelHandoverArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type MutationCompleteHandoverArgs = {
  id: Scalars['ID']['input'];
};

export type MutationDeclineHandoverArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type MutationDeclineReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  reason: DeclineReason;
};

export type MutationDischargeReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  reason: DischargeReason;
  referralId: Scalars['ID']['input'];
};

export type MutationExtendSupportArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  reason: Scalars['String']['input'];
  referralId: Scalars['ID']['input'];
  until: Scalars['Date']['input'];
};

export type MutationRecordAppointmentOutcomeArgs = {
  appointmentId: Scalars['ID']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  status: AppointmentStatus;
};

export type MutationRecordConsentArgs = {
  decision: ConsentDecision;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  method: ContactMode;
  referralId: Scalars['ID']['input'];
};

export type MutationRecordContactArgs = {
  input: ContactInput;
  referralId: Scalars['ID']['input'];
};

export type MutationRecordEngagementArgs = {
  input: EngagementInput;
  referralId: Scalars['ID']['input'];
};

export type MutationRecordReleaseArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  referralId: Scalars['ID']['input'];
  releasedOn: Scalars['Date']['input'];
};

export type MutationRecordReturnToCustodyArgs = {
  establishmentCode: Scalars['String']['input'];
  expectedReleaseDate?: InputMaybe<Scalars['Date']['input']>;
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  referralId: Scalars['ID']['input'];
};

export type MutationRecordTemporaryLicenceArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  onTemporaryLicence: Scalars['Boolean']['input'];
  referralId: Scalars['ID']['input'];
};

export type MutationRecordTransferArgs = {
  establishmentCode: Scalars['String']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  referralId: Scalars['ID']['input'];
  transferredOn: Scalars['Date']['input'];
};

export type MutationRegisterWebhookArgs = {
  eventTypes: Array<Scalars['String']['input']>;
  secret: Scalars['String']['input'];
  url: Scalars['String']['input'];
};

export type MutationRemoveWebhookArgs = {
  id: Scalars['ID']['input'];
};

export type MutationReplayParkedDeliveriesArgs = {
  id: Scalars['ID']['input'];
};

export type MutationRequestHandoverArgs = {
  note?: InputMaybe<Scalars['String']['input']>;
  referralId: Scalars['ID']['input'];
  toServiceCode: Scalars['String']['input'];
};

export type MutationSubmitReferralArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: SubmitReferralInput;
};

export type MutationUpdateExpectedReleaseDateArgs = {
  expectedReleaseDate: Scalars['Date']['input'];
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  reason: Scalars['String']['input'];
  referralId: Scalars['ID']['input'];
};

export type MutationWithdrawReferralArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  referrals?: Maybe<Array<Referral>>;
};

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

export type Query = {
  __typename?: 'Query';
  /** The caller's service's due work, soonest first (overdue first of all). */
  dueWork: DueWorkConnection;
  handovers: HandoverConnection;
  referral?: Maybe<Referral>;
  referralByReference?: Maybe<Referral>;
  /**
   * Internal: this subgraph's part of a subject access report (referrals with their history,
   * contacts, engagements and handovers; custody events), as one JSON document. Called by the person
   * subgraph for information governance; not part of the public API.
   */
  referralSubjectAccessPart: Scalars['String']['output'];
  referrals: ReferralConnection;
  serviceMetrics: ServiceMetrics;
  webhooks: Array<WebhookSubscription>;
};

export type QueryDueWorkArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<DueWorkKind>>;
  mine?: InputMaybe<Scalars['Boolean']['input']>;
  serviceCode?: InputMaybe<Scalars['String']['input']>;
};

export type QueryHandoversArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  direction: HandoverDirection;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<Array<HandoverStatus>>;
};

export type QueryReferralArgs = {
  id: Scalars['ID']['input'];
};

export type QueryReferralByReferenceArgs = {
  reference: Scalars['String']['input'];
};

export type QueryReferralSubjectAccessPartArgs = {
  personId: Scalars['ID']['input'];
};

export type QueryReferralsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReferralFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type QueryServiceMetricsArgs = {
  from: Scalars['Date']['input'];
  serviceCode?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['Date']['input'];
};

export type ReconnectService = {
  __typename?: 'ReconnectService';
  code: Scalars['String']['output'];
};

export type Referral = {
  __typename?: 'Referral';
  /** Soonest first, then past ones newest first. */
  appointments?: Maybe<Array<Appointment>>;
  availableActions: Array<ReferralAction>;
  /** Answered by the partner subgraph (Enhanced RECONNECT); read by availableActions. */
  canEnrolEnhanced: Scalars['Boolean']['output'];
  consent?: Maybe<Consent>;
  contacts?: Maybe<Array<Contact>>;
  custody: Custody;
  decline?: Maybe<Decline>;
  discharge?: Maybe<Discharge>;
  /** Set when this referral was declined as a duplicate of an open one. */
  duplicateOf?: Maybe<Referral>;
  engagements?: Maybe<Array<CommunityEngagement>>;
  handovers?: Maybe<Array<Handover>>;
  history?: Maybe<Array<ReferralEvent>>;
  id: Scalars['ID']['output'];
  identifiedNeeds: Array<HealthNeedCategory>;
  namedWorker?: Maybe<Staff>;
  /** Newest first. */
  notes?: Maybe<Array<CaseNote>>;
  /** The service responsible now: local to the establishment before a completed handover. */
  owningService: ReconnectService;
  peerSupportWorker?: Maybe<Staff>;
  person: Person;
  preReleaseContacts: ContactCompliance;
  reasonForReferral?: Maybe<Scalars['String']['output']>;
  /** The service for the person's home area, where it differs from the owning service. */
  receivingService?: Maybe<ReconnectService>;
  /** Human-friendly, unique, without look-alike characters, e.g. RC-7K3M-9QX2. */
  reference: Scalars['String']['output'];
  referrer: Referrer;
  /** The organisation that submitted it, from the directory (null for submissions by RECONNECT staff). */
  referringOrganisation?: Maybe<ReferringOrganisation>;
  source: ReferralSource;
  status: ReferralStatus;
  submittedAt: Scalars['DateTime']['output'];
  supportWindow: SupportWindow;
  /** Increases by one on every change; pass it back as expectedVersion. */
  version: Scalars['Int']['output'];
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

export type ReferralConnection = {
  __typename?: 'ReferralConnection';
  nodes: Array<Referral>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReferralEvent = {
  __typename?: 'ReferralEvent';
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  fromStatus?: Maybe<ReferralStatus>;
  reason?: Maybe<Scalars['String']['output']>;
  toStatus?: Maybe<ReferralStatus>;
  type: Scalars['String']['output'];
};

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

export type ReferralPayload = {
  __typename?: 'ReferralPayload';
  referral: Referral;
};

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

export type Referrer = {
  __typename?: 'Referrer';
  email?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  organisationCode: Scalars['String']['output'];
  organisationName?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
};

export type ReferrerInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  organisationName?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  /** For FAMILY_OR_FRIEND referrals: how the referrer knows the person. */
  relationship?: InputMaybe<Scalars['String']['input']>;
};

export type ReferringOrganisation = {
  __typename?: 'ReferringOrganisation';
  code: Scalars['String']['output'];
};

export type ServiceMetrics = {
  __typename?: 'ServiceMetrics';
  /** Share of referrals received in the period that were accepted (null when none were received). */
  acceptance?: Maybe<Scalars['Float']['output']>;
  accepted: Scalars['Int']['output'];
  bySource: Array<SourceCount>;
  declined: Scalars['Int']['output'];
  discharges: Array<DischargeCount>;
  /**
   * True when disclosure control was applied (commissioners); false when the figures are exact (a
   * RECONNECT service's staff and leads reading their own service). Controlled figures cover whole
   * calendar months; each count is rounded to the nearest 5, a count from 1 to 7 shown as 5; shares
   * are whole percentages and medians whole units, each over at least 10 people or null.
   */
  disclosureControlled: Scalars['Boolean']['output'];
  /** Share of people released in the period with an attended community appointment within 28 days of release. */
  engagedWithin28Days?: Maybe<Scalars['Float']['output']>;
  from: Scalars['Date']['output'];
  handoversOverdue: Scalars['Int']['output'];
  handoversRequested: Scalars['Int']['output'];
  medianDaysReferralToFirstContact?: Maybe<Scalars['Float']['output']>;
  medianHandoverResponseHours?: Maybe<Scalars['Float']['output']>;
  openCaseload: Scalars['Int']['output'];
  /** Share of referrals released in the period that had at least two pre-release contacts. */
  preReleaseContactTargetMet?: Maybe<Scalars['Float']['output']>;
  referralsReceived: Scalars['Int']['output'];
  released: Scalars['Int']['output'];
  /** Null when the figures cover every service the caller may see. */
  serviceCode?: Maybe<Scalars['String']['output']>;
  /**
   * The metrics shown as small numbers: a count from 1 to 7 shown as 5, or a share or median over
   * fewer than 10 people left null. A field by its name (`referralsReceived`, `acceptance`), an entry
   * of a list by the list's name and its key (`bySource.POLICE`, `discharges.NEEDS_MET`). Empty for
   * exact figures. A count of 0, or a share or median over nobody, is not a small number.
   */
  smallNumbers: Array<Scalars['String']['output']>;
  to: Scalars['Date']['output'];
};

export type SourceCount = {
  __typename?: 'SourceCount';
  count: Scalars['Int']['output'];
  source: ReferralSource;
};

export type Staff = {
  __typename?: 'Staff';
  id: Scalars['ID']['output'];
};

export type SubmitReferralInput = {
  custody: CustodyInput;
  identifiedNeeds: Array<HealthNeedInput>;
  person: PersonIdentityInput;
  reasonForReferral?: InputMaybe<Scalars['String']['input']>;
  referrer: ReferrerInput;
  source: ReferralSource;
};

export type SubmitReferralPayload = {
  __typename?: 'SubmitReferralPayload';
  referral: Referral;
  /** True when this idempotency key was seen before and the original result is returned. */
  replayed: Scalars['Boolean']['output'];
};

export type SupportWindow = {
  __typename?: 'SupportWindow';
  /** True once the support period (with any extension) has passed and the referral is still open. */
  dischargeOverdue: Scalars['Boolean']['output'];
  /** Six months after release; null until the person is released. */
  endsOn?: Maybe<Scalars['Date']['output']>;
  extendedUntil?: Maybe<Scalars['Date']['output']>;
  extensionReason?: Maybe<Scalars['String']['output']>;
  /** The day pre-release support may start: 12 weeks before release, or the day of referral if later. */
  startsOn: Scalars['Date']['output'];
};

/** An agency's subscription to the hub's events about referrals it has a relationship with. */
export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Event types, e.g. referral.accepted, handover.completed; empty means all. */
  eventTypes: Array<Scalars['String']['output']>;
  /** Set while deliveries keep failing; cleared by the next success. */
  failingSince?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Deliveries given up after their retries, waiting to be replayed. */
  parkedDeliveries: Scalars['Int']['output'];
  url: Scalars['String']['output'];
};
