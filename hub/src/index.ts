export * from './subgraphs.ts';
export * from './embedded.ts';
export * from './roles.ts';
export { PersonMergeResumer } from '@reconnect/person-subgraph';
export * from './retention.ts';
