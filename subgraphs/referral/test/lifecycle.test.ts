/**
 * The referral's life through the gateway: every operation's happy path (the change, its history
 * event, the version bump and the audit event), the transition table (INVALID_TRANSITION), stale
 * versions (CONFLICT), every input check (BAD_USER_INPUT and its field), that a failed operation
 * changes nothing, and concurrent changes (exactly one wins).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, type TestHub } from '@reconnect/hub/testing';
import {
  NW_LEAD,
  NW_LEFT,
  NW_PEER,
  NW_WORKER,
  NEY_WORKER,
  OPS,
  STATES,
  STATE_NAMES,
  auditOf,
  callersOf,
  historyOf,
  op,
  outcome,
  rowOf,
  run,
  seedIn,
  snapshot,
  startLifecycleHub,
  staffOf,
  type Callers,
  type Loose,
  type State,
} from './lifecycle-harness.ts';

const READ = /* GraphQL */ `
  query ($id: ID!) {
    referral(id: $id) {
      id
      status
      version
      consent {
        decision
        method
        recordedBy
      }
      decline {
        reason
        note
      }
      discharge {
        reason
        note
      }
      namedWorker {
        id
        name
      }
      peerSupportWorker {
        id
        name
      }
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
      contacts {
        mode
        purpose
        preRelease
        staff {
          id
        }
        note
      }
      engagements {
        serviceType
        providerName
        appointmentOn
        outcome
      }
      history {
        type
        fromStatus
        toStatus
        actor
        reason
      }
      notes {
        author
        text
      }
      appointments {
        at
        with
        mode
        purpose
        staff {
          id
        }
        location
        status
        note
        bookedBy
      }
    }
  }
`;

const STAFF_ACTOR = 'Hannah Byrne (hbyrne)';
const LEAD_ACTOR = 'Sam Okafor (sokafor)';

/** What each operation's happy path leaves on the referral, beyond status, version and history. */
const AFTER: Record<string, { status: string; fields: Loose; reason?: string | RegExp }> = {
  withdrawReferral: { status: 'WITHDRAWN', fields: {}, reason: 'The person has moved to Scotland.' },
  recordConsent: {
    status: 'SUBMITTED',
    fields: { consent: { decision: 'GIVEN', method: 'VIDEO', recordedBy: STAFF_ACTOR } },
  },
  acceptReferral: { status: 'PRE_RELEASE', fields: { consent: { decision: 'GIVEN' } } },
  declineReferral: {
    status: 'DECLINED',
    fields: {
      decline: {
        reason: 'SUPPORTED_ELSEWHERE',
        note: 'Already supported by the community mental health team.',
      },
    },
    reason: /^SUPPORTED_ELSEWHERE: Already supported/,
  },
  assignWorker: {
    status: 'PRE_RELEASE',
    fields: { namedWorker: { id: staffOf('RC-NW', 2), name: 'Imran Siddiqui' } },
    reason: /Imran Siddiqui/,
  },
  assignPeerSupport: {
    status: 'PRE_RELEASE',
    fields: { peerSupportWorker: { id: NW_PEER, name: 'Marcus Reid' } },
    reason: /Marcus Reid/,
  },
  recordContact: {
    status: 'PRE_RELEASE',
    fields: {
      contacts: [
        {
          mode: 'FACE_TO_FACE',
          purpose: 'ASSESSMENT',
          preRelease: true,
          staff: { id: NW_WORKER },
          note: 'Met on the wing.',
        },
      ],
    },
  },
  updateExpectedReleaseDate: {
    status: 'PRE_RELEASE',
    fields: { custody: { expectedReleaseDate: '2027-02-01', releasedOn: null } },
    reason: '2027-01-15 to 2027-02-01: Parole hearing adjourned.',
  },
  recordRelease: {
    status: 'POST_RELEASE',
    fields: {
      custody: { releasedOn: '2026-11-24', onTemporaryLicence: false },
      supportWindow: { endsOn: '2027-05-24', dischargeOverdue: false },
    },
  },
  recordReturnToCustody: {
    status: 'PRE_RELEASE',
    fields: {
      custody: {
        type: 'PRISON',
        establishment: { code: 'FBI' },
        expectedReleaseDate: '2027-03-01',
        releasedOn: null,
      },
      supportWindow: { endsOn: null, extendedUntil: null },
    },
    reason: /previously released on 2026-11-22/,
  },
  recordTransfer: {
    status: 'PRE_RELEASE',
    fields: {
      custody: {
        type: 'PRISON',
        establishment: { code: 'FBI' },
        expectedReleaseDate: '2027-01-15',
        releasedOn: null,
        onTemporaryLicence: false,
      },
      supportWindow: { startsOn: '2026-11-20' },
    },
    reason: 'Transferred from MRI to FBI on 2026-11-24',
  },
  recordTemporaryLicence: {
    status: 'PRE_RELEASE',
    fields: {
      custody: {
        establishment: { code: 'MRI' },
        expectedReleaseDate: '2027-01-15',
        releasedOn: null,
        onTemporaryLicence: true,
      },
      supportWindow: { startsOn: '2026-11-20', endsOn: null },
    },
    reason: 'Release on temporary licence began',
  },
  recordEngagement: {
    status: 'POST_RELEASE',
    fields: {
      engagements: [
        {
          serviceType: 'GP_REGISTRATION',
          providerName: 'Ardwick Medical Practice',
          appointmentOn: '2026-11-24',
          outcome: 'ATTENDED',
        },
      ],
    },
  },
  extendSupport: {
    status: 'POST_RELEASE',
    fields: {
      supportWindow: {
        endsOn: '2027-05-22',
        extendedUntil: '2027-08-22',
        extensionReason: 'Awaiting a mental health assessment.',
      },
    },
    reason: 'Until 2027-08-22: Awaiting a mental health assessment.',
  },
  addCaseNote: {
    status: 'PRE_RELEASE',
    fields: {
      notes: [
        { author: STAFF_ACTOR, text: 'Spoke to the wing officer: the GP registration form is signed.' },
      ],
    },
  },
  bookAppointment: {
    status: 'PRE_RELEASE',
    fields: {
      appointments: [
        {
          at: '2026-11-27T14:30:00.000Z',
          with: 'RECONNECT',
          mode: 'FACE_TO_FACE',
          purpose: 'RELEASE_PLANNING',
          staff: { id: NW_WORKER },
          location: 'Legal visits hall',
          status: 'BOOKED',
          note: 'Bring the housing form.',
          bookedBy: STAFF_ACTOR,
        },
      ],
    },
  },
  dischargeReferral: {
    status: 'DISCHARGED',
    fields: {
      discharge: { reason: 'ENGAGED_WITH_COMMUNITY_SERVICES', note: 'Registered with a GP and attending.' },
      supportWindow: { dischargeOverdue: false },
    },
  },
};

/** Bad bookings: each names its field. */
function appointmentCases(): [string, string, State, Loose, string][] {
  const base = op('bookAppointment').variables('x').input as Loose;
  const book = (label: string, input: Loose, field: string, state: State = 'PRE_RELEASE') =>
    [label, 'bookAppointment', state, { input: { ...base, ...input } }, field] as [
      string,
      string,
      State,
      Loose,
      string,
    ];
  return [
    book('an appointment in the past', { at: '2026-11-25T09:00:00Z' }, 'input.at'),
    book('a RECONNECT appointment without a mode', { mode: null }, 'input.mode'),
    book('a RECONNECT appointment without a purpose', { purpose: null }, 'input.purpose'),
    book(
      'a RECONNECT appointment naming a service type',
      { serviceType: 'GP_REGISTRATION' },
      'input.serviceType',
    ),
    book('an appointment with staff of another service', { staffId: NEY_WORKER }, 'input.staffId'),
    book('a location over 500 characters', { location: 'x'.repeat(501) }, 'input.location'),
    book(
      'a community appointment without a service type',
      { with: 'COMMUNITY_SERVICE', mode: null, purpose: null, staffId: null, providerName: 'Ardwick' },
      'input.serviceType',
    ),
    book(
      'a community appointment without a provider',
      { with: 'COMMUNITY_SERVICE', mode: null, purpose: null, staffId: null, serviceType: 'GP_REGISTRATION' },
      'input.providerName',
    ),
    book(
      'a community appointment with a mode',
      {
        with: 'COMMUNITY_SERVICE',
        purpose: null,
        staffId: null,
        serviceType: 'GP_REGISTRATION',
        providerName: 'Ardwick',
      },
      'input.mode',
    ),
  ];
}

describe('referral lifecycle', () => {
  let hub: TestHub;
  let as: Callers;

  beforeAll(async () => {
    hub = await startLifecycleHub();
    as = await callersOf(hub);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const read = async (id: string, client = as.staff) => {
    const { body } = await client.query<Loose>(READ, { id });
    expect(body.errors).toBeUndefined();
    return body.data!.referral as Loose;
  };

  describe('happy paths', () => {
    it.each(OPS.map((o) => [o.mutation, o] as const))(
      '%s changes the referral, adds one history event and one audit event',
      async (mutation, o) => {
        const seeded = await seedIn(hub, o.from);
        const lead = mutation === 'extendSupport';
        const { body } = await run(lead ? as.lead : as.staff, mutation, seeded.id, { v: 1 });
        expect(body.errors).toBeUndefined();
        const expected = AFTER[mutation]!;
        expect(body.data![mutation].referral).toEqual({ id: seeded.id, status: expected.status, version: 2 });

        const referral = await read(seeded.id);
        expect(referral).toMatchObject({ status: expected.status, version: 2, ...expected.fields });
        expect(referral.history).toHaveLength(1);
        expect(referral.history[0]).toMatchObject({
          type: o.event,
          fromStatus: STATES[o.from].status,
          toStatus: expected.status,
          actor: lead ? LEAD_ACTOR : STAFF_ACTOR,
        });
        if (expected.reason) expect(referral.history[0].reason).toMatch(expected.reason);

        const audit = await auditOf(hub, seeded.id);
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          action: o.event,
          subjectType: 'Referral',
          subjectId: seeded.id,
          personId: seeded.personId,
          actorSubject: lead ? 'sokafor' : 'hbyrne',
          actorOrganisation: 'RC-NW',
          outcome: 'SUCCESS',
        });
        expect(audit[0]!.fields.length).toBeGreaterThan(0);
        // Field names only: no value of the input reaches the audit trail.
        expect(JSON.stringify(audit[0]!.fields)).not.toMatch(
          /Scotland|Ardwick|2027|Parole|Met on|wing officer/,
        );
      },
    );

    it.each([
      ['REFUSED', 'TELEPHONE'],
      ['WITHDRAWN', 'FACE_TO_FACE'],
    ])('recordConsent %s declines the referral with CONSENT_NOT_GIVEN', async (decision, method) => {
      const seeded = await seedIn(hub, 'SUBMITTED');
      const response = await run(as.staff, 'recordConsent', seeded.id, { d: decision, m: method });
      expect(outcome(response).code).toBe('OK');
      const referral = await read(seeded.id);
      expect(referral).toMatchObject({
        status: 'DECLINED',
        version: 2,
        consent: { decision, method, recordedBy: STAFF_ACTOR },
        decline: { reason: 'CONSENT_NOT_GIVEN' },
        history: [{ type: 'referral.declined', fromStatus: 'SUBMITTED', toStatus: 'DECLINED' }],
      });
      expect(referral.history[0].reason).toMatch(/^CONSENT_NOT_GIVEN/);
      expect(await auditOf(hub, seeded.id)).toHaveLength(1);
    });

    it('acceptReferral of a person already released goes straight to POST_RELEASE', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED_CONSENTED', {
        overrides: { expectedReleaseDate: null, releasedOn: '2026-11-18' },
      });
      const { body } = await run(as.staff, 'acceptReferral', seeded.id);
      expect(body.data!.acceptReferral.referral).toMatchObject({ status: 'POST_RELEASE', version: 2 });
      expect((await read(seeded.id)).supportWindow).toMatchObject({ endsOn: '2027-05-18' });
    });

    it('a team lead may be the named worker', async () => {
      const seeded = await seedIn(hub, 'POST_RELEASE');
      expect(outcome(await run(as.staff, 'assignWorker', seeded.id, { staffId: NW_LEAD })).code).toBe('OK');
      expect((await read(seeded.id)).namedWorker).toEqual({ id: NW_LEAD, name: 'Sam Okafor' });
    });

    it('dischargeReferral with CONSENT_WITHDRAWN records the consent as withdrawn', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      expect(
        outcome(await run(as.staff, 'dischargeReferral', seeded.id, { r: 'CONSENT_WITHDRAWN', note: null }))
          .code,
      ).toBe('OK');
      expect(await read(seeded.id)).toMatchObject({
        status: 'DISCHARGED',
        consent: { decision: 'WITHDRAWN', method: 'FACE_TO_FACE', recordedBy: STAFF_ACTOR },
        discharge: { reason: 'CONSENT_WITHDRAWN', note: null },
        history: [
          {
            type: 'referral.discharged',
            fromStatus: 'PRE_RELEASE',
            toStatus: 'DISCHARGED',
            reason: 'CONSENT_WITHDRAWN',
          },
        ],
      });
    });

    it('contacts and engagements each bump the version and add an event', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED');
      // The assessment is itself a contact: allowed before acceptance.
      for (const input of [
        { occurredAt: '2026-11-20T15:00:00Z', mode: 'TELEPHONE', purpose: 'ASSESSMENT' },
        { occurredAt: '2026-11-23T09:30:00Z', mode: 'VIDEO', purpose: 'RELEASE_PLANNING' },
      ]) {
        expect(outcome(await run(as.staff, 'recordContact', seeded.id, { input })).code).toBe('OK');
      }
      const referral = await read(seeded.id);
      expect(referral.version).toBe(3);
      expect(referral.contacts).toHaveLength(2);
      expect(referral.contacts[0]).toMatchObject({ mode: 'TELEPHONE', staff: null, note: null });
      expect(referral.history.map((e: Loose) => e.type)).toEqual([
        'referral.contact-recorded',
        'referral.contact-recorded',
      ]);
      expect(await auditOf(hub, seeded.id)).toHaveLength(2);
    });

    it('walks a referral through its whole life with the returned versions', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED');
      let version = 1;
      const step = async (mutation: string, vars: Loose = {}, client = as.staff) => {
        const { body } = await run(client, mutation, seeded.id, { v: version, ...vars });
        expect(body.errors, mutation).toBeUndefined();
        version = body.data![mutation].referral.version;
        return body.data![mutation].referral.status as string;
      };
      expect(await step('recordConsent', { d: 'GIVEN' })).toBe('SUBMITTED');
      expect(await step('acceptReferral')).toBe('PRE_RELEASE');
      expect(await step('assignWorker', { staffId: NW_WORKER })).toBe('PRE_RELEASE');
      expect(await step('recordRelease')).toBe('POST_RELEASE');
      expect(await step('recordReturnToCustody', { date: null })).toBe('PRE_RELEASE');
      expect(await step('recordRelease', { on: '2026-11-25' })).toBe('POST_RELEASE');
      expect(await step('extendSupport', { until: '2027-06-30' }, as.lead)).toBe('POST_RELEASE');
      expect(await step('dischargeReferral')).toBe('DISCHARGED');
      expect(version).toBe(9);
      const history = (await read(seeded.id)).history as Loose[];
      expect(history.map((e) => `${e.fromStatus}>${e.toStatus}`)).toEqual([
        'SUBMITTED>SUBMITTED',
        'SUBMITTED>PRE_RELEASE',
        'PRE_RELEASE>PRE_RELEASE',
        'PRE_RELEASE>POST_RELEASE',
        'POST_RELEASE>PRE_RELEASE',
        'PRE_RELEASE>POST_RELEASE',
        'POST_RELEASE>POST_RELEASE',
        'POST_RELEASE>DISCHARGED',
      ]);
      expect(history[4]!.reason).toMatch(/previously released on 2026-11-24/);
      expect(await auditOf(hub, seeded.id)).toHaveLength(8);
    });
  });

  describe('the transition table', () => {
    const statusOf = (state: State) => STATES[state].status as string;
    const disallowed = STATE_NAMES.filter((s) => s !== 'SUBMITTED_CONSENTED').flatMap((state) =>
      OPS.filter((o) => !o.allowedIn.includes(statusOf(state))).map((o) => [o.mutation, state] as const),
    );

    it('refuses every operation on a DECLINED, WITHDRAWN or DISCHARGED referral, and the rest of the table', async () => {
      // Every operation is disallowed in every final state.
      for (const final of ['DECLINED', 'WITHDRAWN', 'DISCHARGED'] as const) {
        expect(disallowed.filter(([, s]) => s === final)).toHaveLength(OPS.length);
      }
      const seeded = new Map<State, string>();
      for (const state of new Set(disallowed.map(([, s]) => s)))
        seeded.set(state, (await seedIn(hub, state)).id);
      const before = new Map<State, Awaited<ReturnType<typeof snapshot>>>();
      for (const [state, id] of seeded) before.set(state, await snapshot(hub, id));

      for (const [mutation, state] of disallowed) {
        const result = outcome(await run(as.lead, mutation, seeded.get(state)!, { v: 1 }));
        expect(result.code, `${mutation} on ${state}`).toBe('INVALID_TRANSITION');
        expect(result.message).toContain(mutation);
        expect(result.message).toContain(statusOf(state));
      }
      for (const [state, id] of seeded) expect(await snapshot(hub, id), state).toEqual(before.get(state));
    });

    it('will not accept a referral before consent is GIVEN', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED');
      const before = await snapshot(hub, seeded.id);
      const result = outcome(await run(as.staff, 'acceptReferral', seeded.id));
      expect(result.code).toBe('INVALID_TRANSITION');
      expect(result.message).toMatch(/consent/);
      expect(await snapshot(hub, seeded.id)).toEqual(before);
    });
  });

  describe('versions', () => {
    it('answers CONFLICT to a stale expectedVersion and changes nothing', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED_CONSENTED', { overrides: { version: 4 } });
      const before = await snapshot(hub, seeded.id);
      for (const v of [3, 5]) {
        const result = outcome(await run(as.staff, 'acceptReferral', seeded.id, { v }));
        expect(result.code).toBe('CONFLICT');
      }
      expect(await snapshot(hub, seeded.id)).toEqual(before);
      const { body } = await run(as.staff, 'acceptReferral', seeded.id, { v: 4 });
      expect(body.data!.acceptReferral.referral).toMatchObject({ status: 'PRE_RELEASE', version: 5 });
    });

    it('answers CONFLICT when the version went on between reading and writing', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      expect(outcome(await run(as.staff, 'recordContact', seeded.id)).code).toBe('OK');
      expect(outcome(await run(as.staff, 'recordRelease', seeded.id, { v: 1 })).code).toBe('CONFLICT');
      expect((await rowOf(hub, seeded.id)).status).toBe('PRE_RELEASE');
    });
  });

  describe('input checks', () => {
    const long = (n: number) => 'x'.repeat(n);
    const cases: [string, string, State, Loose, string][] = [
      ['a blank withdrawal reason', 'withdrawReferral', 'SUBMITTED', { reason: '   ' }, 'reason'],
      ['a blank case note', 'addCaseNote', 'PRE_RELEASE', { text: ' \n ' }, 'text'],
      ['a case note over 10,000 characters', 'addCaseNote', 'POST_RELEASE', { text: long(10_001) }, 'text'],
      ...appointmentCases(),
      ['a decline note over 2000 characters', 'declineReferral', 'SUBMITTED', { note: long(2001) }, 'note'],
      [
        'a named worker of another service',
        'assignWorker',
        'PRE_RELEASE',
        { staffId: NEY_WORKER },
        'staffId',
      ],
      ['a named worker who has left', 'assignWorker', 'PRE_RELEASE', { staffId: NW_LEFT }, 'staffId'],
      [
        'a peer support worker as named worker',
        'assignWorker',
        'PRE_RELEASE',
        { staffId: NW_PEER },
        'staffId',
      ],
      [
        'an unknown staff id',
        'assignWorker',
        'POST_RELEASE',
        { staffId: '00000000-0000-4000-8000-000000000000' },
        'staffId',
      ],
      ['a staff id that is not an id', 'assignWorker', 'POST_RELEASE', { staffId: 'hannah' }, 'staffId'],
      ['a worker as peer support', 'assignPeerSupport', 'PRE_RELEASE', { staffId: NW_WORKER }, 'staffId'],
      [
        'peer support from another service',
        'assignPeerSupport',
        'PRE_RELEASE',
        { staffId: staffOf('RC-NEY', 4) },
        'staffId',
      ],
      [
        'a contact in the future',
        'recordContact',
        'PRE_RELEASE',
        { input: { occurredAt: '2026-11-25T12:00:00Z', mode: 'VIDEO', purpose: 'ASSESSMENT' } },
        'input.occurredAt',
      ],
      [
        'a contact before the referral',
        'recordContact',
        'PRE_RELEASE',
        { input: { occurredAt: '2026-11-19T12:00:00Z', mode: 'VIDEO', purpose: 'ASSESSMENT' } },
        'input.occurredAt',
      ],
      [
        'a contact by staff of another service',
        'recordContact',
        'PRE_RELEASE',
        {
          input: {
            occurredAt: '2026-11-24T12:00:00Z',
            mode: 'VIDEO',
            purpose: 'ASSESSMENT',
            staffId: NEY_WORKER,
          },
        },
        'input.staffId',
      ],
      [
        'a contact note over 2000 characters',
        'recordContact',
        'SUBMITTED',
        {
          input: {
            occurredAt: '2026-11-24T12:00:00Z',
            mode: 'VIDEO',
            purpose: 'ASSESSMENT',
            note: long(2001),
          },
        },
        'input.note',
      ],
      [
        'an expected release date in the past',
        'updateExpectedReleaseDate',
        'PRE_RELEASE',
        { date: '2026-11-24' },
        'expectedReleaseDate',
      ],
      [
        'no reason for a new expected release date',
        'updateExpectedReleaseDate',
        'PRE_RELEASE',
        { reason: '' },
        'reason',
      ],
      ['a release date in the future', 'recordRelease', 'PRE_RELEASE', { on: '2026-11-26' }, 'releasedOn'],
      [
        'a release date before the referral',
        'recordRelease',
        'PRE_RELEASE',
        { on: '2026-11-19' },
        'releasedOn',
      ],
      [
        'an unknown establishment',
        'recordReturnToCustody',
        'POST_RELEASE',
        { code: 'ZZZ' },
        'establishmentCode',
      ],
      ['a blank establishment', 'recordReturnToCustody', 'POST_RELEASE', { code: ' ' }, 'establishmentCode'],
      [
        'a past expected release date on return',
        'recordReturnToCustody',
        'POST_RELEASE',
        { date: '2026-11-01' },
        'expectedReleaseDate',
      ],
      [
        'an unknown establishment for a transfer',
        'recordTransfer',
        'PRE_RELEASE',
        { code: 'ZZZ' },
        'establishmentCode',
      ],
      [
        'a transfer to where the person is',
        'recordTransfer',
        'SUBMITTED',
        { code: 'mri' },
        'establishmentCode',
      ],
      ['a transfer in the future', 'recordTransfer', 'PRE_RELEASE', { on: '2026-11-26' }, 'transferredOn'],
      [
        'a transfer before the referral',
        'recordTransfer',
        'PRE_RELEASE',
        { on: '2026-11-19' },
        'transferredOn',
      ],
      [
        'a blank provider',
        'recordEngagement',
        'POST_RELEASE',
        { input: { serviceType: 'OTHER', providerName: ' ', outcome: 'BOOKED' } },
        'input.providerName',
      ],
      [
        'a provider name over 200 characters',
        'recordEngagement',
        'PRE_RELEASE',
        { input: { serviceType: 'OTHER', providerName: long(201), outcome: 'BOOKED' } },
        'input.providerName',
      ],
      [
        'an appointment attended in the future',
        'recordEngagement',
        'POST_RELEASE',
        {
          input: {
            serviceType: 'MENTAL_HEALTH',
            providerName: 'CMHT',
            appointmentOn: '2026-12-01',
            outcome: 'ATTENDED',
          },
        },
        'input.appointmentOn',
      ],
      [
        'an extension that ends before support does',
        'extendSupport',
        'POST_RELEASE',
        { until: '2027-05-22' },
        'until',
      ],
      ['an extension with no reason', 'extendSupport', 'POST_RELEASE', { reason: ' ' }, 'reason'],
      [
        'a discharge note over 2000 characters',
        'dischargeReferral',
        'POST_RELEASE',
        { note: long(2001) },
        'note',
      ],
    ];

    it.each(cases)(
      'refuses %s (BAD_USER_INPUT on the field) and changes nothing',
      async (_label, mutation, state, vars, field) => {
        const seeded = await seedIn(hub, state);
        const before = await snapshot(hub, seeded.id);
        const result = outcome(await run(as.lead, mutation, seeded.id, vars));
        expect(result).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(await snapshot(hub, seeded.id)).toEqual(before);
      },
    );

    it('says the same about another service staff and an unknown id', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      const other = outcome(await run(as.staff, 'assignWorker', seeded.id, { staffId: NEY_WORKER }));
      const unknown = outcome(
        await run(as.staff, 'assignWorker', seeded.id, { staffId: '00000000-0000-4000-8000-000000000000' }),
      );
      expect(other.message).toMatch(/another service/);
      expect(unknown.message).toBe(other.message);
    });

    it('covers every operation that takes free input', () => {
      const checked = new Set(cases.map(([, mutation]) => mutation));
      for (const o of OPS) {
        if (['acceptReferral', 'recordConsent', 'recordTemporaryLicence'].includes(o.mutation)) continue; // enums and booleans only
        expect(checked, o.mutation).toContain(o.mutation);
      }
    });
  });

  describe('concurrent changes', () => {
    it.runIf(!!testConfig().TEST_DATABASE_URL)(
      'lets exactly one of ten concurrent acceptReferral win (PostgreSQL)',
      async () => {
        const seeded = await seedIn(hub, 'SUBMITTED_CONSENTED');
        const results = await Promise.all(
          Array.from({ length: 10 }, () => run(as.staff, 'acceptReferral', seeded.id, { v: 1 })),
        );
        const codes = results.map((r) => outcome(r).code).sort();
        expect(codes).toEqual([
          'CONFLICT',
          'CONFLICT',
          'CONFLICT',
          'CONFLICT',
          'CONFLICT',
          'CONFLICT',
          'CONFLICT',
          'CONFLICT',
          'CONFLICT',
          'OK',
        ]);
        expect(await rowOf(hub, seeded.id)).toMatchObject({ status: 'PRE_RELEASE', version: 2 });
        expect(await historyOf(hub, seeded.id)).toHaveLength(1);
        expect(await auditOf(hub, seeded.id)).toHaveLength(1);
      },
    );

    it.runIf(!!testConfig().TEST_DATABASE_URL)(
      '30 conflicting transitions at once (accept, decline, withdraw): one wins, nothing else lands (PostgreSQL)',
      async () => {
        const seeded = await seedIn(hub, 'SUBMITTED_CONSENTED');
        const attempts = Array.from({ length: 30 }, (_, i) => {
          const kind = ['acceptReferral', 'declineReferral', 'withdrawReferral'][i % 3]!;
          const client =
            kind === 'withdrawReferral' ? as.referrer : kind === 'declineReferral' ? as.lead : as.staff;
          return { kind, response: run(client, kind, seeded.id) };
        });
        const results = await Promise.all(
          attempts.map(async (a) => ({ kind: a.kind, code: outcome(await a.response).code })),
        );
        const winners = results.filter((r) => r.code === 'OK');
        expect(winners, JSON.stringify(results)).toHaveLength(1);
        // Every loser is told why in a code, never a 500: the state moved on, or the version did.
        // A referrer may withdraw only while its referral is SUBMITTED (AUTH.md), so once another
        // change has landed its withdrawal is FORBIDDEN.
        for (const loser of results.filter((r) => r.code !== 'OK')) {
          const allowed = ['INVALID_TRANSITION', 'CONFLICT'];
          if (loser.kind === 'withdrawReferral') allowed.push('FORBIDDEN');
          expect(allowed, JSON.stringify(loser)).toContain(loser.code);
        }
        const status = {
          acceptReferral: 'PRE_RELEASE',
          declineReferral: 'DECLINED',
          withdrawReferral: 'WITHDRAWN',
        };
        const row = await rowOf(hub, seeded.id);
        expect(row).toMatchObject({ status: status[winners[0]!.kind as keyof typeof status], version: 2 });
        expect(await historyOf(hub, seeded.id)).toHaveLength(1);
        expect(await auditOf(hub, seeded.id)).toHaveLength(1);
      },
    );

    it('lands every one of five contacts recorded at once (they carry no expectedVersion)', async () => {
      const seeded = await seedIn(hub, 'PRE_RELEASE');
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((h) =>
          run(as.staff, 'recordContact', seeded.id, {
            input: { occurredAt: `2026-11-24T0${h}:00:00Z`, mode: 'TELEPHONE', purpose: 'RELEASE_PLANNING' },
          }),
        ),
      );
      expect(results.map((r) => outcome(r).code)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
      expect((await rowOf(hub, seeded.id)).version).toBe(6);
      expect(await historyOf(hub, seeded.id)).toHaveLength(5);
    });

    it('turns the loser of a race without expectedVersion into the answer its new state gives', async () => {
      const seeded = await seedIn(hub, 'SUBMITTED_CONSENTED');
      const results = await Promise.all([
        run(as.staff, 'acceptReferral', seeded.id),
        run(as.staff, 'acceptReferral', seeded.id),
      ]);
      expect(results.map((r) => outcome(r).code).sort()).toEqual(['INVALID_TRANSITION', 'OK']);
      expect((await rowOf(hub, seeded.id)).version).toBe(2);
    });
  });

  it('knows every operation of the API', () => {
    expect(OPS.map((o) => o.mutation).sort()).toEqual(
      [
        'acceptReferral',
        'addCaseNote',
        'assignPeerSupport',
        'bookAppointment',
        'assignWorker',
        'declineReferral',
        'dischargeReferral',
        'extendSupport',
        'recordConsent',
        'recordContact',
        'recordEngagement',
        'recordRelease',
        'recordReturnToCustody',
        'recordTemporaryLicence',
        'recordTransfer',
        'updateExpectedReleaseDate',
        'withdrawReferral',
      ].sort(),
    );
    expect(op('acceptReferral').allowedIn).toEqual(['SUBMITTED']);
  });
});
