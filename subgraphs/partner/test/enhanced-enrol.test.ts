/** Enrolling in Enhanced RECONNECT through the gateway: eligibility, consent, partners, who may. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { enhancedEligibilityRefusal } from '../src/service/eligibility.ts';
import {
  ENROL,
  NOW,
  auditActions,
  enrolInput,
  seedEligibleReferral,
  type CaseSeed,
  type Loose,
} from './enhanced-harness.ts';

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

async function enrol(
  seed: CaseSeed,
  input: Loose = enrolInput(['ERP-NW-MH']),
  org = seed.service ?? 'RC-NW',
) {
  const { referral, person } = await seedEligibleReferral(hub, seed);
  const staff = await hub.as('RECONNECT_STAFF', { org, name: 'Rita Worker' });
  const res = await staff.query<Loose>(ENROL, { referralId: referral.id, input });
  return { res, referral, person };
}

describe('enrolEnhancedReconnect', () => {
  it('enrols an eligible referral with its partners, and Referral.enhancedCase shows it', async () => {
    const { res, referral, person } = await enrol({}, enrolInput(['ERP-NW-MH', 'ERP-NW-HSG']));
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data!.enrolEnhancedReconnect.enhancedCase;
    expect(c).toMatchObject({
      status: 'OPEN',
      rationale: expect.stringContaining('High risk'),
      sharingConsent: {
        decision: 'GIVEN',
        method: 'FACE_TO_FACE',
        recordedBy: expect.stringContaining('Rita Worker'),
      },
      referral: { id: referral.id },
    });
    expect(c.partners.map((p: Loose) => [p.partner.code, p.active])).toEqual([
      ['ERP-NW-MH', true],
      ['ERP-NW-HSG', true],
    ]);
    expect(await auditActions(hub, person.id)).toContainEqual({
      action: 'enhancedCase.enrolled',
      org: 'RC-NW',
    });

    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const read = await staff.query<Loose>(
      `query($id: ID!) { referral(id: $id) { enhancedCase { id status } } }`,
      {
        id: referral.id,
      },
    );
    expect(read.body.data!.referral.enhancedCase).toEqual({ id: c.id, status: 'OPEN' });

    const again = await staff.query<Loose>(ENROL, { referralId: referral.id, input: enrolInput([]) });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it.each<[string, CaseSeed, string]>([
    ['a SUBMITTED referral', { status: 'SUBMITTED' }, 'OTHER'],
    ['a DISCHARGED referral', { status: 'DISCHARGED' }, 'OUTSIDE_REFERRAL_WINDOW'],
    ['a DECLINED referral', { status: 'DECLINED' }, 'OUTSIDE_REFERRAL_WINDOW'],
    ['a service outside the pilot (Midlands)', { service: 'RC-MID' }, 'OTHER'],
    ['a latest risk of MEDIUM (after an older HIGH)', { risks: ['HIGH', 'MEDIUM'] }, 'OTHER'],
    ['no risk assessment', { risks: [] }, 'OTHER'],
    [
      'active needs in one category',
      { needs: [{ category: 'MENTAL_HEALTH' }, { category: 'MENTAL_HEALTH' }] },
      'OTHER',
    ],
    [
      'a second category that is no longer active',
      { needs: [{ category: 'MENTAL_HEALTH' }, { category: 'SUBSTANCE_MISUSE', active: false }] },
      'OTHER',
    ],
    ['no active health need', { needs: [] }, 'NO_IDENTIFIED_HEALTH_NEED'],
  ])('refuses %s as INELIGIBLE (%s)', async (_name, seed, reason) => {
    const { res, person } = await enrol(seed, enrolInput([]));
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'INELIGIBLE', reason });
    expect((await auditActions(hub, person.id)).map((a) => a.action)).not.toContain('enhancedCase.enrolled');
  });

  it('accepts POST_RELEASE, VERY_HIGH risk, in the South West', async () => {
    const { res } = await enrol(
      { service: 'RC-SW', status: 'POST_RELEASE', risks: ['VERY_HIGH'] },
      enrolInput([]),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.enrolEnhancedReconnect.enhancedCase.partners).toEqual([]);
  });

  it.each([['REFUSED'], ['WITHDRAWN']])('refuses sharing consent %s', async (decision) => {
    const { res } = await enrol({}, enrolInput(['ERP-NW-MH'], { sharingConsent: decision }));
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sharingConsent',
    });
  });

  it('needs a rationale', async () => {
    const { res } = await enrol({}, enrolInput([], { rationale: '  ' }));
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.rationale',
    });
  });

  it.each<[string, string, string]>([
    ['an expired agreement (ended 2026-06-30)', 'RC-SW', 'ERP-SW-SUB'],
    ['no agreement at all', 'RC-SW', 'ERP-SW-MAPPA'],
    ["an agreement outside the case's region", 'RC-NW', 'ERP-NEY-AP'],
    ['an unknown organisation', 'RC-NW', 'ERP-NOPE'],
  ])('refuses a partner with %s', async (_name, service, code) => {
    const { res, referral } = await enrol({ service }, enrolInput([code]));
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.partnerCodes',
    });
    const staff = await hub.as('RECONNECT_STAFF', { org: service });
    const read = await staff.query<Loose>(`query($id: ID!) { referral(id: $id) { enhancedCase { id } } }`, {
      id: referral.id,
    });
    expect(read.body.data!.referral.enhancedCase).toBeNull();
  });

  it('accepts ERP-SW-SUB while its agreement was in force', async () => {
    hub.clock.set('2026-06-30T20:00:00Z');
    const { res } = await enrol({ service: 'RC-SW' }, enrolInput(['ERP-SW-SUB']));
    expect(res.body.errors).toBeUndefined();
  });

  it('does not reveal a referral of another service, and refuses other roles', async () => {
    const { referral } = await seedEligibleReferral(hub);
    const other = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
    const res = await other.query<Loose>(ENROL, { referralId: referral.id, input: enrolInput([]) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const role of ['ER_PARTNER', 'REFERRER', 'RECONNECT_ADMIN', 'COMMISSIONER']) {
      const caller = await hub.as(role, { org: role === 'ER_PARTNER' ? 'ERP-NW-MH' : 'PROB-NW' });
      const denied = await caller.query<Loose>(ENROL, { referralId: referral.id, input: enrolInput([]) });
      expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('eligibility (pure)', () => {
  const eligible = {
    referralStatus: 'PRE_RELEASE',
    service: { region: 'NORTH_WEST', enhancedReconnect: true },
    riskLevel: 'HIGH',
    activeNeedCategories: ['MENTAL_HEALTH', 'ALCOHOL'],
  };
  it('accepts the eligible case and refuses a flagged service outside the pilot regions', () => {
    expect(enhancedEligibilityRefusal(eligible)).toBeNull();
    expect(
      enhancedEligibilityRefusal({ ...eligible, service: { region: 'LONDON', enhancedReconnect: true } })
        ?.reason,
    ).toBe('OTHER');
  });
});
