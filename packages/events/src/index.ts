import { fileURLToPath } from 'node:url';
import type { MigrationComponent } from '@reconnect/db';

export * from './schema.ts';
export * from './types.ts';
export * from './emit.ts';
export * from './url.ts';
export * from './resolve.ts';
export * from './post.ts';
export * from './signing.ts';
export * from './secrets.ts';
export * from './dispatcher.ts';
export * from './subscriptions.ts';

export const eventsMigrations: MigrationComponent = {
  name: 'events',
  folder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};
export * from './metrics.ts';
