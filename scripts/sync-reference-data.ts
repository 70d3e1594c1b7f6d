/** Copies ../shared/data into packages/reference-data/data (run when the shared data changes). */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REFERENCE_DATA_DIR, REFERENCE_FILES } from '@reconnect/reference-data';

const shared = join(process.cwd(), '..', 'shared', 'data');
if (!existsSync(shared)) {
  console.error(`no shared data at ${shared}`);
  process.exit(1);
}
for (const file of [...REFERENCE_FILES, 'README.md', 'SOURCES.md']) {
  copyFileSync(join(shared, file), join(REFERENCE_DATA_DIR, file));
  console.log(`copied ${file}`);
}
