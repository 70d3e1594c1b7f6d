/**
 * Every referral action the console offers, as data: the form's fields, what it sends to the hub,
 * and how the hub's `extensions.field` names map back to the form's fields. One controller
 * (`actions.ts`) renders and handles them all, so each form behaves the same way: the GOV.UK error
 * summary, inline errors, CONFLICT with the input kept.
 */
import type { Caller } from '../gateway/client.ts';
import { dateOf, type Field, type Option, type Values } from '../presenters/forms.ts';
import { label, londonLocalToIso } from '../presenters/format.ts';
import type { ReferralDetail, ReferralService, StaffMember } from '../services/referrals.ts';

export interface ActionContext {
  referral: ReferralDetail;
  caller: Caller;
  referrals: ReferralService;
  staff: StaffMember[];
  services: { code: string; name: string }[];
  /** Enhanced RECONNECT partners that may join a case of the referral's region. */
  partners: { code: string; name: string }[];
  today: string;
}

export interface ActionSpec {
  slug: string;
  /** The `ReferralAction` that must be in `availableActions` for the form to be offered. */
  action: string;
  title: string;
  submitText: string;
  warning?: boolean;
  /** What the form needs beyond the referral. */
  needs?: ('staff' | 'services' | 'partners')[];
  caption?: (ctx: ActionContext) => string | undefined;
  fields: (ctx: ActionContext) => Field[];
  /** Declines go through a check-your-answers page first. */
  checkAnswers?: boolean;
  send: (ctx: ActionContext, values: Values) => Promise<unknown>;
  /** The hub's input path (last segment) → this form's field. */
  hubFields?: Record<string, string>;
  done: string;
}

const opts = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, text: label(v) }));

const CONSENT = ['GIVEN', 'REFUSED', 'WITHDRAWN'] as const;
const MODES = ['FACE_TO_FACE', 'VIDEO', 'TELEPHONE'] as const;
const PURPOSES = [
  'ASSESSMENT',
  'RELEASE_PLANNING',
  'GATE_MEET',
  'POST_RELEASE_SUPPORT',
  'PEER_SUPPORT',
] as const;
const DECLINE_REASONS = [
  'UNDER_18',
  'NO_IDENTIFIED_HEALTH_NEED',
  'OUTSIDE_REFERRAL_WINDOW',
  'CONSENT_NOT_GIVEN',
  'DUPLICATE',
  'SUPPORTED_ELSEWHERE',
  'OTHER',
] as const;
const DISCHARGE_REASONS = [
  'NEEDS_MET',
  'ENGAGED_WITH_COMMUNITY_SERVICES',
  'SUPPORT_PERIOD_ENDED',
  'DISENGAGED',
  'CONSENT_WITHDRAWN',
  'REMOVED_FROM_UK',
  'MOVED_OUTSIDE_ENGLAND',
  'DIED',
  'OTHER',
] as const;
const SERVICE_TYPES = [
  'GP_REGISTRATION',
  'PRIMARY_CARE',
  'MENTAL_HEALTH',
  'SUBSTANCE_MISUSE',
  'PHYSICAL_HEALTH',
  'SOCIAL_CARE',
  'HOUSING',
  'OTHER',
] as const;
const OUTCOMES = ['BOOKED', 'ATTENDED', 'MISSED', 'CANCELLED'] as const;

const v = (values: Values, name: string) => values[name] ?? '';
const orNull = (value: string | undefined) => (value ? value : null);
const version = (ctx: ActionContext) => ctx.referral.version;

function staffOptions(staff: StaffMember[], roles: string[]): Option[] {
  return staff
    .filter((s) => roles.includes(s.role))
    .map((s) => ({ value: s.id, text: s.name, hint: label(s.role) }));
}

export const ACTION_SPECS: ActionSpec[] = [
  {
    slug: 'enrol-enhanced',
    action: 'ENROL_ENHANCED',
    title: 'Enrol in Enhanced RECONNECT',
    submitText: 'Enrol',
    needs: ['partners'],
    caption: () =>
      'For a person at high risk of serious harm with complex health needs. Partners read the shared risk and needs only with the person’s consent and under a data sharing agreement.',
    fields: (ctx) => [
      {
        kind: 'textarea',
        name: 'rationale',
        label: 'Why Enhanced RECONNECT',
        required: 'Enter why the person needs Enhanced RECONNECT',
        maxLength: 2000,
      },
      {
        kind: 'radios',
        name: 'sharingConsent',
        label: 'Consent to share with partners',
        options: opts(CONSENT),
        required: 'Select the person’s decision about sharing',
      },
      {
        kind: 'radios',
        name: 'consentMethod',
        label: 'How consent was recorded',
        options: opts(MODES),
        required: 'Select how consent was recorded',
      },
      {
        kind: 'select',
        name: 'partnerCode',
        label: 'Partner (optional)',
        hint: 'Partners can also be added to the case later.',
        options: [
          { value: 'NONE', text: 'No partner yet' },
          ...ctx.partners.map((p) => ({ value: p.code, text: p.name })),
        ],
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.enrolEnhanced(ctx.caller, ctx.referral.id, {
        rationale: v(values, 'rationale'),
        sharingConsent: v(values, 'sharingConsent'),
        consentMethod: v(values, 'consentMethod'),
        partnerCodes:
          v(values, 'partnerCode') && v(values, 'partnerCode') !== 'NONE' ? [v(values, 'partnerCode')] : [],
      }),
    hubFields: {
      rationale: 'rationale',
      sharingConsent: 'sharingConsent',
      consentMethod: 'consentMethod',
      partnerCodes: 'partnerCode',
    },
    done: 'Enrolled in Enhanced RECONNECT',
  },
  {
    slug: 'consent',
    action: 'RECORD_CONSENT',
    title: 'Record consent',
    submitText: 'Record consent',
    fields: () => [
      {
        kind: 'radios',
        name: 'decision',
        label: 'Has the person consented to RECONNECT support?',
        options: opts(CONSENT),
        required: 'Select the person’s decision',
      },
      {
        kind: 'radios',
        name: 'method',
        label: 'How was consent recorded?',
        options: opts(MODES),
        required: 'Select how consent was recorded',
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.recordConsent(
        ctx.caller,
        ctx.referral.id,
        v(values, 'decision'),
        v(values, 'method'),
        version(ctx),
      ),
    hubFields: { decision: 'decision', method: 'method' },
    done: 'Consent recorded',
  },
  {
    slug: 'accept',
    action: 'ACCEPT',
    title: 'Accept referral',
    submitText: 'Accept referral',
    caption: () =>
      'Accepting confirms that RECONNECT support is appropriate and the person has given consent.',
    fields: () => [],
    send: (ctx) => ctx.referrals.accept(ctx.caller, ctx.referral.id, version(ctx)),
    done: 'Referral accepted',
  },
  {
    slug: 'decline',
    action: 'DECLINE',
    title: 'Decline referral',
    submitText: 'Continue',
    warning: true,
    checkAnswers: true,
    fields: () => [
      {
        kind: 'radios',
        name: 'reason',
        label: 'Why are you declining this referral?',
        options: opts(DECLINE_REASONS),
        required: 'Select a reason for declining',
      },
      {
        kind: 'textarea',
        name: 'note',
        label: 'Note (optional)',
        hint: 'The referrer can see this note.',
        maxLength: 1000,
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.decline(
        ctx.caller,
        ctx.referral.id,
        v(values, 'reason'),
        orNull(values.note),
        version(ctx),
      ),
    hubFields: { reason: 'reason', note: 'note' },
    done: 'Referral declined',
  },
  {
    slug: 'withdraw',
    action: 'WITHDRAW',
    title: 'Withdraw referral',
    submitText: 'Withdraw referral',
    warning: true,
    caption: () => 'Withdrawing closes the referral: use it when the referral should not have been made.',
    fields: () => [
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Reason for withdrawing',
        required: 'Enter the reason for withdrawing',
        maxLength: 1000,
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.withdraw(ctx.caller, ctx.referral.id, v(values, 'reason'), version(ctx)),
    hubFields: { reason: 'reason' },
    done: 'Referral withdrawn',
  },
  {
    slug: 'assign-worker',
    action: 'ASSIGN_WORKER',
    title: 'Assign named worker',
    submitText: 'Assign worker',
    needs: ['staff'],
    fields: (ctx) => [
      {
        kind: 'radios',
        name: 'staffId',
        label: 'Who will be the named worker?',
        hint: `Staff of ${ctx.referral.owningService.name} only.`,
        options: staffOptions(ctx.staff, ['RECONNECT_WORKER', 'TEAM_LEAD']),
        required: 'Select a named worker',
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.assignWorker(ctx.caller, ctx.referral.id, v(values, 'staffId'), version(ctx)),
    hubFields: { staffId: 'staffId' },
    done: 'Named worker assigned',
  },
  {
    slug: 'assign-peer-support',
    action: 'ASSIGN_WORKER',
    title: 'Assign peer support',
    submitText: 'Assign peer support',
    needs: ['staff'],
    fields: (ctx) => [
      {
        kind: 'radios',
        name: 'staffId',
        label: 'Who will offer peer support?',
        hint: `Peer support workers of ${ctx.referral.owningService.name} only.`,
        options: staffOptions(ctx.staff, ['PEER_SUPPORT_WORKER']),
        required: 'Select a peer support worker',
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.assignPeerSupport(ctx.caller, ctx.referral.id, v(values, 'staffId'), version(ctx)),
    hubFields: { staffId: 'staffId' },
    done: 'Peer support worker assigned',
  },
  {
    slug: 'contact',
    action: 'RECORD_CONTACT',
    title: 'Record contact',
    submitText: 'Record contact',
    needs: ['staff'],
    caption: (ctx) => {
      const pre = ctx.referral.preReleaseContacts;
      if (ctx.referral.custody.releasedOn || pre.count >= pre.required) return undefined;
      return `This will be contact ${pre.count + 1} of ${pre.required} before release.`;
    },
    fields: (ctx) => [
      {
        kind: 'date',
        name: 'occurredOn',
        label: 'Date of contact',
        hint: 'For example, 27/3/2026',
        required: 'Enter the date of the contact',
        notFuture: true,
      },
      {
        kind: 'time',
        name: 'occurredTime',
        label: 'Time of contact',
        hint: '24-hour clock, for example 14:30',
        required: 'Enter the time of the contact',
      },
      {
        kind: 'radios',
        name: 'mode',
        label: 'How did the contact happen?',
        hint: 'Face to face where possible.',
        options: opts(MODES),
        required: 'Select how the contact happened',
      },
      {
        kind: 'radios',
        name: 'purpose',
        label: 'Purpose of the contact',
        options: opts(PURPOSES),
        required: 'Select the purpose of the contact',
      },
      {
        kind: 'select',
        name: 'staffId',
        label: 'Who made the contact? (optional)',
        options: [
          { value: '', text: 'Not recorded' },
          ...staffOptions(ctx.staff, ['RECONNECT_WORKER', 'TEAM_LEAD', 'PEER_SUPPORT_WORKER']),
        ],
      },
      { kind: 'textarea', name: 'note', label: 'Note (optional)', maxLength: 2000 },
    ],
    send: (ctx, values) =>
      ctx.referrals.recordContact(ctx.caller, ctx.referral.id, {
        occurredAt: londonLocalToIso(
          dateOf(values, 'occurredOn')!,
          v(values, 'occurredTime').padStart(5, '0'),
        ),
        mode: v(values, 'mode'),
        purpose: v(values, 'purpose'),
        staffId: orNull(values.staffId),
        note: orNull(values.note),
      }),
    hubFields: {
      occurredAt: 'occurredOn',
      mode: 'mode',
      purpose: 'purpose',
      staffId: 'staffId',
      note: 'note',
    },
    done: 'Contact recorded',
  },
  {
    slug: 'expected-release-date',
    action: 'UPDATE_EXPECTED_RELEASE_DATE',
    title: 'Update expected release date',
    submitText: 'Update date',
    fields: () => [
      {
        kind: 'date',
        name: 'expectedReleaseDate',
        label: 'New expected release date',
        hint: 'For example, 27/3/2027',
        required: 'Enter the new expected release date',
        notPast: true,
      },
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Reason for the change',
        required: 'Enter the reason for the change',
        maxLength: 1000,
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.updateExpectedReleaseDate(
        ctx.caller,
        ctx.referral.id,
        dateOf(values, 'expectedReleaseDate')!,
        v(values, 'reason'),
        version(ctx),
      ),
    hubFields: { expectedReleaseDate: 'expectedReleaseDate', reason: 'reason' },
    done: 'Expected release date updated',
  },
  {
    slug: 'release',
    action: 'RECORD_RELEASE',
    title: 'Record release',
    submitText: 'Record release',
    caption: () => 'Support continues for six calendar months after the release date.',
    fields: () => [
      {
        kind: 'date',
        name: 'releasedOn',
        label: 'Date of release',
        hint: 'For example, 27/3/2026',
        required: 'Enter the date of release',
        notFuture: true,
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.recordRelease(ctx.caller, ctx.referral.id, dateOf(values, 'releasedOn')!, version(ctx)),
    hubFields: { releasedOn: 'releasedOn' },
    done: 'Release recorded',
  },
  {
    slug: 'return-to-custody',
    action: 'RECORD_RETURN_TO_CUSTODY',
    title: 'Record return to custody',
    submitText: 'Record return to custody',
    fields: () => [
      {
        kind: 'text',
        name: 'establishmentCode',
        label: 'Establishment code',
        hint: 'The prison or IRC code, for example MRI for Manchester',
        required: 'Enter the establishment code',
        maxLength: 10,
      },
      {
        kind: 'date',
        name: 'expectedReleaseDate',
        label: 'Expected release date (optional)',
        hint: 'For example, 27/3/2027',
        notPast: true,
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.recordReturnToCustody(
        ctx.caller,
        ctx.referral.id,
        v(values, 'establishmentCode').toUpperCase(),
        dateOf(values, 'expectedReleaseDate'),
        version(ctx),
      ),
    hubFields: { establishmentCode: 'establishmentCode', expectedReleaseDate: 'expectedReleaseDate' },
    done: 'Return to custody recorded',
  },
  {
    slug: 'transfer',
    action: 'RECORD_TRANSFER',
    title: 'Record transfer',
    submitText: 'Record transfer',
    caption: () =>
      'If the new establishment is in another RECONNECT service’s area, a handover to that service is requested.',
    fields: () => [
      {
        kind: 'text',
        name: 'establishmentCode',
        label: 'New establishment code',
        hint: 'The prison or IRC code, for example FBI for Forest Bank',
        required: 'Enter the establishment code',
        maxLength: 10,
      },
      {
        kind: 'date',
        name: 'transferredOn',
        label: 'Date of transfer',
        hint: 'For example, 27/3/2026',
        required: 'Enter the date of transfer',
        notFuture: true,
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.recordTransfer(
        ctx.caller,
        ctx.referral.id,
        v(values, 'establishmentCode').toUpperCase(),
        dateOf(values, 'transferredOn')!,
        version(ctx),
      ),
    hubFields: { establishmentCode: 'establishmentCode', transferredOn: 'transferredOn' },
    done: 'Transfer recorded',
  },
  {
    slug: 'temporary-licence',
    action: 'RECORD_TEMPORARY_LICENCE',
    title: 'Record temporary licence',
    submitText: 'Record temporary licence',
    caption: () =>
      'Release on temporary licence is not a release: the status, release date and support window stay.',
    fields: () => [
      {
        kind: 'radios',
        name: 'temporaryLicence',
        label: 'Release on temporary licence',
        options: [
          { value: 'BEGAN', text: 'Began' },
          { value: 'ENDED', text: 'Ended' },
        ],
        required: 'Select whether temporary licence began or ended',
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.recordTemporaryLicence(
        ctx.caller,
        ctx.referral.id,
        v(values, 'temporaryLicence') === 'BEGAN',
        version(ctx),
      ),
    hubFields: { onTemporaryLicence: 'temporaryLicence' },
    done: 'Temporary licence recorded',
  },
  {
    slug: 'engagement',
    action: 'RECORD_ENGAGEMENT',
    title: 'Record community engagement',
    submitText: 'Record engagement',
    fields: () => [
      {
        kind: 'radios',
        name: 'serviceType',
        label: 'Type of community service',
        options: opts(SERVICE_TYPES),
        required: 'Select the type of service',
      },
      {
        kind: 'text',
        name: 'providerName',
        label: 'Provider',
        hint: 'For example, the GP practice or clinic',
        required: 'Enter the provider',
        maxLength: 200,
      },
      {
        kind: 'date',
        name: 'appointmentOn',
        label: 'Appointment date (optional)',
        hint: 'For example, 27/3/2026',
      },
      {
        kind: 'radios',
        name: 'outcome',
        label: 'Outcome',
        options: opts(OUTCOMES),
        required: 'Select the outcome',
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.recordEngagement(ctx.caller, ctx.referral.id, {
        serviceType: v(values, 'serviceType'),
        providerName: v(values, 'providerName'),
        appointmentOn: dateOf(values, 'appointmentOn'),
        outcome: v(values, 'outcome'),
      }),
    hubFields: {
      serviceType: 'serviceType',
      providerName: 'providerName',
      appointmentOn: 'appointmentOn',
      outcome: 'outcome',
    },
    done: 'Engagement recorded',
  },
  {
    slug: 'extend-support',
    action: 'EXTEND_SUPPORT',
    title: 'Extend support',
    submitText: 'Extend support',
    caption: () =>
      'Only in exceptional circumstances, when discharge at six months would harm the person’s health.',
    fields: () => [
      {
        kind: 'date',
        name: 'until',
        label: 'Extend support until',
        hint: 'For example, 27 9 2027',
        required: 'Enter the date support is extended until',
        notPast: true,
      },
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Reason for the extension',
        required: 'Enter the reason for the extension',
        maxLength: 1000,
      },
    ],
    send: (ctx, values) =>
      ctx.referrals.extendSupport(
        ctx.caller,
        ctx.referral.id,
        dateOf(values, 'until')!,
        v(values, 'reason'),
        version(ctx),
      ),
    hubFields: { until: 'until', reason: 'reason' },
    done: 'Support extended',
  },
  {
    slug: 'discharge',
    action: 'DISCHARGE',
    title: 'Discharge',
    submitText: 'Discharge',
    warning: true,
    fields: () => [
      {
        kind: 'radios',
        name: 'reason',
        label: 'Why is the person being discharged?',
        options: opts(DISCHARGE_REASONS),
        required: 'Select a reason for discharge',
      },
      { kind: 'textarea', name: 'note', label: 'Note (optional)', maxLength: 1000 },
    ],
    send: (ctx, values) =>
      ctx.referrals.discharge(
        ctx.caller,
        ctx.referral.id,
        v(values, 'reason'),
        orNull(values.note),
        version(ctx),
      ),
    hubFields: { reason: 'reason', note: 'note' },
    done: 'Person discharged',
  },
  {
    slug: 'request-handover',
    action: 'REQUEST_HANDOVER',
    title: 'Request handover',
    submitText: 'Request handover',
    needs: ['services'],
    caption: () => 'The receiving service must respond within 2 working days.',
    fields: (ctx) => [
      {
        kind: 'select',
        name: 'toServiceCode',
        label: 'Service to hand over to',
        options: [
          { value: '', text: 'Select a service' },
          ...ctx.services
            .filter((s) => s.code !== ctx.referral.owningService.code)
            .map((s) => ({ value: s.code, text: s.name })),
        ],
        required: 'Select the service to hand over to',
      },
      { kind: 'textarea', name: 'note', label: 'Note for the receiving service (optional)', maxLength: 1000 },
    ],
    send: (ctx, values) =>
      ctx.referrals.requestHandover(
        ctx.caller,
        ctx.referral.id,
        v(values, 'toServiceCode'),
        orNull(values.note),
      ),
    hubFields: { toServiceCode: 'toServiceCode', note: 'note' },
    done: 'Handover requested',
  },
];

export function specOf(slug: string): ActionSpec | undefined {
  return ACTION_SPECS.find((s) => s.slug === slug);
}
