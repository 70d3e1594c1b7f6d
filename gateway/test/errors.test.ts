/**
 * maskGatewayError: what of an error may reach a client (contract/AUTH.md, "Errors"). The input
 * errors are produced by graphql-js itself, so a change in its wording shows up here.
 */
import { GraphQLError, buildSchema, graphql, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isValueCompletionError, maskGatewayError, withoutResponseExtensions } from '../src/errors.ts';

const NHS = '9434765919';
const schema = buildSchema(`
  scalar Date
  enum Region { NORTH_WEST LONDON }
  input PersonInput { nhsNumber: String! age: Int tags: [Int!] region: Region }
  type Query { find(n: Int, s: String, person: PersonInput, region: Region): String }
`);

/** The errors graphql-js reports for a request, formatted as Apollo Server does. */
async function requestErrors(
  query: string,
  variables: Record<string, unknown> = {},
  code = 'BAD_USER_INPUT',
) {
  const result = await graphql({ schema, source: query, variableValues: variables });
  expect(result.errors?.length).toBeGreaterThan(0);
  return result.errors!.map(
    (e) => ({ ...e.toJSON(), extensions: { ...e.extensions, code } }) as GraphQLFormattedError,
  );
}

function masked(error: GraphQLFormattedError) {
  const out = maskGatewayError(error);
  return { out, text: JSON.stringify(out) };
}

describe('maskGatewayError: input errors never echo the value', () => {
  it.each([
    {
      name: 'a string for an Int',
      query: 'query($n: Int) { find(n: $n) }',
      variables: { n: NHS },
      field: 'n',
    },
    {
      name: 'a value with a "; " inside',
      query: 'query($n: Int) { find(n: $n) }',
      variables: { n: `x; Int cannot represent ${NHS}` },
      field: 'n',
    },
    {
      name: 'a number for a String',
      query: 'query($s: String) { find(s: $s) }',
      variables: { s: Number(NHS) },
      field: 's',
    },
    {
      name: 'a nested field',
      query: 'query($p: PersonInput) { find(person: $p) }',
      variables: { p: { nhsNumber: Number(NHS) } },
      field: 'p.nhsNumber',
    },
    {
      name: 'a list item',
      query: 'query($p: PersonInput) { find(person: $p) }',
      variables: { p: { nhsNumber: 'x', tags: [1, NHS] } },
      field: 'p.tags[1]',
    },
    {
      name: 'an unknown input field',
      query: 'query($p: PersonInput) { find(person: $p) }',
      variables: { p: { nhsNumber: 'x', note: NHS } },
      field: 'p',
    },
    {
      name: 'an unknown enum value',
      query: 'query($r: Region) { find(region: $r) }',
      variables: { r: NHS },
      field: 'r',
    },
  ])('variable coercion: $name', async ({ query, variables, field }) => {
    const [error] = await requestErrors(query, variables);
    expect(error!.message).toContain(NHS); // graphql-js does echo it; the mask must remove it
    const { out, text } = masked(error!);
    expect(text).not.toContain(NHS);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(out.message).toMatch(/^Variable "\$\w+" has an invalid value/);
  });

  it('keeps what is wrong: the path and the kind of problem', async () => {
    const [error] = await requestErrors('query($p: PersonInput) { find(person: $p) }', {
      p: { nhsNumber: 'x', age: NHS },
    });
    expect(masked(error!).out.message).toBe(
      'Variable "$p" has an invalid value at "p.age": Int cannot represent non-integer value.',
    );
    const [missing] = await requestErrors('query($p: PersonInput) { find(person: $p) }', { p: { age: 3 } });
    expect(masked(missing!).out.message).toBe(
      'Variable "$p" has an invalid value: Field "nhsNumber" of required type "String!" was not provided.',
    );
  });

  it('keeps the reason given by a hub scalar (a subgraph coercion error)', () => {
    const { out, text } = masked({
      message: `Variable "$input" got invalid value "${NHS}" at "input.dateOfBirth"; Date must be a calendar date written YYYY-MM-DD.`,
      extensions: { code: 'BAD_USER_INPUT', serviceName: 'person' },
    });
    expect(text).not.toContain(NHS);
    expect(out).toEqual({
      message:
        'Variable "$input" has an invalid value at "input.dateOfBirth": Date must be a calendar date written YYYY-MM-DD.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.dateOfBirth' },
    });
  });

  it.each([
    { name: 'a String literal', query: `{ find(s: ${NHS}) }` },
    { name: 'an Int literal', query: `{ find(n: "${NHS}") }` },
    { name: 'an enum literal', query: `{ find(region: "${NHS}") }` },
    { name: 'a nested literal', query: `{ find(person: { nhsNumber: ${NHS} }) }` },
  ])('validation of $name', async ({ query }) => {
    const errors = await requestErrors(query, {}, 'GRAPHQL_VALIDATION_FAILED');
    for (const error of errors) {
      const { out, text } = masked(error);
      expect(text).not.toContain(NHS);
      expect(out.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('a syntax error does not quote the token it stopped at', async () => {
    const [error] = await requestErrors(`{ find(s: "x") "${NHS}" }`, {}, 'GRAPHQL_PARSE_FAILED');
    expect(error!.message).toContain(NHS);
    const { out, text } = masked(error!);
    expect(text).not.toContain(NHS);
    expect(out.message).toMatch(/^Syntax Error: /);
    expect(out.locations).toEqual(error!.locations);
  });

  it('a printed syntax error keeps its first line only', () => {
    const { out } = masked({
      message: `Syntax Error: Expected Name, found <EOF>.\n\nGraphQL request:1:16\n1 | { find(s: "${NHS}"`,
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
    expect(out).toEqual({
      message: 'Syntax Error: Expected Name, found <EOF>.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a message that echoes nothing is kept', async () => {
    const [error] = await requestErrors('query($s: String!) { find(s: $s) }', {});
    expect(masked(error!).out.message).toBe('Variable "$s" of required type "String!" was not provided.');
  });
});

describe('maskGatewayError: hub errors', () => {
  it('passes the hub code, message, path, field and reason, and nothing else', () => {
    const { out } = masked({
      message: 'The NHS number has a wrong check digit.',
      path: ['submitReferral'],
      locations: [{ line: 1, column: 3 }],
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'input.person.nhsNumber',
        serviceName: 'person',
        http: { status: 400 },
        exception: { stacktrace: ['at x (/srv/person.ts:1:1)'] },
      },
    });
    expect(out).toEqual({
      message: 'The NHS number has a wrong check digit.',
      path: ['submitReferral'],
      locations: [{ line: 1, column: 3 }],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.person.nhsNumber' },
    });
  });

  it.each([
    'FORBIDDEN',
    'NOT_FOUND',
    'INELIGIBLE',
    'INVALID_TRANSITION',
    'CONFLICT',
    'IDEMPOTENCY_KEY_REUSED',
    'DOWNSTREAM_SERVICE_ERROR',
    'UNAUTHENTICATED',
  ])('%s keeps its code', (code) => {
    const { out } = masked({
      message: 'm',
      extensions: { code, reason: 'NOT_ELIGIBLE_AREA', serviceName: 'referral' },
    });
    expect(out).toEqual({ message: 'm', extensions: { code, reason: 'NOT_ELIGIBLE_AREA' } });
  });
});

describe('maskGatewayError: everything else is an internal error that says nothing', () => {
  const leaky = {
    message: 'Failed query: select "nhs_number" from "person"."people" where "id" = $1\nparams: 9434765919',
    path: ['person', 'nhsNumber'],
    extensions: {
      serviceName: 'person',
      response: {
        url: 'http://127.0.0.1:4002/graphql',
        status: 500,
        body: 'at Object.<anonymous> (/srv/x.ts:1:1)',
      },
      exception: { stacktrace: ['Error: boom', '    at /srv/person/src/service.ts:12:3'] },
    },
  };

  it.each([
    { name: 'no code', error: leaky },
    {
      name: 'INTERNAL_SERVER_ERROR from a subgraph',
      error: { ...leaky, extensions: { ...leaky.extensions, code: 'INTERNAL_SERVER_ERROR' } },
    },
    {
      name: 'a code the hub does not use',
      error: { ...leaky, extensions: { ...leaky.extensions, code: 'ECONNREFUSED' } },
    },
    {
      name: 'a request error code with a path (from a subgraph)',
      error: { ...leaky, extensions: { ...leaky.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } },
    },
  ])('$name', ({ error }) => {
    const { out, text } = masked(error);
    expect(out).toEqual({
      message: 'Internal server error.',
      path: ['person', 'nhsNumber'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    for (const secret of ['select', 'Failed query', 'http://', 'stacktrace', 'serviceName', NHS, '/srv/'])
      expect(text).not.toContain(secret);
  });
});

describe('maskGatewayError: only the extensions AUTH.md names (issue 24, item 7)', () => {
  it('keeps code, field, reason and retryAfterSeconds, each only with its type', () => {
    const { out } = masked({
      message: 'Slow down.',
      extensions: {
        code: 'FORBIDDEN',
        reason: 'NOT_ELIGIBLE_AREA',
        field: 'input.source',
        retryAfterSeconds: 2,
        serviceName: 'referral',
        valueCompletion: [{ message: 'Cannot return null for non-nullable field Referral.reference.' }],
        requestId: 'a-subgraph-request-id',
        http: { status: 429 },
        exists: true,
      },
    });
    expect(out.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_ELIGIBLE_AREA',
      field: 'input.source',
      retryAfterSeconds: 2,
    });
  });

  it('drops a public extension of the wrong type', () => {
    const { out } = masked({
      message: 'm',
      extensions: { code: 'NOT_FOUND', field: { personId: NHS }, reason: 7, retryAfterSeconds: 'soon' },
    });
    expect(out.extensions).toEqual({ code: 'NOT_FOUND' });
    const bad = masked({ message: 'm', extensions: { code: 'CONFLICT', retryAfterSeconds: Infinity } });
    expect(bad.out.extensions).toEqual({ code: 'CONFLICT' });
  });

  it('an input error keeps the same extensions and no others', () => {
    const { out } = masked({
      message: 'Bad source.',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'input.source',
        reason: 'X',
        serviceName: 'referral',
        hidden: 1,
      },
    });
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.source', reason: 'X' });
  });
});

describe('withoutResponseExtensions and isValueCompletionError', () => {
  it('a response keeps no top-level extensions, and says what it dropped', () => {
    const valueCompletion = [{ message: 'Cannot return null for non-nullable field Referral.reference.' }];
    const { result, dropped } = withoutResponseExtensions({
      data: { a: null },
      extensions: { valueCompletion },
    });
    expect(result).toEqual({ data: { a: null } });
    expect(dropped).toEqual({ valueCompletion });
    expect(withoutResponseExtensions({ data: {} })).toEqual({ result: { data: {} } });
  });

  it("recognises graphql-js's own non-null completion error, and nothing a subgraph sent", async () => {
    const schema = buildSchema('type Referral { reference: String! } type Query { referral: Referral }');
    const result = await graphql({
      schema,
      source: '{ referral { reference } }',
      rootValue: { referral: { reference: null } },
    });
    const [local] = result.errors!;
    expect(local!.message).toBe('Cannot return null for non-nullable field Referral.reference.');
    expect(isValueCompletionError(local!)).toBe(true);

    const fromSubgraph = new GraphQLError(local!.message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(isValueCompletionError(fromSubgraph)).toBe(false);
    const named = new GraphQLError(local!.message, { extensions: { serviceName: 'referral' } });
    expect(isValueCompletionError(named)).toBe(false);
    const wrapped = new GraphQLError(local!.message, { originalError: new GraphQLError('inner') });
    expect(isValueCompletionError(wrapped)).toBe(false);
    expect(isValueCompletionError(new GraphQLError('Cannot return null for non-nullable field x'))).toBe(
      false,
    );
  });
});
