/**
 * The audit trail through the gateway (issue 7, item 10; ARCHITECTURE.md, "audit"): every change
 * is recorded by exactly one event per changed record, and every sensitive read of a person by
 * exactly one event per person per request, however many paths of the query reach that person
 * (aliases, nested fields, `_entities` from other subgraphs). Each request's events are found by
 * the request id the client got back.
 *
 * The referral lifecycle mutations have the same assertion per operation in
 * subgraphs/referral/test/lifecycle.test.ts ("adds one history event and one audit event");
 * submitReferral here; the other 18 mutations through their valid calls in mutation-cases.ts.
 * That UPDATE, DELETE and TRUNCATE are refused and that `pnpm audit:verify` finds an edited row:
 * packages/audit/test/audit.test.ts and scripts/test/audit-verify.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '@reconnect/hub';
import {
  rawRows,
  startTestHub,
  type FuzzCase,
  type GraphqlResponse,
  type TestHub,
} from '@reconnect/hub/testing';
import { HANDED_OVER, LDN_LEAD, NW_STAFF, cases, prepareFixtures } from './mutation-cases.ts';

interface AuditRow {
  action: string;
  subject_type: string;
  subject_id: string;
  person_id: string | null;
  outcome: string;
}

let hub: TestHub;
let table: FuzzCase[];

beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set('2026-11-25T10:00:00Z');
  await seedDemoData(hub.database.handle.db, hub.clock);
  table = cases(await prepareFixtures(hub));
}, 90_000);
afterAll(async () => {
  await hub?.stop();
});

function requestIdOf(response: GraphqlResponse): string {
  const id = response.headers.get('x-request-id');
  expect(id).toBeTruthy();
  return id!;
}

async function eventsOf(requestId: string): Promise<AuditRow[]> {
  return rawRows<AuditRow>(
    hub.database.handle.db,
    `select action, subject_type, subject_id, person_id, outcome, fields from audit.events
     where request_id = '${requestId.replace(/'/g, '')}' order by seq`,
  );
}

/** No record changed twice in one request: each (action, subject) at most once. */
function expectNoRepeats(events: AuditRow[]) {
  const keys = events.map((e) => `${e.action} ${e.subject_type}:${e.subject_id}`);
  expect(keys, 'an event was written twice').toEqual([...new Set(keys)]);
}

/** A RC-NW referral in care with no handover yet, for a handover of its own. */
async function freshHandover(): Promise<string> {
  const [candidate] = await rawRows<{ id: string }>(
    hub.database.handle.db,
    `select r.id from referral.referrals r
     where r.owning_service_code = 'RC-NW' and r.status in ('PRE_RELEASE', 'POST_RELEASE')
       and r.id <> '${HANDED_OVER}'
       and not exists (select 1 from referral.handovers h
                       where h.referral_id = r.id and h.status in ('REQUESTED', 'ACCEPTED'))
     order by r.id limit 1`,
  );
  const staff = await hub.as(NW_STAFF.role, { org: NW_STAFF.org });
  const response = await staff.query<{ requestHandover: { handover: { id: string } } }>(
    `mutation ($id: ID!) { requestHandover(referralId: $id, toServiceCode: "RC-LDN", note: "Moving") { handover { id } } }`,
    { id: candidate!.id },
  );
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.requestHandover.handover.id;
}

/**
 * The change events each valid call must write: one per record it changes. An agreement recorded
 * for a partner on open cases also records, once per case, that the case's access changed.
 */
const CHANGES: Record<string, string[]> = {
  requestHandover: ['handover.requested'],
  acceptHandover: ['handover.accepted'],
  declineHandover: ['handover.declined'],
  cancelHandover: ['handover.cancelled'],
  // The handover and the referral whose owning service it changed.
  completeHandover: ['handover.completed Handover', 'handover.completed Referral'],
  registerWebhook: ['webhook.registered'],
  removeWebhook: ['webhook.removed'],
  replayParkedDeliveries: ['webhook.deliveries-replayed'],
  recordHealthNeed: ['person.health-need-recorded'],
  resolveHealthNeed: ['person.health-need-resolved'],
  recordRiskAssessment: ['person.risk-assessment-recorded'],
  enrolEnhancedReconnect: ['enhancedCase.enrolled'],
  addCasePartner: ['enhancedCase.partnerAdded'],
  removeCasePartner: ['enhancedCase.partnerRemoved'],
  recordPartnerUpdate: ['enhancedCase.updateRecorded'],
  withdrawSharingConsent: ['enhancedCase.consentWithdrawn'],
  closeEnhancedCase: ['enhancedCase.closed'],
  recordDataSharingAgreement: ['partner.agreementRecorded'],
};

/**
 * The order the valid calls run in, so that each finds the state it needs: the webhook is replayed
 * before it is removed, the case gets its update before consent is withdrawn and it is closed.
 */
const ORDER = [
  'requestHandover',
  'acceptHandover',
  'declineHandover',
  'cancelHandover',
  'completeHandover',
  'registerWebhook',
  'replayParkedDeliveries',
  'removeWebhook',
  'recordHealthNeed',
  'resolveHealthNeed',
  'recordRiskAssessment',
  'enrolEnhancedReconnect',
  'recordDataSharingAgreement',
  'addCasePartner',
  'recordPartnerUpdate',
  'removeCasePartner',
  'withdrawSharingConsent',
  'closeEnhancedCase',
];

describe('every change is audited once', () => {
  it('the table covers the 18 mutations outside the referral lifecycle', () => {
    expect([...ORDER].sort()).toEqual(table.map((c) => c.mutation).sort());
    expect(Object.keys(CHANGES).sort()).toEqual([...ORDER].sort());
  });

  it('submitReferral: one event for the referral and one for the person it resolved', async () => {
    const referrer = await hub.as('REFERRER', { org: 'PROB-NW' });
    const response = await referrer.query(
      `mutation ($input: SubmitReferralInput!, $key: String!) { submitReferral(input: $input, idempotencyKey: $key) { referral { id } } }`,
      {
        key: randomUUID(),
        input: {
          source: 'PROBATION',
          referrer: { name: 'Jo Bloggs', organisationName: 'Probation NW', email: 'jo@example.org' },
          person: {
            givenName: 'Sam',
            familyName: 'Audited',
            dateOfBirth: '1990-02-03',
            prisonNumber: 'A7777AA',
            homeLocalAuthorityCode: 'E08000003',
          },
          custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-20' },
          identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood' }],
          reasonForReferral: 'GP registration.',
        },
      },
    );
    expect(response.body.errors).toBeUndefined();
    const events = await eventsOf(requestIdOf(response));
    const changes = events.filter((e) => !e.action.endsWith('.read'));
    expect(changes.filter((e) => e.action === 'referral.submitted')).toHaveLength(1);
    expect(changes.filter((e) => e.action === 'person.identity-resolved')).toHaveLength(1);
    expectNoRepeats(events);
  });

  for (const name of ORDER) {
    it(`${name}: exactly one event per changed record, with the caller and the request id`, async () => {
      const fuzzCase = table.find((c) => c.mutation === name)!;
      let variables = fuzzCase.variables;
      if (name === 'declineHandover' || name === 'cancelHandover') {
        variables = { ...variables, id: await freshHandover() };
      }
      const caller = await hub.as(name === 'declineHandover' ? LDN_LEAD.role : fuzzCase.caller.role, {
        org: fuzzCase.caller.org,
      });
      const response = await caller.query(fuzzCase.query, variables);
      expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
      const events = await eventsOf(requestIdOf(response));
      const changes = events.filter((e) => !e.action.endsWith('.read'));
      for (const expected of CHANGES[name]!) {
        const [action, subjectType] = expected.split(' ');
        const matching = changes.filter(
          (e) => e.action === action && (!subjectType || e.subject_type === subjectType),
        );
        expect(matching, `${expected} in ${JSON.stringify(changes)}`).toHaveLength(1);
      }
      expect(changes.every((e) => e.outcome === 'SUCCESS')).toBe(true);
      expectNoRepeats(events);
    });
  }
});

describe('every sensitive read of a person is audited once per request', () => {
  const PERSON_PATHS = /* GraphQL */ `
    query ($referralId: ID!, $personId: ID!) {
      referral(id: $referralId) {
        person {
          id
          nhsNumber
          healthNeeds {
            category
          }
        }
      }
      again: referral(id: $referralId) {
        person {
          givenName
          riskOfSeriousHarm {
            level
          }
        }
      }
      person(id: $personId) {
        id
        nhsNumber
        prisonNumber
      }
      alias: person(id: $personId) {
        familyName
      }
      referrals(first: 50) {
        nodes {
          id
          person {
            id
            givenName
          }
        }
      }
    }
  `;

  it('one person read through five paths, two subgraphs and `_entities` is one event', async () => {
    const [row] = await rawRows<{ id: string; person_id: string }>(
      hub.database.handle.db,
      `select id, person_id from referral.referrals where id = '${HANDED_OVER}'`,
    );
    const staff = await hub.as(NW_STAFF.role, { org: NW_STAFF.org });
    const response = await staff.query(PERSON_PATHS, { referralId: row!.id, personId: row!.person_id });
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
    const reads = (await eventsOf(requestIdOf(response))).filter((e) => e.action === 'person.read');
    const ofPerson = reads.filter((e) => e.person_id === row!.person_id);
    expect(ofPerson, JSON.stringify(ofPerson)).toHaveLength(1);
    expectNoRepeats(reads);
    // Every person the caseload page showed is in the trail too, each once.
    const shown = new Set(
      (response.body.data as { referrals: { nodes: { person: { id: string } }[] } }).referrals.nodes.map(
        (n) => n.person.id,
      ),
    );
    expect(new Set(reads.map((e) => e.person_id))).toEqual(new Set([...shown, row!.person_id]));
  });

  it('the same query again is a second read, audited again', async () => {
    const [row] = await rawRows<{ person_id: string }>(
      hub.database.handle.db,
      `select person_id from referral.referrals where id = '${HANDED_OVER}'`,
    );
    const staff = await hub.as(NW_STAFF.role, { org: NW_STAFF.org });
    const query = `query ($id: ID!) { person(id: $id) { nhsNumber } }`;
    const first = await staff.query(query, { id: row!.person_id });
    const second = await staff.query(query, { id: row!.person_id });
    for (const response of [first, second]) {
      const reads = (await eventsOf(requestIdOf(response))).filter((e) => e.action === 'person.read');
      expect(reads).toHaveLength(1);
    }
  });
});
