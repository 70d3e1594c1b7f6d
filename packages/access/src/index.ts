export * from './schema.ts';
export * from './access.ts';
export * from './grants.ts';
import { fileURLToPath } from 'node:url';
import type { MigrationComponent } from '@reconnect/db';

export const accessMigrations: MigrationComponent = {
  name: 'access',
  folder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};
