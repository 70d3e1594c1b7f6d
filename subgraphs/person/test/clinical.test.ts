/**
 * Changing a person's health needs and risk (AUTH.md: STAFF/LEAD of the owning or receiving
 * service), and the internal recording of a referral's identified needs: who may, what is
 * validated, what is stored and audited, and that a failed write leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Relationship } from '@reconnect/access';
import { seedGrant, seedHealthNeed, seedPerson, seedRiskAssessment } from '@reconnect/hub/testing';
import { healthNeeds, people, riskAssessments, type PersonRow } from '../src/db/schema.ts';
import { errorCodes, startPersonHarness, type Caller, type PersonHarness } from './harness.ts';

const GRANTED = new Date('2026-01-01T00:00:00Z');

const RECORD_NEED = `mutation($personId: ID!, $input: HealthNeedInput!) {
  recordHealthNeed(personId: $personId, input: $input) { person { id healthNeeds { id category description active recordedAt } } }
}`;
const RESOLVE_NEED = `mutation($personId: ID!, $healthNeedId: ID!) {
  resolveHealthNeed(personId: $personId, healthNeedId: $healthNeedId) { person { id healthNeeds(activeOnly: false) { id active } } }
}`;
const RECORD_RISK = `mutation($personId: ID!, $input: RiskAssessmentInput!) {
  recordRiskAssessment(personId: $personId, input: $input) { person { id riskOfSeriousHarm { level riskTo summary assessedOn source } } }
}`;

const NEED = { category: 'MENTAL_HEALTH', description: 'Low mood; GP to review medication.' };
const RISK = {
  level: 'VERY_HIGH',
  riskTo: ['PUBLIC', 'STAFF', 'PUBLIC'],
  summary: 'Assault on release (2019).',
  assessedOn: '2026-11-20',
  source: 'OASys (probation)',
};

interface Who {
  who: string;
  caller: Caller;
  grant?: { org: string; relationship: Relationship; scopes?: string[]; expired?: boolean };
  outcome: 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
}

const WHO: Who[] = [
  {
    who: 'staff of the owning service',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-NW', sub: 'w1' },
    grant: { org: 'RC-NW', relationship: 'OWNING_SERVICE' },
    outcome: 'ok',
  },
  {
    who: 'a lead of the receiving service',
    caller: { roles: ['RECONNECT_LEAD'], org: 'RC-LON', sub: 'l1' },
    grant: { org: 'RC-LON', relationship: 'RECEIVING_SERVICE' },
    outcome: 'ok',
  },
  {
    who: 'staff of the sending service',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-SW' },
    grant: { org: 'RC-SW', relationship: 'SENDING_SERVICE' },
    outcome: 'FORBIDDEN',
  },
  {
    who: 'staff with no relationship',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-MID' },
    outcome: 'NOT_FOUND',
  },
  {
    who: 'staff whose grant has ended',
    caller: { roles: ['RECONNECT_STAFF'], org: 'RC-SE' },
    grant: { org: 'RC-SE', relationship: 'OWNING_SERVICE', expired: true },
    outcome: 'NOT_FOUND',
  },
  {
    who: 'the referrer',
    caller: { roles: ['REFERRER'], org: 'PROB-1' },
    grant: { org: 'PROB-1', relationship: 'REFERRER' },
    outcome: 'FORBIDDEN',
  },
  {
    who: 'a partner with RISK and NEEDS',
    caller: { roles: ['ER_PARTNER'], org: 'P-1' },
    grant: { org: 'P-1', relationship: 'ER_PARTNER', scopes: ['RISK', 'NEEDS'] },
    outcome: 'FORBIDDEN',
  },
  {
    who: 'an admin',
    caller: { roles: ['RECONNECT_ADMIN'], org: 'RC-NW' },
    grant: { org: 'RC-NW', relationship: 'OWNING_SERVICE' },
    outcome: 'FORBIDDEN',
  },
  { who: 'a commissioner', caller: { roles: ['COMMISSIONER'] }, outcome: 'FORBIDDEN' },
];

describe('health needs and risk', () => {
  let h: PersonHarness;
  beforeAll(async () => {
    h = await startPersonHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function personFor(w: Who): Promise<PersonRow> {
    const person = await seedPerson(h.db);
    if (w.grant) {
      await seedGrant(h.db, {
        organisationCode: w.grant.org,
        relationship: w.grant.relationship,
        personId: person.id,
        scopes: w.grant.scopes ?? [],
        validFrom: GRANTED,
        validUntil: w.grant.expired ? new Date('2026-11-01T00:00:00Z') : null,
      });
    }
    return person;
  }

  const stateOf = async (personId: string) => ({
    person: (await h.db.select().from(people).where(eq(people.id, personId)))[0],
    needs: await h.db.select().from(healthNeeds).where(eq(healthNeeds.personId, personId)),
    risks: await h.db.select().from(riskAssessments).where(eq(riskAssessments.personId, personId)),
  });

  describe.each(WHO.map((w) => [w.who, w] as const))('%s', (_who, w) => {
    it(`recordHealthNeed: ${w.outcome}`, async () => {
      h.clock.set('2026-11-25T10:00:00Z');
      const person = await personFor(w);
      const result = await h.exec(RECORD_NEED, { personId: person.id, input: NEED }, w.caller);
      const after = await stateOf(person.id);
      if (w.outcome !== 'ok') {
        expect(errorCodes(result)).toEqual({ recordHealthNeed: w.outcome });
        expect(after.needs).toEqual([]);
        expect(await h.auditOf(result.requestId)).toEqual([]);
        return;
      }
      expect(result.errors).toBeUndefined();
      const needs = result.data!.recordHealthNeed.person.healthNeeds;
      expect(needs).toEqual([
        {
          id: after.needs[0]!.id,
          category: 'MENTAL_HEALTH',
          description: NEED.description,
          active: true,
          recordedAt: expect.stringMatching(/^2026-11-25T10:00:/),
        },
      ]);
      expect(after.needs[0]).toMatchObject({ recordedBy: w.caller.sub, sourceReferralId: null });
      expect(after.person!.version).toBe(person.version + 1);
      const events = await h.auditOf(result.requestId);
      expect(events.map((e) => [e.action, e.fields])).toEqual([
        ['person.health-need-recorded', ['healthNeeds']],
        ['person.read', ['healthNeeds', 'id']],
      ]);
      expect(JSON.stringify(events)).not.toContain('Low mood');
    });

    it(`resolveHealthNeed: ${w.outcome}`, async () => {
      h.clock.set('2026-11-25T10:00:00Z');
      const person = await personFor(w);
      const need = await seedHealthNeed(h.db, person.id);
      const result = await h.exec(RESOLVE_NEED, { personId: person.id, healthNeedId: need.id }, w.caller);
      const after = await stateOf(person.id);
      if (w.outcome !== 'ok') {
        expect(errorCodes(result)).toEqual({ resolveHealthNeed: w.outcome });
        expect(after.needs[0]!.active).toBe(true);
        return;
      }
      expect(result.data!.resolveHealthNeed.person.healthNeeds).toEqual([{ id: need.id, active: false }]);
      expect(after.needs[0]!.active).toBe(false);
      expect(after.needs[0]!.resolvedAt?.toISOString()).toMatch(/^2026-11-25T10:00:/);
      expect((await h.auditOf(result.requestId))[0]).toMatchObject({
        action: 'person.health-need-resolved',
        personId: person.id,
      });
    });

    it(`recordRiskAssessment: ${w.outcome}`, async () => {
      const person = await personFor(w);
      await seedRiskAssessment(h.db, person.id, { level: 'LOW', assessedOn: '2026-01-01' });
      const result = await h.exec(RECORD_RISK, { personId: person.id, input: RISK }, w.caller);
      const after = await stateOf(person.id);
      if (w.outcome !== 'ok') {
        expect(errorCodes(result)).toEqual({ recordRiskAssessment: w.outcome });
        expect(after.risks).toHaveLength(1);
        return;
      }
      expect(result.data!.recordRiskAssessment.person.riskOfSeriousHarm).toEqual({
        level: 'VERY_HIGH',
        riskTo: ['PUBLIC', 'STAFF'],
        summary: RISK.summary,
        assessedOn: '2026-11-20',
        source: 'OASys (probation)',
      });
      expect(after.risks).toHaveLength(2);
      expect((await h.auditOf(result.requestId))[0]).toMatchObject({
        action: 'person.risk-assessment-recorded',
        personId: person.id,
      });
    });
  });

  it.each(['not-a-uuid', randomUUID()])('answers NOT_FOUND for the person %j', async (personId) => {
    const staff = WHO[0]!.caller;
    for (const [query, name, vars] of [
      [RECORD_NEED, 'recordHealthNeed', { input: NEED }],
      [RESOLVE_NEED, 'resolveHealthNeed', { healthNeedId: randomUUID() }],
      [RECORD_RISK, 'recordRiskAssessment', { input: RISK }],
    ] as const) {
      expect(errorCodes(await h.exec(query, { personId, ...vars }, staff))).toEqual({ [name]: 'NOT_FOUND' });
    }
  });

  it('answers NOT_FOUND for a health need of another person, and changes neither', async () => {
    const w = WHO[0]!;
    const mine = await personFor(w);
    const theirs = await personFor(w);
    const need = await seedHealthNeed(h.db, theirs.id);
    for (const healthNeedId of [need.id, 'nope']) {
      expect(errorCodes(await h.exec(RESOLVE_NEED, { personId: mine.id, healthNeedId }, w.caller))).toEqual({
        resolveHealthNeed: 'NOT_FOUND',
      });
    }
    expect((await stateOf(theirs.id)).needs[0]!.active).toBe(true);
  });

  it('resolves a resolved need again without changing it or recording anything', async () => {
    const w = WHO[0]!;
    const person = await personFor(w);
    const need = await seedHealthNeed(h.db, person.id, {
      active: false,
      recordedAt: new Date('2026-03-01T00:00:00Z'),
    });
    const result = await h.exec(RESOLVE_NEED, { personId: person.id, healthNeedId: need.id }, w.caller);
    expect(result.errors).toBeUndefined();
    const after = await stateOf(person.id);
    expect(after.needs[0]!.resolvedAt).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(after.person!.version).toBe(person.version);
    expect((await h.auditOf(result.requestId)).map((e) => e.action)).toEqual(['person.read']);
  });

  it.each([
    [RECORD_NEED, 'recordHealthNeed', { ...NEED, description: '   ' }, 'input.description'],
    [RECORD_NEED, 'recordHealthNeed', { ...NEED, description: 'x'.repeat(2001) }, 'input.description'],
    [RECORD_RISK, 'recordRiskAssessment', { ...RISK, assessedOn: '2026-11-26' }, 'input.assessedOn'],
    [RECORD_RISK, 'recordRiskAssessment', { ...RISK, riskTo: [] }, 'input.riskTo'],
    [RECORD_RISK, 'recordRiskAssessment', { ...RISK, source: ' ' }, 'input.source'],
    [RECORD_RISK, 'recordRiskAssessment', { ...RISK, summary: 'x'.repeat(2001) }, 'input.summary'],
  ])('refuses bad input with BAD_USER_INPUT at the field (%#)', async (query, name, input, field) => {
    const w = WHO[0]!;
    const person = await personFor(w);
    const result = await h.exec(query, { personId: person.id, input }, w.caller);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.path).toEqual([name]);
    const after = await stateOf(person.id);
    expect([after.needs.length, after.risks.length, after.person!.version]).toEqual([0, 0, person.version]);
  });

  it('accepts a description of 2000 characters and an assessment made today', async () => {
    const w = WHO[0]!;
    const person = await personFor(w);
    expect(
      (
        await h.exec(
          RECORD_NEED,
          { personId: person.id, input: { ...NEED, description: 'x'.repeat(2000) } },
          w.caller,
        )
      ).errors,
    ).toBeUndefined();
    expect(
      (
        await h.exec(
          RECORD_RISK,
          { personId: person.id, input: { ...RISK, assessedOn: '2026-11-25', summary: null } },
          w.caller,
        )
      ).errors,
    ).toBeUndefined();
  });

  it('leaves nothing behind when the write cannot be audited', async () => {
    const w = WHO[0]!;
    const person = await personFor(w);
    const need = await seedHealthNeed(h.db, person.id);
    await h.db.execute(
      sql.raw(
        `CREATE FUNCTION audit.test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit unavailable'; END $$`,
      ),
    );
    await h.db.execute(
      sql.raw(
        `CREATE TRIGGER test_refuse BEFORE INSERT ON audit.events FOR EACH ROW EXECUTE FUNCTION audit.test_refuse()`,
      ),
    );
    try {
      const results = [
        await h.exec(RECORD_NEED, { personId: person.id, input: NEED }, w.caller),
        await h.exec(RESOLVE_NEED, { personId: person.id, healthNeedId: need.id }, w.caller),
        await h.exec(RECORD_RISK, { personId: person.id, input: RISK }, w.caller),
      ];
      for (const r of results) expect(r.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await h.db.execute(sql.raw(`DROP TRIGGER test_refuse ON audit.events`));
      await h.db.execute(sql.raw(`DROP FUNCTION audit.test_refuse()`));
    }
    const after = await stateOf(person.id);
    expect(after.needs).toEqual([expect.objectContaining({ id: need.id, active: true, resolvedAt: null })]);
    expect(after.risks).toEqual([]);
    expect(after.person).toEqual(person);
  });
});

describe('recordReferralNeeds (internal)', () => {
  let h: PersonHarness;
  beforeAll(async () => {
    h = await startPersonHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const RECORD = `mutation($personId: ID!, $referralId: ID!, $needs: [HealthNeedInput!]!) {
    recordReferralNeeds(personId: $personId, referralId: $referralId, needs: $needs) { category description active }
  }`;
  const REFERRER: Caller = {
    roles: ['REFERRER'],
    org: 'PROB-1',
    sub: 'probation-system',
    caller: 'referral',
  };

  async function referred() {
    const person = await seedPerson(h.db);
    const referralId = randomUUID();
    await seedGrant(h.db, {
      organisationCode: 'PROB-1',
      relationship: 'REFERRER',
      personId: person.id,
      referralId,
      validFrom: GRANTED,
    });
    return { person, referralId };
  }

  it('adds the needs the person has no active need of, each remembering the referral', async () => {
    const { person, referralId } = await referred();
    await seedHealthNeed(h.db, person.id, { category: 'MENTAL_HEALTH' });
    await seedHealthNeed(h.db, person.id, { category: 'ALCOHOL', active: false });
    const result = await h.exec(
      RECORD,
      {
        personId: person.id,
        referralId,
        needs: [
          { category: 'MENTAL_HEALTH', description: 'Anxiety' },
          { category: 'ALCOHOL', description: 'Drinks daily' },
          { category: 'SUBSTANCE_MISUSE', description: 'Opiates' },
          { category: 'SUBSTANCE_MISUSE', description: 'Also cannabis' },
        ],
      },
      REFERRER,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordReferralNeeds).toEqual([
      { category: 'ALCOHOL', description: 'Drinks daily', active: true },
      { category: 'SUBSTANCE_MISUSE', description: 'Opiates', active: true },
    ]);
    const rows = await h.db.select().from(healthNeeds).where(eq(healthNeeds.sourceReferralId, referralId));
    expect(rows.map((r) => [r.category, r.recordedBy]).sort()).toEqual([
      ['ALCOHOL', 'probation-system'],
      ['SUBSTANCE_MISUSE', 'probation-system'],
    ]);
    expect((await h.auditOf(result.requestId)).map((e) => [e.action, e.personId])).toEqual([
      ['person.health-need-recorded', person.id],
    ]);
  });

  it('adds nothing, and records nothing, when every category is already active', async () => {
    const { person, referralId } = await referred();
    await seedHealthNeed(h.db, person.id, { category: 'OTHER' });
    const result = await h.exec(
      RECORD,
      { personId: person.id, referralId, needs: [{ category: 'OTHER', description: 'x' }] },
      REFERRER,
    );
    expect(result.data!.recordReferralNeeds).toEqual([]);
    expect(await h.auditOf(result.requestId)).toEqual([]);
  });

  it('needs a grant on that referral for that person', async () => {
    const { referralId } = await referred();
    const other = await seedPerson(h.db);
    const result = await h.exec(
      RECORD,
      { personId: other.id, referralId, needs: [{ category: 'OTHER', description: 'x' }] },
      REFERRER,
    );
    expect(errorCodes(result)).toEqual({ recordReferralNeeds: 'NOT_FOUND' });
    expect(await h.db.select().from(healthNeeds).where(eq(healthNeeds.personId, other.id))).toEqual([]);
  });

  it.each<[string, Caller]>([
    ['through the gateway', { ...REFERRER, caller: 'gateway' }],
    ['for a partner', { roles: ['ER_PARTNER'], org: 'PROB-1', caller: 'referral' }],
  ])('is FORBIDDEN %s', async (_how, caller) => {
    const { person, referralId } = await referred();
    const result = await h.exec(
      RECORD,
      { personId: person.id, referralId, needs: [{ category: 'OTHER', description: 'x' }] },
      caller,
    );
    expect(errorCodes(result)).toEqual({ recordReferralNeeds: 'FORBIDDEN' });
  });

  it('validates each need at its path', async () => {
    const { person, referralId } = await referred();
    const result = await h.exec(
      RECORD,
      {
        personId: person.id,
        referralId,
        needs: [
          { category: 'OTHER', description: 'ok' },
          { category: 'ALCOHOL', description: ' ' },
        ],
      },
      REFERRER,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.identifiedNeeds.1.description',
    });
  });
});
