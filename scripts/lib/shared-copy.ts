/**
 * The repository stands alone: what the project follows from `../shared` (the design, the API
 * contract with its `next/` additions, the connectors' interfaces, the contract checker and the
 * reference data) is copied in, byte for byte, so that a clone with nothing beside it builds,
 * tests and reads its own design. `pnpm sync:shared` refreshes the copies; `pnpm check:generated`
 * (and `pnpm test`) fail when a copy differs from `../shared`, whenever `../shared` is there.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './runtime.ts';

/** `../shared`, beside the repository in development and CI; absent in a clone on its own. */
export const SHARED_DIR = resolve(ROOT, '..', 'shared');

/** Each copied folder: where it comes from in ../shared, where it goes here, and which files. */
export interface SharedCopy {
  from: string;
  to: string;
  /** Only the files these match (names, not paths); every file of the folder when absent. */
  files?: RegExp;
  /** Sub-folders copied too (contract/next). */
  recursive?: boolean;
}

export const SHARED_COPIES: SharedCopy[] = [
  { from: '.', to: 'docs/design', files: /^(ARCHITECTURE|DOMAIN|CONVENTIONS|STACK-NOTES)\.md$/ },
  { from: 'contract', to: 'docs/contract', recursive: true },
  { from: 'tools', to: 'docs/tools', files: /^contract-check\.mjs$/ },
  { from: 'data', to: 'packages/reference-data/data' },
];

/** The files of `dir` (relative paths), per the copy's filter. */
function filesOf(dir: string, copy: SharedCopy, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.isDirectory()) {
      if (copy.recursive) out.push(...filesOf(join(dir, entry.name), copy, join(prefix, entry.name)));
    } else if (!copy.files || copy.files.test(entry.name)) {
      out.push(join(prefix, entry.name));
    }
  }
  return out;
}

/**
 * What differs between ../shared and the copies, each problem saying how to fix it. Undefined
 * when ../shared is not beside the repository: there is nothing to compare with.
 */
export function sharedCopyProblems(shared = SHARED_DIR): string[] | undefined {
  if (!existsSync(shared)) return undefined;
  const fix = 'run `pnpm sync:shared` and commit the copy';
  const problems: string[] = [];
  for (const copy of SHARED_COPIES) {
    const source = join(shared, copy.from);
    const target = join(ROOT, copy.to);
    const wanted = filesOf(source, copy);
    const have = new Set(filesOf(target, copy));
    for (const file of wanted) {
      const here = join(copy.to, file);
      if (!have.has(file))
        problems.push(`${here} is missing (it is in ../shared/${join(copy.from, file)}): ${fix}`);
      else if (!readFileSync(join(source, file)).equals(readFileSync(join(target, file)))) {
        problems.push(`${here} differs from ../shared/${join(copy.from, file)}: ${fix}`);
      }
      have.delete(file);
    }
    for (const file of have) {
      problems.push(`${join(copy.to, file)} is not in ../shared/${copy.from}: ${fix} (it removes it)`);
    }
  }
  return problems;
}

/** Makes every copy equal to ../shared: copies what changed, removes what ../shared no longer has. */
export function syncShared(shared = SHARED_DIR): string[] {
  if (!existsSync(shared)) throw new Error(`no ../shared beside the repository (looked at ${shared})`);
  const changed: string[] = [];
  for (const copy of SHARED_COPIES) {
    const source = join(shared, copy.from);
    const target = join(ROOT, copy.to);
    const wanted = new Set(filesOf(source, copy));
    for (const file of filesOf(target, copy)) {
      if (!wanted.has(file)) {
        rmSync(join(target, file));
        changed.push(`removed ${join(copy.to, file)}`);
      }
    }
    for (const file of wanted) {
      const from = join(source, file);
      const to = join(target, file);
      if (existsSync(to) && readFileSync(from).equals(readFileSync(to))) continue;
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
      changed.push(`copied ${relative(ROOT, to)}`);
    }
  }
  return changed;
}
