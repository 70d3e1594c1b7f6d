/**
 * Test support that needs nothing but the shared packages: a database per test file, caller
 * tokens, GraphQL over HTTP, grant seeds, the fuzzing helpers and the AUTH.md parser. The
 * whole-hub harness (every subgraph and the gateway, and the subgraphs' own seed builders) is
 * `@reconnect/hub/testing`, with the composition root.
 */
export * from './database.ts';
export * from './tokens.ts';
export * from './http.ts';
export * from './seed.ts';
export * from './fuzz.ts';
export * from './auth-matrix.ts';
