/**
 * What an ER partner reads through the gateway (AUTH.md, ER_PARTNER column): by its agreement's
 * scopes, and nothing once its agreement expires, it is removed, consent is withdrawn or the case
 * closes. Every partner read shows in the person's access log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import {
  ENROL,
  NOW,
  PARTNER_READ,
  auditActions,
  enrolInput,
  errorsByPath,
  seedEligibleReferral,
  type CaseSeed,
  type Loose,
} from './enhanced-harness.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set(NOW);
  // A partner whose agreement shares RISK only (the demo data has none).
  const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
  const res = await admin.query<Loose>(
    `mutation { recordDataSharingAgreement(partnerCode: "ERP-SW-MAPPA", input: {
       reference: "DSA-SW-MAPPA-2026", scopes: [RISK], startsOn: "2026-10-01", endsOn: "2027-09-30" }) { code } }`,
  );
  expect(res.body.errors).toBeUndefined();
});
afterAll(async () => {
  await hub?.stop();
});
// Each test starts an hour after the last one: grants written and ended by an earlier test stay in
// the past, as they would in real time, instead of coming back to life when the clock goes back.
let start = Date.parse(NOW);
beforeEach(() => {
  start += 60 * 60 * 1000;
  hub.clock.set(new Date(start));
});

async function openCase(partnerCodes: string[], seed: CaseSeed = {}) {
  const { referral, person } = await seedEligibleReferral(hub, seed);
  const staff = await hub.as('RECONNECT_STAFF', { org: seed.service ?? 'RC-NW' });
  const res = await staff.query<Loose>(ENROL, { referralId: referral.id, input: enrolInput(partnerCodes) });
  expect(res.body.errors).toBeUndefined();
  return { referral, person, staff, caseId: res.body.data!.enrolEnhancedReconnect.enhancedCase.id as string };
}

const PERSON = `query($id: ID!) { person(id: $id) { id givenName } }`;
const REFERRAL = `query($id: ID!) { referral(id: $id) { id status enhancedCase { id } } }`;

/** A partner that may no longer see the case sees nothing of it, its referral or its person. */
async function expectNothing(code: string, ids: { caseId: string; referralId: string; personId: string }) {
  const partner = await hub.as('ER_PARTNER', { org: code });
  const c = await partner.query<Loose>(PARTNER_READ, { id: ids.caseId });
  expect(c.body.errors).toBeUndefined();
  expect(c.body.data!.enhancedCase).toBeNull();
  expect((await partner.query<Loose>(PERSON, { id: ids.personId })).body.data!.person).toBeNull();
  expect((await partner.query<Loose>(REFERRAL, { id: ids.referralId })).body.data!.referral).toBeNull();
  const list = await partner.query<Loose>(`{ enhancedCases { nodes { id } totalCount } }`);
  expect(list.body.errors).toBeUndefined();
  expect(list.body.data!.enhancedCases.nodes.map((n: Loose) => n.id)).not.toContain(ids.caseId);
}

describe('an ER partner on an open case', () => {
  it.each<[string, string, string, boolean, boolean]>([
    ['RISK and NEEDS', 'RC-NW', 'ERP-NW-MH', true, true],
    ['NEEDS only', 'RC-NW', 'ERP-NW-HSG', false, true],
    ['RISK only', 'RC-SW', 'ERP-SW-MAPPA', true, false],
  ])('with %s reads what its scopes allow', async (_scopes, service, code, risk, needs) => {
    const { caseId, referral, person } = await openCase([code], { service });
    const partner = await hub.as('ER_PARTNER', { org: code });
    const { body } = await partner.query<Loose>(PARTNER_READ, { id: caseId });
    const c = body.data!.enhancedCase;
    expect(c).toMatchObject({ id: caseId, status: 'OPEN', partners: [{ partner: { code } }], updates: [] });
    expect(c.referral).toMatchObject({ id: referral.id, status: 'PRE_RELEASE', custody: { type: 'PRISON' } });
    expect(c.referral.supportWindow.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.referral.person).toMatchObject({
      id: person.id,
      givenName: 'Sam',
      familyName: person.familyName,
      dateOfBirth: '1985-03-04',
      nhsNumber: null,
      prisonNumber: null,
    });
    const errors = errorsByPath(body);
    const base = 'enhancedCase.referral';
    expect(errors).toMatchObject({
      [`${base}.person.nhsNumber`]: 'FORBIDDEN',
      [`${base}.person.prisonNumber`]: 'FORBIDDEN',
      [`${base}.consent`]: 'FORBIDDEN',
      [`${base}.contacts`]: 'FORBIDDEN',
      [`${base}.history`]: 'FORBIDDEN',
      [`${base}.reasonForReferral`]: 'FORBIDDEN',
    });
    expect(errors[`${base}.custody`]).toBeUndefined();
    expect(errors[`${base}.supportWindow`]).toBeUndefined();
    expect(errors[`${base}.namedWorker`]).toBeUndefined();
    if (service === 'RC-NW') expect(c.referral.namedWorker).toEqual({ name: expect.any(String) });
    if (risk) {
      expect(c.referral.person.riskOfSeriousHarm).toEqual({ level: 'HIGH' });
      expect(errors[`${base}.person.riskOfSeriousHarm`]).toBeUndefined();
    } else {
      expect(c.referral.person.riskOfSeriousHarm).toBeNull();
      expect(errors[`${base}.person.riskOfSeriousHarm`]).toBe('FORBIDDEN');
    }
    if (needs) {
      expect(c.referral.person.healthNeeds.map((n: Loose) => n.category).sort()).toEqual([
        'MENTAL_HEALTH',
        'SUBSTANCE_MISUSE',
      ]);
      expect(errors[`${base}.person.healthNeeds`]).toBeUndefined();
    } else {
      expect(c.referral.person.healthNeeds).toBeNull();
      expect(errors[`${base}.person.healthNeeds`]).toBe('FORBIDDEN');
    }

    // The same through the top-level queries.
    const viaReferral = await partner.query<Loose>(REFERRAL, { id: referral.id });
    expect(viaReferral.body.data!.referral).toEqual({
      id: referral.id,
      status: 'PRE_RELEASE',
      enhancedCase: { id: caseId },
    });
    const list = await partner.query<Loose>(`{ enhancedCases { nodes { id } totalCount } }`);
    expect(list.body.data!.enhancedCases.nodes.map((n: Loose) => n.id)).toContain(caseId);
    const nested = await partner.query<Loose>(
      `query($id: ID!) { person(id: $id) { givenName referrals { id } } }`,
      { id: person.id },
    );
    expect(nested.body.data!.person.givenName).toBe('Sam');
    expect(errorsByPath(nested.body)['person.referrals']).toBe('FORBIDDEN');

    // Every read is in the person's access log, and the admin reads it there.
    expect(await auditActions(hub, person.id)).toContainEqual({ action: 'enhancedCase.read', org: code });
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const log = await admin.query<Loose>(
      `query($id: ID!) { person(id: $id) { accessLog(first: 200) { nodes { action actorOrganisation subjectType } } } }`,
      { id: person.id },
    );
    expect(log.body.errors).toBeUndefined();
    const byPartner = log.body.data!.person.accessLog.nodes.filter(
      (n: Loose) => n.actorOrganisation === code,
    );
    expect(byPartner.map((n: Loose) => n.action)).toEqual(
      expect.arrayContaining(['enhancedCase.read', 'person.read']),
    );
  });

  it('sees nothing of a person or case it is not on, even nested', async () => {
    const mine = await openCase(['ERP-NW-MH']);
    const other = await openCase(['ERP-NW-HSG']);
    const stranger = await seedEligibleReferral(hub);
    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' });
    expect((await partner.query<Loose>(PERSON, { id: stranger.person.id })).body.data!.person).toBeNull();
    expect((await partner.query<Loose>(PERSON, { id: other.person.id })).body.data!.person).toBeNull();
    expect(
      (await partner.query<Loose>(PARTNER_READ, { id: other.caseId })).body.data!.enhancedCase,
    ).toBeNull();
    const list = await partner.query<Loose>(`{ enhancedCases { nodes { id } } }`);
    const ids = list.body.data!.enhancedCases.nodes.map((n: Loose) => n.id);
    expect(ids).toContain(mine.caseId);
    expect(ids).not.toContain(other.caseId);
    // Another partner is not shown on its case (its own organisation only).
    const both = await openCase(['ERP-NW-MH', 'ERP-NW-HSG']);
    const read = await partner.query<Loose>(PARTNER_READ, { id: both.caseId });
    expect(read.body.data!.enhancedCase.partners).toEqual([{ partner: { code: 'ERP-NW-MH' } }]);
  });

  it('records an update, which staff read with its author', async () => {
    const { caseId, staff } = await openCase(['ERP-NW-MH', 'ERP-NW-HSG']);
    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH', name: 'Mo Partner' });
    const res = await partner.query<Loose>(
      `mutation($id: ID!, $note: String!) { recordPartnerUpdate(caseId: $id, note: $note) {
         enhancedCase { updates { note author partner { code } } } } }`,
      { id: caseId, note: 'Met at approved premises; engaged well.' },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.recordPartnerUpdate.enhancedCase.updates).toEqual([
      {
        note: 'Met at approved premises; engaged well.',
        author: expect.stringContaining('Mo Partner'),
        partner: { code: 'ERP-NW-MH' },
      },
    ]);
    const tooLong = await partner.query<Loose>(
      `mutation($id: ID!, $note: String!) { recordPartnerUpdate(caseId: $id, note: $note) { enhancedCase { id } } }`,
      { id: caseId, note: 'x'.repeat(4001) },
    );
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const other = await hub.as('ER_PARTNER', { org: 'ERP-NW-HSG' });
    const seen = await other.query<Loose>(
      `query($id: ID!) { enhancedCase(id: $id) { updates { note partner { code } } } }`,
      { id: caseId },
    );
    // The other partner reads the note but not who else is on the case.
    expect(seen.body.data!.enhancedCase.updates).toEqual([
      { note: 'Met at approved premises; engaged well.', partner: null },
    ]);
    const staffRead = await staff.query<Loose>(
      `query($id: ID!) { enhancedCase(id: $id) { updates { note partner { code } } partners { partner { code } } } }`,
      { id: caseId },
    );
    expect(staffRead.body.data!.enhancedCase.updates[0].partner).toEqual({ code: 'ERP-NW-MH' });
    expect(staffRead.body.data!.enhancedCase.partners).toHaveLength(2);
    // Staff of the owning service add updates too, with no partner.
    const byStaff = await staff.query<Loose>(
      `mutation($id: ID!) { recordPartnerUpdate(caseId: $id, note: "Release plan shared.") {
         enhancedCase { updates { note partner { code } } } } }`,
      { id: caseId },
    );
    expect(byStaff.body.data!.recordPartnerUpdate.enhancedCase.updates[1]).toEqual({
      note: 'Release plan shared.',
      partner: null,
    });
  });
});

describe('access ends at once', () => {
  it('when the agreement expires', async () => {
    const { caseId, referral, person } = await openCase(['ERP-NW-MH']);
    hub.clock.set('2027-02-28T23:30:00Z'); // the last day, in London (GMT)
    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' });
    expect((await partner.query<Loose>(PARTNER_READ, { id: caseId })).body.data!.enhancedCase).not.toBeNull();
    hub.clock.set('2027-03-01T00:00:01Z');
    await expectNothing('ERP-NW-MH', { caseId, referralId: referral.id, personId: person.id });
  });

  it('when the partner is removed, and the other partner keeps its access', async () => {
    const { caseId, referral, person, staff } = await openCase(['ERP-NW-MH', 'ERP-NW-HSG']);
    const noReason = await staff.query<Loose>(
      `mutation($id: ID!) { removeCasePartner(caseId: $id, partnerCode: "ERP-NW-MH", reason: " ") { enhancedCase { id } } }`,
      { id: caseId },
    );
    expect(noReason.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const res = await staff.query<Loose>(
      `mutation($id: ID!) { removeCasePartner(caseId: $id, partnerCode: "ERP-NW-MH", reason: "No longer involved") {
         enhancedCase { partners { partner { code } active removedAt } } } }`,
      { id: caseId },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.removeCasePartner.enhancedCase.partners).toMatchObject([
      { partner: { code: 'ERP-NW-MH' }, active: false, removedAt: expect.any(String) },
      { partner: { code: 'ERP-NW-HSG' }, active: true, removedAt: null },
    ]);
    await expectNothing('ERP-NW-MH', { caseId, referralId: referral.id, personId: person.id });
    const removed = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' });
    const update = await removed.query<Loose>(
      `mutation($id: ID!) { recordPartnerUpdate(caseId: $id, note: "still here?") { enhancedCase { id } } }`,
      { id: caseId },
    );
    expect(update.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const kept = await hub.as('ER_PARTNER', { org: 'ERP-NW-HSG' });
    expect((await kept.query<Loose>(PARTNER_READ, { id: caseId })).body.data!.enhancedCase.id).toBe(caseId);
    // Added again, it reads again.
    const back = await staff.query<Loose>(
      `mutation($id: ID!) { addCasePartner(caseId: $id, partnerCode: "ERP-NW-MH") { enhancedCase { id } } }`,
      { id: caseId },
    );
    expect(back.body.errors).toBeUndefined();
    expect((await removed.query<Loose>(PARTNER_READ, { id: caseId })).body.data!.enhancedCase.id).toBe(
      caseId,
    );
  });

  it('when sharing consent is withdrawn (the case stays open for staff)', async () => {
    const { caseId, referral, person, staff } = await openCase(['ERP-NW-MH', 'ERP-NW-HSG']);
    const res = await staff.query<Loose>(
      `mutation($id: ID!) { withdrawSharingConsent(caseId: $id) { enhancedCase { status sharingConsent { decision } } } }`,
      { id: caseId },
    );
    expect(res.body.data!.withdrawSharingConsent.enhancedCase).toEqual({
      status: 'OPEN',
      sharingConsent: { decision: 'WITHDRAWN' },
    });
    for (const code of ['ERP-NW-MH', 'ERP-NW-HSG']) {
      await expectNothing(code, { caseId, referralId: referral.id, personId: person.id });
    }
    const add = await staff.query<Loose>(
      `mutation($id: ID!) { addCasePartner(caseId: $id, partnerCode: "ERP-NW-MH") { enhancedCase { id } } }`,
      { id: caseId },
    );
    expect(add.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('when the case closes', async () => {
    const { caseId, referral, person, staff } = await openCase(['ERP-NW-MH']);
    const res = await staff.query<Loose>(
      `mutation($id: ID!) { closeEnhancedCase(caseId: $id, reason: "Settled in the community") {
         enhancedCase { status closedAt closeReason partners { active } } } }`,
      { id: caseId },
    );
    expect(res.body.data!.closeEnhancedCase.enhancedCase).toMatchObject({
      status: 'CLOSED',
      closeReason: 'Settled in the community',
      partners: [{ active: false }],
    });
    await expectNothing('ERP-NW-MH', { caseId, referralId: referral.id, personId: person.id });
    const closed = await staff.query<Loose>(`{ enhancedCases(status: CLOSED) { nodes { id } } }`);
    expect(closed.body.data!.enhancedCases.nodes.map((n: Loose) => n.id)).toContain(caseId);
    const again = await staff.query<Loose>(
      `mutation($id: ID!) { addCasePartner(caseId: $id, partnerCode: "ERP-NW-HSG") { enhancedCase { id } } }`,
      { id: caseId },
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });
});

describe('who else may change a case', () => {
  it('refuses a partner, another service and other roles', async () => {
    const { caseId } = await openCase(['ERP-NW-MH']);
    const close = `mutation($id: ID!) { closeEnhancedCase(caseId: $id, reason: "x") { enhancedCase { id } } }`;
    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' });
    expect((await partner.query<Loose>(close, { id: caseId })).body.errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const otherService = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
    expect((await otherService.query<Loose>(close, { id: caseId })).body.errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    const read = await otherService.query<Loose>(`query($id: ID!) { enhancedCase(id: $id) { id } }`, {
      id: caseId,
    });
    expect(read.body.data!.enhancedCase).toBeNull();
    for (const role of ['REFERRER', 'COMMISSIONER', 'RECONNECT_ADMIN']) {
      const caller = await hub.as(role, { org: 'PROB-NW' });
      const r = await caller.query<Loose>(`query($id: ID!) { enhancedCase(id: $id) { id } }`, { id: caseId });
      expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('a renewed agreement', () => {
  it('carries a partner on past the old end, with the new scopes', async () => {
    const { caseId, person } = await openCase(['ERP-NW-MH']);
    const admin = await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' });
    const res = await admin.query<Loose>(
      `mutation { recordDataSharingAgreement(partnerCode: "ERP-NW-MH", input: {
         reference: "DSA-NW-2027-03", scopes: [NEEDS], startsOn: "2027-03-01", endsOn: "2028-02-29" }) { code } }`,
    );
    expect(res.body.errors).toBeUndefined();
    expect(await auditActions(hub, person.id)).toContainEqual({
      action: 'enhancedCase.partnerAgreementRecorded',
      org: 'NHSE-IG',
    });
    hub.clock.set('2027-03-02T10:00:00Z');
    const partner = await hub.as('ER_PARTNER', { org: 'ERP-NW-MH' });
    const { body } = await partner.query<Loose>(PARTNER_READ, { id: caseId });
    expect(body.data!.enhancedCase.id).toBe(caseId);
    expect(body.data!.enhancedCase.referral.person.healthNeeds).toHaveLength(2);
    expect(errorsByPath(body)['enhancedCase.referral.person.riskOfSeriousHarm']).toBe('FORBIDDEN');
    hub.clock.set('2028-03-01T10:00:00Z');
    expect((await partner.query<Loose>(PARTNER_READ, { id: caseId })).body.data!.enhancedCase).toBeNull();
  });
});
