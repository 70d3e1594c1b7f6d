/**
 * `nhsNumberHolders` (issue 17): the person holding an NHS number, by id alone, for the referral
 * subgraph narrowing a caller's referrals by NHS number, and for nobody else (from the gateway, or
 * a role without a caseload: FORBIDDEN); a bad number is BAD_USER_INPUT at the given input path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomNhsNumber, seedPerson } from '../src/testing.ts';
import { errorCodes, startPersonHarness, type Caller, type PersonHarness } from './harness.ts';

const HOLDERS = `query ($n: String!, $p: String) { nhsNumberHolders(nhsNumber: $n, inputPath: $p) }`;
const REFERRER: Caller = { roles: ['REFERRER'], org: 'HCP-MRI', caller: 'referral' };

let h: PersonHarness;
beforeAll(async () => {
  h = await startPersonHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('nhsNumberHolders', () => {
  it.each([
    ['a referrer through the gateway', { ...REFERRER, caller: 'gateway' }],
    ['a partner from the referral subgraph', { roles: ['ER_PARTNER'], org: 'ERP-NW-MH', caller: 'referral' }],
    ['an admin from the referral subgraph', { roles: ['RECONNECT_ADMIN'], caller: 'referral' }],
  ] as [string, Caller][])('is FORBIDDEN to %s', async (_who, as) => {
    expect(errorCodes(await h.exec(HOLDERS, { n: randomNhsNumber() }, as))).toEqual({
      nhsNumberHolders: 'FORBIDDEN',
    });
  });

  it('answers the holder’s id (spaces accepted), none for an unknown number', async () => {
    const person = await seedPerson(h.db, { nhsNumber: randomNhsNumber() });
    const spaced = `${person.nhsNumber!.slice(0, 3)} ${person.nhsNumber!.slice(3, 6)} ${person.nhsNumber!.slice(6)}`;
    expect((await h.exec(HOLDERS, { n: spaced }, REFERRER)).data).toEqual({ nhsNumberHolders: [person.id] });
    expect((await h.exec(HOLDERS, { n: randomNhsNumber() }, REFERRER)).data).toEqual({
      nhsNumberHolders: [],
    });
  });

  it('refuses a number failing its check digit at the input path', async () => {
    const bad = await h.exec(HOLDERS, { n: '9434765918', p: 'filter.nhsNumber' }, REFERRER);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.nhsNumber' });
    expect(bad.errors?.[0]?.message).not.toContain('9434765918');
  });
});
