/**
 * Entity fetches merged into one subgraph request (src/entities.ts): each fetch keeps its own
 * selection, variables and fragments in the merged document, and gets back exactly its own part of
 * the answer, with its own errors at its own paths.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isEntitiesQuery, mergeEntityFetches, splitEntityAnswer } from '../src/entities.ts';

const establishments = {
  query: `query Caseload__regional_service__2($representations:[_Any!]!){_entities(representations:$representations){...on Establishment{name}}}`,
  operationName: 'Caseload__regional_service__2',
  variables: { representations: [{ __typename: 'Establishment', code: 'MRI' }] },
};
const staff = {
  query: `query Caseload__regional_service__4($representations:[_Any!]!$first:Int){_entities(representations:$representations){...S}}fragment S on Staff{name cases(first:$first)}`,
  operationName: 'Caseload__regional_service__4',
  variables: { representations: [{ __typename: 'Staff', id: 's1' }], first: 5 },
};
const fetchOf = (f: { query: string; operationName: string; variables: Record<string, unknown> }) => ({
  ...f,
  document: parse(f.query),
});

describe('entity fetches to one subgraph, merged', () => {
  it('recognises a query of `_entities` alone, and nothing else', () => {
    expect(isEntitiesQuery(parse(establishments.query))).toBe(true);
    expect(isEntitiesQuery(parse(staff.query))).toBe(true);
    expect(isEntitiesQuery(parse('{ referrals { totalCount } }'))).toBe(false);
    expect(
      isEntitiesQuery(parse('query($r:[_Any!]!){ _entities(representations:$r){__typename} me{subject} }')),
    ).toBe(false);
    expect(isEntitiesQuery(parse('mutation($r:[_Any!]!){ _entities(representations:$r){__typename} }'))).toBe(
      false,
    );
    expect(isEntitiesQuery(parse('query($r:[_Any!]!){ e: _entities(representations:$r){__typename} }'))).toBe(
      false,
    );
  });

  it('renames each fetch’s variables and fragments, and aliases its `_entities`', () => {
    const merged = mergeEntityFetches([fetchOf(establishments), fetchOf(staff)]);
    expect(merged.operationName).toBe('Caseload__regional_service__2__2');
    expect(merged.variables).toEqual({
      representations__0: establishments.variables.representations,
      representations__1: staff.variables.representations,
      first__1: 5,
    });
    const document = parse(merged.query);
    expect(merged.query).toContain('_entities0: _entities(representations: $representations__0)');
    expect(merged.query).toContain('_entities1: _entities(representations: $representations__1)');
    expect(merged.query).toContain('...S__1');
    expect(merged.query).toContain('fragment S__1 on Staff');
    expect(merged.query).toContain('cases(first: $first__1)');
    expect(document.definitions).toHaveLength(2);
  });

  it('gives each fetch its own entities and errors, paths renamed back; request errors to all', () => {
    const parts = splitEntityAnswer(
      {
        data: { _entities0: [{ name: 'Manchester' }], _entities1: [null] },
        errors: [
          { message: 'denied', path: ['_entities1', 0, 'name'], extensions: { code: 'FORBIDDEN' } },
          { message: 'slow' },
        ],
      },
      2,
    );
    expect(parts).toEqual([
      { data: { _entities: [{ name: 'Manchester' }] }, errors: [{ message: 'slow' }] },
      {
        data: { _entities: [null] },
        errors: [
          { message: 'denied', path: ['_entities', 0, 'name'], extensions: { code: 'FORBIDDEN' } },
          { message: 'slow' },
        ],
      },
    ]);
    expect(splitEntityAnswer({ data: { _entities0: [], _entities1: [] } }, 2)).toEqual([
      { data: { _entities: [] } },
      { data: { _entities: [] } },
    ]);
  });

  it('refuses to split an answer one failed `_entities` nulled: the fetches are then sent apart', () => {
    expect(
      splitEntityAnswer({ data: null, errors: [{ message: 'x', path: ['_entities0'] }] }, 2),
    ).toBeUndefined();
    expect(splitEntityAnswer({ data: { _entities0: [] } }, 2)).toBeUndefined();
  });
});
