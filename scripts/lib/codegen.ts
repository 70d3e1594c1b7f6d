/**
 * Runs GraphQL Code Generator with the root `codegen.ts` and formats what it produces with the
 * repository's Prettier settings: what `pnpm codegen` writes, and what `pnpm check:generated`
 * compares the committed files with. One function for both, so the two cannot disagree.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import * as prettier from 'prettier';
import config from '../../codegen.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  content: string;
}

/** Every file codegen.ts describes, generated in memory and formatted; nothing is written. */
export async function generatedTypeFiles(): Promise<GeneratedFile[]> {
  const outputs = (await generate({ ...config, cwd: ROOT, silent: true, errorsOnly: true }, false)) as {
    filename: string;
    content: string;
  }[];
  const options = (await prettier.resolveConfig(resolve(ROOT, 'package.json'))) ?? {};
  return Promise.all(
    outputs.map(async (output) => {
      const path = resolve(ROOT, output.filename);
      return { path, content: await prettier.format(output.content, { ...options, filepath: path }) };
    }),
  );
}

/** Writes the generated files; returns the paths that changed, relative to the repository root. */
export async function writeGeneratedTypes(): Promise<string[]> {
  const changed: string[] = [];
  for (const file of await generatedTypeFiles()) {
    if (existsSync(file.path) && readFileSync(file.path, 'utf8') === file.content) continue;
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
    changed.push(relative(ROOT, file.path));
  }
  return changed;
}

/** Committed generated types that differ from a fresh run, each with how to fix it. */
export async function generatedTypeProblems(): Promise<string[]> {
  let files: GeneratedFile[];
  try {
    files = await generatedTypeFiles();
  } catch (error) {
    return [`GraphQL Code Generator failed: ${(error as Error).message}`];
  }
  return files
    .filter((file) => !existsSync(file.path) || readFileSync(file.path, 'utf8') !== file.content)
    .map(
      (file) =>
        `${relative(ROOT, file.path)} is ${existsSync(file.path) ? 'stale' : 'missing'}: run \`pnpm codegen\` and commit it`,
    );
}
