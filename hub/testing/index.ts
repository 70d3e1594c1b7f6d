/**
 * The whole-hub test harness: `startTestHub` boots every subgraph and the gateway for a test file
 * on a fresh database, `createHubDatabase` gives that database alone, and the subgraphs' own seed
 * builders (people, referrals) sit beside the low-level support of `@reconnect/testing`, which is
 * re-exported so that a test imports from one place.
 */
export * from '@reconnect/testing';
export * from './database.ts';
export * from './hub.ts';
export * from '@reconnect/person-subgraph/testing';
export * from '@reconnect/referral-subgraph/testing';
