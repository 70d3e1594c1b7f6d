export { buildRegionalServiceSubgraph, migrations, typeDefs, schemaPath, SUBGRAPH_NAME } from './server.ts';
export { seedDirectory, demoStaff, serviceId } from './seed.ts';
export * as directorySchema from './db/schema.ts';
/**
 * How many rows each directory list holds (referring organisations included): the real bound of an
 * unpaged directory list, for the gateway's object estimate (contract/next/trust.md).
 */
export { directoryCounts, listReferringOrganisations } from './db/queries.ts';
