/** A fresh database for a test file with every component's migrations and, by default, the reference data. */
import { createTestDatabase, type TestDatabase } from '@reconnect/testing';
import { ALL_MIGRATIONS, seedReferenceData } from '../src/subgraphs.ts';

export function createHubDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  return createTestDatabase({
    migrations: ALL_MIGRATIONS,
    seed: options.seed === false ? undefined : seedReferenceData,
  });
}
