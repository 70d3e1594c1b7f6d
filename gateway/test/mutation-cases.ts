/**
 * Valid calls of the handover, webhook, person and partner mutations, and the fixtures they act on
 * (made through the API on a hub seeded with the demo data). The fuzz test corrupts them one
 * argument at a time; the audit test sends each once and counts its audit events.
 */
import { expect } from 'vitest';
import { rawRows, type FuzzCase, type TestHub } from '@reconnect/hub/testing';

export const NW_STAFF = { role: 'RECONNECT_STAFF', org: 'RC-NW' };
export const LDN_LEAD = { role: 'RECONNECT_LEAD', org: 'RC-LDN' };
export const PARTNER = { role: 'ER_PARTNER', org: 'ERP-NW-MH' };
export const ADMIN = { role: 'RECONNECT_ADMIN', org: 'NHSE-IG' };
export const REFERRER = { role: 'REFERRER', org: 'PROB-NW' };
export const ENROLLED = 'afa351fd-78cb-55c6-9077-0e37ff357b02';
export const HANDED_OVER = 'b89ea1ff-d0bd-53ec-8dc9-1569b124b408';
export const NOT_ENROLLED = '776f1820-740a-5019-86e6-602efed0f220';
export const ACCEPTED_HANDOVER = '5e56d195-13fa-5d08-b647-ef0fbb2c0d65';

export interface Fixtures {
  handoverId: string;
  acceptedHandoverId: string;
  caseId: string;
  webhookId: string;
  personId: string;
  healthNeedId: string;
}

export function cases(f: Fixtures): FuzzCase[] {
  const id = { path: 'id', kind: 'id' } as const;
  const handover = (mutation: string, caller: FuzzCase['caller'], withReason: boolean): FuzzCase => ({
    mutation,
    caller,
    query: withReason
      ? `mutation ($id: ID!, $reason: String!) { ${mutation}(id: $id, reason: $reason) { handover { id } } }`
      : `mutation ($id: ID!) { ${mutation}(id: $id) { handover { id } } }`,
    variables: withReason ? { id: f.handoverId, reason: 'Capacity' } : { id: f.handoverId },
    args: withReason ? [id, { path: 'reason', kind: 'text' }] : [id],
  });
  const caseOp = (
    mutation: string,
    caller: FuzzCase['caller'],
    extra: Record<string, [string, string]>,
  ): FuzzCase => {
    const names = Object.keys(extra);
    const params = ['$caseId: ID!', ...names.map((n) => `$${n}: ${extra[n]![0]}`)].join(', ');
    const args = ['caseId: $caseId', ...names.map((n) => `${n}: $${n}`)].join(', ');
    return {
      mutation,
      caller,
      query: `mutation (${params}) { ${mutation}(${args}) { enhancedCase { id } } }`,
      variables: { caseId: f.caseId, ...Object.fromEntries(names.map((n) => [n, extra[n]![1]])) },
      args: [
        { path: 'caseId', kind: 'id' },
        ...names.map((n) => ({ path: n, kind: n === 'partnerCode' ? ('code' as const) : ('text' as const) })),
      ],
    };
  };
  return [
    {
      mutation: 'requestHandover',
      caller: NW_STAFF,
      query: `mutation ($id: ID!, $to: String!, $note: String) { requestHandover(referralId: $id, toServiceCode: $to, note: $note) { handover { id } } }`,
      variables: { id: ENROLLED, to: 'RC-SE', note: 'Moving to Kent' },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'to', kind: 'code' },
        { path: 'note', kind: 'text', nullable: true },
      ],
    },
    handover('acceptHandover', LDN_LEAD, false),
    handover('declineHandover', LDN_LEAD, true),
    handover('cancelHandover', NW_STAFF, true),
    { ...handover('completeHandover', LDN_LEAD, false), variables: { id: f.acceptedHandoverId } },
    {
      mutation: 'registerWebhook',
      caller: REFERRER,
      query: `mutation ($url: String!, $types: [String!]!, $secret: String!) { registerWebhook(url: $url, eventTypes: $types, secret: $secret) { id } }`,
      variables: {
        url: 'http://127.0.0.1:9999/hook',
        types: ['referral.accepted'],
        secret: 'a-long-random-shared-secret',
      },
      args: [
        { path: 'url', kind: 'url' },
        { path: 'types', kind: 'eventTypes' },
        { path: 'secret', kind: 'text' },
      ],
    },
    {
      mutation: 'removeWebhook',
      caller: REFERRER,
      query: `mutation ($id: ID!) { removeWebhook(id: $id) }`,
      variables: { id: f.webhookId },
      args: [id],
    },
    {
      mutation: 'replayParkedDeliveries',
      caller: REFERRER,
      query: `mutation ($id: ID!) { replayParkedDeliveries(id: $id) { id } }`,
      variables: { id: f.webhookId },
      args: [id],
    },
    {
      mutation: 'recordHealthNeed',
      caller: NW_STAFF,
      query: `mutation ($personId: ID!, $input: HealthNeedInput!) { recordHealthNeed(personId: $personId, input: $input) { person { id } } }`,
      variables: { personId: f.personId, input: { category: 'ALCOHOL', description: 'Daily drinking' } },
      args: [
        { path: 'personId', kind: 'id' },
        { path: 'input', kind: 'object' },
        { path: 'input.category', kind: 'enum' },
        { path: 'input.description', kind: 'text' },
      ],
    },
    {
      mutation: 'resolveHealthNeed',
      caller: NW_STAFF,
      query: `mutation ($personId: ID!, $needId: ID!) { resolveHealthNeed(personId: $personId, healthNeedId: $needId) { person { id } } }`,
      variables: { personId: f.personId, needId: f.healthNeedId },
      args: [
        { path: 'personId', kind: 'id' },
        { path: 'needId', kind: 'id' },
      ],
    },
    {
      mutation: 'recordRiskAssessment',
      caller: NW_STAFF,
      query: `mutation ($personId: ID!, $input: RiskAssessmentInput!) { recordRiskAssessment(personId: $personId, input: $input) { person { id } } }`,
      variables: {
        personId: f.personId,
        input: {
          level: 'HIGH',
          riskTo: ['KNOWN_ADULT'],
          summary: 'Known adult',
          assessedOn: '2026-11-20',
          source: 'OASys',
        },
      },
      args: [
        { path: 'personId', kind: 'id' },
        { path: 'input', kind: 'object' },
        { path: 'input.level', kind: 'enum' },
        { path: 'input.riskTo', kind: 'enumList' },
        { path: 'input.summary', kind: 'text', nullable: true },
        { path: 'input.assessedOn', kind: 'date' },
        { path: 'input.source', kind: 'text' },
      ],
    },
    {
      mutation: 'enrolEnhancedReconnect',
      caller: NW_STAFF,
      query: `mutation ($id: ID!, $input: EnrolEnhancedInput!) { enrolEnhancedReconnect(referralId: $id, input: $input) { enhancedCase { id } } }`,
      variables: {
        id: NOT_ENROLLED,
        input: {
          rationale: 'High risk of harm',
          sharingConsent: 'GIVEN',
          consentMethod: 'FACE_TO_FACE',
          partnerCodes: ['ERP-NW-MH'],
        },
      },
      args: [
        { path: 'id', kind: 'id' },
        { path: 'input', kind: 'object' },
        { path: 'input.rationale', kind: 'text' },
        { path: 'input.sharingConsent', kind: 'enum' },
        { path: 'input.consentMethod', kind: 'enum' },
        { path: 'input.partnerCodes', kind: 'codeList' },
      ],
    },
    caseOp('addCasePartner', NW_STAFF, { partnerCode: ['String!', 'ERP-NW-HSG'] }),
    caseOp('removeCasePartner', NW_STAFF, {
      partnerCode: ['String!', 'ERP-NW-MH'],
      reason: ['String!', 'No longer involved'],
    }),
    caseOp('recordPartnerUpdate', PARTNER, { note: ['String!', 'Seen at clinic'] }),
    caseOp('withdrawSharingConsent', NW_STAFF, {}),
    caseOp('closeEnhancedCase', NW_STAFF, { reason: ['String!', 'Risk reduced'] }),
    {
      mutation: 'recordDataSharingAgreement',
      caller: ADMIN,
      query: `mutation ($code: String!, $input: DataSharingAgreementInput!) { recordDataSharingAgreement(partnerCode: $code, input: $input) { code } }`,
      variables: {
        code: 'ERP-SW-MAPPA',
        input: {
          reference: 'DSA-SW-2026-11',
          scopes: ['RISK'],
          startsOn: '2026-12-01',
          endsOn: '2027-11-30',
        },
      },
      args: [
        { path: 'code', kind: 'code' },
        { path: 'input', kind: 'object' },
        { path: 'input.reference', kind: 'text' },
        { path: 'input.scopes', kind: 'enumList' },
        { path: 'input.startsOn', kind: 'date' },
        { path: 'input.endsOn', kind: 'date' },
      ],
    },
  ];
}

/** Makes the fixtures the valid calls act on. Call once, on a hub with the demo data. */
export async function prepareFixtures(hub: TestHub): Promise<Fixtures> {
  // Fixtures the baselines act on, made through the API before any snapshot is taken: a
  // REQUESTED and an ACCEPTED handover, an enhanced case, a webhook, and the HIGH risk assessment
  // and second health need that make the enrolment baseline eligible.
  const db = hub.database.handle.db;
  const personOf = async (referralId: string) =>
    (
      await rawRows<{ id: string }>(
        db,
        `select person_id as id from referral.referrals where id = '${referralId}'`,
      )
    )[0]!.id;
  const staff = await hub.as(NW_STAFF.role, { org: NW_STAFF.org });
  const ldn = await hub.as(LDN_LEAD.role, { org: LDN_LEAD.org });
  const referrer = await hub.as(REFERRER.role, { org: REFERRER.org });
  const handoverOf = async (referralId: string) =>
    (
      await rawRows<{ id: string }>(
        db,
        `select id from referral.handovers where referral_id = '${referralId}'`,
      )
    )[0]!.id;
  const made = [
    await staff.query(
      `mutation { requestHandover(referralId: "${HANDED_OVER}", toServiceCode: "RC-LDN", note: "Moving") { handover { id } } }`,
    ),
    await staff.query(
      `mutation { requestHandover(referralId: "${ACCEPTED_HANDOVER}", toServiceCode: "RC-LDN", note: "Moving") { handover { id } } }`,
    ),
    await staff.query(
      `mutation { enrolEnhancedReconnect(referralId: "${ENROLLED}", input: { rationale: "High risk", sharingConsent: GIVEN, consentMethod: FACE_TO_FACE, partnerCodes: ["ERP-NW-MH"] }) { enhancedCase { id } } }`,
    ),
    await staff.query(
      `mutation { recordRiskAssessment(personId: "${await personOf(NOT_ENROLLED)}", input: { level: HIGH, riskTo: [KNOWN_ADULT], assessedOn: "2026-11-20", source: "OASys" }) { person { id } } }`,
    ),
    await staff.query(
      `mutation { recordHealthNeed(personId: "${await personOf(NOT_ENROLLED)}", input: { category: SUBSTANCE_MISUSE, description: "Opiates" }) { person { id } } }`,
    ),
    await referrer.query(
      `mutation { registerWebhook(url: "http://127.0.0.1:9999/hook", eventTypes: ["referral.accepted"], secret: "a-long-random-shared-secret") { id } }`,
    ),
  ];
  made.push(
    await ldn.query(
      `mutation { acceptHandover(id: "${await handoverOf(ACCEPTED_HANDOVER)}") { handover { id } } }`,
    ),
  );
  for (const response of made)
    expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  // The case enrolled above (the demo data has an enhanced case of its own).
  const [enhanced] = await rawRows<{ id: string }>(
    db,
    `select id from partner.enhanced_cases where referral_id = '${ENROLLED}'`,
  );
  const [webhook] = await rawRows<{ id: string }>(db, `select id from events.subscriptions limit 1`);
  const personId = await personOf(ENROLLED);
  const [need] = await rawRows<{ id: string }>(
    db,
    `select id from person.health_needs where person_id = '${personId}' and active limit 1`,
  );
  return {
    handoverId: await handoverOf(HANDED_OVER),
    acceptedHandoverId: await handoverOf(ACCEPTED_HANDOVER),
    caseId: enhanced!.id,
    webhookId: webhook!.id,
    personId,
    healthNeedId: need!.id,
  };
}
