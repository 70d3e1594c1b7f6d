/**
 * `pnpm seed`: migrates the database (DATABASE_URL, or the PGlite database under DATA_DIR) and
 * seeds the reference data, and the demo cases unless SEED_DEMO=false (in production, only with
 * SEED_DEMO=true). Idempotent. For a split deployment this is the one step that fills the directory
 * before the processes start (`SEED_DEMO=false pnpm seed`). Not while `pnpm start` holds the same
 * PGlite database open.
 */
import { hubEnv, seedsDemo } from '../packages/config/src/index.ts';
import type { DbHandle } from '../packages/db/src/index.ts';
import { ALL_MIGRATIONS, seedDemoData, seedReferenceData } from '../hub/src/index.ts';
import { EXIT_FAILURE, clockOf, describeDatabase, loadConfigOrExit, openDatabase } from './lib/runtime.ts';

const config = loadConfigOrExit(hubEnv);
const startedAt = Date.now();
let handle: DbHandle | undefined;
try {
  console.log(`seeding ${describeDatabase(config)}`);
  handle = await openDatabase(config);
  await handle.migrate(ALL_MIGRATIONS);
  console.log(`migrated: ${ALL_MIGRATIONS.map((m) => m.name).join(', ')}`);
  const reference = await seedReferenceData(handle.db);
  console.log(`reference data: ${JSON.stringify(reference)}`);
  if (seedsDemo(config)) {
    const demo = await seedDemoData(handle.db, clockOf(config));
    console.log(`demo data: ${JSON.stringify(demo)}`);
  } else {
    console.log(`demo data: not seeded (${config.SEED_DEMO === false ? 'SEED_DEMO=false' : 'production'})`);
  }
  await handle.close();
  console.log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error('seeding failed:', error);
  await handle?.close().catch(() => {});
  process.exit(EXIT_FAILURE);
}
