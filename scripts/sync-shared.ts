/**
 * `pnpm sync:shared`: copies what the project follows from ../shared (design, contract, contract
 * checker, reference data) into the repository; see scripts/lib/shared-copy.ts. Run it when
 * ../shared changes, then commit the copies.
 */
import { syncShared } from './lib/shared-copy.ts';

const changed = syncShared();
for (const line of changed) console.log(line);
console.log(
  changed.length ? `${changed.length} file(s) changed: commit them` : 'the copies already match ../shared',
);
