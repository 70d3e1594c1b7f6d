/**
 * Referral.availableActions offers ENROL_ENHANCED exactly when the caller may enrol the referral
 * (issue 5): the referral subgraph @requires the partner subgraph's canEnrolEnhanced, which checks
 * the owning service's staff and eligibility for a whole caseload page at once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedGrant, startTestHub, type TestHub } from '@reconnect/hub/testing';
import {
  ENROL,
  NOW,
  enrolInput,
  seedEligibleReferral,
  type CaseSeed,
  type Loose,
} from './enhanced-harness.ts';

const ACTIONS = /* GraphQL */ `
  query Actions($id: ID!) {
    referral(id: $id) {
      id
      status
      availableActions
    }
  }
`;
const CASE_ACTIONS = /* GraphQL */ `
  query CaseActions($id: ID!) {
    enhancedCase(id: $id) {
      referral {
        id
        availableActions
      }
    }
  }
`;
const CASELOAD = /* GraphQL */ `
  query Caseload($first: Int) {
    referrals(first: $first) {
      nodes {
        id
        availableActions
      }
    }
  }
`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});
beforeEach(() => {
  hub.clock.set(NOW);
});

async function actionsFor(referralId: string, role = 'RECONNECT_STAFF', org = 'RC-NW') {
  const caller = await hub.as(role, { org });
  const res = await caller.query<Loose>(ACTIONS, { id: referralId });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.referral.availableActions as string[];
}

async function staffActions(seed: CaseSeed) {
  const { referral } = await seedEligibleReferral(hub, seed);
  return actionsFor(referral.id, 'RECONNECT_STAFF', seed.service ?? 'RC-NW');
}

describe('ENROL_ENHANCED in Referral.availableActions', () => {
  it('is offered to owning-service staff on an eligible PRE_RELEASE referral, with the other actions', async () => {
    const actions = await staffActions({});
    expect(actions).toContain('ENROL_ENHANCED');
    expect(actions).toContain('RECORD_CONTACT');
  });

  it('is offered to a lead too, and on a POST_RELEASE referral', async () => {
    const { referral } = await seedEligibleReferral(hub, { status: 'POST_RELEASE' });
    expect(await actionsFor(referral.id, 'RECONNECT_LEAD')).toContain('ENROL_ENHANCED');
  });

  it.each<[string, CaseSeed]>([
    ['the latest risk is MEDIUM', { risks: ['HIGH', 'MEDIUM'] }],
    [
      'active needs are in one category',
      { needs: [{ category: 'MENTAL_HEALTH' }, { category: 'MENTAL_HEALTH' }] },
    ],
    [
      'the only second-category need is inactive',
      {
        needs: [{ category: 'MENTAL_HEALTH' }, { category: 'SUBSTANCE_MISUSE', active: false }],
      },
    ],
    ['the owning service is not in the pilot', { service: 'RC-MID' }],
    ['the referral is SUBMITTED', { status: 'SUBMITTED' }],
    ['the referral is DISCHARGED', { status: 'DISCHARGED' }],
  ])('is not offered when %s', async (_why, seed) => {
    const actions = await staffActions(seed);
    expect(actions).not.toContain('ENROL_ENHANCED');
  });

  it('is no longer offered once the referral has an OPEN enhanced case', async () => {
    const { referral } = await seedEligibleReferral(hub);
    expect(await actionsFor(referral.id)).toContain('ENROL_ENHANCED');
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const res = await staff.query<Loose>(ENROL, { referralId: referral.id, input: enrolInput([]) });
    expect(res.body.errors).toBeUndefined();
    const after = await actionsFor(referral.id);
    expect(after).not.toContain('ENROL_ENHANCED');
    expect(after).toContain('RECORD_CONTACT');
  });

  it('is not offered to staff of another service with a relationship to the referral', async () => {
    const { referral, person } = await seedEligibleReferral(hub);
    await seedGrant(hub.database.handle.db, {
      organisationCode: 'RC-SW',
      relationship: 'RECEIVING_SERVICE',
      personId: person.id,
      referralId: referral.id,
      validFrom: new Date('2020-01-01T00:00:00Z'),
    });
    const actions = await actionsFor(referral.id, 'RECONNECT_STAFF', 'RC-SW');
    // The receiving service plans (next/casework.md, "Who acts on a referral"): notes and
    // appointments, not the owning service's actions.
    expect(actions).toEqual(['ADD_NOTE', 'BOOK_APPOINTMENT']);
    expect(actions).not.toContain('ENROL_ENHANCED');
  });

  it('gives a referrer its WITHDRAW only, without an error', async () => {
    const { referral, person } = await seedEligibleReferral(hub, { status: 'SUBMITTED' });
    await seedGrant(hub.database.handle.db, {
      organisationCode: 'PROB-NW',
      relationship: 'REFERRER',
      personId: person.id,
      referralId: referral.id,
      validFrom: new Date('2020-01-01T00:00:00Z'),
    });
    expect(await actionsFor(referral.id, 'REFERRER', 'PROB-NW')).toEqual(['WITHDRAW']);
  });

  it('gives a partner on the case no actions, without an error', async () => {
    const { referral } = await seedEligibleReferral(hub);
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const enrolled = await staff.query<Loose>(ENROL, {
      referralId: referral.id,
      input: enrolInput(['ERP-NW-MH']),
    });
    expect(enrolled.body.errors).toBeUndefined();
    const caseId = enrolled.body.data!.enrolEnhancedReconnect.enhancedCase.id;
    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' });
    const res = await partner.query<Loose>(CASE_ACTIONS, { id: caseId });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.enhancedCase.referral).toEqual({ id: referral.id, availableActions: [] });
  });
});

describe('ENROL_ENHANCED on a caseload page', () => {
  it('costs the same number of SQL statements for 20 referrals as for 5', async () => {
    // Enough RC-NW referrals for a page of 20, eligible and not.
    for (let i = 0; i < 20; i += 1) {
      await seedEligibleReferral(hub, i % 2 ? {} : { risks: ['LOW'] });
    }
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    // Warm up once: the first request builds the gateway's query plan.
    await staff.query(CASELOAD, { first: 1 });
    const measure = async (first: number) => {
      const { result, statements } = await hub.database.handle.statements.measure(() =>
        staff.query<Loose>(CASELOAD, { first }),
      );
      expect(result.body.errors).toBeUndefined();
      return { nodes: result.body.data!.referrals.nodes as Loose[], statements };
    };
    const five = await measure(5);
    const twenty = await measure(20);
    expect(five.nodes).toHaveLength(5);
    expect(twenty.nodes).toHaveLength(20);
    const offered = twenty.nodes.filter((n) => n.availableActions.includes('ENROL_ENHANCED'));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThan(20);
    expect(twenty.statements.length).toBe(five.statements.length);
  });
});
