/**
 * Handovers under concurrency (PostgreSQL only: PGlite has one connection, so nothing there runs
 * at once): five answers to one handover at the same moment land exactly one, and five requests
 * for one referral at once open exactly one handover (the partial unique index).
 */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants } from '@reconnect/access';
import type { HubClientForTests, TestHub } from '@reconnect/hub/testing';
import { handovers } from '../src/db/schema.ts';
import { outcome, seedIn, startLifecycleHub, type Loose } from './lifecycle-harness.ts';

const REQUEST = `mutation ($id: ID!, $to: String!) { requestHandover(referralId: $id, toServiceCode: $to) { handover { id status } } }`;
const ACCEPT = `mutation ($id: ID!) { acceptHandover(id: $id) { handover { id status } } }`;
const DECLINE = `mutation ($id: ID!, $reason: String!) { declineHandover(id: $id, reason: $reason) { handover { id status } } }`;

describe.skipIf(!process.env.TEST_DATABASE_URL)('handovers at the same moment (PostgreSQL)', () => {
  let hub: TestHub;
  let nwStaff: HubClientForTests;
  let ldnStaff: HubClientForTests;
  let ldnLead: HubClientForTests;

  beforeAll(async () => {
    hub = await startLifecycleHub();
    nwStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    ldnStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-LDN' });
    ldnLead = await hub.as('RECONNECT_LEAD', { org: 'RC-LDN' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const seed = () => seedIn(hub, 'PRE_RELEASE', { overrides: { receivingServiceCode: 'RC-LDN' } });

  async function receivingGrants(referralId: string) {
    const now = hub.clock.now();
    return hub.database.handle.db
      .select()
      .from(grants)
      .where(
        and(
          eq(grants.referralId, referralId),
          eq(grants.relationship, 'RECEIVING_SERVICE'),
          or(isNull(grants.validUntil), gt(grants.validUntil, now)),
        ),
      );
  }

  it('five accepts and declines of one handover: exactly one lands, and the grants match it', async () => {
    const referral = await seed();
    const requested = await nwStaff.query<Loose>(REQUEST, { id: referral.id, to: 'RC-LDN' });
    const id = requested.body.data!.requestHandover.handover.id as string;
    const results = await Promise.all([
      ldnStaff.query<Loose>(ACCEPT, { id }),
      ldnLead.query<Loose>(DECLINE, { id, reason: 'Not ours (1).' }),
      ldnLead.query<Loose>(ACCEPT, { id }),
      ldnLead.query<Loose>(DECLINE, { id, reason: 'Not ours (2).' }),
      ldnStaff.query<Loose>(ACCEPT, { id }),
    ]);
    const codes = results.map((r) => outcome(r).code);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'INVALID_TRANSITION')).toBe(true);
    const winner = results.find((r) => outcome(r).code === 'OK')!;
    const status = Object.values(winner.body.data!)[0].handover.status as string;
    const [row] = await hub.database.handle.db.select().from(handovers).where(eq(handovers.id, id));
    expect(row!.status).toBe(status);
    expect(row!.version).toBe(2);
    expect(await receivingGrants(referral.id)).toHaveLength(status === 'ACCEPTED' ? 1 : 0);
  });

  it('five requests for one referral at once: exactly one handover opens', async () => {
    const referral = await seed();
    const results = await Promise.all(
      ['RC-LDN', 'RC-SW', 'RC-SE', 'RC-MID', 'RC-EOE'].map((to) =>
        nwStaff.query<Loose>(REQUEST, { id: referral.id, to }),
      ),
    );
    const codes = results.map((r) => outcome(r).code);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'INVALID_TRANSITION')).toBe(true);
    const rows = await hub.database.handle.db
      .select()
      .from(handovers)
      .where(eq(handovers.referralId, referral.id));
    expect(rows).toHaveLength(1);
    expect(await receivingGrants(referral.id)).toHaveLength(1);
  });
});
