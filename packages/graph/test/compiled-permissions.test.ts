/**
 * The rule maps compiled into resolver wrappers (applyPermissions): the same answers shield's
 * middleware gave (deny by default, FORBIDDEN at the field's path, an error from a rule is that
 * error), for less work: `allow` leaves a resolver alone, a synchronous rule answers synchronously,
 * `and`/`or` stop at the first deciding answer, and one record's decision under one rule is made
 * once per request however many of its fields that rule guards.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allow, and, applyPermissions, deny, not, or, rule, type IRules } from '../src/index.ts';

const typeDefs = parse(`
  type Row { id: ID a: Int b: Int c: Int secret: Int open: Int withArgs(n: Int): Int }
  type Unnamed { x: Int }
  type Query { rows: [Row!]! unnamed: Unnamed one: Int two: Int }
`);

const ROWS = [{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }];

interface Calls {
  role: number;
  relationship: number;
  never: number;
}

function build(permissions: (calls: Calls) => IRules, resolvers: Record<string, unknown> = {}) {
  const calls: Calls = { role: 0, relationship: 0, never: 0 };
  const schema = buildSubgraphSchema([
    {
      typeDefs,
      resolvers: {
        Query: { rows: () => ROWS, unnamed: () => ({ x: 1 }), one: () => 1, two: () => 2 },
        Row: { a: () => 1, b: () => 2, c: () => 3, secret: () => 4, open: () => 5, withArgs: () => 6 },
        ...resolvers,
      } as never,
    },
  ]);
  applyPermissions(schema, permissions(calls));
  const run = async (query: string, roles: string[] = ['STAFF']) =>
    execute({ schema, document: parse(query), contextValue: { roles } });
  return { schema, calls, run };
}

/** A role check (synchronous, per request) and a relationship check (asynchronous, per record). */
function rules(calls: Calls) {
  const staff = rule('staff', { cache: 'contextual' })((_p, _a, ctx: { roles: string[] }) => {
    calls.role++;
    return ctx.roles.includes('STAFF');
  });
  const related = rule('related', { cache: 'no_cache' })(async (row: { id: string }) => {
    calls.relationship++;
    return row.id !== 'r2';
  });
  const never = rule('never', { cache: 'no_cache' })(() => {
    calls.never++;
    return true;
  });
  return { staff, related, never, ofRow: and(staff, related) };
}

describe('compiled permissions', () => {
  it('decides each record once per rule, whatever number of its fields the rule guards', async () => {
    const { calls, run } = build((c) => {
      const { staff, ofRow } = rules(c);
      return { Query: { rows: staff }, Row: { id: ofRow, a: ofRow, b: ofRow, c: ofRow, '*': deny } };
    });
    const result = await run('{ rows { id a b c } }');
    expect(calls.relationship).toBe(3); // one per row, not one per row and field (12)
    expect(calls.role).toBe(1); // contextual: once per request
    expect(result.data).toEqual({
      rows: [
        { id: 'r1', a: 1, b: 2, c: 3 },
        { id: null, a: null, b: null, c: null },
        { id: 'r3', a: 1, b: 2, c: 3 },
      ],
    });
    // Each of r2's fields is FORBIDDEN at its own path.
    expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual(
      ['id', 'a', 'b', 'c'].map((f) => [`rows.1.${f}`, 'FORBIDDEN']),
    );
  });

  it('asks again in the next request', async () => {
    const { calls, run } = build((c) => {
      const { staff, ofRow } = rules(c);
      return { Query: { rows: staff }, Row: { id: ofRow, a: ofRow, '*': deny } };
    });
    await run('{ rows { a } }');
    await run('{ rows { a } }');
    expect(calls.relationship).toBe(6);
    expect(calls.role).toBe(2);
  });

  it('`and` stops at the first denial: a caller without the role costs no relationship query', async () => {
    const { calls, run } = build((c) => {
      const { ofRow } = rules(c);
      return { Query: { rows: allow }, Row: { id: allow, a: ofRow, '*': deny } };
    });
    const result = await run('{ rows { id a } }', ['REFERRER']);
    expect(calls.relationship).toBe(0);
    expect(result.data).toEqual({ rows: ROWS.map((r) => ({ id: r.id, a: null })) });
    expect(result.errors).toHaveLength(3);
    expect(result.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it('`or` stops at the first allow', async () => {
    const { calls, run } = build((c) => {
      const { staff, never } = rules(c);
      return { Query: { one: or(staff, never), two: or(deny, staff, never) } };
    });
    const result = await run('{ one two }');
    expect(result).toEqual({ data: { one: 1, two: 2 } });
    expect(calls.never).toBe(0);
  });

  it('`or` answers with the first error when nothing allows, and denies when there is none', async () => {
    const failing = rule('failing', { cache: 'no_cache' })(() => {
      throw new Error('the grants query failed');
    });
    const { run } = build(() => ({ Query: { one: or(deny, failing), two: or(deny, deny) } }));
    const result = await run('{ one two }');
    const byField = Object.fromEntries((result.errors ?? []).map((e) => [String(e.path?.[0]), e]));
    expect(byField.one?.message).toBe('the grants query failed');
    expect(byField.one?.extensions?.code).toBeUndefined();
    expect(byField.two?.extensions?.code).toBe('FORBIDDEN');
  });

  it('`not` of an error is that error, never an allow', async () => {
    const failing = rule('failingForNot', { cache: 'no_cache' })(async () => {
      throw new Error('the check failed');
    });
    const { run } = build(() => ({ Query: { one: not(failing), two: not(deny) } }));
    const result = await run('{ one two }');
    expect(result.data).toEqual({ one: null, two: 2 });
    expect(result.errors?.[0]?.message).toBe('the check failed');
  });

  it('leaves `allow` fields unwrapped and answers a synchronous rule synchronously', () => {
    const { schema } = build((c) => {
      const { staff } = rules(c);
      return { Query: { rows: allow, one: staff }, Row: { id: allow, '*': deny } };
    });
    const query = schema.getQueryType()!;
    const row = schema.getType('Row') as GraphQLObjectType;
    // An allowed field keeps graphql's default resolver (none set), or its own.
    expect(row.getFields().id!.resolve).toBeUndefined();
    const answer = query.getFields().one!.resolve!(undefined, {}, { roles: ['STAFF'] }, undefined as never);
    expect(answer).toBe(1);
  });

  it('decides per field for fields with arguments', async () => {
    const { calls, run } = build((c) => {
      const { staff, ofRow } = rules(c);
      return { Query: { rows: staff }, Row: { id: allow, withArgs: ofRow, '*': deny } };
    });
    await run('{ rows { x: withArgs(n: 1) y: withArgs(n: 2) } }');
    expect(calls.relationship).toBe(6);
  });

  it('denies every field no rule names: an unnamed type, and fields beside named ones', async () => {
    const { run } = build(() => ({ Query: { unnamed: allow, rows: allow }, Row: { id: allow } }));
    const result = await run('{ unnamed { x } rows { id secret } }');
    expect(result.data).toEqual({
      unnamed: { x: null },
      rows: ROWS.map((r) => ({ id: r.id, secret: null })),
    });
    expect(result.errors).toHaveLength(4);
    expect(result.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(result.errors!.map((e) => e.path?.join('.'))).toContain('unnamed.x');
  });

  it('refuses a rule map naming a field the schema lacks, or two rules of one name', () => {
    expect(() => build(() => ({ Query: { nowhere: allow } }))).toThrow(/Query\.nowhere/);
    const one = rule('same', { cache: 'no_cache' })(() => true);
    const other = rule('same', { cache: 'no_cache' })(() => false);
    expect(() => build(() => ({ Query: { one, two: other } }))).toThrow(/both named same/);
  });

  it('a resolver error keeps its own message under a rule that allowed', async () => {
    const { run } = build((c) => ({ Query: { one: rules(c).staff } }), {
      Query: {
        one: () => {
          throw new Error('the resolver failed');
        },
      },
    });
    const result = await run('{ one }');
    expect(result.errors?.[0]).toMatchObject({ message: 'the resolver failed', path: ['one'] });
  });
});
