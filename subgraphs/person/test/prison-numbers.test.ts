/**
 * The identity authority's side of HMPPS custody events: `prisonNumberHolders` and
 * `mergePrisonNumbers` answer the referral subgraph acting for the HMPPS events client and nobody
 * else (called from the gateway, or with any other role: FORBIDDEN); the merge rule as a table; a
 * merge replaces the removed number, and two people holding the two numbers get a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { identityConflicts, people } from '../src/db/schema.ts';
import { mergeDecision } from '../src/service/prison-numbers.ts';
import { randomPrisonNumber, seedPerson } from '../src/testing.ts';
import { errorCodes, startPersonHarness, type Caller, type PersonHarness } from './harness.ts';

const HOLDERS = `query ($n: [String!]!) { prisonNumberHolders(prisonNumbers: $n) { prisonNumber personId } }`;
const MERGE = `mutation ($k: String!, $r: String!) { mergePrisonNumbers(keptPrisonNumber: $k, removedPrisonNumber: $r) { outcome personId } }`;
const CLIENT: Caller = { roles: ['HMPPS_EVENTS'], sub: 'hmpps-events-connector', caller: 'referral' };

let h: PersonHarness;
beforeAll(async () => {
  h = await startPersonHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('mergeDecision', () => {
  it.each([
    [null, 'P', { outcome: 'MERGED', personId: 'P' }],
    ['P', null, { outcome: 'MERGED', personId: 'P' }],
    [null, null, { outcome: 'NOT_HELD', personId: null }],
    ['Q', 'P', { outcome: 'IDENTITY_CONFLICT', personId: 'P', otherPersonId: 'Q' }],
  ] as const)('kept held by %s, removed by %s', (kept, removed, expected) => {
    expect(mergeDecision(kept, removed)).toEqual(expected);
  });
});

describe('who may ask', () => {
  it.each([
    ['the client through the gateway', { ...CLIENT, caller: 'gateway' }],
    ['staff from the referral subgraph', { roles: ['RECONNECT_STAFF'], org: 'RC-NW', caller: 'referral' }],
    ['an admin from the referral subgraph', { roles: ['RECONNECT_ADMIN'], caller: 'referral' }],
  ] as [string, Caller][])('is FORBIDDEN to %s', async (_who, as) => {
    const n = randomPrisonNumber();
    expect(errorCodes(await h.exec(HOLDERS, { n: [n] }, as))).toEqual({ prisonNumberHolders: 'FORBIDDEN' });
    expect(errorCodes(await h.exec(MERGE, { k: n, r: randomPrisonNumber() }, as))).toEqual({
      mergePrisonNumbers: 'FORBIDDEN',
    });
  });

  it('answers ids only, and refuses a prison number of the wrong format', async () => {
    const person = await seedPerson(h.db, { prisonNumber: randomPrisonNumber() });
    const found = await h.exec(HOLDERS, { n: [person.prisonNumber!.toLowerCase()] }, CLIENT);
    expect(found.data).toEqual({
      prisonNumberHolders: [{ prisonNumber: person.prisonNumber, personId: person.id }],
    });
    const bad = await h.exec(HOLDERS, { n: ['nope'] }, CLIENT);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prisonNumbers.0' });
  });
});

describe('mergePrisonNumbers', () => {
  it('replaces the removed number with the kept one, and changes nothing the second time', async () => {
    const person = await seedPerson(h.db, { prisonNumber: randomPrisonNumber() });
    const kept = randomPrisonNumber();
    for (let i = 0; i < 2; i += 1) {
      const result = await h.exec(MERGE, { k: kept, r: person.prisonNumber }, CLIENT);
      expect(result.data).toEqual({ mergePrisonNumbers: { outcome: 'MERGED', personId: person.id } });
    }
    const [row] = await h.db.select().from(people).where(eq(people.id, person.id));
    expect(row).toMatchObject({ prisonNumber: kept, version: person.version + 1 });
  });

  it('records an identity conflict, never a merge, when two people hold the two numbers', async () => {
    const removedHolder = await seedPerson(h.db, { prisonNumber: randomPrisonNumber() });
    const keptHolder = await seedPerson(h.db, { prisonNumber: randomPrisonNumber() });
    const result = await h.exec(MERGE, { k: keptHolder.prisonNumber, r: removedHolder.prisonNumber }, CLIENT);
    expect(result.data).toEqual({
      mergePrisonNumbers: { outcome: 'IDENTITY_CONFLICT', personId: removedHolder.id },
    });
    for (const p of [removedHolder, keptHolder]) {
      const [row] = await h.db.select().from(people).where(eq(people.id, p.id));
      expect(row!.prisonNumber).toBe(p.prisonNumber);
    }
    expect(
      await h.db.select().from(identityConflicts).where(eq(identityConflicts.personId, removedHolder.id)),
    ).toEqual([expect.objectContaining({ otherPersonId: keptHolder.id, identifierKind: 'PRISON_NUMBER' })]);
  });

  it('refuses the same number as kept and removed (BAD_USER_INPUT)', async () => {
    const n = randomPrisonNumber();
    const result = await h.exec(MERGE, { k: n, r: n }, CLIENT);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'event.removedPrisonNumber',
    });
  });
});
