/**
 * Who may change a referral (AUTH.md): staff of the owning or receiving service; a referrer only
 * to withdraw its own SUBMITTED referral; a lead to extend support; nobody else. A referral the
 * caller cannot see is NOT_FOUND; one it sees but may not change is FORBIDDEN; neither changes
 * anything. And `availableActions` offers each caller exactly what the mutations then accept.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGrant, stableUuid, type HubClientForTests, type TestHub } from '@reconnect/hub/testing';
import {
  DEFAULT_GRANTS,
  OPS,
  STATE_NAMES,
  callersOf,
  op,
  outcome,
  run,
  seedIn,
  snapshot,
  startLifecycleHub,
  type Callers,
  type Loose,
  type State,
} from './lifecycle-harness.ts';

/** A RECONNECT appointment with the receiving service's own staff (RC-MID's demo worker). */
const MID_BOOKING = {
  at: '2026-11-27T14:30:00Z',
  with: 'RECONNECT',
  mode: 'VIDEO',
  purpose: 'RELEASE_PLANNING',
  staffId: stableUuid('staff:RC-MID:1'),
};

/** A state in which the operation is allowed, so that only the caller can be the reason it fails. */
const allowedState = (mutation: string): State => op(mutation).from;

const ACTIONS = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      id
      availableActions
    }
  }
`;
const LIFECYCLE_ACTIONS = new Set(OPS.map((o) => o.action));

describe('who may change a referral', () => {
  let hub: TestHub;
  let as: Callers;
  let others: Record<string, HubClientForTests>;

  beforeAll(async () => {
    hub = await startLifecycleHub();
    as = await callersOf(hub);
    others = {
      partner: await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' }),
      commissioner: await hub.as('COMMISSIONER', { org: 'NHSE' }),
      admin: await hub.as('RECONNECT_ADMIN', { org: 'RC-NW' }),
      unrelatedStaff: await hub.as('RECONNECT_STAFF', { org: 'RC-SW' }),
      unrelatedLead: await hub.as('RECONNECT_LEAD', { org: 'RC-SW' }),
      otherReferrer: await hub.as('REFERRER', { org: 'POL-GMP' }),
      sendingStaff: await hub.as('RECONNECT_STAFF', { org: 'RC-MID' }),
      sendingLead: await hub.as('RECONNECT_LEAD', { org: 'RC-MID' }),
      receivingStaff: await hub.as('RECONNECT_STAFF', { org: 'RC-MID' }),
      endedStaff: await hub.as('RECONNECT_STAFF', { org: 'RC-LDN' }),
    };
  });
  afterAll(async () => {
    await hub?.stop();
  });

  /** Runs the operation on a referral in a state that allows it and expects `code` and no change. */
  async function expectRefused(
    client: HubClientForTests,
    mutation: string,
    code: string,
    seed: Parameters<typeof seedIn>[2] = {},
    state = allowedState(mutation),
  ) {
    const seeded = await seedIn(hub, state, seed);
    const before = await snapshot(hub, seeded.id);
    const result = outcome(await run(client, mutation, seeded.id, { v: 1 }));
    expect(result.code, `${mutation} on ${state}`).toBe(code);
    expect(await snapshot(hub, seeded.id), mutation).toEqual(before);
  }

  describe('NOT_FOUND: a referral the caller cannot see', () => {
    it.each(OPS.map((o) => [o.mutation]))('%s by staff of another service', async (mutation) => {
      await expectRefused(
        mutation === 'extendSupport' ? others.unrelatedLead! : others.unrelatedStaff!,
        mutation,
        'NOT_FOUND',
      );
    });

    it('by staff whose grant has ended', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      // An ended grant, like a completed handover's sending service's after its 28 days.
      await seedGrant(hub.database.handle.db, {
        organisationCode: 'RC-LDN',
        relationship: 'OWNING_SERVICE',
        personId: seeded.personId,
        referralId: seeded.id,
        validFrom: new Date('2020-01-01T00:00:00Z'),
        validUntil: new Date('2026-01-01T00:00:00Z'),
      });
      expect(outcome(await run(others.endedStaff!, 'recordContact', seeded.id)).code).toBe('NOT_FOUND');
    });

    it('for another referrer withdrawing', async () => {
      await expectRefused(others.otherReferrer!, 'withdrawReferral', 'NOT_FOUND');
    });

    it.each([
      ['a random id', randomUUID()],
      ['something that is not an id', 'RC-7K3M-9QX2'],
    ])('for %s', async (_label, id) => {
      for (const o of OPS) {
        const { body } = await run(o.mutation === 'extendSupport' ? as.lead : as.staff, o.mutation, id);
        expect(outcome({ body } as never).code, o.mutation).toBe('NOT_FOUND');
        expect(body.errors![0]!.message).toBe('Referral was not found.');
      }
    });
  });

  describe('FORBIDDEN: a caller who sees the referral but may not change it', () => {
    it.each(OPS.filter((o) => o.mutation !== 'withdrawReferral').map((o) => [o.mutation]))(
      'the referrer may not %s',
      async (mutation) => {
        await expectRefused(as.referrer, mutation, 'FORBIDDEN');
      },
    );

    it.each(['PRE_RELEASE', 'POST_RELEASE', 'DECLINED', 'WITHDRAWN', 'DISCHARGED'] as const)(
      'the referrer may not withdraw a %s referral',
      async (state) => {
        await expectRefused(as.referrer, 'withdrawReferral', 'FORBIDDEN', {}, state);
      },
    );

    it('the referrer may withdraw its own SUBMITTED referral', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED');
      const { body } = await run(as.referrer, 'withdrawReferral', seeded.id, { v: 1 });
      expect(body.errors).toBeUndefined();
      expect(body.data!.withdrawReferral.referral).toEqual({
        id: seeded.id,
        status: 'WITHDRAWN',
        version: 2,
      });
    });

    it.each(['partner', 'commissioner', 'admin'])('the %s may do nothing', async (who) => {
      const grants: typeof DEFAULT_GRANTS = [...DEFAULT_GRANTS, ['ERP-NW-MH', 'ER_PARTNER']];
      for (const o of OPS) await expectRefused(others[who]!, o.mutation, 'FORBIDDEN', { grants });
    });

    it('staff may not extend support; a lead may', async () => {
      await expectRefused(as.staff, 'extendSupport', 'FORBIDDEN');
      const seeded = await seedIn(hub, 'POST_RELEASE');
      expect(outcome(await run(as.lead, 'extendSupport', seeded.id)).code).toBe('OK');
    });

    it.each(OPS.map((o) => [o.mutation]))(
      'the sending service after a completed handover may not %s',
      async (mutation) => {
        const grants: typeof DEFAULT_GRANTS = [...DEFAULT_GRANTS, ['RC-MID', 'SENDING_SERVICE']];
        await expectRefused(
          mutation === 'extendSupport' ? others.sendingLead! : others.sendingStaff!,
          mutation,
          'FORBIDDEN',
          { grants },
        );
      },
    );

    it.each(OPS.map((o) => [o.mutation]))(
      'the receiving service during a handover: %s only if it is planning (casework.md)',
      async (mutation) => {
        const grants: typeof DEFAULT_GRANTS = [...DEFAULT_GRANTS, ['RC-MID', 'RECEIVING_SERVICE']];
        const seed = { grants, overrides: { receivingServiceCode: 'RC-MID' } };
        const client = mutation === 'extendSupport' ? others.sendingLead! : others.receivingStaff!;
        if (mutation === 'addCaseNote' || mutation === 'bookAppointment') {
          const seeded = await seedIn(hub, allowedState(mutation), seed);
          const result = outcome(
            await run(
              client,
              mutation,
              seeded.id,
              mutation === 'bookAppointment' ? { input: MID_BOOKING } : {},
            ),
          );
          expect(result.code, result.message).toBe('OK');
        } else {
          await expectRefused(client, mutation, 'FORBIDDEN', seed);
        }
      },
    );

    it('the receiving service is offered its planning actions only', async () => {
      const grants: typeof DEFAULT_GRANTS = [...DEFAULT_GRANTS, ['RC-MID', 'RECEIVING_SERVICE']];
      for (const state of ['SUBMITTED_CONSENTED', 'PRE_RELEASE', 'POST_RELEASE', 'DISCHARGED'] as const) {
        const seeded = await seedIn(hub, state, { grants, overrides: { receivingServiceCode: 'RC-MID' } });
        for (const client of [others.receivingStaff!, others.sendingLead!]) {
          const { body } = await client.query<Loose>(ACTIONS, { id: seeded.id });
          expect(body.errors).toBeUndefined();
          expect(body.data!.referral.availableActions, state).toEqual(
            state === 'DISCHARGED' ? [] : ['ADD_NOTE', 'BOOK_APPOINTMENT'],
          );
        }
      }
    });
  });

  describe('availableActions agrees with what the mutations accept', () => {
    const CALLERS = ['staff', 'lead', 'referrer', 'partner', 'sendingStaff'] as const;
    const grants: typeof DEFAULT_GRANTS = [
      ...DEFAULT_GRANTS,
      ['ERP-NW-MH', 'ER_PARTNER'],
      ['RC-MID', 'SENDING_SERVICE'],
    ];
    const clientOf = (who: (typeof CALLERS)[number]) =>
      who === 'staff' || who === 'lead' || who === 'referrer' ? as[who] : others[who]!;

    /** The custody changes staff record while the person is held (DOMAIN.md, "Custody changes"). */
    const IN_CUSTODY = ['RECORD_TRANSFER', 'RECORD_TEMPORARY_LICENCE'];
    /** Casework on an open referral (DOMAIN.md, "Casework"). */
    const CASEWORK = ['ADD_NOTE', 'BOOK_APPOINTMENT'];
    /** What each caller is offered, by state (the rules of DOMAIN.md and AUTH.md, written out). */
    const EXPECTED: Record<string, Partial<Record<State, string[]>>> = {
      staff: {
        SUBMITTED: [...IN_CUSTODY, ...CASEWORK, 'RECORD_CONSENT', 'DECLINE', 'WITHDRAW', 'RECORD_CONTACT'],
        SUBMITTED_CONSENTED: [
          ...IN_CUSTODY,
          ...CASEWORK,
          'RECORD_CONSENT',
          'ACCEPT',
          'DECLINE',
          'WITHDRAW',
          'RECORD_CONTACT',
        ],
        PRE_RELEASE: [
          ...IN_CUSTODY,
          ...CASEWORK,
          'ASSIGN_WORKER',
          'RECORD_CONTACT',
          'UPDATE_EXPECTED_RELEASE_DATE',
          'RECORD_RELEASE',
          'RECORD_ENGAGEMENT',
          'DISCHARGE',
        ],
        POST_RELEASE: [
          ...CASEWORK,
          'ASSIGN_WORKER',
          'RECORD_CONTACT',
          'RECORD_RETURN_TO_CUSTODY',
          'RECORD_ENGAGEMENT',
          'DISCHARGE',
        ],
      },
      lead: {
        SUBMITTED: [...IN_CUSTODY, ...CASEWORK, 'RECORD_CONSENT', 'DECLINE', 'WITHDRAW', 'RECORD_CONTACT'],
        SUBMITTED_CONSENTED: [
          ...IN_CUSTODY,
          ...CASEWORK,
          'RECORD_CONSENT',
          'ACCEPT',
          'DECLINE',
          'WITHDRAW',
          'RECORD_CONTACT',
        ],
        PRE_RELEASE: [
          ...IN_CUSTODY,
          ...CASEWORK,
          'ASSIGN_WORKER',
          'RECORD_CONTACT',
          'UPDATE_EXPECTED_RELEASE_DATE',
          'RECORD_RELEASE',
          'RECORD_ENGAGEMENT',
          'DISCHARGE',
        ],
        POST_RELEASE: [
          ...CASEWORK,
          'ASSIGN_WORKER',
          'RECORD_CONTACT',
          'RECORD_RETURN_TO_CUSTODY',
          'RECORD_ENGAGEMENT',
          'EXTEND_SUPPORT',
          'DISCHARGE',
        ],
      },
      referrer: { SUBMITTED: ['WITHDRAW'], SUBMITTED_CONSENTED: ['WITHDRAW'] },
      partner: {},
      sendingStaff: {},
    };

    it.each(CALLERS.flatMap((who) => STATE_NAMES.map((state) => [who, state] as const)))(
      '%s, %s',
      async (who, state) => {
        const client = clientOf(who);
        const shared = await seedIn(hub, state, { grants });
        const { body } = await client.query<Loose>(ACTIONS, { id: shared.id });
        expect(body.errors).toBeUndefined();
        const offered = (body.data!.referral.availableActions as string[]).filter((a) =>
          LIFECYCLE_ACTIONS.has(a),
        );
        expect(offered.sort()).toEqual([...(EXPECTED[who]![state] ?? [])].sort());

        const before = await snapshot(hub, shared.id);
        const results = await Promise.all(
          OPS.map(async (o) => {
            const expectOk = offered.includes(o.action);
            // Each accepted change gets a referral of its own; refusals share one, which must not change.
            const target = expectOk ? (await seedIn(hub, state, { grants })).id : shared.id;
            return [
              o.mutation,
              expectOk,
              outcome(await run(client, o.mutation, target, { v: 1 })).code,
            ] as const;
          }),
        );
        for (const [mutation, expectOk, code] of results) {
          if (expectOk) expect(code, mutation).toBe('OK');
          else expect(['FORBIDDEN', 'INVALID_TRANSITION'], `${mutation} gave ${code}`).toContain(code);
        }
        expect(await snapshot(hub, shared.id)).toEqual(before);
      },
    );
  });
});
