/**
 * `pnpm webhooks:rotate-key` as an operator runs it, on the PGlite database under DATA_DIR or on
 * PostgreSQL (TEST_DATABASE_URL): a plaintext secret from before encryption and one sealed under
 * the old key both end up under the new key and open to the right secret; a second run changes
 * nothing; a missing database is refused. `--new-key` prints a usable entry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, pgliteDir, type DbHandle } from '../../packages/db/src/index.ts';
import {
  WebhookSecretKeyring,
  createSubscription,
  eventsMigrations,
  subscriptions,
} from '../../packages/events/src/index.ts';
import { createTestDatabase, testConfig, type TestDatabase } from '../../packages/testing/src/index.ts';
import { runScript } from './support.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'reconnect-rotate-'));
const OLD = WebhookSecretKeyring.generateEntry('old');
const NEW = WebhookSecretKeyring.generateEntry('new');
const onPostgres = Boolean(testConfig().TEST_DATABASE_URL);
let database: TestDatabase | undefined;
let env: Record<string, string>;

/** The database the script works on: opened here only between its runs (PGlite allows one process). */
async function open(): Promise<DbHandle> {
  return database ? database.handle : createDb({ dataDir: pgliteDir(dataDir) });
}
async function release(handle: DbHandle) {
  if (!database) await handle.close();
}

beforeAll(async () => {
  if (onPostgres) {
    database = await createTestDatabase({ migrations: [eventsMigrations] });
    env = { DATABASE_URL: database.url!, LOG_LEVEL: 'warn' };
  } else {
    env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  }
  const handle = await open();
  await handle.migrate([eventsMigrations]);
  await handle.db.insert(subscriptions).values({
    organisationCode: 'ROTATE',
    url: 'https://hooks.example/plain',
    secret: 'whsec-plaintext-from-before',
    createdBy: 'old-version',
    createdAt: new Date(),
  });
  await createSubscription(
    handle.db,
    {
      organisationCode: 'ROTATE',
      url: 'https://hooks.example/sealed',
      eventTypes: [],
      secret: 'whsec-sealed-under-old',
      createdBy: 't',
      at: new Date(),
    },
    WebhookSecretKeyring.parse(OLD),
  );
  await release(handle);
}, 60_000);

afterAll(async () => {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pnpm webhooks:rotate-key', { timeout: 120_000 }, () => {
  it('re-encrypts every secret under the first key, then has nothing left to do', async () => {
    const first = await runScript('webhooks-rotate-key.ts', ['--batch-size', '1'], {
      ...env,
      WEBHOOK_SECRET_KEYS: `${NEW},${OLD}`,
    });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      '2 webhook secret(s) re-encrypted under key new (1 were in plaintext), 0 already under it.',
    );
    expect(first.stdout).toContain('old may be removed from WEBHOOK_SECRET_KEYS');
    expect(first.stdout).not.toContain(NEW.split(':')[1]!);

    const handle = await open();
    const rows = await handle.db.select().from(subscriptions);
    await release(handle);
    const onlyNew = WebhookSecretKeyring.parse(NEW);
    expect(
      Object.fromEntries(rows.map((r) => [r.url, { keyId: r.secretKeyId, secret: onlyNew.openStored(r) }])),
    ).toEqual({
      'https://hooks.example/plain': { keyId: 'new', secret: 'whsec-plaintext-from-before' },
      'https://hooks.example/sealed': { keyId: 'new', secret: 'whsec-sealed-under-old' },
    });

    const again = await runScript('webhooks-rotate-key.ts', [], { ...env, WEBHOOK_SECRET_KEYS: NEW });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      '0 webhook secret(s) re-encrypted under key new (0 were in plaintext), 2 already under it.',
    );
  });

  it('prints a new key entry, and refuses a missing database', async () => {
    const printed = await runScript('webhooks-rotate-key.ts', ['--new-key', 'k-2027'], {});
    expect(printed.code).toBe(0);
    expect(WebhookSecretKeyring.parse(printed.stdout.trim()).currentKeyId).toBe('k-2027');
    const missing = await runScript('webhooks-rotate-key.ts', [], {
      DATA_DIR: join(dataDir, 'nowhere'),
      WEBHOOK_SECRET_KEYS: NEW,
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no database at PGlite');
  });
});
