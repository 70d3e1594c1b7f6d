/**
 * Staleness checks for what is generated and committed (CONVENTIONS.md: generated files are never
 * edited by hand and CI fails when they are stale): the composed schemas and the SQL migrations
 * here; the copies of ../shared in shared-copy.ts. Each check returns the problems it found, each
 * saying what is wrong and how to fix it; `pnpm check:generated` runs them all, scripts/test/ the
 * fast ones.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, compose, unacceptedHints } from '../../gateway/src/index.ts';
import { ROOT } from './runtime.ts';

/** (a) schema/supergraph.graphql and schema/api.graphql equal a fresh composition, with no unaccepted hint. */
export function compositionProblems(): string[] {
  let result: ReturnType<typeof compose>;
  try {
    result = compose();
  } catch (error) {
    return [`the subgraphs do not compose: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  // The same trailing-newline rule as scripts/compose.ts.
  const supergraph = result.supergraphSdl.endsWith('\n') ? result.supergraphSdl : `${result.supergraphSdl}\n`;
  for (const [file, expected] of [
    [SUPERGRAPH_FILE, supergraph],
    [API_SCHEMA_FILE, result.apiSchemaSdl],
  ] as const) {
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (committed !== expected) {
      problems.push(
        `${relative(ROOT, file)} is ${committed === undefined ? 'missing' : 'stale'}: run \`pnpm compose\` and commit it`,
      );
    }
  }
  for (const hint of unacceptedHints(result.hints)) {
    problems.push(
      `composition hint not accepted: ${hint}\n    fix the SDL, or add the line to schema/accepted-hints.txt if it is intended`,
    );
  }
  return problems;
}

/** A folder with drizzle tables and committed migrations. */
export interface MigrationComponentDir {
  /** Relative to the repository root, e.g. `subgraphs/person`. */
  dir: string;
  /** The drizzle schema file, relative to `dir`. */
  schema: string;
}

/** packages/access, packages/audit and every subgraph: the folders that own database tables. */
export async function migrationComponents(): Promise<MigrationComponentDir[]> {
  const dirs = [
    'packages/access',
    'packages/audit',
    'packages/events',
    ...readdirSync(join(ROOT, 'subgraphs'))
      .sort()
      .map((d) => `subgraphs/${d}`),
  ];
  const components: MigrationComponentDir[] = [];
  for (const dir of dirs) {
    const config = join(ROOT, dir, 'drizzle.config.ts');
    // The folder's own drizzle.config.ts names its schema file; the layout's convention otherwise.
    let schema = dir.startsWith('subgraphs/') ? './src/db/schema.ts' : './src/schema.ts';
    if (existsSync(config)) {
      const loaded = (await import(pathToFileURL(config).href)) as { default?: { schema?: unknown } };
      if (typeof loaded.default?.schema === 'string') schema = loaded.default.schema;
    }
    if (existsSync(join(ROOT, dir, schema))) components.push({ dir, schema });
  }
  return components;
}

const DRIZZLE_KIT = join(ROOT, 'node_modules', '.bin', 'drizzle-kit');
const DRIZZLE_KIT_TIMEOUT_MS = 120_000;

/**
 * (b) No drizzle schema has changes without a migration: drizzle-kit generates into a copy of the
 * component's drizzle/ folder, and any new .sql file there is a change nobody generated.
 *
 * The copy is passed as a relative --out from a temporary working directory: drizzle-kit 0.31
 * mangles absolute --out paths. `schemaFilter` in the components' configs only affects push and
 * introspection, not generate, so the command-line flags are equivalent to each config.
 */
export async function migrationProblems(components?: MigrationComponentDir[]): Promise<string[]> {
  const problems: string[] = [];
  for (const component of components ?? (await migrationComponents())) {
    const work = mkdtempSync(join(tmpdir(), 'reconnect-migrations-'));
    try {
      const committed = join(ROOT, component.dir, 'drizzle');
      const out = join(work, 'out');
      if (existsSync(committed)) cpSync(committed, out, { recursive: true });
      else mkdirSync(out);
      const before = new Set(readdirSync(out).filter((f) => f.endsWith('.sql')));
      const schema = join(ROOT, component.dir, component.schema);
      const run = await runCommand(
        DRIZZLE_KIT,
        ['generate', '--dialect', 'postgresql', '--schema', schema, '--out', 'out'],
        work,
      );
      const fix = `run \`../../node_modules/.bin/drizzle-kit generate --name <what-changed>\` in ${component.dir} and commit the migration`;
      if (run.timedOut) {
        problems.push(
          `${component.dir}: drizzle-kit did not finish (it may be asking whether a column was renamed): ${fix}`,
        );
        continue;
      }
      // drizzle-kit 0.31 exits 0 even when it fails, so success is only what it positively says.
      if (/Interactive prompts require a TTY/.test(run.output)) {
        problems.push(
          `${component.dir}: ${component.schema} has changes without a migration, and drizzle-kit needs to ask about them (a rename?): ${fix}`,
        );
        continue;
      }
      const added = readdirSync(out).filter((f) => f.endsWith('.sql') && !before.has(f));
      if (added.length > 0) {
        const sql = added.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
        problems.push(
          `${component.dir}: ${component.schema} has changes without a migration: ${fix}\n${indent(sql)}`,
        );
      } else if (run.code !== 0 || !/No schema changes/.test(run.output)) {
        problems.push(`${component.dir}: drizzle-kit failed (exit ${run.code}):\n${indent(run.output)}`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return problems;
}

function indent(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}

function runCommand(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((done, fail) => {
    // stdin closed: drizzle-kit's interactive questions must not wait for an answer in CI.
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, DRIZZLE_KIT_TIMEOUT_MS);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output, timedOut });
    });
  });
}
