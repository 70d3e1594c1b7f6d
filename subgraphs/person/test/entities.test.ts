/**
 * Person through `_entities` (how the gateway fetches a person for a referral or a case): the same
 * visibility and field rules as `person(id)` (shield wraps the entity's fields, not
 * `__resolveReference`), batched lookups, and one audit event per person read, written before the
 * data is returned so that a read whose audit fails fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedGrant, seedPerson } from '@reconnect/hub/testing';
import type { PersonRow } from '../src/db/schema.ts';
import { errorCodes, startPersonHarness, type Caller, type PersonHarness } from './harness.ts';

const GRANTED = new Date('2026-01-01T00:00:00Z');
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id givenName nhsNumber } } }`;
const STAFF: Caller = { roles: ['RECONNECT_STAFF'], org: 'RC-NE', sub: 'worker-1' };
const REFERRER: Caller = { roles: ['REFERRER'], org: 'LD-7', sub: 'ld-system' };
const ref = (id: string) => ({ __typename: 'Person', id });

describe('Person entities and the audit of reads', () => {
  let h: PersonHarness;
  let seen: PersonRow;
  let unseen: PersonRow;

  beforeAll(async () => {
    h = await startPersonHarness();
    seen = await seedPerson(h.db);
    unseen = await seedPerson(h.db);
    await seedGrant(h.db, {
      organisationCode: 'RC-NE',
      relationship: 'OWNING_SERVICE',
      personId: seen.id,
      validFrom: GRANTED,
    });
    await seedGrant(h.db, {
      organisationCode: 'LD-7',
      relationship: 'REFERRER',
      personId: seen.id,
      validFrom: GRANTED,
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('resolves only the people the caller may see, and never fails on a bad id', async () => {
    const result = await h.exec(
      ENTITIES,
      { r: [ref(seen.id), ref(unseen.id), ref('not-a-uuid'), ref('5b0e7e0c-1d0e-4a51-9b1f-000000000000')] },
      STAFF,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [{ id: seen.id, givenName: seen.givenName, nhsNumber: seen.nhsNumber }, null, null, null],
    });
  });

  it('applies the field rules to entities: a referrer reads names, not identifiers', async () => {
    const result = await h.exec(ENTITIES, { r: [ref(seen.id)] }, REFERRER);
    expect(result.data).toEqual({ _entities: [{ id: seen.id, givenName: seen.givenName, nhsNumber: null }] });
    expect(errorCodes(result)).toEqual({ '_entities.0.nhsNumber': 'FORBIDDEN' });
  });

  it('resolves any person for an admin, who reads the id and nothing else', async () => {
    const admin: Caller = { roles: ['RECONNECT_ADMIN'], org: 'RC-NE' };
    const result = await h.exec(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id nhsNumber } } }`,
      { r: [ref(unseen.id)] },
      admin,
    );
    expect(result.data).toEqual({ _entities: [{ id: unseen.id, nhsNumber: null }] });
    expect(errorCodes(result)).toEqual({ '_entities.0.nhsNumber': 'FORBIDDEN' });
  });

  it('records one event per person read, naming the fields asked for, and none for people not revealed', async () => {
    const result = await h.exec(ENTITIES, { r: [ref(seen.id), ref(seen.id), ref(unseen.id)] }, STAFF);
    const events = await h.auditOf(result.requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'person.read',
      subjectType: 'Person',
      subjectId: seen.id,
      personId: seen.id,
      fields: ['givenName', 'id', 'nhsNumber'],
      actorSubject: 'worker-1',
      actorOrganisation: 'RC-NE',
      outcome: 'SUCCESS',
      requestId: result.requestId,
    });
  });

  it('records one event per person for person(id) too, however many times the query names it', async () => {
    const result = await h.exec(
      `query($id: ID!) { a: person(id: $id) { id } b: person(id: $id) { ...More } } fragment More on Person { familyName healthNeeds { id } }`,
      { id: seen.id },
      STAFF,
    );
    expect(result.errors).toBeUndefined();
    const events = await h.auditOf(result.requestId);
    expect(events.map((e) => [e.action, e.subjectId, e.fields])).toEqual([
      ['person.read', seen.id, ['familyName', 'healthNeeds', 'id']],
    ]);
  });

  it('records a read by a referrer and by an admin', async () => {
    for (const caller of [REFERRER, { roles: ['RECONNECT_ADMIN'], org: 'RC-NE', sub: 'ig' } as Caller]) {
      const result = await h.exec(`query($id: ID!) { person(id: $id) { id } }`, { id: seen.id }, caller);
      expect(await h.auditOf(result.requestId)).toEqual([
        expect.objectContaining({ action: 'person.read', actorSubject: caller.sub, fields: ['id'] }),
      ]);
    }
  });

  it('looks up a page of people with one query per kind, whatever its size', async () => {
    const many = await Promise.all(Array.from({ length: 25 }, () => seedPerson(h.db)));
    for (const p of many)
      await seedGrant(h.db, {
        organisationCode: 'RC-NE',
        relationship: 'OWNING_SERVICE',
        personId: p.id,
        validFrom: GRANTED,
      });
    const { result, statements } = await h.database.handle.statements.measure(() =>
      h.exec(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id nhsNumber healthNeeds { id } riskOfSeriousHarm { level } } } }`,
        { r: many.map((p) => ref(p.id)) },
        STAFF,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect((result.data!._entities as unknown[]).filter(Boolean)).toHaveLength(25);
    const count = (pattern: RegExp) => statements.filter((s) => pattern.test(s)).length;
    expect(count(/from "person"\."people"/i)).toBe(1);
    expect(count(/from "access"\."grants"/i)).toBe(1);
    expect(count(/from "person"\."health_needs"/i)).toBe(1);
    expect(count(/from "person"\."risk_assessments"/i)).toBe(1);
    expect(count(/insert into "audit"\."events"/i)).toBe(1);
  });

  it('fails the read when its audit event cannot be written', async () => {
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
      const byId = await h.exec(
        `query($id: ID!) { person(id: $id) { id nhsNumber } }`,
        { id: seen.id },
        STAFF,
      );
      expect(byId.data).toEqual({ person: null });
      expect(errorCodes(byId)).toEqual({ person: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(byId)).not.toContain(seen.nhsNumber!);
      const entities = await h.exec(ENTITIES, { r: [ref(seen.id)] }, STAFF);
      expect(JSON.stringify(entities)).not.toContain(seen.nhsNumber!);
      expect(entities.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await h.db.execute(sql.raw(`DROP TRIGGER test_refuse ON audit.events`));
      await h.db.execute(sql.raw(`DROP FUNCTION audit.test_refuse()`));
    }
  });
});
