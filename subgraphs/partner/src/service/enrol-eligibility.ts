/**
 * `Referral.canEnrolEnhanced`: whether this caller may enrol this referral in Enhanced RECONNECT
 * now, asked by the referral subgraph's `availableActions` through `@requires`. The same facts and
 * pure check as `enrolEnhancedReconnect`, gathered for every referral of a gateway fetch at once:
 * one call each to referral, regional-service and person, and one query for open cases.
 */
import DataLoader from 'dataloader';
import { and, eq, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import { isServiceStaff } from '@reconnect/auth';
import { perRequest, type SubgraphContext } from '@reconnect/graph';
import { hubFor } from '@reconnect/hub-client';
import { enhancedCases } from '../db/schema.ts';
import { enhancedEligibilityRefusal } from './eligibility.ts';

const REFERRALS = /* GraphQL */ `
  query EligibilityReferrals($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Referral {
        id
        status
        person {
          id
        }
        owningService {
          code
        }
      }
    }
  }
`;
const SERVICES = /* GraphQL */ `
  query EligibilityServices {
    reconnectServices {
      code
      region
      enhancedReconnect
    }
  }
`;
const PEOPLE = /* GraphQL */ `
  query EligibilityPeople($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Person {
        id
        riskOfSeriousHarm {
          level
        }
        healthNeeds {
          category
          active
        }
      }
    }
  }
`;

/** What the decision needs of the request: who asks, and the handles to ask with. */
type RequestScope = Omit<SubgraphContext, 'loaders'>;

type ReferralFacts = { id: string; status: string; person: { id: string }; owningService: { code: string } };
type ServiceFacts = { code: string; region: string; enhancedReconnect: boolean };
type PersonFacts = {
  id: string;
  riskOfSeriousHarm: { level: string } | null;
  healthNeeds: { category: string; active: boolean }[] | null;
};

/**
 * Security: only staff of the referral's owning service may enrol it, so only for them are the
 * other subgraphs asked; everyone else (referrers, partners, other services) gets false without a
 * call, and so without any error a call might raise on their behalf. A referral, service or person
 * the owners would not show the caller counts as not eligible.
 */
async function decide(ctx: RequestScope, ids: readonly string[]): Promise<boolean[]> {
  if (!isServiceStaff(ctx.principal)) return ids.map(() => false);
  // The same test as staffChangesCase (which enrolment asserts), on the access loader.
  const owned = await Promise.all(
    ids.map((id) =>
      isUuid(id) ? ctx.access.hasReferralRelationship(id, 'OWNING_SERVICE') : Promise.resolve(false),
    ),
  );
  const asked = [...new Set(ids.filter((_, i) => owned[i]))];
  if (!asked.length) return ids.map(() => false);

  const hub = hubFor(ctx);
  const [{ _entities: referralAnswers }, { reconnectServices }, open] = await Promise.all([
    hub.call<{ _entities: (ReferralFacts | null)[] }>('referral', REFERRALS, {
      representations: asked.map((id) => ({ __typename: 'Referral', id })),
    }),
    hub.call<{ reconnectServices: ServiceFacts[] }>('regional-service', SERVICES, {}),
    ctx.db
      .select({ referralId: enhancedCases.referralId })
      .from(enhancedCases)
      .where(and(inArray(enhancedCases.referralId, asked), eq(enhancedCases.status, 'OPEN'))),
  ]);
  const referrals = referralAnswers.filter((r): r is ReferralFacts => !!r);
  const personIds = [...new Set(referrals.map((r) => r.person.id))];
  const { _entities: personAnswers } = personIds.length
    ? await hub.call<{ _entities: (PersonFacts | null)[] }>('person', PEOPLE, {
        representations: personIds.map((id) => ({ __typename: 'Person', id })),
      })
    : { _entities: [] };

  const referralById = new Map(referrals.map((r) => [r.id, r]));
  const serviceByCode = new Map(reconnectServices.map((s) => [s.code, s]));
  const personById = new Map(personAnswers.filter((p): p is PersonFacts => !!p).map((p) => [p.id, p]));
  const withOpenCase = new Set(open.map((c) => c.referralId));

  return ids.map((id, i) => {
    const referral = owned[i] ? referralById.get(id) : undefined;
    if (!referral || withOpenCase.has(id)) return false;
    const service = serviceByCode.get(referral.owningService.code);
    const person = personById.get(referral.person.id);
    if (!service || !person) return false;
    return (
      enhancedEligibilityRefusal({
        referralStatus: referral.status,
        service,
        riskLevel: person.riskOfSeriousHarm?.level ?? null,
        activeNeedCategories: (person.healthNeeds ?? []).filter((n) => n.active).map((n) => n.category),
      }) === null
    );
  });
}

const ELIGIBILITY = Symbol('canEnrolEnhanced');

/**
 * Whether the caller may enrol this referral now. Batched per request (the loader closes over the
 * caller, so it lives and dies with the request): one batch per tick of referral ids.
 */
export function canEnrolEnhanced(ctx: RequestScope, referralId: string): Promise<boolean> {
  return perRequest(ctx, ELIGIBILITY, () => new DataLoader<string, boolean>((ids) => decide(ctx, ids))).load(
    referralId,
  );
}
