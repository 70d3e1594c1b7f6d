/**
 * Support over time, read through the API as the hub's clock moves: the support window follows
 * the expected release date, ends six calendar months after release or at an extension, and an
 * open referral past it is `dischargeOverdue`; release on temporary licence is not a release; a
 * return to custody ends the post-release period; pre-release contacts are counted until release.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestHub } from '@reconnect/hub/testing';
import {
  NOW,
  callersOf,
  outcome,
  run,
  seedIn,
  startLifecycleHub,
  type Callers,
  type Loose,
} from './lifecycle-harness.ts';

const READ = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      status
      version
      custody {
        type
        establishment {
          code
        }
        expectedReleaseDate
        releasedOn
        onTemporaryLicence
      }
      supportWindow {
        startsOn
        endsOn
        extendedUntil
        extensionReason
        dischargeOverdue
      }
      preReleaseContacts {
        count
        faceToFace
        required
        met
      }
      contacts {
        occurredAt
        mode
        preRelease
      }
      history {
        type
        reason
      }
      availableActions
    }
  }
`;

describe('support over time', () => {
  let hub: TestHub;
  let as: Callers;

  beforeAll(async () => {
    hub = await startLifecycleHub();
    as = await callersOf(hub);
  });
  afterEach(() => hub.clock.set(NOW));
  afterAll(async () => {
    await hub?.stop();
  });

  const read = async (id: string) => {
    const { body } = await as.staff.query<Loose>(READ, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.referral as Loose;
  };
  const ok = async (response: ReturnType<typeof run>) =>
    expect(outcome(await response)).toEqual({ code: 'OK' });

  it('starts 12 weeks before the expected release date and moves with it', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE', { overrides: { expectedReleaseDate: '2027-06-01' } });
    expect((await read(seeded.id)).supportWindow).toEqual({
      startsOn: '2027-03-09',
      endsOn: null,
      extendedUntil: null,
      extensionReason: null,
      dischargeOverdue: false,
    });
    await ok(run(as.staff, 'updateExpectedReleaseDate', seeded.id, { date: '2027-01-15' }));
    // Inside 12 weeks of release: support starts on the day of the referral.
    expect((await read(seeded.id)).supportWindow).toMatchObject({ startsOn: '2026-11-20', endsOn: null });
    await ok(run(as.staff, 'updateExpectedReleaseDate', seeded.id, { date: '2027-04-01' }));
    const referral = await read(seeded.id);
    expect(referral.supportWindow).toMatchObject({ startsOn: '2027-01-07', endsOn: null });
    expect(referral.custody.expectedReleaseDate).toBe('2027-04-01');
    expect(referral.history.map((e: Loose) => e.reason)).toEqual([
      '2027-06-01 to 2027-01-15: Parole hearing adjourned.',
      '2027-01-15 to 2027-04-01: Parole hearing adjourned.',
    ]);
  });

  it('does not treat release on temporary licence as a release', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE', {
      overrides: { expectedReleaseDate: '2027-06-01', onTemporaryLicence: true },
    });
    // A contact while out on licence is still a pre-release contact.
    await ok(
      run(as.staff, 'recordContact', seeded.id, {
        input: { occurredAt: '2026-11-24T14:00:00Z', mode: 'FACE_TO_FACE', purpose: 'RELEASE_PLANNING' },
      }),
    );
    hub.clock.set('2028-01-01');
    let referral = await read(seeded.id);
    expect(referral.status).toBe('PRE_RELEASE');
    expect(referral.custody).toMatchObject({ onTemporaryLicence: true, releasedOn: null });
    expect(referral.supportWindow).toMatchObject({
      startsOn: '2027-03-09',
      endsOn: null,
      dischargeOverdue: false,
    });
    expect(referral.preReleaseContacts).toEqual({ count: 1, faceToFace: 1, required: 2, met: false });
    expect(referral.availableActions).toContain('RECORD_RELEASE');
    expect(referral.availableActions).not.toContain('EXTEND_SUPPORT');

    hub.clock.set('2027-06-01');
    await ok(run(as.staff, 'recordRelease', seeded.id, { on: '2027-06-01' }));
    referral = await read(seeded.id);
    expect(referral.custody).toMatchObject({ onTemporaryLicence: false, releasedOn: '2027-06-01' });
    expect(referral.supportWindow).toMatchObject({ endsOn: '2027-12-01', dischargeOverdue: false });
  });

  it('ends six calendar months after release, is overdue the day after, and moves with extensions', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE');
    await ok(run(as.staff, 'recordRelease', seeded.id, { on: '2026-11-24' }));
    expect((await read(seeded.id)).supportWindow).toMatchObject({
      endsOn: '2027-05-24',
      extendedUntil: null,
      dischargeOverdue: false,
    });

    hub.clock.set('2027-05-24');
    expect((await read(seeded.id)).supportWindow.dischargeOverdue).toBe(false);
    hub.clock.set('2027-05-25');
    expect((await read(seeded.id)).supportWindow.dischargeOverdue).toBe(true);

    expect(outcome(await run(as.staff, 'extendSupport', seeded.id, { until: '2027-08-31' })).code).toBe(
      'FORBIDDEN',
    );
    await ok(
      run(as.lead, 'extendSupport', seeded.id, {
        until: '2027-08-31',
        reason: 'Awaiting a drug and alcohol service start date.',
      }),
    );
    expect((await read(seeded.id)).supportWindow).toEqual({
      startsOn: '2026-11-20',
      endsOn: '2027-05-24',
      extendedUntil: '2027-08-31',
      extensionReason: 'Awaiting a drug and alcohol service start date.',
      dischargeOverdue: false,
    });

    // A second extension must end after the first.
    expect(outcome(await run(as.lead, 'extendSupport', seeded.id, { until: '2027-08-31' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'until',
    });

    hub.clock.set('2027-09-01');
    expect((await read(seeded.id)).supportWindow.dischargeOverdue).toBe(true);
    await ok(
      run(as.lead, 'extendSupport', seeded.id, { until: '2027-10-31', reason: 'Housing not yet secured.' }),
    );
    expect((await read(seeded.id)).supportWindow).toMatchObject({
      extendedUntil: '2027-10-31',
      extensionReason: 'Housing not yet secured.',
      dischargeOverdue: false,
    });

    hub.clock.set('2027-11-02');
    expect((await read(seeded.id)).supportWindow.dischargeOverdue).toBe(true);
    // Later than the current end, but already past: no use to anyone.
    expect(outcome(await run(as.lead, 'extendSupport', seeded.id, { until: '2027-11-01' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'until',
    });

    await ok(run(as.staff, 'dischargeReferral', seeded.id, { r: 'SUPPORT_PERIOD_ENDED', note: null }));
    const referral = await read(seeded.id);
    expect(referral.status).toBe('DISCHARGED');
    expect(referral.supportWindow.dischargeOverdue).toBe(false);
    expect(referral.history.map((e: Loose) => e.type)).toEqual([
      'referral.released',
      'referral.support-extended',
      'referral.support-extended',
      'referral.discharged',
    ]);
  });

  it('starts again on a return to custody: release date and extension cleared, history kept', async () => {
    const seeded = await seedIn(hub, 'POST_RELEASE', {
      overrides: { supportExtendedUntil: '2027-08-01', extensionReason: 'Complex needs.' },
    });
    await ok(run(as.staff, 'recordReturnToCustody', seeded.id, { code: 'irc-bh', date: null }));
    hub.clock.set('2028-06-01');
    const referral = await read(seeded.id);
    expect(referral.status).toBe('PRE_RELEASE');
    expect(referral.custody).toEqual({
      type: 'IRC',
      establishment: { code: 'IRC-BH' },
      expectedReleaseDate: null,
      releasedOn: null,
      onTemporaryLicence: false,
    });
    expect(referral.supportWindow).toEqual({
      startsOn: '2026-11-20',
      endsOn: null,
      extendedUntil: null,
      extensionReason: null,
      dischargeOverdue: false,
    });
    expect(referral.history).toEqual([
      {
        type: 'referral.returned-to-custody',
        reason:
          'Returned to custody at IRC-BH; previously released on 2026-11-22; support had been extended until 2027-08-01',
      },
    ]);
  });

  it('counts contacts before release towards the two required', async () => {
    const seeded = await seedIn(hub, 'PRE_RELEASE');
    const contact = (occurredAt: string, mode: string) =>
      ok(
        run(as.staff, 'recordContact', seeded.id, {
          input: { occurredAt, mode, purpose: 'RELEASE_PLANNING' },
        }),
      );
    expect((await read(seeded.id)).preReleaseContacts).toEqual({
      count: 0,
      faceToFace: 0,
      required: 2,
      met: false,
    });

    await contact('2026-11-21T10:00:00Z', 'FACE_TO_FACE');
    expect((await read(seeded.id)).preReleaseContacts).toEqual({
      count: 1,
      faceToFace: 1,
      required: 2,
      met: false,
    });
    await contact('2026-11-23T10:00:00Z', 'TELEPHONE');
    expect((await read(seeded.id)).preReleaseContacts).toEqual({
      count: 2,
      faceToFace: 1,
      required: 2,
      met: true,
    });

    await ok(run(as.staff, 'recordRelease', seeded.id, { on: '2026-11-24' }));
    await contact('2026-11-25T09:00:00Z', 'FACE_TO_FACE');
    // Written up after release, but it happened the day before: pre-release.
    await contact('2026-11-23T18:00:00Z', 'VIDEO');
    const referral = await read(seeded.id);
    expect(referral.preReleaseContacts).toEqual({ count: 3, faceToFace: 1, required: 2, met: true });
    expect(referral.contacts.map((c: Loose) => [c.mode, c.preRelease])).toEqual([
      ['FACE_TO_FACE', true],
      ['TELEPHONE', true],
      ['VIDEO', true],
      ['FACE_TO_FACE', false],
    ]);
    expect(referral.version).toBe(6);
  });
});
