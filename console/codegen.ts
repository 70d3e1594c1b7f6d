/**
 * GraphQL Code Generator for the console (issue 13): every operation the console sends, in
 * `src/graphql/*.graphql`, typed against the gateway's public API schema (`schema/api.graphql`,
 * the one outside clients see, so the console can never depend on a subgraph's internals).
 * The client preset emits typed document nodes (`src/generated/graphql.ts`), committed;
 * `pnpm --filter @reconnect/console codegen` regenerates them.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/graphql/*.graphql'],
  ignoreNoDocuments: false,
  // Imports with a .js extension, as Node's ESM resolution (NodeNext) needs.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
