/** Builds the referral subgraph. No side effects at import. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { MigrationComponent } from '@reconnect/db';
import { registerOutboxMetrics } from '@reconnect/events';
import { createSubgraph, type SubgraphDeps } from '@reconnect/graph';
import { createLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';

export const SUBGRAPH_NAME = 'referral';
export const schemaPath = fileURLToPath(new URL('./schema.graphql', import.meta.url));
export const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
export const migrations: MigrationComponent = {
  name: 'referral',
  folder: fileURLToPath(new URL('../drizzle', import.meta.url)),
};

export function buildReferralSubgraph(deps: SubgraphDeps) {
  return createSubgraph(
    {
      name: SUBGRAPH_NAME,
      typeDefs,
      resolvers,
      permissions,
      createLoaders,
      // The outbox is the referral subgraph's (it writes it and its processes deliver it).
      metrics: registerOutboxMetrics,
    },
    deps,
  );
}
