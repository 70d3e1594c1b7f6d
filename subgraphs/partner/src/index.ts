export { buildPartnerSubgraph, migrations, typeDefs, schemaPath, SUBGRAPH_NAME } from './server.ts';
export { seedPartners, seedDemoEnhancedCase, partnerId, type DemoEnhancedReferral } from './seed.ts';
export { isAgreementActive, activeAgreementOf } from './service/agreements.ts';
export * as partnerTables from './db/schema.ts';
export { enhancedEligibilityRefusal, PILOT_REGIONS, type EligibilityFacts } from './service/eligibility.ts';
export * as partnerRetention from './service/retention.ts';
