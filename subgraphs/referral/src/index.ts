export { buildReferralSubgraph, migrations, typeDefs, schemaPath, SUBGRAPH_NAME } from './server.ts';
export { newReference, normaliseReference, REFERENCE_ALPHABET } from './service/reference.ts';
export * as referralTables from './db/schema.ts';
export { seedDemo, DEMO_SERVICE_CODES, type DemoInputs } from './seed/index.ts';
export * as referralRetention from './service/retention.ts';
