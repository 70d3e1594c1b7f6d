export * from './gateway.ts';
export * from './compose.ts';
export * from './errors.ts';
