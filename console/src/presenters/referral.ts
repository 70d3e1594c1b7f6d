/**
 * The referral page: the person banner, the summary lists, the action buttons (exactly the
 * `availableActions` the hub answers for this user) and one timeline of history, contacts,
 * engagements and handovers, newest first.
 */
import type { HubErrorDetail } from '../gateway/client.ts';
import type { ReferralDetail } from '../services/referrals.ts';
import { formatDate, formatDateTime, label, relativeDate, statusTagClass } from './format.ts';

export interface ActionButton {
  action: string;
  text: string;
  href: string;
  secondary: boolean;
  warning: boolean;
}

/** Each action the hub can offer: its button and the form that does it. */
export const ACTION_BUTTONS: Record<
  string,
  { text: string; slug: string; kind?: 'secondary' | 'warning' }[]
> = {
  RECORD_CONSENT: [{ text: 'Record consent', slug: 'consent' }],
  ACCEPT: [{ text: 'Accept referral', slug: 'accept' }],
  DECLINE: [{ text: 'Decline referral', slug: 'decline', kind: 'warning' }],
  WITHDRAW: [{ text: 'Withdraw referral', slug: 'withdraw', kind: 'secondary' }],
  ASSIGN_WORKER: [
    { text: 'Assign named worker', slug: 'assign-worker', kind: 'secondary' },
    { text: 'Assign peer support', slug: 'assign-peer-support', kind: 'secondary' },
  ],
  RECORD_CONTACT: [{ text: 'Record contact', slug: 'contact' }],
  UPDATE_EXPECTED_RELEASE_DATE: [
    { text: 'Update expected release date', slug: 'expected-release-date', kind: 'secondary' },
  ],
  RECORD_RELEASE: [{ text: 'Record release', slug: 'release' }],
  RECORD_RETURN_TO_CUSTODY: [
    { text: 'Record return to custody', slug: 'return-to-custody', kind: 'secondary' },
  ],
  RECORD_TRANSFER: [{ text: 'Record transfer', slug: 'transfer', kind: 'secondary' }],
  RECORD_TEMPORARY_LICENCE: [
    { text: 'Record temporary licence', slug: 'temporary-licence', kind: 'secondary' },
  ],
  RECORD_ENGAGEMENT: [{ text: 'Record engagement', slug: 'engagement' }],
  EXTEND_SUPPORT: [{ text: 'Extend support', slug: 'extend-support', kind: 'secondary' }],
  DISCHARGE: [{ text: 'Discharge', slug: 'discharge', kind: 'warning' }],
  REQUEST_HANDOVER: [{ text: 'Request handover', slug: 'request-handover', kind: 'secondary' }],
  ENROL_ENHANCED: [{ text: 'Enrol in Enhanced RECONNECT', slug: 'enrol-enhanced', kind: 'secondary' }],
};

export function actionButtonsOf(referral: Pick<ReferralDetail, 'id' | 'availableActions'>): ActionButton[] {
  return referral.availableActions.flatMap((action) =>
    (ACTION_BUTTONS[action] ?? []).map((b) => ({
      action,
      text: b.text,
      href: `/referrals/${referral.id}/${b.slug}`,
      secondary: b.kind === 'secondary',
      warning: b.kind === 'warning',
    })),
  );
}

type Row = { key: { text: string }; value: { text: string } };
const row = (key: string, value: string | null | undefined): Row => ({
  key: { text: key },
  value: { text: value ? value : 'Not recorded' },
});

export interface TimelineItem {
  label: { text: string };
  text: string;
  datetime: { timestamp: string; type: 'datetime' };
  byline?: { text: string };
}

export function timelineOf(referral: ReferralDetail): TimelineItem[] {
  const items: (TimelineItem & { sortKey: string })[] = [];
  for (const event of referral.history ?? []) {
    const move =
      event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
        ? `${label(event.fromStatus)} to ${label(event.toStatus)}`
        : '';
    items.push({
      sortKey: event.at,
      label: { text: label(event.type.replace(/[.-]/g, '_')) },
      text: [move, event.reason].filter(Boolean).join('. '),
      datetime: { timestamp: event.at, type: 'datetime' },
      byline: { text: event.actor },
    });
  }
  for (const contact of referral.contacts ?? []) {
    items.push({
      sortKey: contact.occurredAt,
      label: { text: `Contact: ${label(contact.purpose).toLowerCase()}` },
      text: [`${label(contact.mode)}${contact.preRelease ? ', before release' : ''}`, contact.note]
        .filter(Boolean)
        .join('. '),
      datetime: { timestamp: contact.occurredAt, type: 'datetime' },
      ...(contact.staff ? { byline: { text: contact.staff.name } } : {}),
    });
  }
  for (const engagement of referral.engagements ?? []) {
    items.push({
      sortKey: engagement.recordedAt,
      label: { text: `Engagement: ${label(engagement.serviceType)}` },
      text: `${engagement.providerName}: ${label(engagement.outcome).toLowerCase()}${
        engagement.appointmentOn ? ` (appointment ${formatDate(engagement.appointmentOn)})` : ''
      }`,
      datetime: { timestamp: engagement.recordedAt, type: 'datetime' },
    });
  }
  for (const handover of referral.handovers ?? []) {
    items.push({
      sortKey: handover.requestedAt,
      label: { text: `Handover to ${handover.toService.name}` },
      text: `${label(handover.status)}; respond by ${formatDateTime(handover.respondBy)}`,
      datetime: { timestamp: handover.requestedAt, type: 'datetime' },
      byline: { text: handover.fromService.name },
    });
  }
  return items.sort((a, b) => b.sortKey.localeCompare(a.sortKey)).map(({ sortKey: _s, ...item }) => item);
}

/** Which parts of the page the hub could not load, in words (DOWNSTREAM_SERVICE_ERROR, FORBIDDEN). */
export function missingPartsOf(problems: HubErrorDetail[]): string[] {
  const parts = new Set<string>();
  for (const p of problems) {
    const field = p.path?.find((s) => typeof s === 'string' && s !== 'referral') as string | undefined;
    const part =
      field === 'person'
        ? 'the person’s details'
        : field === 'history'
          ? 'the history'
          : field === 'owningService' || field === 'receivingService'
            ? 'the service details'
            : field
              ? label(field.replace(/([A-Z])/g, '_$1').toUpperCase()).toLowerCase()
              : 'part of this page';
    parts.add(part);
  }
  return [...parts];
}

export class ReferralPresenter {
  constructor(
    readonly referral: ReferralDetail,
    private readonly today: string,
  ) {}

  get personName(): string {
    const p = this.referral.person;
    return p ? `${p.givenName} ${p.familyName}` : 'Person details not available';
  }

  get status() {
    return { text: label(this.referral.status), classes: statusTagClass(this.referral.status) };
  }

  get banner() {
    const p = this.referral.person;
    return [
      { key: 'Date of birth', value: formatDate(p?.dateOfBirth) || 'Not known' },
      {
        key: 'NHS number',
        value: p?.nhsNumber ? p.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3') : 'Not known',
      },
      { key: 'Prison number', value: p?.prisonNumber ?? 'Not known' },
      { key: 'Reference', value: this.referral.reference },
    ];
  }

  get custodyRows(): Row[] {
    const c = this.referral.custody;
    return [
      row('Establishment', `${c.establishment.name} (${label(c.type)})`),
      row(
        'Expected release',
        c.expectedReleaseDate
          ? `${formatDate(c.expectedReleaseDate)} (${relativeDate(this.today, c.expectedReleaseDate)})`
          : null,
      ),
      row(
        'Released',
        c.releasedOn ? `${formatDate(c.releasedOn)} (${relativeDate(this.today, c.releasedOn)})` : null,
      ),
      row('On temporary licence', c.onTemporaryLicence ? 'Yes' : 'No'),
      row('Home area', this.referral.person?.homeArea?.name),
    ];
  }

  get supportRows(): Row[] {
    const w = this.referral.supportWindow;
    const pre = this.referral.preReleaseContacts;
    return [
      row('Support starts', formatDate(w.startsOn)),
      row('Support ends', w.endsOn ? formatDate(w.endsOn) : 'Six months after release'),
      row(
        'Extended until',
        w.extendedUntil ? `${formatDate(w.extendedUntil)}: ${w.extensionReason ?? ''}` : 'Not extended',
      ),
      row(
        'Pre-release contacts',
        `${pre.count} of ${pre.required}${pre.met ? ' (target met)' : ''}; ${pre.faceToFace} face to face`,
      ),
      row('Discharge overdue', w.dischargeOverdue ? 'Yes' : 'No'),
    ];
  }

  get referralRows(): Row[] {
    const r = this.referral;
    return [
      row('Status', label(r.status)),
      row('Source', label(r.source)),
      row(
        'Referred by',
        r.referrer
          ? `${r.referrer.name}, ${r.referrer.organisationName ?? r.referrer.organisationCode}`
          : null,
      ),
      row('Received', formatDateTime(r.submittedAt)),
      row('Reason for referral', r.reasonForReferral),
      row('Identified needs', r.identifiedNeeds.map(label).join(', ')),
      row('Owning service', r.owningService?.name),
      row('Receiving service', r.receivingService?.name ?? 'Same as owning service'),
      ...(r.decline
        ? [row('Declined', `${label(r.decline.reason)}${r.decline.note ? `: ${r.decline.note}` : ''}`)]
        : []),
      ...(r.discharge
        ? [
            row(
              'Discharged',
              `${label(r.discharge.reason)}${r.discharge.note ? `: ${r.discharge.note}` : ''}`,
            ),
          ]
        : []),
    ];
  }

  get needs(): { category: string; description: string }[] {
    return (this.referral.person?.healthNeeds ?? []).map((n) => ({
      category: label(n.category),
      description: n.description,
    }));
  }

  get careRows(): Row[] {
    const r = this.referral;
    return [
      row(
        'Consent',
        r.consent
          ? `${label(r.consent.decision)} (${label(r.consent.method).toLowerCase()}), ${formatDateTime(r.consent.recordedAt)}`
          : null,
      ),
      row('Named worker', r.namedWorker?.name ?? 'Not assigned'),
      row('Peer support worker', r.peerSupportWorker?.name ?? 'Not assigned'),
    ];
  }

  get actions(): ActionButton[] {
    return actionButtonsOf(this.referral);
  }

  get timeline(): TimelineItem[] {
    return timelineOf(this.referral);
  }
}
