/**
 * Issue 19 through the whole hub: a database dump holds no webhook secret (every row of every
 * table of every schema read raw, after a registration, a signed delivery and a removal), and the
 * server log neither; and the cap on subscriptions per organisation (BAD_USER_INPUT on `url`,
 * nothing written, removal makes room, other organisations unaffected, concurrent registrations
 * never pass it).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@reconnect/db';
import { verifySignature } from '@reconnect/events';
import { createLogger } from '@reconnect/graph';
import { randomNhsNumber, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { startReceiver, type Receiver } from '../../../packages/events/test/receiver.ts';
import { NOW, outcome, type Loose } from './lifecycle-harness.ts';

const MAX = 3;
const REGISTER = `mutation ($url: String!, $types: [String!]!, $secret: String!) {
  registerWebhook(url: $url, eventTypes: $types, secret: $secret) { id }
}`;
const REMOVE = `mutation ($id: ID!) { removeWebhook(id: $id) }`;
const SUBMIT = `mutation ($key: String!, $input: SubmitReferralInput!) {
  submitReferral(idempotencyKey: $key, input: $input) { referral { id } }
}`;

let hub: TestHub;
let receiver: Receiver;
let log = '';

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      log += chunk.toString('utf8');
      done();
    },
  });
  hub = await startTestHub({
    webhooks: { maxSubscriptionsPerOrganisation: MAX },
    logger: createLogger('debug', 'test-hub', stream),
  });
  hub.clock.set(NOW);
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await hub?.stop();
});

/** Every row of every table outside the system schemas, as JSON text: what a dump would hold. */
async function dumpEverything(): Promise<{ tables: number; rows: number; text: string }> {
  const db = hub.database.handle.db;
  const tables = rowsOf<{ schema: string; name: string }>(
    await db.execute(sql`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`),
  );
  let text = '';
  let rows = 0;
  for (const t of tables) {
    const result = rowsOf<{ row: string }>(
      await db.execute(sql.raw(`select row_to_json(t)::text as row from "${t.schema}"."${t.name}" t`)),
    );
    rows += result.length;
    text += result.map((r) => r.row).join('\n');
  }
  return { tables: tables.length, rows, text };
}

describe('a database dump shows no webhook secret', () => {
  it('after registering, delivering and removing, no table row and no log line holds the secret', async () => {
    const SECRET = 'Zq8-dump-check-secret-7Hw2';
    const probation = await hub.as('REFERRER', { org: 'PROB-KSS', sub: 'pat' });
    const registered = await probation.query<Loose>(REGISTER, {
      url: `${receiver.url}/dump`,
      types: [],
      secret: SECRET,
    });
    expect(registered.body.errors).toBeUndefined();
    const submitted = await probation.query<Loose>(SUBMIT, {
      key: 'dump-check-1',
      input: {
        source: 'PROBATION',
        referrer: {
          name: 'Pat Probation',
          organisationName: 'Probation Dump',
          email: 'pat@probation.example',
        },
        person: {
          givenName: 'Ada',
          familyName: 'Quill',
          dateOfBirth: '1980-01-01',
          nhsNumber: randomNhsNumber(),
        },
        custody: { type: 'PRISON', establishmentCode: 'MRI', expectedReleaseDate: '2027-01-15' },
        identifiedNeeds: [{ category: 'MENTAL_HEALTH', description: 'Low mood.' }],
      },
    });
    expect(submitted.body.errors).toBeUndefined();
    await hub.dispatcher.drain();
    await hub.auditSequencer.drain();
    // The delivery was signed with the secret: it is held, only never in the clear.
    const [request] = receiver.received.filter((r) => r.path === '/dump');
    expect(verifySignature(SECRET, request!.body, request!.headers['x-reconnect-signature'] as string)).toBe(
      true,
    );

    const dump = await dumpEverything();
    expect(dump.tables).toBeGreaterThan(20);
    expect(dump.text).toContain(registered.body.data!.registerWebhook.id);
    const spellings = [
      SECRET,
      Buffer.from(SECRET).toString('base64'),
      Buffer.from(SECRET).toString('base64url'),
      Buffer.from(SECRET).toString('hex'),
    ];
    for (const spelling of spellings) expect(dump.text).not.toContain(spelling);

    await probation.query<Loose>(REMOVE, { id: registered.body.data!.registerWebhook.id });
    const afterRemoval = await dumpEverything();
    for (const spelling of spellings) expect(afterRemoval.text).not.toContain(spelling);
    // Whatever the hub logged at debug level meanwhile (the server log of every subgraph and the
    // dispatcher) holds it in no spelling either.
    for (const spelling of spellings) expect(log).not.toContain(spelling);
  });
});

describe('subscriptions per organisation', () => {
  const register = (org: string, path: string) =>
    hub.as('REFERRER', { org }).then((client) =>
      client.query<Loose>(REGISTER, {
        url: `${receiver.url}${path}`,
        types: [],
        secret: 'a-secret-of-enough-length',
      }),
    );
  const countOf = async (org: string) =>
    Number(
      rowsOf<{ n: number }>(
        await hub.database.handle.db.execute(
          sql`select count(*)::int as n from events.subscriptions where organisation_code = ${org} and active`,
        ),
      )[0]!.n,
    );

  it(`refuses the ${MAX + 1}th active subscription with BAD_USER_INPUT on url, writing nothing; removing one makes room`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX; i += 1) {
      const response = await register('PROB-SC', `/cap/${i}`);
      expect(response.body.errors).toBeUndefined();
      ids.push(response.body.data!.registerWebhook.id as string);
    }
    const audited = async () =>
      Number(
        rowsOf<{ n: number }>(
          await hub.database.handle.db.execute(
            sql`select count(*)::int as n from audit.events where action = 'webhook.registered' and actor_organisation = 'PROB-SC'`,
          ),
        )[0]?.n ?? 0,
      );
    const auditedBefore = await audited();
    const refused = await register('PROB-SC', '/cap/over');
    expect(outcome(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(refused.body.errors![0]!.message).toBe(
      `Your organisation already has ${MAX} webhook subscriptions, the most allowed: remove one before registering another.`,
    );
    expect(await countOf('PROB-SC')).toBe(MAX);
    expect(await audited()).toBe(auditedBefore);
    // Another organisation has its own allowance.
    expect((await register('PROB-OTHER', '/cap/other')).body.errors).toBeUndefined();
    // Removed subscriptions do not count.
    const client = await hub.as('REFERRER', { org: 'PROB-SC' });
    expect((await client.query<Loose>(REMOVE, { id: ids[0] })).body.errors).toBeUndefined();
    expect((await register('PROB-SC', '/cap/again')).body.errors).toBeUndefined();
    expect(await countOf('PROB-SC')).toBe(MAX);
  });

  it('concurrent registrations never pass the cap', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => register('PROB-RACE', `/race/${i}`)),
    );
    const accepted = answers.filter((a) => !a.body.errors);
    expect(accepted).toHaveLength(MAX);
    for (const a of answers.filter((x) => x.body.errors)) {
      expect(outcome(a)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
    expect(await countOf('PROB-RACE')).toBe(MAX);
  });
});
