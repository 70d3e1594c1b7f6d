export * from './subgraphs.ts';
export * from './embedded.ts';
