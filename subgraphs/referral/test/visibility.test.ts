/**
 * Referral visibility through the gateway (AUTH.md): a referral is revealed only to callers with a
 * live relationship, and each relationship reads only its fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGrant, seedReferral, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { randomUUID } from 'node:crypto';

const BY_ID = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      id
      reference
      status
      version
      source
      submittedAt
      owningService {
        code
        name
      }
      receivingService {
        code
      }
    }
  }
`;

describe('referral visibility', () => {
  let hub: TestHub;
  let referralId: string;
  let reference: string;
  const personId = randomUUID();

  beforeAll(async () => {
    hub = await startTestHub();
    const db = hub.database.handle.db;
    const referral = await seedReferral(db, {
      personId,
      owningServiceCode: 'RC-NW',
      receivingServiceCode: 'RC-MID',
    });
    referralId = referral.id;
    reference = referral.reference;
    await seedGrant(db, { organisationCode: 'RC-NW', relationship: 'OWNING_SERVICE', personId, referralId });
    await seedGrant(db, {
      organisationCode: 'RC-MID',
      relationship: 'RECEIVING_SERVICE',
      personId,
      referralId,
    });
    await seedGrant(db, { organisationCode: 'PROB-NW', relationship: 'REFERRER', personId, referralId });
    await seedGrant(db, {
      organisationCode: 'RC-LDN',
      relationship: 'OWNING_SERVICE',
      personId,
      referralId,
      validUntil: new Date(Date.now() - 1000),
    });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('shows the owning service staff the referral with its services', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const { body } = await staff.query(BY_ID, { id: referralId });
    expect(body.errors).toBeUndefined();
    expect(body.data!.referral).toMatchObject({
      id: referralId,
      reference,
      status: 'SUBMITTED',
      version: 1,
      source: 'PROBATION',
      owningService: { code: 'RC-NW', name: 'RECONNECT North West' },
      receivingService: { code: 'RC-MID' },
    });
  });

  it('shows the receiving service and the referrer the status fields', async () => {
    for (const [role, org] of [
      ['RECONNECT_LEAD', 'RC-MID'],
      ['REFERRER', 'PROB-NW'],
    ] as const) {
      const caller = await hub.as(role, { org });
      const { body } = await caller.query(BY_ID, { id: referralId });
      expect(body.errors, `${role} ${org}`).toBeUndefined();
      expect(body.data!.referral).toMatchObject({ id: referralId, status: 'SUBMITTED' });
    }
  });

  it('finds it by reference however it is typed', async () => {
    const referrer = await hub.as('REFERRER', { org: 'PROB-NW' });
    const { body } = await referrer.query(
      `query ($r: String!) { referralByReference(reference: $r) { id } }`,
      {
        r: reference.toLowerCase().replace(/-/g, ' '),
      },
    );
    expect(body.data).toEqual({ referralByReference: { id: referralId } });
  });

  it.each([
    ['staff of an unrelated service', 'RECONNECT_STAFF', 'RC-SW'],
    ['staff whose grant has ended', 'RECONNECT_STAFF', 'RC-LDN'],
    ['another referrer', 'REFERRER', 'POL-GMP'],
    ['a referrer token naming the owning service', 'REFERRER', 'RC-NW'],
    ['a partner with no case', 'ER_PARTNER', 'ERP-NW-MH'],
  ])('reveals nothing to %s', async (_label, role, org) => {
    const caller = await hub.as(role, { org });
    const { body } = await caller.query(BY_ID, { id: referralId });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ referral: null });
  });

  it.each([['COMMISSIONER'], ['RECONNECT_ADMIN']])('refuses %s with FORBIDDEN', async (role) => {
    const caller = await hub.as(role, { org: 'NHSE' });
    const { body } = await caller.query(BY_ID, { id: referralId });
    expect(body.data).toEqual({ referral: null });
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['referral', 'FORBIDDEN'],
    ]);
  });

  it('answers null for an id that is not a uuid', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const { body } = await staff.query(BY_ID, { id: "1' OR '1'='1" });
    expect(body).toEqual({ data: { referral: null } });
  });
});
