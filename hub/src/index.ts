export * from './subgraphs.ts';
export * from './embedded.ts';
export * from './roles.ts';
export * from './retention.ts';
