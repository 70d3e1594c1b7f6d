/**
 * Committed generated files are not stale (the fast part of `pnpm check:generated`; the migration
 * check runs drizzle-kit and stays in that script, which CI runs).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedTypeProblems } from '../lib/codegen.ts';
import { SHARED_DATA_DIR, compositionProblems, referenceDataProblems } from '../lib/generated.ts';

describe('generated files', () => {
  it('schema/supergraph.graphql and schema/api.graphql are what `pnpm compose` writes, with no unaccepted hint', () => {
    expect(compositionProblems()).toEqual([]);
  });

  it('the types GraphQL Code Generator writes are what `pnpm codegen` writes', async () => {
    expect(await generatedTypeProblems()).toEqual([]);
  });

  it.skipIf(!existsSync(SHARED_DATA_DIR))(
    'packages/reference-data/data holds the same CSV files as ../shared/data',
    () => {
      expect(referenceDataProblems()).toEqual([]);
    },
  );
});
