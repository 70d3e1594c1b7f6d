/** Recording data sharing agreements (RECONNECT_ADMIN only), and listing enhanced cases a page at a time. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { ENROL, NOW, enrolInput, seedEligibleReferral, type Loose } from './enhanced-harness.ts';

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

const RECORD = /* GraphQL */ `
  mutation Record($code: String!, $input: DataSharingAgreementInput!) {
    recordDataSharingAgreement(partnerCode: $code, input: $input) {
      code
      agreements {
        reference
        scopes
        startsOn
        endsOn
        active
      }
      activeAgreement {
        reference
      }
    }
  }
`;
const input = (overrides: Loose = {}) => ({
  reference: 'DSA-SW-2026-12',
  scopes: ['NEEDS', 'RISK'],
  startsOn: '2026-11-01',
  endsOn: '2027-10-31',
  ...overrides,
});

describe('recordDataSharingAgreement', () => {
  it('lets an admin renew ERP-SW-SUB, which then may join a South West case', async () => {
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const res = await admin.query<Loose>(RECORD, { code: 'ERP-SW-SUB', input: input() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordDataSharingAgreement).toMatchObject({
      code: 'ERP-SW-SUB',
      activeAgreement: { reference: 'DSA-SW-2026-12' },
    });
    expect(res.body.data!.recordDataSharingAgreement.agreements).toContainEqual({
      reference: 'DSA-SW-2026-12',
      scopes: ['NEEDS', 'RISK'],
      startsOn: '2026-11-01',
      endsOn: '2027-10-31',
      active: true,
    });
    const { referral } = await seedEligibleReferral(hub, { service: 'RC-SW' });
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
    const enrol = await staff.query<Loose>(ENROL, {
      referralId: referral.id,
      input: enrolInput(['ERP-SW-SUB']),
    });
    expect(enrol.body.errors).toBeUndefined();

    const again = await admin.query<Loose>(RECORD, { code: 'ERP-NW-MH', input: input() });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reference',
    });
  });

  it.each<[string, Loose, string]>([
    [
      'ends before it starts',
      { reference: 'DSA-X-1', startsOn: '2027-01-02', endsOn: '2027-01-01' },
      'input.endsOn',
    ],
    ['shares nothing', { reference: 'DSA-X-2', scopes: [] }, 'input.scopes'],
    ['has no reference', { reference: '  ' }, 'input.reference'],
  ])('refuses an agreement that %s', async (_name, overrides, field) => {
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const res = await admin.query<Loose>(RECORD, { code: 'ERP-SW-MAPPA', input: input(overrides) });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('is NOT_FOUND for an unknown partner', async () => {
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const res = await admin.query<Loose>(RECORD, {
      code: 'ERP-NOPE',
      input: input({ reference: 'DSA-X-3' }),
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each<[string, string]>([
    ['RECONNECT_STAFF', 'RC-SW'],
    ['RECONNECT_LEAD', 'RC-SW'],
    ['ER_PARTNER', 'ERP-SW-MAPPA'],
    ['REFERRER', 'PROB-NW'],
  ])('is FORBIDDEN for %s', async (role, org) => {
    const caller = await hub.as(role, { org });
    const res = await caller.query<Loose>(RECORD, {
      code: 'ERP-SW-MAPPA',
      input: input({ reference: `DSA-${role}` }),
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const orgs = await admin.query<Loose>(`{ partnerOrganisations { code agreements { reference } } }`);
    const mappa = orgs.body.data!.partnerOrganisations.find((o: Loose) => o.code === 'ERP-SW-MAPPA');
    expect(mappa.agreements.map((a: Loose) => a.reference)).not.toContain(`DSA-${role}`);
  });
});

describe('enhancedCases', () => {
  it('pages through the caller service’s cases with a cursor and a total', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NEY' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { referral } = await seedEligibleReferral(hub, { service: 'RC-NEY' });
      hub.clock.advance(1000);
      const res = await staff.query<Loose>(ENROL, {
        referralId: referral.id,
        input: enrolInput(['ERP-NEY-AP']),
      });
      ids.push(res.body.data!.enrolEnhancedReconnect.enhancedCase.id);
    }
    const PAGE = `query($after: String) { enhancedCases(first: 2, after: $after) {
      nodes { id } pageInfo { endCursor hasNextPage } totalCount } }`;
    const one = await staff.query<Loose>(PAGE, {});
    expect(one.body.data!.enhancedCases).toMatchObject({
      nodes: [{ id: ids[2] }, { id: ids[1] }],
      pageInfo: { hasNextPage: true },
      totalCount: 3,
    });
    const two = await staff.query<Loose>(PAGE, { after: one.body.data!.enhancedCases.pageInfo.endCursor });
    expect(two.body.data!.enhancedCases).toMatchObject({
      nodes: [{ id: ids[0] }],
      pageInfo: { hasNextPage: false },
    });

    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NEY-AP' });
    const theirs = await partner.query<Loose>(`{ enhancedCases(status: OPEN) { totalCount } }`);
    expect(theirs.body.data!.enhancedCases.totalCount).toBe(3);
    const other = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const none = await other.query<Loose>(`{ enhancedCases { nodes { id } } }`);
    expect(none.body.data!.enhancedCases.nodes.map((n: Loose) => n.id)).not.toContain(ids[0]);
    const tooMany = await staff.query<Loose>(`{ enhancedCases(first: 101) { totalCount } }`);
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
