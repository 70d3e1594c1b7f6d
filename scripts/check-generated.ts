/**
 * `pnpm check:generated`: fails (exit 1) when something generated and committed is stale, saying
 * what and how to fix it: (a) the composed schemas and composition hints, (b) drizzle schemas with
 * changes that have no migration, (c) the copies of ../shared (when ../shared is there), (d) the
 * types GraphQL Code Generator writes (codegen.ts: resolver types, typed documents), (e) the
 * benchmark's history chart (docs/performance-history.svg, drawn from bench/results).
 * CI runs it; (a), (c) and (d) also run in `pnpm test` (scripts/test/generated.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyChart } from '../bench/src/chart.ts';
import { ROOT } from '../bench/src/processes.ts';
import { allResults } from '../bench/src/report.ts';
import { generatedTypeProblems } from './lib/codegen.ts';
import { compositionProblems, migrationComponents, migrationProblems } from './lib/generated.ts';
import { sharedCopyProblems } from './lib/shared-copy.ts';

let failed = false;
function report(title: string, problems: string[] | undefined, skipped?: string): void {
  if (problems === undefined) {
    console.log(`skip  ${title}: ${skipped ?? 'not applicable'}`);
  } else if (problems.length === 0) {
    console.log(`ok    ${title}`);
  } else {
    failed = true;
    console.log(`FAIL  ${title}`);
    for (const problem of problems) console.log(`  - ${problem}`);
  }
}

report('schema/supergraph.graphql and schema/api.graphql match the subgraphs', compositionProblems());
report(
  'generated resolver types and typed documents match codegen.ts and the schemas',
  await generatedTypeProblems(),
);
const components = await migrationComponents();
report(
  `migrations cover the drizzle schemas (${components.map((c) => c.dir).join(', ')})`,
  await migrationProblems(components),
);
report(
  'docs/design, docs/contract, docs/tools and packages/reference-data/data match ../shared',
  sharedCopyProblems(),
  '../shared is not beside this repository',
);

const chart = join(ROOT, 'docs', 'performance-history.svg');
report(
  'docs/performance-history.svg is what bench/results draws',
  existsSync(chart) &&
    readFileSync(chart, 'utf8') === historyChart(allResults(join(ROOT, 'bench', 'results')))
    ? []
    : ['docs/performance-history.svg differs from bench/results: run `pnpm bench --report` and commit both'],
);

if (failed) {
  console.log('\ngenerated files are stale: fix the problems above');
  process.exit(1);
}
console.log('\ngenerated files are up to date');
