/** The person subgraph end to end: through the real gateway, over HTTP, with real tokens. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, inArray } from 'drizzle-orm';
import {
  seedGrant,
  startTestHub,
  type TestHub,
  seedHealthNeed,
  seedPerson,
  seedRiskAssessment,
} from '@reconnect/hub/testing';
import { DEMO_PEOPLE, demoPersonId, seedDemoPeople } from '../src/seed/index.ts';
import { healthNeeds, people, type PersonRow } from '../src/db/schema.ts';
import type { Loose } from './harness.ts';

const PERSON = `query($id: ID!) { person(id: $id) { id givenName familyName dateOfBirth nhsNumber prisonNumber crn pncId homeArea { code name } } }`;

describe('person through the gateway', () => {
  let hub: TestHub;
  let person: PersonRow;

  beforeAll(async () => {
    hub = await startTestHub();
    const db = hub.database.handle.db;
    person = await seedPerson(db, { homeAreaCode: 'E08000003' });
    await seedGrant(db, { organisationCode: 'RC-NW', relationship: 'OWNING_SERVICE', personId: person.id });
    await seedGrant(db, {
      organisationCode: 'P-NW',
      relationship: 'ER_PARTNER',
      personId: person.id,
      scopes: ['RISK'],
    });
    await seedHealthNeed(db, person.id, { category: 'SUBSTANCE_MISUSE' });
    await seedRiskAssessment(db, person.id, { level: 'HIGH' });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('shows staff of the owning service the identity, with the home area from the directory', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const { status, body } = await staff.query(PERSON, { id: person.id });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        person: {
          id: person.id,
          givenName: person.givenName,
          familyName: person.familyName,
          dateOfBirth: '1990-01-01',
          nhsNumber: person.nhsNumber,
          prisonNumber: person.prisonNumber,
          crn: person.crn,
          pncId: person.pncId,
          homeArea: { code: 'E08000003', name: 'Manchester' },
        },
      },
    });
  });

  it('answers 401 without a token', async () => {
    const { status, body } = await hub.graphql(PERSON, { id: person.id });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(body)).not.toContain(person.givenName);
  });

  it('hides the person from staff of another service', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
    const { body } = await staff.query(PERSON, { id: person.id });
    expect(body).toEqual({ data: { person: null } });
  });

  it('gives a partner the risk its agreement covers and FORBIDDEN elsewhere', async () => {
    const partner = await hub.as('ER_PARTNER', { org: 'P-NW' });
    const { body } = await partner.query(
      `query($id: ID!) { person(id: $id) { givenName riskOfSeriousHarm { level } healthNeeds { category } nhsNumber } }`,
      { id: person.id },
    );
    expect(body.data).toEqual({
      person: {
        givenName: person.givenName,
        riskOfSeriousHarm: { level: 'HIGH' },
        healthNeeds: null,
        nhsNumber: null,
      },
    });
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['person.healthNeeds', 'FORBIDDEN'],
      ['person.nhsNumber', 'FORBIDDEN'],
    ]);
  });

  it('lets staff record a health need, and an admin see who read and changed the record', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW', sub: 'worker-42' });
    const recorded = await staff.query(
      `mutation($id: ID!) { recordHealthNeed(personId: $id, input: { category: MENTAL_HEALTH, description: "Anxiety" }) { person { healthNeeds { category } } } }`,
      { id: person.id },
    );
    expect(recorded.body.errors).toBeUndefined();
    expect(
      (recorded.body.data as Loose).recordHealthNeed.person.healthNeeds
        .map((n: { category: string }) => n.category)
        .sort(),
    ).toEqual(['MENTAL_HEALTH', 'SUBSTANCE_MISUSE']);

    const admin = await hub.as('RECONNECT_ADMIN', { org: 'RC-NW', sub: 'ig-1' });
    const log = await admin.query(
      `query($id: ID!) { person(id: $id) { id accessLog(first: 10) { nodes { actorSubject action } } } }`,
      { id: person.id },
    );
    expect(log.body.errors).toBeUndefined();
    const nodes = (log.body.data as Loose).person.accessLog.nodes as {
      actorSubject: string;
      action: string;
    }[];
    expect(nodes.slice(0, 3)).toEqual([
      { actorSubject: 'ig-1', action: 'person.read' },
      { actorSubject: 'worker-42', action: 'person.read' },
      { actorSubject: 'worker-42', action: 'person.health-need-recorded' },
    ]);
  });

  it('does not expose the internal identity operations', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const resolve = await staff.query(
      `mutation { resolvePersonIdentity(input: { givenName: "A", familyName: "B", dateOfBirth: "1990-01-01" }) { created } }`,
    );
    // The gateway reports GraphQL's request errors as BAD_USER_INPUT.
    expect(resolve.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('resolvePersonIdentity'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(resolve.body.data ?? null).toBeNull();
  });

  it('seeds the demo people once, however often it runs', async () => {
    const db = hub.database.handle.db;
    expect(await seedDemoPeople(db, hub.clock)).toBe(DEMO_PEOPLE.length);
    expect(await seedDemoPeople(db, hub.clock)).toBe(DEMO_PEOPLE.length);
    const ids = DEMO_PEOPLE.map((p) => demoPersonId(p.key));
    const [{ n }] = (await db.select({ n: count() }).from(people).where(inArray(people.id, ids))) as [
      { n: number },
    ];
    expect(Number(n)).toBe(DEMO_PEOPLE.length);
    const needs = await db.select().from(healthNeeds).where(inArray(healthNeeds.personId, ids));
    expect(needs).toHaveLength(DEMO_PEOPLE.reduce((sum, p) => sum + (p.needs?.length ?? 0), 0));
  });
});
