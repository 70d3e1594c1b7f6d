export * from './schema.ts';
export * from './record.ts';
export * from './merkle.ts';
export * from './signing.ts';
export * from './sequencer.ts';
export * from './verify.ts';
export * from './read.ts';
import { fileURLToPath } from 'node:url';
import type { MigrationComponent } from '@reconnect/db';

export const auditMigrations: MigrationComponent = {
  name: 'audit',
  folder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};
