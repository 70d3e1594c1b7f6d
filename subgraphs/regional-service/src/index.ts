export { buildRegionalServiceSubgraph, migrations, typeDefs, schemaPath, SUBGRAPH_NAME } from './server.ts';
export { seedDirectory, demoStaff, serviceId } from './seed.ts';
export * as directorySchema from './db/schema.ts';
