/** The object-count estimate that stops nested-list queries before they run. */
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { API_SCHEMA_FILE } from '../src/index.ts';
import { objectLimitRule } from '../src/cost.ts';

const schema = buildSchema(readFileSync(API_SCHEMA_FILE, 'utf8'));
const rule = objectLimitRule({ maxObjects: 50_000, listBound: () => 50, maxPageSize: 100 });
const errorsOf = (query: string) => validate(schema, parse(query), [rule]).map((e) => e.message);

describe('the object limit', () => {
  it.each([
    [
      'the directory, flat',
      '{ establishments { code name localService { name } } localAuthorities { code } }',
    ],
    [
      'a full caseload page of 100 with every nested list',
      `{ referrals(first: 100) { totalCount nodes { reference person { givenName healthNeeds { category } }
         custody { establishment { name } } contacts { id } engagements { id } history { type } handovers { id }
         namedWorker { name } preReleaseContacts { count } supportWindow { startsOn } } } }`,
    ],
    [
      'services with their establishments and staff',
      '{ reconnectServices { establishments { code } staff { name } } }',
    ],
    [
      'a variable page size counts as the largest page',
      'query ($n: Int) { referrals(first: $n) { nodes { contacts { id } } } }',
    ],
  ])('lets %s through', (_label, query) => {
    expect(errorsOf(query)).toEqual([]);
  });

  it.each([
    [
      'directory lists nested three deep',
      '{ localAuthorities { receivingService { establishments { localService { localAuthorities { code } } } } } }',
    ],
    [
      'the same in fifteen aliases (the query that exhausted memory)',
      `{ ${Array.from({ length: 15 }, (_, i) => `l${i}: localAuthorities { receivingService { establishments { localService { localAuthorities { code } } } } }`).join(' ')} }`,
    ],
    [
      'nesting hidden in fragments',
      `{ localAuthorities { ...la } } fragment la on LocalAuthority { receivingService { establishments { ...est } } }
       fragment est on Establishment { localService { localAuthorities { code } } }`,
    ],
    [
      'a big page of people with their referrals’ full history',
      '{ referrals(first: 100) { nodes { person { referrals { history { type } contacts { id } } } } } }',
    ],
  ])('refuses %s', (_label, query) => {
    const errors = errorsOf(query);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/estimated cost is over the limit/);
  });
});
