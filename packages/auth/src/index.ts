export * from './principal.ts';
export * from './jwt.ts';
export * from './internal-token.ts';
export * from './dev-keys.ts';
