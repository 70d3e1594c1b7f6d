/**
 * Committed generated files are not stale (the fast part of `pnpm check:generated`; the migration
 * check runs drizzle-kit and stays in that script, which CI runs).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedTypeProblems } from '../lib/codegen.ts';
import { compositionProblems } from '../lib/generated.ts';
import { SHARED_DIR, sharedCopyProblems } from '../lib/shared-copy.ts';

describe('generated files', () => {
  it('schema/supergraph.graphql and schema/api.graphql are what `pnpm compose` writes, with no unaccepted hint', () => {
    expect(compositionProblems()).toEqual([]);
  });

  it('the types GraphQL Code Generator writes are what `pnpm codegen` writes', async () => {
    expect(await generatedTypeProblems()).toEqual([]);
  });

  it.skipIf(!existsSync(SHARED_DIR))(
    'the copies of ../shared (design, contract, contract checker, reference data) equal it',
    () => {
      expect(sharedCopyProblems()).toEqual([]);
    },
  );
});
