/**
 * The signed-in user as the console keeps them, in the server-side session only. The token is
 * never written to a page, a cookie or a log: the browser holds just the session cookie.
 */
import type { Caller } from '../gateway/client.ts';
import { PURPOSE_OF_USE } from '../gateway/client.ts';

/** The hub's roles (AUTH.md), as @reconnect/auth names them. */
import type { Role } from '@reconnect/auth';
export type { Role };

export interface SignedInUser {
  /** The bearer token sent to the gateway for this user. */
  token: string;
  subject: string;
  name: string;
  roles: Role[];
  /** The user's organisation: their RECONNECT service code for staff. */
  organisationCode: string | null;
  serviceName: string | null;
  /** The user's `Staff.id` (the `staff_id` claim), for "my cases". */
  staffId: string | null;
  /** How they signed in; OIDC users are signed out at the provider too. */
  method: 'development' | 'oidc';
  /** The ID token, kept for the provider's end-session request. */
  idToken?: string | undefined;
}

/** Roles arrive as claims, possibly with the `ROLE_` prefix (AUTH.md). */
export function normaliseRole(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/^ROLE_/, '');
}

export function isStaff(user: Pick<SignedInUser, 'roles'>): boolean {
  return user.roles.includes('RECONNECT_STAFF') || user.roles.includes('RECONNECT_LEAD');
}

export function isLead(user: Pick<SignedInUser, 'roles'>): boolean {
  return user.roles.includes('RECONNECT_LEAD');
}

export function isReferrer(user: Pick<SignedInUser, 'roles'>): boolean {
  return user.roles.includes('REFERRER');
}

export function isPartner(user: Pick<SignedInUser, 'roles'>): boolean {
  return user.roles.includes('ER_PARTNER');
}

export function isCommissioner(user: Pick<SignedInUser, 'roles'>): boolean {
  return user.roles.includes('COMMISSIONER');
}

export function isAdmin(user: Pick<SignedInUser, 'roles'>): boolean {
  return user.roles.includes('RECONNECT_ADMIN');
}

/** Who may make a referral (AUTH.md, submitReferral): referrers, and staff for their own service. */
export function mayRefer(user: Pick<SignedInUser, 'roles'>): boolean {
  return isReferrer(user) || isStaff(user);
}

/** Who may hold webhook subscriptions (AUTH.md: every role but the commissioner's, their own organisation's). */
export function maySubscribe(user: Pick<SignedInUser, 'roles' | 'organisationCode'>): boolean {
  return (
    Boolean(user.organisationCode) && (isStaff(user) || isReferrer(user) || isPartner(user) || isAdmin(user))
  );
}

/** Whether the console has anything for this user at all (a role it has pages for). */
export function hasConsoleRole(user: Pick<SignedInUser, 'roles'>): boolean {
  return isStaff(user) || isReferrer(user) || isPartner(user) || isCommissioner(user) || isAdmin(user);
}

/** The first page of each role: where "/" and the header's service name take them. */
export function homeOf(user: Pick<SignedInUser, 'roles'>): string {
  if (isStaff(user)) return '/';
  if (isReferrer(user)) return '/your-referrals';
  if (isPartner(user)) return '/partner-cases';
  if (isCommissioner(user)) return '/service-metrics';
  if (isAdmin(user)) return '/access-log';
  return '/signed-out';
}

export interface NavigationItem {
  href: string;
  text: string;
  active: boolean;
}

/** The service navigation: only the pages of the user's own roles (each role sees its own). */
export function navigationOf(
  user: Pick<SignedInUser, 'roles' | 'organisationCode'>,
  path: string,
): NavigationItem[] {
  const items: { href: string; text: string; active: boolean }[] = [];
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  if (isStaff(user)) {
    items.push(
      { href: '/', text: 'Caseload', active: path === '/' || under('/referrals') },
      { href: '/handovers', text: 'Handovers', active: under('/handovers') },
    );
    if (isLead(user))
      items.push({ href: '/overview', text: 'Service overview', active: path === '/overview' });
  }
  if (isReferrer(user))
    items.push({ href: '/your-referrals', text: 'Your referrals', active: under('/your-referrals') });
  if (mayRefer(user))
    items.push({ href: '/make-a-referral', text: 'Make a referral', active: under('/make-a-referral') });
  if (isPartner(user))
    items.push({ href: '/partner-cases', text: 'Enhanced cases', active: under('/partner-cases') });
  if (isCommissioner(user))
    items.push({ href: '/service-metrics', text: 'Service metrics', active: under('/service-metrics') });
  if (isAdmin(user)) {
    items.push(
      { href: '/access-log', text: 'Access log', active: under('/access-log') },
      { href: '/agreements', text: 'Data sharing agreements', active: under('/agreements') },
      { href: '/identity-conflicts', text: 'Identity conflicts', active: under('/identity-conflicts') },
      {
        href: '/referring-organisations',
        text: 'Referring organisations',
        active: under('/referring-organisations'),
      },
    );
  }
  if (maySubscribe(user)) items.push({ href: '/webhooks', text: 'Webhooks', active: under('/webhooks') });
  return items;
}

/**
 * What the gateway client needs to act for this user. Staff and partners read people to care for
 * them; information governance reads the access log to govern it (recorded as such).
 */
export function callerOf(user: SignedInUser): Caller {
  const purposeOfUse =
    isStaff(user) || isPartner(user) ? PURPOSE_OF_USE : isAdmin(user) ? 'information governance' : undefined;
  return { token: user.token, purposeOfUse };
}
