/** Who is calling: the claims the hub reads from a verified token (contract/AUTH.md). */

export const ROLES = [
  'RECONNECT_STAFF',
  'RECONNECT_LEAD',
  'RECONNECT_ADMIN',
  'REFERRER',
  'ER_PARTNER',
  'COMMISSIONER',
  'HMPPS_EVENTS',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The system client that relays HMPPS custody events (contract/next/custody-events.md): it may call
 * `applyCustodyEvent` and nothing else, and reads nothing but that mutation's result.
 */
export const CUSTODY_EVENTS_ROLE = 'HMPPS_EVENTS' as const satisfies Role;

/** The roles of people and of the organisations' systems that read the hub (every role but HMPPS_EVENTS). */
export const READER_ROLES = ROLES.filter((r) => r !== CUSTODY_EVENTS_ROLE);

export interface Principal {
  subject: string;
  displayName?: string | undefined;
  roles: Role[];
  /** RECONNECT service code for staff, partner code for partners, referring organisation for referrers. */
  organisationCode?: string | undefined;
  staffId?: string | undefined;
}

/**
 * Reads the `roles` claim. A `ROLE_` prefix is accepted and ignored, case is normalised, and names
 * the hub does not know are dropped: an unknown role grants nothing (deny by default).
 */
export function parseRoles(claim: unknown): Role[] {
  if (!Array.isArray(claim)) return [];
  const roles = new Set<Role>();
  for (const raw of claim) {
    if (typeof raw !== 'string') continue;
    const name = raw
      .trim()
      .toUpperCase()
      .replace(/^ROLE_/, '');
    if ((ROLES as readonly string[]).includes(name)) roles.add(name as Role);
  }
  return [...roles];
}

/** Anything that carries roles: a principal, or a caller described by its roles alone. */
export type WithRoles = { readonly roles: readonly string[] };

export function hasRole(principal: WithRoles | undefined, ...roles: Role[]): boolean {
  return !!principal && principal.roles.some((r) => (roles as readonly string[]).includes(r));
}

/** RECONNECT service staff: every LEAD has every STAFF right. */
export const SERVICE_STAFF_ROLES = ['RECONNECT_STAFF', 'RECONNECT_LEAD'] as const satisfies readonly Role[];

/**
 * The caller is RECONNECT service staff (SERVICE_STAFF_ROLES). The one predicate for it: services
 * call it, and the shield rule `serviceStaff` (@reconnect/graph) is built from it.
 */
export function isServiceStaff(principal: WithRoles | undefined): boolean {
  return hasRole(principal, ...SERVICE_STAFF_ROLES);
}

/** Who may submit a referral (AUTH.md): referrers, and RECONNECT staff for their own service. */
export const REFERRAL_SUBMITTER_ROLES = [
  ...SERVICE_STAFF_ROLES,
  'REFERRER',
] as const satisfies readonly Role[];

export function maySubmitReferrals(principal: WithRoles | undefined): boolean {
  return hasRole(principal, ...REFERRAL_SUBMITTER_ROLES);
}

/** Builds a principal from verified JWT claims; throws when `sub` is missing. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject.length === 0) throw new Error('token has no subject');
  const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined);
  return {
    subject,
    displayName: str(claims.name),
    roles: parseRoles(claims.roles),
    organisationCode: str(claims.org),
    staffId: str(claims.staff_id),
  };
}

/** How a caller appears in history and in "recorded by", "opened by" and update authors: name and subject. */
export function actorLabel(principal: Principal): string {
  return principal.displayName ? `${principal.displayName} (${principal.subject})` : principal.subject;
}
