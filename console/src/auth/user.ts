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

/** What the gateway client needs to act for this user. */
export function callerOf(user: SignedInUser): Caller {
  return { token: user.token, purposeOfUse: isStaff(user) ? PURPOSE_OF_USE : undefined };
}
