/** Handover inbox rows: respond-by tags ("Due today", "Overdue"), sorted by deadline, and the answers each allows. */
import type { HandoverRow } from '../services/handovers.ts';
import { formatDateTime, label } from './format.ts';
import { londonDateOf } from '@reconnect/config';

export const HANDOVER_ACTIONS = [
  {
    slug: 'accept',
    text: 'Accept',
    title: 'Accept this handover?',
    done: 'Handover accepted',
    needsReason: false,
  },
  {
    slug: 'decline',
    text: 'Decline',
    title: 'Decline this handover?',
    done: 'Handover declined',
    needsReason: true,
  },
  {
    slug: 'cancel',
    text: 'Cancel',
    title: 'Cancel this handover?',
    done: 'Handover cancelled',
    needsReason: true,
  },
  {
    slug: 'complete',
    text: 'Complete',
    title: 'Complete this handover?',
    done: 'Handover completed',
    needsReason: false,
  },
] as const;

export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];

export function handoverActionsOf(
  h: Pick<HandoverRow, 'status'>,
  direction: 'INCOMING' | 'OUTGOING',
  lead: boolean,
): HandoverAction[] {
  const allowed: string[] = [];
  if (direction === 'INCOMING' && h.status === 'REQUESTED' && lead) allowed.push('accept', 'decline');
  if (direction === 'OUTGOING' && (h.status === 'REQUESTED' || h.status === 'ACCEPTED'))
    allowed.push('cancel');
  if (h.status === 'ACCEPTED') allowed.push('complete');
  return HANDOVER_ACTIONS.filter((a) => allowed.includes(a.slug));
}

export function respondByTagOf(h: Pick<HandoverRow, 'status' | 'respondBy' | 'overdue'>, today: string) {
  if (h.status !== 'REQUESTED') return null;
  if (h.overdue) return { text: 'Overdue', classes: 'govuk-tag--red' };
  if (londonDateOf(new Date(h.respondBy)) === today)
    return { text: 'Due today', classes: 'govuk-tag--orange' };
  return null;
}

export function inboxOf(
  nodes: HandoverRow[],
  direction: 'INCOMING' | 'OUTGOING',
  today: string,
  lead: boolean,
) {
  return [...nodes]
    .sort((a, b) => a.respondBy.localeCompare(b.respondBy))
    .map((h) => ({
      id: h.id,
      referralId: h.referral.id,
      person: `${h.referral.person.familyName}, ${h.referral.person.givenName}`,
      reference: h.referral.reference,
      otherService: direction === 'INCOMING' ? h.fromService.name : h.toService.name,
      status: label(h.status),
      respondBy: formatDateTime(h.respondBy),
      tag: respondByTagOf(h, today),
      actions: handoverActionsOf(h, direction, lead).map((a) => ({
        text: a.text,
        href: `/handovers/${h.id}/${a.slug}`,
      })),
    }));
}
