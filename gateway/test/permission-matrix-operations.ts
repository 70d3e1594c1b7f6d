/**
 * The write probes of the permission matrix: for each mutation, how a caller's AUTH.md cell decides
 * the outcome of a call, and how to make the record the call is made on. A call the cell does not
 * allow at all is FORBIDDEN; one it allows on a record the caller cannot see is NOT_FOUND (AUTH.md's
 * error table); one it allows but not on this record in its state is FORBIDDEN again (a referrer's
 * own referral that is no longer SUBMITTED); anything else succeeds, on a fresh record made for that
 * cell, or ends in the domain code the record's state calls for. The cells that are not to succeed
 * share one record per operation, which they must leave as it was.
 */
import { randomUUID } from 'node:crypto';
import {
  randomPrisonNumber,
  seedHealthNeed,
  seedIdentityConflict,
  seedPerson,
  type TestHub,
} from '@reconnect/hub/testing';
import { appointments } from '../../subgraphs/referral/src/db/schema.ts';
import { OPS, STATES, seedIn } from '../../subgraphs/referral/test/lifecycle-harness.ts';
import {
  enrol,
  ENROL_INPUT,
  grantOf,
  ok,
  registerWebhookOf,
  seedEligiblePerson,
  seedOpenReferral,
  staffClient,
  type Caller,
  type Fixture,
  type Grant,
  type Loose,
  type WriteOutcome,
  type WriteProbe,
} from './permission-matrix-harness.ts';

/** AUTH.md's sentence under the matrix, and the operations it names. */
export const LEAD_NOTE = 'Extending support and declining a handover need `RECONNECT_LEAD`.';
const LEAD_ONLY = new Set(['extendSupport', 'declineHandover']);

interface WriteRule {
  row: string;
  /** Whether the caller's cell allows the operation at all: FORBIDDEN before anything is looked up. */
  may: (g: Grant, caller: Caller) => boolean;
  /** The organisations that can see the target; anyone else gets NOT_FOUND. Absent: nothing to find. */
  seenBy?: (fx: Fixture) => string[];
  /** Whether the cell allows it on this target, in its state: FORBIDDEN after the look-up. */
  here?: (g: Grant) => boolean;
  /** What an allowed call ends in on this target, when not success. */
  then?: WriteOutcome;
}

function judgeWrite(rule: WriteRule) {
  return (caller: Caller, fx: Fixture): WriteOutcome => {
    if (!caller.token) return 'UNAUTHENTICATED';
    const g = grantOf(rule.row, caller);
    if (!rule.may(g, caller)) return 'FORBIDDEN';
    if (rule.seenBy && !rule.seenBy(fx).includes(caller.org ?? '')) return 'NOT_FOUND';
    if (rule.here && !rule.here(g)) return 'FORBIDDEN';
    return rule.then ?? 'OK';
  };
}

/** `may` for a row whose cell says "write" or "yes"; LEAD_NOTE's operations also need the lead. */
const writes = (mutation: string) => (g: Grant, c: Caller) => g.write && (!LEAD_ONLY.has(mutation) || c.lead);

/** One target shared by the cells that are not to succeed (they must change nothing). */
function sharedTarget<T>(create: (hub: TestHub) => Promise<T>) {
  let made: Promise<T> | undefined;
  return (hub: TestHub) => (made ??= create(hub));
}

/** A target for this cell: fresh when the cell is to succeed, else the shared one. */
function targetFor<T>(create: (hub: TestHub) => Promise<T>) {
  const shared = sharedTarget(create);
  return (hub: TestHub, expected: WriteOutcome) => (expected === 'OK' ? create(hub) : shared(hub));
}

const REFERRAL_SEEN_BY = () => ['RC-NW', 'PROB-NW'];
const m = (signature: string, call: string, payload: string) =>
  `mutation (${signature}) { ${call} { ${payload} } }`;

/** The custody changes staff record (next/custody-events.md gives them a row of their own). */
export const CUSTODY_CHANGES = new Set(['recordTransfer', 'recordTemporaryLicence']);
/** Casework on a referral (next/casework.md gives them a row of their own). */
export const CASEWORK_WRITES = new Set(['addCaseNote', 'bookAppointment']);

/**
 * The lifecycle operations, with the canonical inputs and starting states of the lifecycle tests:
 * those `include` names (by default every one but the custody changes).
 */
export function lifecycleProbes(
  row: string,
  include: (mutation: string) => boolean = (mutation) =>
    !CUSTODY_CHANGES.has(mutation) && !CASEWORK_WRITES.has(mutation),
): WriteProbe[] {
  const probes = OPS.filter((op) => include(op.mutation)).map((op): WriteProbe => {
    const target = targetFor((hub) => seedIn(hub, op.from));
    return {
      name: op.mutation,
      mutation: op.mutation,
      expect: judgeWrite({
        row,
        // A referrer's cell names one operation: withdrawing its own SUBMITTED referral.
        may: (g, c) =>
          writes(op.mutation)(g, c) ||
          (op.mutation === 'withdrawReferral' && g.operations.includes('withdraw own SUBMITTED')),
        seenBy: REFERRAL_SEEN_BY,
        here: (g) => g.write || STATES[op.from].status === 'SUBMITTED',
      }),
      prepare: async (hub, _c, _fx, expected) => {
        const row = await target(hub, expected);
        return { query: op.document, variables: op.variables(row.id) };
      },
    };
  });
  if (!include('withdrawReferral')) return probes;
  const withdraw = OPS.find((o) => o.mutation === 'withdrawReferral')!;
  const preRelease = sharedTarget((hub) => seedIn(hub, 'PRE_RELEASE'));
  probes.push({
    name: 'withdrawReferral (a PRE_RELEASE referral)',
    mutation: 'withdrawReferral',
    expect: judgeWrite({
      row,
      may: (g) => g.write || g.operations.includes('withdraw own SUBMITTED'),
      seenBy: REFERRAL_SEEN_BY,
      // The referrer's own referral, but no longer SUBMITTED; staff may, but not in this state.
      here: (g) => g.write,
      then: 'INVALID_TRANSITION',
    }),
    prepare: async (hub) => ({
      query: withdraw.document,
      variables: withdraw.variables((await preRelease(hub)).id),
    }),
  });
  return probes;
}

/**
 * `recordAppointmentOutcome` (next/casework.md): on a fresh PRE_RELEASE referral's past BOOKED
 * appointment, CANCELLED. Staff of the owning service may; another service finds no appointment
 * (NOT_FOUND); every other cell is FORBIDDEN.
 */
export function appointmentOutcomeProbe(row: string): WriteProbe {
  const target = targetFor(async (hub) => {
    const referral = await seedIn(hub, 'PRE_RELEASE');
    const [appointment] = await hub.database.handle.db
      .insert(appointments)
      .values({
        referralId: referral.id,
        at: new Date('2026-11-24T10:00:00Z'),
        with: 'RECONNECT',
        mode: 'VIDEO',
        purpose: 'RELEASE_PLANNING',
        status: 'BOOKED',
        bookedAt: new Date('2026-11-20T10:00:00Z'),
        bookedBy: 'permission matrix',
      })
      .returning({ id: appointments.id });
    return appointment!.id;
  });
  return {
    name: 'recordAppointmentOutcome',
    mutation: 'recordAppointmentOutcome',
    expect: judgeWrite({ row, may: writes('recordAppointmentOutcome'), seenBy: REFERRAL_SEEN_BY }),
    prepare: async (hub, _c, _fx, expected) => ({
      query: m(
        '$id: ID!',
        'recordAppointmentOutcome(appointmentId: $id, status: CANCELLED)',
        'referral { id }',
      ),
      variables: { id: await target(hub, expected) },
    }),
  };
}

/**
 * `applyCustodyEvent`: the system client's one operation. Its cell is to succeed on a person with a
 * PRE_RELEASE referral, released by the event; nobody else's cell lets anyone call it.
 */
export function custodyEventProbe(row: string): WriteProbe {
  const target = targetFor(async (hub) => {
    const person = await seedPerson(hub.database.handle.db, { prisonNumber: randomPrisonNumber() });
    await seedIn(hub, 'PRE_RELEASE', { overrides: { personId: person.id }, grants: [] });
    return person.prisonNumber!;
  });
  return {
    name: 'applyCustodyEvent',
    mutation: 'applyCustodyEvent',
    expect: judgeWrite({ row, may: (g) => g.write }),
    prepare: async (hub, _c, _fx, expected) => ({
      query: `mutation ($e: CustodyEventInput!) { applyCustodyEvent(event: $e) { outcome referralId } }`,
      variables: {
        e: {
          messageId: randomUUID(),
          type: 'RELEASED',
          reason: 'RELEASED',
          occurredAt: '2026-11-25T09:00:00Z',
          prisonNumber: await target(hub, expected),
          establishmentCode: 'MRI',
        },
      },
    }),
  };
}

const HANDOVER_PAYLOAD = 'handover { id status }';

/** A PRE_RELEASE referral of `from` with a handover to `to` it requested (and `to` accepted, if asked). */
async function seedHandover(hub: TestHub, from: string, to: string, accepted = false): Promise<string> {
  const referral = await seedIn(hub, 'PRE_RELEASE', {
    overrides:
      from === 'RC-NW' ? {} : { owningServiceCode: from, establishmentCode: 'PVI', namedWorkerId: null },
    grants: [[from, 'OWNING_SERVICE']],
  });
  const sender = await staffClient(hub, from);
  const id = ok(
    await sender.query<Loose>(
      `mutation ($id: ID!, $to: String!) { requestHandover(referralId: $id, toServiceCode: $to) { handover { id } } }`,
      { id: referral.id, to },
    ),
    'requestHandover',
  ).requestHandover.handover.id as string;
  if (accepted) {
    const receiver = await staffClient(hub, to);
    ok(
      await receiver.query(`mutation ($id: ID!) { acceptHandover(id: $id) { handover { id } } }`, { id }),
      'acceptHandover',
    );
  }
  return id;
}

export function handoverProbes(row: string): WriteProbe[] {
  const request = targetFor((hub) => seedIn(hub, 'PRE_RELEASE'));
  // RC-NW receives these (from RC-LDN) ...
  const incoming = targetFor((hub) => seedHandover(hub, 'RC-LDN', 'RC-NW'));
  const incoming2 = targetFor((hub) => seedHandover(hub, 'RC-LDN', 'RC-NW'));
  // ... and sends these (to RC-MID).
  const outgoing = targetFor((hub) => seedHandover(hub, 'RC-NW', 'RC-MID'));
  const agreed = targetFor((hub) => seedHandover(hub, 'RC-NW', 'RC-MID', true));
  const party = (a: string, b: string) => () => [a, b];
  const on = (
    mutation: string,
    signature: string,
    call: string,
    seenBy: () => string[],
    target: (hub: TestHub, e: WriteOutcome) => Promise<string>,
    extra: Loose = {},
  ): WriteProbe => ({
    name: mutation,
    mutation,
    expect: judgeWrite({ row, may: writes(mutation), seenBy }),
    prepare: async (hub, _c, _fx, expected) => ({
      query: m(signature, call, HANDOVER_PAYLOAD),
      variables: { id: await target(hub, expected), ...extra },
    }),
  });
  return [
    {
      name: 'requestHandover',
      mutation: 'requestHandover',
      expect: judgeWrite({ row, may: writes('requestHandover'), seenBy: REFERRAL_SEEN_BY }),
      prepare: async (hub, _c, _fx, expected) => ({
        query: m(
          '$id: ID!',
          'requestHandover(referralId: $id, toServiceCode: "RC-MID", note: "Moving home.")',
          HANDOVER_PAYLOAD,
        ),
        variables: { id: (await request(hub, expected)).id },
      }),
    },
    on('acceptHandover', '$id: ID!', 'acceptHandover(id: $id)', party('RC-LDN', 'RC-NW'), incoming),
    on(
      'declineHandover',
      '$id: ID!',
      'declineHandover(id: $id, reason: "No capacity.")',
      party('RC-LDN', 'RC-NW'),
      incoming2,
    ),
    on(
      'cancelHandover',
      '$id: ID!',
      'cancelHandover(id: $id, reason: "Plans changed.")',
      party('RC-NW', 'RC-MID'),
      outgoing,
    ),
    on('completeHandover', '$id: ID!', 'completeHandover(id: $id)', party('RC-NW', 'RC-MID'), agreed),
  ];
}

/** The establishment each service submits from (staff submit only for their own service's). */
const ESTABLISHMENT_OF: Record<string, string> = { 'RC-NW': 'MRI', 'RC-SW': 'BLI' };

export const submitProbe = (row: string): WriteProbe => ({
  name: 'submitReferral',
  mutation: 'submitReferral',
  expect: judgeWrite({ row, may: (g) => g.write }),
  prepare: async (_hub, caller) => ({
    query: m(
      '$input: SubmitReferralInput!, $key: String!',
      'submitReferral(input: $input, idempotencyKey: $key)',
      'replayed referral { id }',
    ),
    variables: {
      key: randomUUID(),
      input: {
        // The source fits the organisation (next/trust.md): the police referrer gives POLICE.
        source: caller.org === 'POL-GMP' ? 'POLICE' : 'PROBATION',
        referrer: { name: 'Matrix Test' },
        person: {
          givenName: 'Matrix',
          familyName: `Cell ${randomUUID().slice(0, 8)}`,
          dateOfBirth: '1985-01-01',
        },
        custody: {
          type: 'PRISON',
          establishmentCode: ESTABLISHMENT_OF[caller.org ?? ''] ?? 'MRI',
          expectedReleaseDate: '2027-01-15',
        },
        identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Depression.' }],
      },
    },
  }),
});

/** A person opened to RC-NW (owning service) and PROB-NW (referrer), with one active health need. */
async function seedClinicalPerson(hub: TestHub) {
  const person = await seedPerson(hub.database.handle.db, { nhsNumber: null });
  await seedOpenReferral(hub, person.id);
  const need = await seedHealthNeed(hub.database.handle.db, person.id, { category: 'ALCOHOL' });
  return { personId: person.id, needId: need.id };
}

/** The health needs row's operations and the risk row's, on one kind of target. */
export function clinicalProbes(
  needsRow: string,
  riskRow: string,
): { needs: WriteProbe[]; risk: WriteProbe[] } {
  const target = targetFor(seedClinicalPerson);
  const probe = (
    row: string,
    mutation: string,
    signature: string,
    call: string,
    vars: (t: Loose) => Loose,
  ): WriteProbe => ({
    name: mutation,
    mutation,
    expect: judgeWrite({ row, may: (g) => g.write, seenBy: REFERRAL_SEEN_BY }),
    prepare: async (hub, _c, _fx, expected) => ({
      query: m(signature, call, 'person { id }'),
      variables: vars(await target(hub, expected)),
    }),
  });
  return {
    needs: [
      probe(
        needsRow,
        'recordHealthNeed',
        '$id: ID!',
        'recordHealthNeed(personId: $id, input: { category: PHYSICAL_HEALTH, description: "Diabetes." })',
        (t) => ({ id: t.personId }),
      ),
      probe(
        needsRow,
        'resolveHealthNeed',
        '$id: ID!, $need: ID!',
        'resolveHealthNeed(personId: $id, healthNeedId: $need)',
        (t) => ({ id: t.personId, need: t.needId }),
      ),
    ],
    risk: [
      probe(
        riskRow,
        'recordRiskAssessment',
        '$id: ID!',
        'recordRiskAssessment(personId: $id, input: { level: HIGH, riskTo: [PUBLIC], assessedOn: "2026-11-20", source: "OASys" })',
        (t) => ({ id: t.personId }),
      ),
    ],
  };
}

/** An eligible referral of RC-NW, and (for the case operations) its case with ERP-NW-MH on it. */
async function seedEligibleReferral(hub: TestHub) {
  const person = await seedEligiblePerson(hub);
  return seedOpenReferral(hub, person.id);
}
async function seedCase(hub: TestHub) {
  return enrol(hub, (await seedEligibleReferral(hub)).id, ['ERP-NW-MH']);
}

export function caseWriteProbes(row: string): WriteProbe[] {
  const eligible = targetFor(seedEligibleReferral);
  const kase = targetFor(seedCase);
  const CASE_SEEN_BY = () => ['RC-NW', 'ERP-NW-MH'];
  const onCase = (mutation: string, call: string): WriteProbe => ({
    name: mutation,
    mutation,
    expect: judgeWrite({ row, may: (g) => g.write, seenBy: CASE_SEEN_BY }),
    prepare: async (hub, _c, _fx, expected) => ({
      query: m('$id: ID!', call, 'enhancedCase { id }'),
      variables: { id: await kase(hub, expected) },
    }),
  });
  return [
    {
      name: 'enrolEnhancedReconnect',
      mutation: 'enrolEnhancedReconnect',
      expect: judgeWrite({ row, may: (g) => g.write, seenBy: REFERRAL_SEEN_BY }),
      prepare: async (hub, _c, _fx, expected) => ({
        query: m(
          '$id: ID!, $input: EnrolEnhancedInput!',
          'enrolEnhancedReconnect(referralId: $id, input: $input)',
          'enhancedCase { id }',
        ),
        variables: { id: (await eligible(hub, expected)).id, input: ENROL_INPUT(['ERP-NW-MH']) },
      }),
    },
    onCase('addCasePartner', 'addCasePartner(caseId: $id, partnerCode: "ERP-NW-HSG")'),
    onCase(
      'removeCasePartner',
      'removeCasePartner(caseId: $id, partnerCode: "ERP-NW-MH", reason: "No longer needed.")',
    ),
    onCase('withdrawSharingConsent', 'withdrawSharingConsent(caseId: $id)'),
    onCase('closeEnhancedCase', 'closeEnhancedCase(caseId: $id, reason: "Needs met.")'),
    {
      // "add updates": the partners on the fixture's case may; adding a note changes nothing else.
      name: 'recordPartnerUpdate',
      mutation: 'recordPartnerUpdate',
      expect: judgeWrite({
        row,
        may: (g) => g.write || g.operations.includes('add updates'),
        seenBy: (fx) => fx.orgs.case,
      }),
      prepare: async (_hub, _c, fx) => ({
        query: m(
          '$id: ID!',
          'recordPartnerUpdate(caseId: $id, note: "Seen at the hostel.")',
          'enhancedCase { id }',
        ),
        variables: { id: fx.enhancedCase },
      }),
    },
  ];
}

let agreements = 0;
export const agreementProbe = (row: string): WriteProbe => ({
  name: 'recordDataSharingAgreement',
  mutation: 'recordDataSharingAgreement',
  expect: judgeWrite({ row, may: (g) => g.write }),
  prepare: async () => {
    agreements += 1;
    return {
      query: m(
        '$input: DataSharingAgreementInput!',
        'recordDataSharingAgreement(partnerCode: "ERP-SW-MAPPA", input: $input)',
        'code',
      ),
      variables: {
        input: {
          reference: `DSA-MATRIX-${agreements}-${randomUUID().slice(0, 8)}`,
          scopes: ['RISK'],
          startsOn: '2027-06-01',
          endsOn: '2028-05-31',
        },
      },
    };
  },
});

let organisations = 0;
/** next/trust.md: information governance adds an organisation to the directory (a fresh code each time). */
export const saveReferringOrganisationProbe = (row: string): WriteProbe => ({
  name: 'saveReferringOrganisation',
  mutation: 'saveReferringOrganisation',
  expect: judgeWrite({ row, may: (g) => g.write }),
  prepare: async () => {
    organisations += 1;
    return {
      query: m(
        '$input: ReferringOrganisationInput!',
        'saveReferringOrganisation(input: $input)',
        'code active',
      ),
      variables: {
        input: {
          code: `MTX-${organisations}-${randomUUID().slice(0, 8).toUpperCase()}`,
          name: 'Matrix Test Police',
          kind: 'POLICE',
          region: 'NORTH_WEST',
        },
      },
    };
  },
});

export function webhookProbes(row: string): WriteProbe[] {
  const own = (caller: Caller, fx: Fixture) => fx.webhooks[caller.org ?? ''] ?? fx.otherWebhook;
  const rule = (seenBy?: () => string[]) =>
    judgeWrite({ row, may: (g) => g.write && g.own === true, ...(seenBy ? { seenBy } : {}) });
  const nobody = () => [];
  return [
    {
      name: 'registerWebhook',
      mutation: 'registerWebhook',
      expect: rule(),
      prepare: async () => ({
        query: `mutation { registerWebhook(url: "https://hooks.example.org/matrix", eventTypes: ["referral.accepted"], secret: "a-secret-of-thirty-two-characters") { id } }`,
        variables: {},
      }),
    },
    {
      name: "removeWebhook (the caller's organisation's)",
      mutation: 'removeWebhook',
      expect: rule(),
      // Removing takes the subscription away: each succeeding cell removes one of its own.
      prepare: async (hub, caller, fx, expected) => ({
        query: `mutation ($id: ID!) { removeWebhook(id: $id) }`,
        variables: { id: expected === 'OK' ? await registerWebhookOf(hub, caller.org!) : fx.otherWebhook },
      }),
    },
    {
      name: "removeWebhook (another organisation's)",
      mutation: 'removeWebhook',
      expect: rule(nobody),
      prepare: async (_hub, _c, fx) => ({
        query: `mutation ($id: ID!) { removeWebhook(id: $id) }`,
        variables: { id: fx.otherWebhook },
      }),
    },
    {
      name: "replayParkedDeliveries (the caller's organisation's)",
      mutation: 'replayParkedDeliveries',
      expect: rule(),
      prepare: async (_hub, caller, fx) => ({
        query: `mutation ($id: ID!) { replayParkedDeliveries(id: $id) { id parkedDeliveries } }`,
        variables: { id: own(caller, fx) },
      }),
    },
    {
      name: "replayParkedDeliveries (another organisation's)",
      mutation: 'replayParkedDeliveries',
      expect: rule(nobody),
      prepare: async (_hub, _c, fx) => ({
        query: `mutation ($id: ID!) { replayParkedDeliveries(id: $id) { id } }`,
        variables: { id: fx.otherWebhook },
      }),
    },
  ];
}

/**
 * `resolveIdentityConflict` (next/governance.md): information governance alone. A cell that is to
 * succeed resolves a fresh conflict of two fresh records (DIFFERENT_PEOPLE: nothing to merge); the
 * others are refused before anything is looked up, on the fixture's conflict, which stays open.
 */
export function identityConflictProbe(row: string): WriteProbe {
  const fresh = async (hub: TestHub) => {
    const db = hub.database.handle.db;
    const [a, b] = [await seedPerson(db), await seedPerson(db)];
    return (await seedIdentityConflict(db, { personId: a.id, otherPersonId: b.id })).id;
  };
  return {
    name: 'resolveIdentityConflict',
    mutation: 'resolveIdentityConflict',
    expect: judgeWrite({ row, may: (g) => g.write }),
    prepare: async (hub, _caller, fx, expected) => ({
      query: m(
        '$id: ID!',
        'resolveIdentityConflict(id: $id, outcome: DIFFERENT_PEOPLE, note: "Two people: different dates of birth.")',
        'conflict { id status }',
      ),
      variables: { id: expected === 'OK' ? await fresh(hub) : fx.conflict },
    }),
  };
}
