export { buildPersonSubgraph, migrations, typeDefs, schemaPath, SUBGRAPH_NAME } from './server.ts';
export {
  seedDemo,
  seedDemoPeople,
  demoPersonId,
  DEMO_PEOPLE,
  DEMO_CASELOAD,
  type DemoCaseloadReferral,
  type DemoCaseloadPerson,
} from './seed/index.ts';
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
export { PersonMergeResumer, type PersonMergeResumerOptions } from './service/merge.ts';
export * as personRetention from './service/retention.ts';
