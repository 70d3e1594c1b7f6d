export { buildPersonSubgraph, migrations, typeDefs, schemaPath, SUBGRAPH_NAME } from './server.ts';
export { seedDemoPeople, demoPersonId, DEMO_PEOPLE } from './seed.ts';
export {
  normaliseNhsNumber,
  normalisePrisonNumber,
  normaliseCrn,
  normalisePncId,
  normaliseHomeOfficeReference,
  pncCheckLetter,
  validateIdentity,
  type Identity,
} from './service/identifiers.ts';
export * as personSchema from './db/schema.ts';
