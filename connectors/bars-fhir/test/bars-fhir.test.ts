/**
 * The BaRS FHIR endpoint over real HTTP, in front of the whole hub (startTestHub): the example
 * message of docs/FHIR.md, every error row of BARS.md, idempotency (a resent message, ten copies at
 * once), read and search for the referrer and for another, cancellation, and a fuzzed set of
 * malformed bundles that must each be a 4xx OperationOutcome storing nothing. Every answer that
 * is a FHIR resource is checked against the R4 base specification too.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as R4 from 'fhir/r4.js';
import { GATEWAY_MAX_BODY_BYTES, barsFhirEnv, loadConfig } from '@reconnect/config';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { auditChangesSince, auditHighWater, rawRows, snapshotTables } from '@reconnect/testing';
import { randomNhsNumber, randomPrisonNumber } from '../../../subgraphs/person/src/testing.ts';
import { optionsOf, r4Problems, startBarsConnector, type RunningBarsConnector } from '../src/index.ts';

const ON_POSTGRES = Boolean(process.env.TEST_DATABASE_URL);
const DOC = new URL('../../../docs/FHIR.md', import.meta.url);
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

/** The example message of docs/FHIR.md, exactly as the page shows it. */
function exampleMessage(): R4.Bundle<R4.FhirResource> {
  const text = readFileSync(DOC, 'utf8');
  const m = /<!-- example-message -->\s*```json\n([\s\S]*?)\n```/.exec(text);
  if (!m) throw new Error('docs/FHIR.md has no example message');
  return JSON.parse(m[1]!) as R4.Bundle<R4.FhirResource>;
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- FHIR JSON poked by tests

/** The example with a new MessageHeader id and a new person (so it is not a DUPLICATE), then `change`. */
function variant(change: (b: Loose) => void = () => {}): Loose {
  const bundle = exampleMessage() as Loose;
  bundle.entry[0].resource.id = randomUUID();
  const patient = bundle.entry[2].resource;
  patient.identifier = [
    { system: NHS, value: randomNhsNumber() },
    { system: 'urn:reconnect-hub:id:prison-number', value: randomPrisonNumber() },
  ];
  change(bundle);
  return bundle;
}

let hub: TestHub;
let bars: RunningBarsConnector;
let referrer: string;
let otherReferrer: string;
let nwStaff: Awaited<ReturnType<TestHub['as']>>;

beforeAll(async () => {
  hub = await startTestHub();
  const config = loadConfig(barsFhirEnv, {
    NODE_ENV: 'test',
    BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE,HCP-LEI=PRISON_HEALTHCARE',
  });
  bars = await startBarsConnector(optionsOf(config, hub.gatewayUrl), 0, '127.0.0.1');
  referrer = await hub.token('REFERRER', { org: 'HCP-MRI', sub: 'mri-healthcare-system' });
  otherReferrer = await hub.token('REFERRER', { org: 'HCP-LEI', sub: 'leeds-healthcare-system' });
  nwStaff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
});

afterAll(async () => {
  await bars?.stop();
  await hub?.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  body: Loose;
}

async function request(
  method: string,
  path: string,
  options: { token?: string | null; headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Answer> {
  const token = options.token === undefined ? referrer : options.token;
  const response = await fetch(`${bars.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.body !== undefined || options.raw !== undefined
        ? { 'content-type': 'application/fhir+json' }
        : {}),
      ...options.headers,
    },
    ...(options.raw !== undefined
      ? { body: options.raw }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Loose) : {},
  };
}

function tracing(correlationId = randomUUID()): Record<string, string> {
  return { 'x-request-id': randomUUID(), 'x-correlation-id': correlationId };
}

function post(bundle: unknown, options: { token?: string | null; headers?: Record<string, string> } = {}) {
  return request('POST', '/$process-message', {
    body: bundle,
    headers: options.headers ?? tracing(),
    token: options.token,
  });
}

/** Every answer is R4, and a refusal an OperationOutcome with an NHS error code. */
function expectR4(answer: Answer): void {
  expect(answer.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
  expect(r4Problems(answer.body)).toEqual([]);
}

function expectOutcome(answer: Answer, status: number, code: string, expression?: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expectR4(answer);
  expect(answer.body.resourceType).toBe('OperationOutcome');
  expect(answer.body.issue[0].code).toBe(code);
  expect(answer.body.issue[0].details.coding[0].system).toBe(
    'https://fhir.nhs.uk/Codesystem/http-error-codes',
  );
  if (expression) expect(answer.body.issue.flatMap((i: Loose) => i.expression ?? [])).toContain(expression);
}

const REFERRAL = `query ($id: ID!) {
  referral(id: $id) {
    id reference status source reasonForReferral identifiedNeeds
    referrer { organisationCode organisationName name email phone }
    person { givenName familyName dateOfBirth nhsNumber prisonNumber homeArea { code }
      healthNeeds { category description } }
    custody { type establishment { code } expectedReleaseDate releasedOn onTemporaryLicence }
  }
}`;

async function counts(): Promise<{ referrals: number; keys: number; people: number }> {
  const [row] = await rawRows<{ referrals: string; keys: string; people: string }>(
    hub.database.handle.db,
    `select (select count(*) from referral.referrals) as referrals,
            (select count(*) from referral.idempotency_keys) as keys,
            (select count(*) from person.people) as people`,
  );
  return { referrals: Number(row!.referrals), keys: Number(row!.keys), people: Number(row!.people) };
}

describe('the example message of docs/FHIR.md', () => {
  let referralId: string;

  it('is answered 200 with a response MessageHeader and the ServiceRequest, echoing the headers', async () => {
    const example = exampleMessage() as Loose;
    const headers = tracing();
    const answer = await post(example, { headers });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expectR4(answer);
    expect(answer.headers.get('x-request-id')).toBe(headers['x-request-id']);
    expect(answer.headers.get('x-correlation-id')).toBe(headers['x-correlation-id']);
    const [header, sr] = answer.body.entry.map((e: Loose) => e.resource);
    expect(answer.body).toMatchObject({ resourceType: 'Bundle', type: 'message' });
    expect(header).toMatchObject({
      resourceType: 'MessageHeader',
      response: { identifier: example.entry[0].resource.id, code: 'ok' },
      focus: [{ reference: answer.body.entry[1].fullUrl }],
    });
    expect(sr).toMatchObject({
      resourceType: 'ServiceRequest',
      status: 'active',
      intent: 'plan',
      identifier: [
        { system: 'urn:reconnect-hub:id:referral-reference', value: expect.stringMatching(/^RC-/) },
      ],
      extension: expect.arrayContaining([
        { url: 'urn:reconnect-hub:extension:referral-status', valueCode: 'SUBMITTED' },
        { url: 'urn:reconnect-hub:extension:expected-release-date', valueDate: '2027-02-15' },
      ]),
      performer: [{ identifier: { system: 'urn:reconnect-hub:id:reconnect-service', value: 'RC-NW' } }],
    });
    referralId = sr.id;
  });

  it('is then in the hub as SUBMITTED with every mapped field', async () => {
    const { body } = await nwStaff.query<Loose>(REFERRAL, { id: referralId });
    expect(body.errors).toBeUndefined();
    const referral = body.data!.referral;
    expect(referral).toMatchObject({
      status: 'SUBMITTED',
      source: 'PRISON_HEALTHCARE',
      reasonForReferral:
        'Due for release in February; no GP in the community. Consents to RECONNECT contact.',
      identifiedNeeds: ['MENTAL_HEALTH', 'SUBSTANCE_MISUSE'],
      referrer: {
        organisationCode: 'HCP-MRI',
        organisationName: 'Healthcare, Manchester (HMP & YOI)',
        name: 'Amara Okafor',
        email: 'amara.okafor@nhs.example.org',
        phone: '01632 960321',
      },
      person: {
        givenName: 'Daniel',
        familyName: 'Hargreaves',
        dateOfBirth: '1988-04-12',
        nhsNumber: '9434765919',
        prisonNumber: 'A4821KD',
        homeArea: { code: 'E08000003' },
      },
      custody: {
        type: 'PRISON',
        establishment: { code: 'MRI' },
        expectedReleaseDate: '2027-02-15',
        releasedOn: null,
        onTemporaryLicence: false,
      },
    });
    expect(referral.person.healthNeeds).toEqual(
      expect.arrayContaining([
        {
          category: 'MENTAL_HEALTH',
          description: 'Depression, on sertraline; needs a community mental health team after release',
        },
        {
          category: 'SUBSTANCE_MISUSE',
          description: 'Opioid substitution therapy to continue in the community',
        },
      ]),
    );
  });

  it('is read back by its referrer, and by no other referrer', async () => {
    const mine = await request('GET', `/ServiceRequest/${referralId}`);
    expect(mine.status).toBe(200);
    expectR4(mine);
    expect(mine.body).toMatchObject({ resourceType: 'ServiceRequest', id: referralId, status: 'active' });
    expectOutcome(
      await request('GET', `/ServiceRequest/${referralId}`, { token: otherReferrer }),
      404,
      'not-found',
    );
    expectOutcome(await request('GET', `/ServiceRequest/not-an-id`), 404, 'not-found');
    expectOutcome(await request('GET', `/ServiceRequest/${referralId}`, { token: null }), 401, 'login');
  });

  it('shows in /metrics by route and outcome, with no id, reference or NHS number in a label', async () => {
    const text = await (await fetch(new URL('/metrics', bars.url))).text();
    expect(text).toMatch(
      /reconnect_request_duration_seconds_count\{[^}]*operation="POST \/FHIR\/R4\/\$process-message",outcome="ok"[^}]*\} [1-9]/,
    );
    expect(text).toContain('deployable="bars-fhir"');
    const example = exampleMessage() as Loose;
    const patient = example.entry
      .map((e: Loose) => e.resource)
      .find((r: Loose) => r.resourceType === 'Patient');
    const nhsNumber = patient.identifier.find(
      (i: Loose) => i.system === 'https://fhir.nhs.uk/Id/nhs-number',
    ).value;
    for (const secret of [referralId, nhsNumber, patient.name[0].family]) expect(text).not.toContain(secret);
  });

  it('is found by NHS number by its referrer, and not by another referrer', async () => {
    const query = `/ServiceRequest?patient:identifier=${encodeURIComponent(`${NHS}|9434765919`)}`;
    const mine = await request('GET', query);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expectR4(mine);
    expect(mine.body).toMatchObject({ type: 'searchset', total: 1 });
    expect(mine.body.entry[0].resource.id).toBe(referralId);
    const theirs = await request('GET', query, { token: otherReferrer });
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ type: 'searchset', total: 0 });
    expectOutcome(
      await request('GET', `/ServiceRequest?patient:identifier=${encodeURIComponent(`${NHS}|9434765918`)}`),
      400,
      'value',
    );
    expectOutcome(await request('GET', '/ServiceRequest?subject=x'), 400, 'not-supported');
  });
});

describe('metadata and the method rule', () => {
  it('answers an R4 CapabilityStatement with $process-message and ServiceRequest read and search', async () => {
    const answer = await request('GET', '/metadata', { token: null });
    expect(answer.status).toBe(200);
    expectR4(answer);
    expect(answer.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect(answer.body.rest[0].operation[0].name).toBe('process-message');
    expect(answer.body.rest[0].resource[0].interaction.map((i: Loose) => i.code)).toEqual([
      'read',
      'search-type',
    ]);
  });

  it('answers GET on $process-message 405 with Allow: POST', async () => {
    const answer = await request('GET', '/$process-message');
    expectOutcome(answer, 405, 'not-supported');
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('has its own health route', async () => {
    const response = await fetch(new URL('/health', bars.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    const ready = await fetch(new URL('/ready', bars.url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', gateway: 'ok' });
  });
});

describe('refusals (BARS.md, "Back to FHIR")', () => {
  it('401 without a token, and with one the hub does not accept', async () => {
    expectOutcome(await post(variant(), { token: null }), 401, 'login');
    expectOutcome(await post(variant(), { token: 'not-a-jwt' }), 401, 'login');
  });

  it('400 without X-Request-Id or X-Correlation-Id, or with one that is not a UUID', async () => {
    expectOutcome(await post(variant(), { headers: { 'x-request-id': randomUUID() } }), 400, 'required');
    expectOutcome(await post(variant(), { headers: { 'x-correlation-id': randomUUID() } }), 400, 'required');
    expectOutcome(
      await post(variant(), { headers: { 'x-request-id': 'abc', 'x-correlation-id': randomUUID() } }),
      400,
      'required',
    );
  });

  it.each([
    ['not a message', (b: Loose) => (b.type = 'collection'), 'structure', 'Bundle.type'],
    // The R4 invariant bdl-? of a message Bundle (Medplum checks it before the BaRS rules).
    ['no MessageHeader first', (b: Loose) => b.entry.reverse(), 'invariant', undefined],
    [
      'another event',
      (b: Loose) => (b.entry[0].resource.eventCoding.code = 'booking-request'),
      'structure',
      'Bundle.entry[0].resource.eventCoding',
    ],
    ['no Patient', (b: Loose) => b.entry.splice(2, 1), 'required', 'Bundle.entry[1].resource.subject'],
    [
      'not valid R4',
      (b: Loose) => (b.entry[2].resource.birthDate = '12/04/1988'),
      'structure',
      'Bundle.entry[2].resource.birthDate',
    ],
  ])('400 for %s', async (_name, change, code, expression) => {
    expectOutcome(await post(variant(change)), 400, code, expression);
  });

  it('400 value for a bad NHS number, at its FHIR path', async () => {
    const answer = await post(variant((b) => (b.entry[2].resource.identifier[0].value = '9434765918')));
    expectOutcome(answer, 400, 'value', 'Bundle.entry[2].resource.identifier[0].value');
    expect(JSON.stringify(answer.body)).not.toContain('9434765918');
  });

  it('400 value for an unknown establishment, at the Location identifier', async () => {
    const answer = await post(variant((b) => (b.entry[5].resource.identifier[0].value = 'ZZZ')));
    expectOutcome(answer, 400, 'value', 'Bundle.entry[5].resource.identifier[0].value');
  });

  it('422 business-rule naming UNDER_18 for a person under 18 on release', async () => {
    const answer = await post(variant((b) => (b.entry[2].resource.birthDate = '2009-06-01')));
    expectOutcome(answer, 422, 'business-rule');
    expect(answer.body.issue[0].diagnostics).toContain('UNDER_18');
    expect(answer.body.issue[0].details.coding[0].code).toBe('REC_UNPROCESSABLE_ENTITY');
  });

  it('422 for a sender whose ODS code is not in BARS_SENDERS', async () => {
    const token = await hub.token('REFERRER', { org: 'Y99999' });
    const answer = await post(
      variant((b) => (b.entry[4].resource.identifier[0].value = 'Y99999')),
      { token },
    );
    expectOutcome(answer, 422, 'business-rule', 'Bundle.entry[4].resource.identifier[0].value');
  });

  it('403 when the sender is not the token’s organisation', async () => {
    const answer = await post(variant(), { token: otherReferrer });
    expectOutcome(answer, 403, 'forbidden', 'Bundle.entry[4].resource.identifier[0].value');
  });

  it('403 forbidden, storing nothing, once information governance makes the sender inactive', async () => {
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const save = (active: boolean) =>
      admin.query(
        `mutation($input: ReferringOrganisationInput!) { saveReferringOrganisation(input: $input) { active } }`,
        {
          input: {
            code: 'HCP-MRI',
            name: 'Healthcare, Manchester (HMP & YOI) (demo)',
            kind: 'PRISON_HEALTHCARE',
            region: 'NORTH_WEST',
            active,
          },
        },
      );
    expect((await save(false)).body.errors).toBeUndefined();
    try {
      const before = await counts();
      expectOutcome(await post(variant()), 403, 'forbidden');
      expect(await counts()).toEqual(before);
    } finally {
      expect((await save(true)).body.errors).toBeUndefined();
    }
  });

  it('403 forbidden when the hub refuses the role (a partner may not refer)', async () => {
    const partner = await hub.token('ER_PARTNER', { org: 'HCP-MRI' });
    expectOutcome(await post(variant(), { token: partner }), 403, 'forbidden');
  });

  it('503 transient when the gateway cannot be reached', async () => {
    const config = loadConfig(barsFhirEnv, { NODE_ENV: 'test', BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE' });
    const cut = await startBarsConnector(optionsOf(config, 'http://127.0.0.1:9/graphql'), 0, '127.0.0.1');
    try {
      const response = await fetch(`${cut.url}/$process-message`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${referrer}`,
          'content-type': 'application/fhir+json',
          ...tracing(),
        },
        body: JSON.stringify(variant()),
      });
      const answer = {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as Loose,
      };
      expectOutcome(answer, 503, 'transient');
      expect(answer.body.issue[0].details.coding[0].code).toBe('REC_SERVICE_UNAVAILABLE');
    } finally {
      await cut.stop();
    }
  });

  it('409 conflict when the correlation id and MessageHeader id come again with another message', async () => {
    const first = variant();
    const headers = tracing();
    expect((await post(first, { headers })).status).toBe(200);
    const other = variant((b) => (b.entry[0].resource.id = first.entry[0].resource.id));
    expectOutcome(
      await post(other, { headers: { ...headers, 'x-request-id': randomUUID() } }),
      409,
      'conflict',
    );
  });
});

describe('idempotency by X-Correlation-Id and MessageHeader id', () => {
  it('answers a resent message 409 duplicate naming the same referral, and stores nothing new', async () => {
    const message = variant();
    const correlationId = randomUUID();
    const first = await post(message, { headers: tracing(correlationId) });
    expect(first.status).toBe(200);
    const sr = first.body.entry[1].resource;
    const before = await counts();
    const again = await post(message, { headers: tracing(correlationId) });
    expectOutcome(again, 409, 'duplicate');
    expect(again.body.issue[0].diagnostics).toContain(sr.id);
    expect(again.body.issue[0].diagnostics).toContain(sr.identifier[0].value);
    expect(await counts()).toEqual(before);
    // The same MessageHeader id under another correlation id is another message.
    const anew = await post(message, { headers: tracing() });
    expect(anew.status).toBe(200);
    expect(anew.body.entry[1].resource.id).not.toBe(sr.id);
  });

  it.runIf(ON_POSTGRES)(
    'makes one referral of ten copies sent at once, and every other copy names it',
    async () => {
      const message = variant();
      const correlationId = randomUUID();
      const before = await counts();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => post(message, { headers: tracing(correlationId) })),
      );
      const ok = answers.filter((a) => a.status === 200);
      expect(ok).toHaveLength(1);
      const id = ok[0]!.body.entry[1].resource.id as string;
      for (const answer of answers.filter((a) => a.status !== 200)) {
        expectOutcome(answer, 409, 'duplicate');
        expect(answer.body.issue[0].diagnostics).toContain(id);
      }
      const after = await counts();
      expect(after).toEqual({
        referrals: before.referrals + 1,
        keys: before.keys + 1,
        people: before.people + 1,
      });
    },
  );
});

describe("the hub's request id and the caller's X-Correlation-Id (next/trust.md)", () => {
  /** The audit events the hub wrote under this correlation id. */
  const eventsOf = (correlationId: string) =>
    rawRows<{ action: string; request_id: string; actor_subject: string }>(
      hub.database.handle.db,
      `select action, request_id, actor_subject from audit.events
       where correlation_id = '${correlationId}' order by seq`,
    );

  it('X-Correlation-Id lands as correlationId, never as requestId; both headers still echoed', async () => {
    const submitted = tracing();
    const answer = await post(variant(), { headers: submitted });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.headers.get('x-request-id')).toBe(submitted['x-request-id']);
    expect(answer.headers.get('x-correlation-id')).toBe(submitted['x-correlation-id']);
    const referralId = answer.body.entry[1].resource.id as string;

    const read = tracing();
    const mine = await request('GET', `/ServiceRequest/${referralId}`, { headers: read });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('x-correlation-id')).toBe(read['x-correlation-id']);

    for (const sent of [submitted, read]) {
      const events = await eventsOf(sent['x-correlation-id']!);
      expect(events.length, JSON.stringify(sent)).toBeGreaterThan(0);
      for (const event of events) {
        expect(event.actor_subject).toBe('mri-healthcare-system');
        expect(event.request_id).toMatch(/^[0-9a-f-]{36}$/);
        expect([sent['x-request-id'], sent['x-correlation-id']]).not.toContain(event.request_id);
      }
    }
    expect((await eventsOf(submitted['x-correlation-id']!)).map((e) => e.action)).toContain(
      'referral.submitted',
    );
    const [counted] = await rawRows<{ n: string | number }>(
      hub.database.handle.db,
      `select count(*) as n from audit.events
       where request_id in ('${submitted['x-request-id']}', '${submitted['x-correlation-id']}',
                            '${read['x-request-id']}', '${read['x-correlation-id']}')`,
    );
    expect(Number(counted!.n)).toBe(0);
  });
});

describe('cancellation (reason update, ServiceRequest revoked)', () => {
  function cancellationOf(referral: Loose): Loose {
    const bundle = exampleMessage() as Loose;
    const header = bundle.entry[0].resource;
    header.id = randomUUID();
    header.reason.coding[0].code = 'update';
    const sr = bundle.entry[1].resource;
    sr.status = 'revoked';
    sr.identifier = [
      { system: 'urn:reconnect-hub:id:referral-reference', value: referral.identifier[0].value },
    ];
    sr.note = [{ text: 'Transferred to another prison before release' }];
    return bundle;
  }

  it('withdraws a SUBMITTED referral', async () => {
    const made = (await post(variant())).body.entry[1].resource;
    const answer = await post(cancellationOf(made));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expectR4(answer);
    expect(answer.body.entry[1].resource).toMatchObject({
      id: made.id,
      status: 'revoked',
      extension: expect.arrayContaining([
        { url: 'urn:reconnect-hub:extension:referral-status', valueCode: 'WITHDRAWN' },
      ]),
    });
    const { body } = await nwStaff.query<Loose>('query ($id: ID!) { referral(id: $id) { status } }', {
      id: made.id,
    });
    expect(body.data!.referral.status).toBe('WITHDRAWN');
  });

  it('is 422 once RECONNECT has accepted the referral', async () => {
    const made = (await post(variant())).body.entry[1].resource;
    const consent = await nwStaff.query<Loose>(
      'mutation ($id: ID!) { recordConsent(referralId: $id, decision: GIVEN, method: FACE_TO_FACE) { referral { id } } }',
      { id: made.id },
    );
    expect(consent.body.errors).toBeUndefined();
    const accepted = await nwStaff.query<Loose>(
      'mutation ($id: ID!) { acceptReferral(id: $id) { referral { status } } }',
      { id: made.id },
    );
    expect(accepted.body.data!.acceptReferral.referral.status).toBe('PRE_RELEASE');
    expectOutcome(await post(cancellationOf(made)), 422, 'business-rule');
  });

  it('is 404 for another referrer’s referral', async () => {
    const made = (await post(variant())).body.entry[1].resource;
    const cancellation = cancellationOf(made);
    cancellation.entry[4].resource.identifier[0].value = 'HCP-LEI';
    expectOutcome(await post(cancellation, { token: otherReferrer }), 404, 'not-found');
  });
});

describe('malformed bundles (property-based)', () => {
  /** A way to break the example: each makes it something the endpoint must refuse. */
  const breakage: fc.Arbitrary<(b: Loose) => unknown> = fc.oneof(
    // Garbage instead of a Bundle.
    fc.jsonValue().map((v) => () => v),
    // An element the base specification does not know, on any resource.
    fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue())
      .map(([i, key, value]) => (b: Loose) => {
        b.entry[i].resource[`x${key}`] = value;
        return b;
      }),
    // A required resource or element removed.
    fc
      .constantFrom(
        (b: Loose) => delete b.entry[0].resource.eventCoding,
        (b: Loose) => delete b.entry[0].resource.focus,
        (b: Loose) => delete b.entry[0].resource.sender,
        (b: Loose) => delete b.entry[0].resource.id,
        (b: Loose) => delete b.entry[1].resource.subject,
        (b: Loose) => delete b.entry[1].resource.locationReference,
        (b: Loose) => delete b.entry[2].resource.birthDate,
        (b: Loose) => delete b.entry[2].resource.name,
        (b: Loose) => delete b.entry[4].resource.identifier,
        (b: Loose) => b.entry.splice(3, 1),
        (b: Loose) => b.entry.splice(5, 1),
        (b: Loose) => delete b.type,
      )
      .map((f) => (b: Loose) => {
        f(b);
        return b;
      }),
    // A value of the wrong type or form where the hub reads one.
    fc
      .tuple(
        fc.constantFrom(
          (b: Loose, v: unknown) => (b.entry[2].resource.birthDate = v),
          (b: Loose, v: unknown) => (b.entry[1].resource.extension[0].valueDate = v),
          (b: Loose, v: unknown) => (b.entry[1].resource.reasonCode[0].coding[0].code = v),
          (b: Loose, v: unknown) => (b.entry[1].resource.intent = v),
          (b: Loose, v: unknown) => (b.entry[0].resource.eventCoding.system = v),
          (b: Loose, v: unknown) => (b.entry[1].resource.subject.reference = v),
        ),
        fc.oneof(
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.string({ maxLength: 20 }).map((s) => `~${s}`),
          fc.array(fc.string(), { maxLength: 2 }),
        ),
      )
      .map(([set, value]) => (b: Loose) => {
        set(b, value);
        return b;
      }),
  );

  it('answers each with a 4xx OperationOutcome and stores nothing', async () => {
    const db = hub.database.handle.db;
    const before = await snapshotTables(db);
    const auditSeq = await auditHighWater(db);
    await fc.assert(
      fc.asyncProperty(breakage, async (breakIt) => {
        const body = breakIt(variant());
        const answer = await post(body);
        expect(answer.status, JSON.stringify(answer.body).slice(0, 400)).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
        expect(answer.body.resourceType).toBe('OperationOutcome');
        expect(answer.body.issue.length).toBeGreaterThan(0);
        expect(r4Problems(answer.body)).toEqual([]);
      }),
      { numRuns: 40, seed: 17, endOnFailure: true },
    );
    const after = await snapshotTables(db);
    expect(Object.keys(before).filter((k) => before[k] !== after[k])).toEqual([]);
    expect(await auditChangesSince(db, auditSeq)).toEqual([]);
  });

  it('answers a body that is not JSON 400 structure, and another media type 415', async () => {
    expectOutcome(
      await request('POST', '/$process-message', { raw: '{"resourceType": "Bundle",', headers: tracing() }),
      400,
      'structure',
    );
    const answer = await request('POST', '/$process-message', {
      raw: '<Bundle/>',
      headers: { ...tracing(), 'content-type': 'application/fhir+xml' },
    });
    expectOutcome(answer, 415, 'not-supported');
  });
});

describe('the body limit is the gateway’s (issue 24, item 7)', () => {
  /** A new referral whose note makes the message `bytes` long (give or take a few). */
  function messageOf(bytes: number): Loose {
    const bundle = variant();
    const sr = bundle.entry[1].resource;
    const base = JSON.stringify(bundle).length - sr.note[0].text.length;
    sr.note[0].text = 'x'.repeat(bytes - base);
    return bundle;
  }

  it('answers a message larger than the gateway takes 413 too-costly, storing nothing', async () => {
    const bundle = messageOf(GATEWAY_MAX_BODY_BYTES + 1024);
    const before = await counts();
    const answer = await post(bundle);
    expectOutcome(answer, 413, 'too-costly');
    expect(answer.body.issue[0].diagnostics).toBe(
      `A message is at most ${GATEWAY_MAX_BODY_BYTES} bytes (256 KiB).`,
    );
    expect(await counts()).toEqual(before);
  });

  it('a message under the limit is judged on its content, not refused for its size', async () => {
    // 200 KiB of note: past the hub's 4,000 characters of reasonForReferral, a value at its path.
    expectOutcome(await post(messageOf(200 * 1024)), 400, 'value', 'Bundle.entry[1].resource.note[0].text');
  });

  it('a request the gateway refuses for its size is 413 too, whatever the connector let through', async () => {
    // The connector as it was, taking 1 MB: the message now reaches the gateway, whose own 413 was
    // answered 400 (a bad value). It is the size that is wrong, and the answer says so.
    const config = loadConfig(barsFhirEnv, { NODE_ENV: 'test', BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE' });
    const lenient = await startBarsConnector(
      { ...optionsOf(config, hub.gatewayUrl), maxBodyBytes: 1024 * 1024 },
      0,
      '127.0.0.1',
    );
    try {
      const before = await counts();
      const response = await fetch(`${lenient.url}/$process-message`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${referrer}`,
          'content-type': 'application/fhir+json',
          ...tracing(),
        },
        body: JSON.stringify(messageOf(300 * 1024)),
      });
      const answer = {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as Loose,
      };
      expectOutcome(answer, 413, 'too-costly');
      expect(await counts()).toEqual(before);
    } finally {
      await lenient.stop();
    }
  });
});

describe('fullUrls come from the configuration, never from the request (issue 24, item 7)', () => {
  /** A request over node:http, which lets the test forge the Host header (fetch would not). */
  function forged(method: string, path: string, body?: unknown): Promise<Answer> {
    const url = new URL(`${bars.url}${path}`);
    const text = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method,
          path: `${url.pathname}${url.search}`,
          headers: {
            host: 'attacker.example',
            'x-forwarded-host': 'attacker.example',
            'x-forwarded-proto': 'https',
            forwarded: 'host=attacker.example;proto=https',
            authorization: `Bearer ${referrer}`,
            ...tracing(),
            ...(text
              ? { 'content-type': 'application/fhir+json', 'content-length': Buffer.byteLength(text) }
              : {}),
          },
        },
        (res) => {
          let data = '';
          res.on('data', (chunk: Buffer) => (data += chunk.toString()));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: new Headers(res.headers as Record<string, string>),
              body: data ? (JSON.parse(data) as Loose) : {},
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  }

  /** Every URL in an answer that names this endpoint: all must be under the connector's own. */
  function urlsOf(value: unknown): string[] {
    const text = JSON.stringify(value);
    return [...text.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
  }

  it('answers a new referral, a read, a search and the metadata under the configured base URL', async () => {
    // Outside production with no BARS_FHIR_BASE_URL: the connector's own URL as it listens.
    const bundle = variant();
    const submitted = await forged('POST', '/$process-message', bundle);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const id = submitted.body.entry[1].resource.id as string;
    expect(submitted.body.entry[1].fullUrl).toBe(`${bars.url}/ServiceRequest/${id}`);

    const nhsNumber = bundle.entry[2].resource.identifier[0].value as string;
    const found = await forged(
      'GET',
      `/ServiceRequest?patient:identifier=${encodeURIComponent(`${NHS}|${nhsNumber}`)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.entry[0].fullUrl).toBe(`${bars.url}/ServiceRequest/${id}`);
    expect(found.body.link[0].url.startsWith(`${bars.url}/ServiceRequest?`)).toBe(true);

    const metadata = await forged('GET', '/metadata');
    expect(metadata.body.implementation.url).toBe(bars.url);

    for (const answer of [submitted, found, metadata, await forged('GET', `/ServiceRequest/${id}`)]) {
      expect(JSON.stringify(answer.body)).not.toContain('attacker.example');
      for (const url of urlsOf(answer.body).filter((u) => u.includes('/FHIR/R4')))
        expect(url.startsWith(bars.url)).toBe(true);
    }
  });

  it('uses BARS_FHIR_BASE_URL when it is set', async () => {
    const base = 'https://fhir.reconnect.example.nhs.uk/FHIR/R4';
    const config = loadConfig(barsFhirEnv, {
      NODE_ENV: 'test',
      BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE',
      BARS_FHIR_BASE_URL: base,
    });
    const configured = await startBarsConnector(optionsOf(config, hub.gatewayUrl), 0, '127.0.0.1');
    try {
      const response = await fetch(`${configured.url}/$process-message`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${referrer}`,
          'content-type': 'application/fhir+json',
          ...tracing(),
        },
        body: JSON.stringify(variant()),
      });
      const body = (await response.json()) as Loose;
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.entry[1].fullUrl).toBe(`${base}/ServiceRequest/${body.entry[1].resource.id}`);
    } finally {
      await configured.stop();
    }
  });

  it('will not start in production without BARS_FHIR_BASE_URL', async () => {
    const config = loadConfig(barsFhirEnv, { NODE_ENV: 'test', BARS_SENDERS: 'HCP-MRI=PRISON_HEALTHCARE' });
    await expect(
      startBarsConnector({ ...optionsOf(config, hub.gatewayUrl), production: true }, 0, '127.0.0.1'),
    ).rejects.toThrow(/BARS_FHIR_BASE_URL is required in production/);
  });
});
