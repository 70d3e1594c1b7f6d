export * from './database.ts';
export * from './hub.ts';
export * from './seed.ts';
