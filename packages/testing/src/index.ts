export * from './database.ts';
export * from './hub.ts';
export * from './seed.ts';
export * from './seed-referral.ts';
export * from './seed-person.ts';
export * from './fuzz.ts';
export * from './auth-matrix.ts';
