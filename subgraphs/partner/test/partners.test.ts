/** Partner organisations and agreements through the gateway: who sees which, and agreement dates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { activeAgreementOf, isAgreementActive } from '../src/service/agreements.ts';

const QUERY = /* GraphQL */ `
  {
    partnerOrganisations {
      code
      name
      regions
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

type Org = {
  code: string;
  regions: string[];
  agreements: { reference: string; active: boolean }[];
  activeAgreement: { reference: string } | null;
};

describe('agreement dates (pure)', () => {
  it.each([
    ['2026-06-30', true],
    ['2026-07-01', false],
    ['2025-07-01', true],
    ['2025-06-30', false],
  ])('an agreement running 2025-07-01..2026-06-30 is active on %s: %s', (today, expected) => {
    expect(isAgreementActive({ startsOn: '2025-07-01', endsOn: '2026-06-30' }, today)).toBe(expected);
  });

  it('picks the agreement that started last when two overlap', () => {
    const a = { startsOn: '2026-01-01', endsOn: '2026-12-31', ref: 'a' };
    const b = { startsOn: '2026-06-01', endsOn: '2027-05-31', ref: 'b' };
    expect(activeAgreementOf([a, b], '2026-07-01')?.ref).toBe('b');
    expect(activeAgreementOf([a, b], '2027-06-01')).toBeNull();
  });
});

describe('partnerOrganisations', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('shows RECONNECT staff every partner with agreements dated by the clock', async () => {
    hub.clock.set('2026-11-25T12:00:00Z');
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
    const { body } = await staff.query<{ partnerOrganisations: Org[] }>(QUERY);
    expect(body.errors).toBeUndefined();
    const orgs = body.data!.partnerOrganisations;
    expect(orgs.map((o) => o.code).sort()).toEqual([
      'ERP-NEY-AP',
      'ERP-NW-HSG',
      'ERP-NW-MH',
      'ERP-SW-MAPPA',
      'ERP-SW-SUB',
    ]);
    const sub = orgs.find((o) => o.code === 'ERP-SW-SUB')!;
    expect(sub.agreements).toEqual([expect.objectContaining({ reference: 'DSA-SW-2025-07', active: false })]);
    expect(sub.activeAgreement).toBeNull();
    expect(orgs.find((o) => o.code === 'ERP-SW-MAPPA')!.agreements).toEqual([]);
    expect(orgs.find((o) => o.code === 'ERP-NW-MH')!.activeAgreement).toEqual({
      reference: 'DSA-NW-2026-03',
    });

    hub.clock.set('2026-03-01T12:00:00Z');
    const earlier = await staff.query<{ partnerOrganisations: Org[] }>(QUERY);
    expect(
      earlier.body.data!.partnerOrganisations.find((o) => o.code === 'ERP-SW-SUB')!.activeAgreement,
    ).toEqual({
      reference: 'DSA-SW-2025-07',
    });
    hub.clock.reset();
  });

  it('shows an admin every partner', async () => {
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const { body } = await admin.query<{ partnerOrganisations: Org[] }>(QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.partnerOrganisations).toHaveLength(5);
  });

  it('shows a partner only its own organisation', async () => {
    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-HSG' });
    const { body } = await partner.query<{ partnerOrganisations: Org[] }>(QUERY);
    expect(body.errors).toBeUndefined();
    expect(body.data!.partnerOrganisations.map((o) => o.code)).toEqual(['ERP-NW-HSG']);
  });

  it('shows a partner token naming no known organisation nothing', async () => {
    const partner = await hub.as('ER_PARTNER', { org: 'NOT-A-PARTNER' });
    const { body } = await partner.query<{ partnerOrganisations: Org[] }>(QUERY);
    expect(body.data!.partnerOrganisations).toEqual([]);
  });

  it.each([['REFERRER'], ['COMMISSIONER'], [[] as string[]]])('refuses %j with FORBIDDEN', async (role) => {
    const caller = await hub.as(role as string, { org: 'PROB-NW' });
    const { status, body } = await caller.query(QUERY);
    expect(status).toBe(200);
    expect(body.data).toBeNull(); // partnerOrganisations is non-null, so the denial nulls the whole answer
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
