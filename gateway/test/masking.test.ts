/**
 * Error masking end to end (issue 7, item 4): an unexpected error inside a subgraph whose message
 * carries personal data, SQL or a URL reaches the client as a generic message with its code and
 * the request id, and the detail a developer needs is in the server log under that request id,
 * still without the personal data.
 *
 * The errors are real ones, caused in a real hub: a constraint the database enforces that the code
 * does not expect (drizzle's message then holds the INSERT, its parameters and, in the database's
 * detail, the failing row), and a subgraph that is down while another calls it (the fetch error
 * names the callee's URL).
 */
import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@reconnect/graph';
import { rowsOf, sql } from '@reconnect/db';
import { startTestHub, type GraphqlResponse, type TestHub } from '@reconnect/hub/testing';

const NHS = '9434765919';
const FAMILY_NAME = 'Faultline';

/** Every log line of the hub, parsed. */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  },
});

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ logger: createLogger('info', 'masking-test', sink) });
  hub.clock.set('2026-11-25T10:00:00Z');
});
afterAll(async () => {
  await hub?.stop();
});
beforeEach(() => {
  lines.length = 0;
});

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitReferralInput!, $key: String!) {
    submitReferral(input: $input, idempotencyKey: $key) {
      referral {
        id
      }
    }
  }
`;

function submission() {
  return {
    key: randomUUID(),
    input: {
      source: 'PROBATION',
      referrer: {
        name: 'Jo Bloggs',
        organisationName: 'Probation Service North West',
        email: 'jo@example.org',
      },
      person: {
        givenName: 'Alex',
        familyName: FAMILY_NAME,
        dateOfBirth: '1988-04-12',
        nhsNumber: NHS,
        homeLocalAuthorityCode: 'E08000003',
      },
      custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-20' },
      identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood' }],
      reasonForReferral: 'Needs GP registration on release.',
    },
  };
}

/** What the client saw, checked for anything it must not carry; returns the request id. */
function expectMasked(response: GraphqlResponse, code: string): string {
  const text = JSON.stringify(response.body);
  for (const secret of [
    NHS,
    FAMILY_NAME,
    'insert into',
    'select ',
    'people',
    'http://',
    '127.0.0.1',
    'Failed query',
  ]) {
    expect(text.toLowerCase(), `the response carries "${secret}"`).not.toContain(secret.toLowerCase());
  }
  expect(text).not.toMatch(/\bat .+\.ts:\d+/); // no stack frame
  const error = response.body.errors?.[0];
  expect(error?.extensions?.code).toBe(code);
  expect(Object.keys(error?.extensions ?? {}).sort()).toEqual(['code', 'requestId']);
  const requestId = error?.extensions?.requestId as string;
  expect(requestId).toBe(response.headers.get('x-request-id'));
  return requestId;
}

/** The log lines of one request, by its id, as one string. */
function logOf(requestId: string): string {
  return lines
    .filter((l) => l.requestId === requestId)
    .map((l) => JSON.stringify(l))
    .join('\n');
}

describe('an error with personal data and SQL in it, raised in a subgraph', () => {
  it('reaches the client as INTERNAL_SERVER_ERROR with a generic message; the log has the SQL and the request id, not the data', async () => {
    // The person subgraph does not expect this constraint: the INSERT it makes for a new person
    // fails with 23514, and drizzle's message holds the statement, its parameters and the row.
    await hub.database.handle.db.execute(
      sql.raw(
        `ALTER TABLE person.people ADD CONSTRAINT masking_test CHECK (family_name <> '${FAMILY_NAME}')`,
      ),
    );
    try {
      const referrer = await hub.as('REFERRER', { org: 'PROB-NW' });
      const { key, input } = submission();
      const response = await referrer.query(SUBMIT, { input, key });
      expect(response.status).toBe(200);
      const requestId = expectMasked(response, 'INTERNAL_SERVER_ERROR');
      expect(response.body.errors?.[0]?.message).toBe('Internal server error.');

      const log = logOf(requestId);
      expect(log, 'the server log has no line for the request id').not.toBe('');
      expect(log).toContain('"query":"insert into \\"person\\".\\"people\\"'); // the SQL, for the developer
      expect(log).toContain('23514'); // check_violation
      expect(log).toContain('masking_test'); // the constraint
      expect(log).not.toContain(NHS);
      expect(log).not.toContain(FAMILY_NAME);
      // Nothing was stored: the submission is all or nothing.
      const stored = await hub.database.handle.db.execute(
        sql`select (select count(*) from referral.idempotency_keys where key = ${key})::int as keys,
                   (select count(*) from person.people where nhs_number = ${NHS})::int as people`,
      );
      expect(rowsOf(stored)).toEqual([{ keys: 0, people: 0 }]);
    } finally {
      await hub.database.handle.db.execute(sql.raw(`ALTER TABLE person.people DROP CONSTRAINT masking_test`));
    }
  });
});

describe('an error with a URL in it: a subgraph calls another that is down', () => {
  it('reaches the client as DOWNSTREAM_SERVICE_ERROR without the URL; the log has it with the request id', async () => {
    await hub.stopSubgraph('person');
    try {
      const referrer = await hub.as('REFERRER', { org: 'PROB-NW' });
      const { key, input } = submission();
      const response = await referrer.query(SUBMIT, { input, key });
      expect(response.status).toBe(200);
      const requestId = expectMasked(response, 'DOWNSTREAM_SERVICE_ERROR');
      const log = logOf(requestId);
      expect(log, 'the server log has no line for the request id').not.toBe('');
      expect(log).toContain(new URL(hub.subgraphUrls.person!).port);
      expect(log).not.toContain(NHS);
    } finally {
      await hub.restartSubgraph('person');
    }
  });

  it('the same submission succeeds once the subgraph is back, without a restart', async () => {
    const referrer = await hub.as('REFERRER', { org: 'PROB-NW' });
    const { key, input } = submission();
    const response = await referrer.query(SUBMIT, {
      input: { ...input, person: { ...input.person, familyName: 'Back' } },
      key,
    });
    expect(response.body.errors).toBeUndefined();
  });
});
