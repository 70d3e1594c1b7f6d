/**
 * `pnpm audit:verify`: recomputes the audit chain (packages/audit, migration 0001) in the database
 * (DATABASE_URL, or the PGlite database under DATA_DIR) and reports the first row whose hash or link
 * does not fit: an edited, inserted-by-hand or removed event. Reads only. Exit 0 when the chain is
 * intact, 1 when it is broken or cannot be read. Not while `pnpm start` holds the same PGlite
 * database open (PGlite allows one process).
 */
import { existsSync } from 'node:fs';
import { verifyAuditChain } from '../packages/audit/src/index.ts';
import { hubEnv } from '../packages/config/src/index.ts';
import { pgliteDir, type DbHandle } from '../packages/db/src/index.ts';
import { EXIT_FAILURE, dataDirOf, describeDatabase, loadConfigOrExit, openDatabase } from './lib/runtime.ts';

const config = loadConfigOrExit(hubEnv);
// Opening a PGlite directory that does not exist would create an empty database and call it intact.
if (!config.DATABASE_URL && !existsSync(pgliteDir(dataDirOf(config)))) {
  console.error(
    `no database at ${describeDatabase(config)}: start the hub or run pnpm seed first, or set DATABASE_URL`,
  );
  process.exit(EXIT_FAILURE);
}
let handle: DbHandle | undefined;
try {
  handle = await openDatabase(config);
  const report = await verifyAuditChain(handle.db);
  await handle.close();
  if (report.ok) {
    console.log(`audit chain intact: ${report.checked} events`);
  } else {
    console.log(`audit chain broken at seq ${report.brokenAt} (${report.checked} events checked)`);
    process.exit(EXIT_FAILURE);
  }
} catch (error) {
  console.error(
    `could not verify the audit chain in ${describeDatabase(config)}:`,
    error instanceof Error ? error.message : error,
  );
  await handle?.close().catch(() => {});
  process.exit(EXIT_FAILURE);
}
