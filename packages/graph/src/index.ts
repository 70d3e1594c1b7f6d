export * from './errors.ts';
export * from './scalars.ts';
export * from './http.ts';
export * from './log.ts';
export * from './permissions.ts';
export * from './subgraph.ts';
export * from './loaders.ts';
export * from './input.ts';
