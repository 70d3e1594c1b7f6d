/** The committed operation types match console/codegen.ts run now (the operations or the API changed otherwise). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../codegen.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

it('has committed the generated operation types (pnpm --filter @reconnect/console codegen)', async () => {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const outputs = (await generate({ ...config, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(readFileSync(join(root, output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  } finally {
    process.chdir(previous);
  }
}, 60_000);
