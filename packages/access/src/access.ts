/**
 * The per-request answer to "what relationship has the caller with this person or referral?".
 * Every lookup made in one tick of the event loop, by any number of shield rules and resolvers,
 * is answered by one SQL statement (DataLoader), so checking a whole caseload page costs one query.
 */
import DataLoader from 'dataloader';
import { and, inArray, or } from 'drizzle-orm';
import type { Principal } from '@reconnect/auth';
import type { Queryable } from '@reconnect/db';
import { liveGrantsOf } from './grants.ts';
import { grants, type Grant, type Relationship } from './schema.ts';

/**
 * The relationships through which RECONNECT service staff see a referral or person: the owning
 * and the receiving service, and the sending service for 28 days after a completed handover.
 */
export const SERVICE_RELATIONSHIPS: readonly Relationship[] = [
  'OWNING_SERVICE',
  'RECEIVING_SERVICE',
  'SENDING_SERVICE',
];

/**
 * The scope of a grant that opens its referral and nothing of the person: the owning service of a
 * referral declined as DUPLICATE (contract/next/trust.md, "A submission opens nothing it was not
 * corroborated for"). Person lookups (`personGrants`, `hasPersonRelationship`) leave it out.
 */
export const REFERRAL_ONLY_SCOPE = 'REFERRAL_ONLY';

export const isReferralOnly = (grant: Pick<Grant, 'scopes'>): boolean =>
  grant.scopes.includes(REFERRAL_ONLY_SCOPE);

/** Which relationships each role may use: a role is never enough on its own, nor is a grant. */
const RELATIONSHIPS_BY_ROLE: Record<string, readonly Relationship[]> = {
  RECONNECT_STAFF: SERVICE_RELATIONSHIPS,
  RECONNECT_LEAD: SERVICE_RELATIONSHIPS,
  REFERRER: ['REFERRER'],
  ER_PARTNER: ['ER_PARTNER'],
};

export interface AccessOptions {
  db: Queryable;
  principal: Principal;
  now: () => Date;
}

type Key = `person:${string}` | `referral:${string}` | `case:${string}`;

export class Access {
  private readonly usable: Relationship[];
  private readonly loader: DataLoader<Key, Grant[]>;
  /** Relationships learnt from the query that loaded the referrals (see primeReferral). */
  private readonly primed = new Map<string, readonly Relationship[]>();
  private instant: Date;

  constructor(private readonly options: AccessOptions) {
    this.instant = options.now();
    const { principal } = options;
    this.usable = [...new Set(principal.roles.flatMap((role) => RELATIONSHIPS_BY_ROLE[role] ?? []))];
    this.loader = new DataLoader((keys) => this.load(keys), { maxBatchSize: 1000 });
  }

  get principal(): Principal {
    return this.options.principal;
  }

  /** The relationships the caller's roles may use: a query that primes this Access selects these. */
  get relationships(): readonly Relationship[] {
    return this.usable;
  }

  /**
   * What a query that loaded this referral already learnt: the relationships of the caller's
   * organisation's grants on it, live at `this.at`, among `this.relationships` (the caseload
   * selects them with its rows). Relationship checks on the referral then ask nothing more.
   */
  primeReferral(referralId: string, relationships: readonly Relationship[]): void {
    this.primed.set(
      referralId,
      relationships.filter((r) => this.usable.includes(r)),
    );
  }

  /**
   * The one instant at which this request judges whether a grant is live. List queries filter with
   * it too, so a grant that ends while a request is being answered cannot put a record in a list
   * and then deny its fields (which would null the whole list). A write that changes the caller's
   * grants calls `clear()`, which moves the instant on.
   */
  get at(): Date {
    return this.instant;
  }

  /** The caller's live grants on a person (any referral of theirs), but not REFERRAL_ONLY ones. */
  async personGrants(personId: string): Promise<Grant[]> {
    return (await this.loader.load(`person:${personId}`)).filter((g) => !isReferralOnly(g));
  }

  /**
   * The caller's live grants through which it reads a person as a submission gave it, not the
   * record: REFERRER grants, and REFERRAL_ONLY grants (a declined duplicate's service).
   */
  async submissionGrants(personId: string): Promise<Grant[]> {
    return (await this.loader.load(`person:${personId}`)).filter(
      (g) => g.relationship === 'REFERRER' || isReferralOnly(g),
    );
  }

  async referralGrants(referralId: string): Promise<Grant[]> {
    return this.loader.load(`referral:${referralId}`);
  }

  async caseGrants(enhancedCaseId: string): Promise<Grant[]> {
    return this.loader.load(`case:${enhancedCaseId}`);
  }

  async hasPersonRelationship(personId: string, ...relationships: Relationship[]): Promise<boolean> {
    const found = await this.personGrants(personId);
    return found.some((g) => relationships.length === 0 || relationships.includes(g.relationship));
  }

  async hasReferralRelationship(referralId: string, ...relationships: Relationship[]): Promise<boolean> {
    return this.referralRelationship(referralId, ...relationships);
  }

  /**
   * `hasReferralRelationship`, answered synchronously when the referral was primed (no promise, no
   * query), else by the batched grants query. For permission rules, which run per field.
   */
  referralRelationship(referralId: string, ...relationships: Relationship[]): boolean | Promise<boolean> {
    const holds = (held: readonly Relationship[]) =>
      held.some((r) => relationships.length === 0 || relationships.includes(r));
    const primed = this.primed.get(referralId);
    if (primed) return holds(primed);
    return this.referralGrants(referralId).then((found) => holds(found.map((g) => g.relationship)));
  }

  /** Scopes the caller's partner grants on a person give (RISK, NEEDS). */
  async partnerScopes(personId: string): Promise<Set<string>> {
    const found = await this.personGrants(personId);
    return new Set(found.filter((g) => g.relationship === 'ER_PARTNER').flatMap((g) => g.scopes));
  }

  /** Forget what was loaded: after a write in this request changes the caller's grants. */
  clear(): void {
    this.instant = this.options.now();
    this.loader.clearAll();
    this.primed.clear();
  }

  private async load(keys: readonly Key[]): Promise<Grant[][]> {
    const org = this.options.principal.organisationCode;
    if (!org || this.usable.length === 0) {
      return keys.map(() => []);
    }
    const ids = { person: new Set<string>(), referral: new Set<string>(), case: new Set<string>() };
    for (const key of keys) {
      const [kind, id] = key.split(':') as [keyof typeof ids, string];
      if (UUID.test(id)) ids[kind].add(id);
    }
    const targets = [
      ids.person.size ? inArray(grants.personId, [...ids.person]) : undefined,
      ids.referral.size ? inArray(grants.referralId, [...ids.referral]) : undefined,
      ids.case.size ? inArray(grants.enhancedCaseId, [...ids.case]) : undefined,
    ].filter((c) => c !== undefined);
    if (targets.length === 0) return keys.map(() => []);
    const now = this.instant;
    const rows = await this.options.db
      .select()
      .from(grants)
      .where(and(liveGrantsOf(org, this.usable, now), or(...targets)));
    return keys.map((key) => {
      const [kind, id] = key.split(':') as [string, string];
      return rows.filter((g) =>
        kind === 'person'
          ? g.personId === id
          : kind === 'referral'
            ? g.referralId === id
            : g.enhancedCaseId === id,
      );
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
