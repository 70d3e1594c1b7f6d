/**
 * `dueWork` through the gateway (DOMAIN.md, "Casework": what is due): every kind, each item's due
 * day and whether it is overdue, the order (the named worker's own first, overdue first, soonest
 * first), `mine`, the counts over the whole list, paging, who may ask, and a statement count that
 * does not grow with the page size.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubClientForTests, type TestHub } from '@reconnect/hub/testing';
import { appointments, handovers } from '../src/db/schema.ts';
import { seedIn, staffOf, startLifecycleHub, type Loose } from './lifecycle-harness.ts';

const SERVICE = 'RC-SE';
const ME = staffOf(SERVICE, 1);
const COLLEAGUE = staffOf(SERVICE, 2);
const OWNED: [string, 'OWNING_SERVICE'][] = [[SERVICE, 'OWNING_SERVICE']];

const DUE = /* GraphQL */ `
  query ($mine: Boolean, $kinds: [DueWorkKind!], $first: Int, $after: String, $serviceCode: String) {
    dueWork(mine: $mine, kinds: $kinds, first: $first, after: $after, serviceCode: $serviceCode) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      countsByKind {
        kind
        count
        overdue
      }
      nodes {
        kind
        dueOn
        overdue
        referral {
          id
          status
          namedWorker {
            id
          }
        }
        appointment {
          id
          status
        }
        handover {
          id
          status
        }
      }
    }
  }
`;

describe('dueWork', () => {
  let hub: TestHub;
  let me: HubClientForTests;
  const ids: Record<string, string> = {};
  let appointmentId = '';
  let handoverId = '';

  beforeAll(async () => {
    hub = await startLifecycleHub();
    me = await hub.as('RECONNECT_STAFF', { org: SERVICE, sub: 'se-worker', staffId: ME });
    const db = hub.database.handle.db;
    const own = { owningServiceCode: SERVICE };
    // Wednesday 2026-11-25 is today. Submitted Friday 20th: two working days ran out on Tuesday.
    ids.a = (await seedIn(hub, 'SUBMITTED', { grants: OWNED, overrides: own })).id;
    ids.b = (
      await seedIn(hub, 'SUBMITTED_CONSENTED', {
        grants: OWNED,
        overrides: { ...own, submittedAt: new Date('2026-11-24T10:00:00Z') },
      })
    ).id;
    ids.c = (
      await seedIn(hub, 'PRE_RELEASE', {
        grants: OWNED,
        overrides: { ...own, namedWorkerId: null, expectedReleaseDate: '2026-12-01' },
      })
    ).id;
    ids.d = (
      await seedIn(hub, 'POST_RELEASE', {
        grants: OWNED,
        overrides: { ...own, namedWorkerId: ME, releasedOn: '2026-06-10', expectedReleaseDate: '2026-06-10' },
      })
    ).id;
    ids.e = (
      await seedIn(hub, 'POST_RELEASE', {
        grants: OWNED,
        overrides: {
          ...own,
          namedWorkerId: COLLEAGUE,
          releasedOn: '2026-05-01',
          expectedReleaseDate: '2026-05-01',
        },
      })
    ).id;
    // Nobody else's work, nor a closed referral's, is listed.
    await seedIn(hub, 'SUBMITTED');
    await seedIn(hub, 'DISCHARGED', { grants: OWNED, overrides: own });
    const [appointment] = await db
      .insert(appointments)
      .values({
        referralId: ids.d,
        at: new Date('2026-11-24T10:00:00Z'),
        with: 'RECONNECT',
        mode: 'VIDEO',
        purpose: 'POST_RELEASE_SUPPORT',
        status: 'BOOKED',
        bookedAt: new Date('2026-11-20T10:00:00Z'),
        bookedBy: 'test',
      })
      .returning();
    appointmentId = appointment!.id;
    // A handover to this service from RC-NW, due for an answer yesterday.
    const g = await seedIn(hub, 'PRE_RELEASE', {
      grants: [
        ['RC-NW', 'OWNING_SERVICE'],
        [SERVICE, 'RECEIVING_SERVICE'],
      ],
      overrides: { receivingServiceCode: SERVICE, expectedReleaseDate: '2027-03-01' },
    });
    ids.g = g.id;
    const [handover] = await db
      .insert(handovers)
      .values({
        referralId: g.id,
        fromServiceCode: 'RC-NW',
        toServiceCode: SERVICE,
        status: 'REQUESTED',
        requestedAt: new Date('2026-11-20T10:00:00Z'),
        requestedBy: 'test',
        respondBy: new Date('2026-11-24T10:00:00Z'),
      })
      .returning();
    handoverId = handover!.id;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const due = async (client: HubClientForTests, vars: Loose = {}) => {
    const { body } = await client.query<Loose>(DUE, vars);
    expect(body.errors).toBeUndefined();
    return body.data!.dueWork as Loose;
  };

  it("lists every kind with its day, the named worker's own first, then overdue, then soonest", async () => {
    const list = await due(me);
    const short = (list.nodes as Loose[]).map((n) => [
      n.kind,
      Object.entries(ids).find(([, id]) => id === n.referral.id)?.[0],
      n.dueOn,
      n.overdue,
    ]);
    expect(short).toEqual([
      // Mine (referral d's named worker is the caller).
      ['APPOINTMENT_OUTCOME', 'd', '2026-11-25', false],
      ['SUPPORT_ENDING', 'd', '2026-12-10', false],
      // Overdue, oldest first.
      ['DISCHARGE_OVERDUE', 'e', '2026-11-01', true],
      ['NEW_REFERRAL', 'a', '2026-11-20', true],
      ['NO_NAMED_WORKER', 'c', '2026-11-20', true],
      ['HANDOVER_RESPONSE', 'g', '2026-11-24', true],
      ['PRE_RELEASE_CONTACTS', 'c', '2026-11-24', true],
      // Then the rest, soonest first.
      ['NEW_REFERRAL', 'b', '2026-11-24', false],
      ['CONSENT_NOT_RECORDED', 'a', '2026-11-27', false],
      ['RELEASE_DAY', 'c', '2026-12-01', false],
    ]);
    expect(list.totalCount).toBe(10);
    const appointmentItem = list.nodes[0];
    expect(appointmentItem.appointment).toEqual({ id: appointmentId, status: 'BOOKED' });
    const handoverItem = (list.nodes as Loose[]).find((n) => n.kind === 'HANDOVER_RESPONSE')!;
    expect(handoverItem.handover).toEqual({ id: handoverId, status: 'REQUESTED' });
    expect(list.countsByKind).toEqual([
      { kind: 'NEW_REFERRAL', count: 2, overdue: 1 },
      { kind: 'CONSENT_NOT_RECORDED', count: 1, overdue: 0 },
      { kind: 'NO_NAMED_WORKER', count: 1, overdue: 1 },
      { kind: 'PRE_RELEASE_CONTACTS', count: 1, overdue: 1 },
      { kind: 'RELEASE_DAY', count: 1, overdue: 0 },
      { kind: 'APPOINTMENT_OUTCOME', count: 1, overdue: 0 },
      { kind: 'HANDOVER_RESPONSE', count: 1, overdue: 1 },
      { kind: 'SUPPORT_ENDING', count: 1, overdue: 0 },
      { kind: 'DISCHARGE_OVERDUE', count: 1, overdue: 1 },
    ]);
  });

  it('pages with the counts over the whole list, and filters by kind and mine', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const list: Loose = await due(me, { first: 3, after });
      expect(list.totalCount).toBe(10);
      expect(list.countsByKind.reduce((n: number, c: Loose) => n + c.count, 0)).toBe(10);
      seen.push(...(list.nodes as Loose[]).map((n) => `${n.kind}:${n.referral.id}`));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);

    const mine = await due(me, { mine: true });
    expect((mine.nodes as Loose[]).map((n) => n.kind)).toEqual(['APPOINTMENT_OUTCOME', 'SUPPORT_ENDING']);
    expect(mine.totalCount).toBe(2);
    const kinds = await due(me, { kinds: ['NEW_REFERRAL'] });
    expect((kinds.nodes as Loose[]).map((n) => n.referral.id)).toEqual([ids.a, ids.b]);
  });

  it('costs the same number of statements for a page of 6 as of 50', async () => {
    // Enough work for a long page; the first 6 items already hold an appointment and a handover.
    for (let i = 0; i < 45; i += 1) {
      await seedIn(hub, 'SUBMITTED', {
        grants: OWNED,
        overrides: { owningServiceCode: SERVICE, submittedAt: new Date('2026-11-25T09:00:00Z') },
      });
    }
    await due(me, { first: 1 });
    const measure = async (first: number) => {
      const { result, statements } = await hub.database.handle.statements.measure(() =>
        me.query<Loose>(DUE, { first }),
      );
      expect(result.body.errors).toBeUndefined();
      const nodes = result.body.data!.dueWork.nodes as Loose[];
      expect(nodes).toHaveLength(first);
      expect(nodes.some((n) => n.appointment) && nodes.some((n) => n.handover)).toBe(true);
      return statements.length;
    };
    const six = await measure(6);
    const fifty = await measure(50);
    expect(fifty).toBe(six);
  });

  it("is a service's own: other services, other roles and a bad cursor are refused", async () => {
    const { body: other } = await me.query<Loose>(DUE, { serviceCode: 'RC-NW' });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    for (const [role, org] of [
      ['REFERRER', 'PROB-NW'],
      ['ER_PARTNER', 'ERP-NW-MH'],
      ['COMMISSIONER', 'NHSE'],
      ['RECONNECT_ADMIN', SERVICE],
    ] as const) {
      const client = await hub.as(role, { org });
      const { body } = await client.query<Loose>(DUE, {});
      expect(body.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect(body.data?.dueWork ?? null).toBeNull();
    }
    // A service with no work sees none of anyone else's.
    const empty = await due(await hub.as('RECONNECT_STAFF', { org: 'RC-LDN' }));
    expect(empty.totalCount).toBe(0);
    expect(empty.nodes).toEqual([]);
    const { body: bad } = await me.query<Loose>(DUE, { after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const { body: nobody } = await (
      await hub.as('RECONNECT_STAFF', { org: SERVICE })
    ).query<Loose>(DUE, {
      mine: true,
    });
    expect(nobody.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mine' });
  });
});
