import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node, and so tsx, loads the CommonJS
// one for everybody; Vite would load the ESM one for our sources while the Apollo federation
// packages `require` the CommonJS one, and graphql refuses objects from "another module or realm"
// (printSchema of a composed schema, custom scalars). One instance, as in production.
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    include: ['**/test/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // Each test file boots its own database (and often the whole hub): files run in separate
    // processes, two at a time on a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
