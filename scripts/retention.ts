/**
 * `pnpm retention [--apply] [--as-of YYYY-MM-DD] [--batch N]` (DOMAIN.md "Subject access and
 * retention"; docs/GOVERNANCE.md "Retention"): erases the personal data of people whose last
 * referral closed more than RETENTION_YEARS (default 8) before today (or `--as-of`), across every
 * subgraph, keeping what metrics count. A dry run by default: it prints what each subgraph would
 * erase. Safe to run daily and while the hub serves traffic (batches of people, one short
 * transaction per subgraph and batch); a second run erases nothing. Runs against DATABASE_URL (each
 * subgraph as its own role under DATABASE_ROLES=per-subgraph), or the PGlite database under
 * DATA_DIR when `pnpm start` is not holding it open.
 */
import { parseArgs } from 'node:util';
import { databasePasswordsOf, retentionEnv } from '../packages/config/src/index.ts';
import type { DbHandle } from '../packages/db/src/index.ts';
import { closeHandles, openSubgraphHandles, runRetention } from '../hub/src/index.ts';
import { EXIT_FAILURE, EXIT_USAGE, describeDatabase, loadConfigOrExit, openDatabase } from './lib/runtime.ts';

const USAGE = 'usage: pnpm retention [--apply] [--as-of YYYY-MM-DD] [--batch N]';

let args;
try {
  args = parseArgs({
    options: {
      apply: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      batch: { type: 'string' },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(EXIT_USAGE);
}
const asOfText = args['as-of'];
if (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) {
  console.error(`--as-of must be a date, YYYY-MM-DD\n${USAGE}`);
  process.exit(EXIT_USAGE);
}
const batchSize = args.batch === undefined ? undefined : Number(args.batch);
if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)) {
  console.error(`--batch must be a whole number from 1 to 5000\n${USAGE}`);
  process.exit(EXIT_USAGE);
}

const config = loadConfigOrExit(retentionEnv);
const asOf = asOfText ? new Date(`${asOfText}T00:00:00Z`) : new Date();
const startedAt = Date.now();
let shared: DbHandle | undefined;
let own: Record<string, DbHandle> = {};
try {
  console.log(
    `retention over ${describeDatabase(config)}: ${config.RETENTION_YEARS} years before ${asOf.toISOString().slice(0, 10)}${args.apply ? '' : ' (dry run: --apply to erase)'}`,
  );
  shared = await openDatabase(config);
  if (config.DATABASE_ROLES === 'per-subgraph') {
    own = await openSubgraphHandles(config.DATABASE_URL!, {
      only: ['person', 'referral', 'partner'],
      passwords: databasePasswordsOf(config),
      maxConnections: 2,
    });
  }
  const dbOf = (name: string) => (own[name] ?? shared!).db;
  const report = await runRetention({
    db: { person: dbOf('person'), referral: dbOf('referral'), partner: dbOf('partner') },
    retentionYears: config.RETENTION_YEARS,
    asOf,
    apply: args.apply,
    ...(batchSize ? { batchSize } : {}),
    onBatch: (r) => {
      if (r.batches % 10 === 0) console.log(`  ${r.batches} batches, ${r.pastRetention} people so far`);
    },
  });
  const verb = report.apply ? 'erased' : 'would erase';
  console.log(
    `past retention (last referral closed before ${report.cutoff}): ${report.pastRetention} people`,
  );
  console.log(`referral ${verb}: ${JSON.stringify(report.referral)}`);
  console.log(`partner  ${verb}: ${JSON.stringify(report.partner)}`);
  console.log(`person   ${verb}: ${JSON.stringify(report.person)}`);
  if (report.apply) console.log(`audit events: request id ${report.runId}`);
  console.log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${report.batches} batches)`);
  await closeHandles(own);
  await shared.close();
} catch (error) {
  console.error('retention failed:', error);
  await closeHandles(own).catch(() => {});
  await shared?.close().catch(() => {});
  process.exit(EXIT_FAILURE);
}
