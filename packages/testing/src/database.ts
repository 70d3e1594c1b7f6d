/**
 * A fresh database for one test file: an in-memory PGlite, or, when TEST_DATABASE_URL is set, a
 * new PostgreSQL database created on that server and dropped afterwards. Migrated with the
 * components the test names (a package's test names its own; the whole-hub harness in
 * hub/testing names every one), and optionally seeded.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { loadConfig, testEnv } from '@reconnect/config';
import { createDb, type Db, type DbHandle, type MigrationComponent } from '@reconnect/db';

export interface TestDatabase {
  handle: DbHandle;
  /** The URL of the fresh PostgreSQL database, when on PostgreSQL. */
  url?: string | undefined;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The migrations to run, in order (shared packages before the subgraphs that read them). */
  migrations: MigrationComponent[];
  /** Run after migrating, e.g. the reference data. */
  seed?: ((db: Db) => Promise<unknown>) | undefined;
}

export function testConfig() {
  return loadConfig(testEnv);
}

export async function createTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const serverUrl = testConfig().TEST_DATABASE_URL;
  let handle: DbHandle;
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `hub_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    handle = await createDb({ url, maxConnections: 10 });
    dropDatabase = async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
  } else {
    handle = await createDb({});
  }
  try {
    await handle.migrate(options.migrations);
    if (options.seed) await options.seed(handle.db);
  } catch (error) {
    await handle.close();
    await dropDatabase();
    throw error;
  }
  return {
    handle,
    url,
    async drop() {
      await handle.close();
      await dropDatabase();
    },
  };
}
