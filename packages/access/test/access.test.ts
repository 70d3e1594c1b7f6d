/**
 * Relationship checks (contract/AUTH.md, "Roles"): a role is never enough, nor is a grant; only
 * live grants of the caller's own organisation count; and a page of lookups costs one statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal, Role } from '@reconnect/auth';
import { Clock } from '@reconnect/config';
import { createTestDatabase, newId, seedGrant, type TestDatabase } from '@reconnect/testing';
import { Access, accessMigrations, endGrants } from '../src/index.ts';

let database: TestDatabase;
const clock = new Clock();

beforeAll(async () => {
  database = await createTestDatabase({ migrations: [accessMigrations] });
});
afterAll(async () => {
  await database?.drop();
});

const db = () => database.handle.db;
const caller = (roles: Role[], organisationCode?: string): Principal => ({
  subject: `test-${roles.join('+')}`,
  roles,
  organisationCode,
});
/** A fresh Access is a fresh request: nothing is remembered from a previous one. */
const accessFor = (principal: Principal, at: Clock = clock) =>
  new Access({ db: db(), principal, now: () => at.now() });

describe('batching', () => {
  it('answers 100 people asked in one tick with one SQL statement', async () => {
    const people = Array.from({ length: 100 }, () => newId());
    // Half are the caller's, half another service's.
    for (const [i, personId] of people.entries()) {
      await seedGrant(db(), {
        organisationCode: i % 2 === 0 ? 'RC-NW' : 'RC-LON',
        relationship: 'OWNING_SERVICE',
        personId,
      });
    }
    const access = accessFor(caller(['RECONNECT_STAFF'], 'RC-NW'));
    const { result, statements } = await database.handle.statements.measure(() =>
      Promise.all(people.map((id) => access.hasPersonRelationship(id))),
    );
    expect(statements).toHaveLength(1);
    expect(result).toEqual(people.map((_, i) => i % 2 === 0));
  });

  it('person, referral and case lookups of one tick share the statement', async () => {
    const personId = newId();
    const referralId = newId();
    const enhancedCaseId = newId();
    await seedGrant(db(), {
      organisationCode: 'RC-NW',
      relationship: 'OWNING_SERVICE',
      personId,
      referralId,
    });
    await seedGrant(db(), {
      organisationCode: 'P-MIND',
      relationship: 'ER_PARTNER',
      personId,
      referralId,
      enhancedCaseId,
    });
    const staff = accessFor(caller(['RECONNECT_STAFF'], 'RC-NW'));
    const { result, statements } = await database.handle.statements.measure(() =>
      Promise.all([
        staff.hasPersonRelationship(personId),
        staff.hasReferralRelationship(referralId),
        staff.caseGrants(enhancedCaseId),
      ]),
    );
    expect(statements).toHaveLength(1);
    expect(result).toEqual([true, true, []]);
  });

  it('ids that are not UUIDs are answered "no" without touching the database', async () => {
    const access = accessFor(caller(['RECONNECT_STAFF'], 'RC-NW'));
    const { result, statements } = await database.handle.statements.measure(() =>
      Promise.all([access.hasPersonRelationship("x' OR '1'='1"), access.hasReferralRelationship('')]),
    );
    expect(result).toEqual([false, false]);
    expect(statements).toHaveLength(0);
  });
});

describe('roles choose which relationships count', () => {
  const personId = newId();
  const referralId = newId();
  beforeAll(async () => {
    // The same organisation code holds every kind of grant, so only the role can tell them apart.
    for (const relationship of [
      'OWNING_SERVICE',
      'RECEIVING_SERVICE',
      'SENDING_SERVICE',
      'REFERRER',
      'ER_PARTNER',
    ] as const) {
      await seedGrant(db(), {
        organisationCode: 'ORG-1',
        relationship,
        personId,
        referralId,
        scopes: relationship === 'ER_PARTNER' ? ['RISK'] : [],
      });
    }
  });

  it.each([
    { roles: ['RECONNECT_STAFF'], sees: ['OWNING_SERVICE', 'RECEIVING_SERVICE', 'SENDING_SERVICE'] },
    { roles: ['RECONNECT_LEAD'], sees: ['OWNING_SERVICE', 'RECEIVING_SERVICE', 'SENDING_SERVICE'] },
    { roles: ['REFERRER'], sees: ['REFERRER'] },
    { roles: ['ER_PARTNER'], sees: ['ER_PARTNER'] },
    { roles: ['RECONNECT_ADMIN'], sees: [] },
    { roles: ['COMMISSIONER'], sees: [] },
    { roles: [], sees: [] },
  ] as { roles: Role[]; sees: string[] }[])('$roles sees $sees', async ({ roles, sees }) => {
    const grants = await accessFor(caller(roles, 'ORG-1')).personGrants(personId);
    expect(grants.map((g) => g.relationship).sort()).toEqual([...sees].sort());
  });

  it('a referrer whose org is a service does not get the service grants', async () => {
    const access = accessFor(caller(['REFERRER'], 'ORG-1'));
    await expect(access.hasPersonRelationship(personId, 'OWNING_SERVICE', 'RECEIVING_SERVICE')).resolves.toBe(
      false,
    );
    await expect(access.hasReferralRelationship(referralId, 'REFERRER')).resolves.toBe(true);
  });

  it('an ER partner gets its partner grant only, and its scopes', async () => {
    const access = accessFor(caller(['ER_PARTNER'], 'ORG-1'));
    await expect(access.hasPersonRelationship(personId, 'OWNING_SERVICE')).resolves.toBe(false);
    await expect(access.hasPersonRelationship(personId, 'ER_PARTNER')).resolves.toBe(true);
    await expect(access.partnerScopes(personId)).resolves.toEqual(new Set(['RISK']));
  });

  it('admins and commissioners are never asked about: no statement is sent', async () => {
    const { result, statements } = await database.handle.statements.measure(() =>
      Promise.all([
        accessFor(caller(['RECONNECT_ADMIN'], 'ORG-1')).hasPersonRelationship(personId),
        accessFor(caller(['COMMISSIONER'], 'ORG-1')).hasPersonRelationship(personId),
      ]),
    );
    expect(result).toEqual([false, false]);
    expect(statements).toHaveLength(0);
  });

  it('a caller without an organisation has no relationship', async () => {
    await expect(accessFor(caller(['RECONNECT_STAFF'])).hasPersonRelationship(personId)).resolves.toBe(false);
  });

  it("another organisation's grants are not visible", async () => {
    await expect(
      accessFor(caller(['RECONNECT_STAFF'], 'ORG-2')).hasPersonRelationship(personId),
    ).resolves.toBe(false);
    await expect(
      accessFor(caller(['RECONNECT_STAFF'], 'org-1')).hasPersonRelationship(personId),
    ).resolves.toBe(false);
  });
});

describe('only live grants count', () => {
  const at = new Clock();
  at.set('2026-06-01T12:00:00Z');
  const staff = caller(['RECONNECT_STAFF'], 'RC-TIME');

  it('an expired grant is not live; one that has not started yet is not live either', async () => {
    const expired = newId();
    const future = newId();
    const live = newId();
    await seedGrant(db(), {
      organisationCode: 'RC-TIME',
      relationship: 'OWNING_SERVICE',
      personId: expired,
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validUntil: new Date('2026-05-31T12:00:00Z'),
    });
    await seedGrant(db(), {
      organisationCode: 'RC-TIME',
      relationship: 'OWNING_SERVICE',
      personId: future,
      validFrom: new Date('2026-06-02T00:00:00Z'),
    });
    await seedGrant(db(), {
      organisationCode: 'RC-TIME',
      relationship: 'OWNING_SERVICE',
      personId: live,
      validFrom: new Date('2026-05-01T00:00:00Z'),
      validUntil: new Date('2026-07-01T00:00:00Z'),
    });
    const access = accessFor(staff, at);
    await expect(
      Promise.all([expired, future, live].map((id) => access.hasPersonRelationship(id))),
    ).resolves.toEqual([false, false, true]);

    // The same grants, asked about on another day.
    const later = new Clock();
    later.set('2026-06-15T12:00:00Z');
    await expect(
      Promise.all([expired, future, live].map((id) => accessFor(staff, later).hasPersonRelationship(id))),
    ).resolves.toEqual([false, true, true]);
    const earlier = new Clock();
    earlier.set('2026-03-01T12:00:00Z');
    await expect(
      Promise.all([expired, future, live].map((id) => accessFor(staff, earlier).hasPersonRelationship(id))),
    ).resolves.toEqual([true, false, false]);
  });

  it('a grant ends exactly at validUntil', async () => {
    const personId = newId();
    await seedGrant(db(), {
      organisationCode: 'RC-TIME',
      relationship: 'OWNING_SERVICE',
      personId,
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validUntil: new Date('2026-06-01T12:00:00Z'),
    });
    const exactly = { now: () => new Date('2026-06-01T12:00:00Z') } as Clock;
    const before = { now: () => new Date('2026-06-01T11:59:59Z') } as Clock;
    await expect(accessFor(staff, exactly).hasPersonRelationship(personId)).resolves.toBe(false);
    await expect(accessFor(staff, before).hasPersonRelationship(personId)).resolves.toBe(true);
  });

  it('partner scopes come from live partner grants only', async () => {
    const personId = newId();
    await seedGrant(db(), {
      organisationCode: 'P-TIME',
      relationship: 'ER_PARTNER',
      personId,
      scopes: ['RISK'],
      validFrom: new Date('2026-01-01T00:00:00Z'),
    });
    await seedGrant(db(), {
      organisationCode: 'P-TIME',
      relationship: 'ER_PARTNER',
      personId,
      scopes: ['NEEDS'],
      validFrom: new Date('2026-01-01T00:00:00Z'),
      validUntil: new Date('2026-02-01T00:00:00Z'),
    });
    await seedGrant(db(), {
      organisationCode: 'P-OTHER',
      relationship: 'ER_PARTNER',
      personId,
      scopes: ['NEEDS'],
      validFrom: new Date('2026-01-01T00:00:00Z'),
    });
    await expect(accessFor(caller(['ER_PARTNER'], 'P-TIME'), at).partnerScopes(personId)).resolves.toEqual(
      new Set(['RISK']),
    );
  });
});

describe('endGrants', () => {
  it('ends the matching live grants, keeps them as history, and leaves the others', async () => {
    const personId = newId();
    const referralId = newId();
    const otherReferral = newId();
    await seedGrant(db(), {
      organisationCode: 'RC-END',
      relationship: 'OWNING_SERVICE',
      personId,
      referralId,
    });
    await seedGrant(db(), {
      organisationCode: 'RC-END',
      relationship: 'RECEIVING_SERVICE',
      personId,
      referralId,
    });
    await seedGrant(db(), {
      organisationCode: 'RC-END',
      relationship: 'OWNING_SERVICE',
      personId,
      referralId: otherReferral,
    });
    const staff = caller(['RECONNECT_STAFF'], 'RC-END');

    const ended = await db().transaction((tx) =>
      endGrants(tx, { referralId, relationship: 'RECEIVING_SERVICE' }, clock.now()),
    );
    expect(ended).toBe(1);
    await expect(accessFor(staff).hasReferralRelationship(referralId, 'RECEIVING_SERVICE')).resolves.toBe(
      false,
    );
    await expect(accessFor(staff).hasReferralRelationship(referralId, 'OWNING_SERVICE')).resolves.toBe(true);

    expect(await endGrants(db(), { referralId }, clock.now())).toBe(1);
    await expect(accessFor(staff).hasReferralRelationship(referralId)).resolves.toBe(false);
    await expect(accessFor(staff).hasReferralRelationship(otherReferral)).resolves.toBe(true);
    // Already ended: nothing more to end.
    expect(await endGrants(db(), { referralId }, clock.now())).toBe(0);
  });

  it('does not move an end date that is already in the past', async () => {
    const personId = newId();
    await seedGrant(db(), {
      organisationCode: 'RC-END',
      relationship: 'OWNING_SERVICE',
      personId,
      validUntil: new Date(Date.now() - 3_600_000),
    });
    expect(await endGrants(db(), { personId }, clock.now())).toBe(0);
  });

  it('refuses to end everything', async () => {
    await expect(endGrants(db(), {}, clock.now())).rejects.toThrow(/selector/);
  });
});
