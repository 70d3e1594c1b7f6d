// ESLint flat config (CONVENTIONS.md: "ESLint with no-floating-promises; no `any` without a
// comment"). TypeScript files are linted with type information, because the rules that matter
// most here (an un-awaited audit write or transaction, a promise passed where a callback returns
// void) need it. Formatting is Prettier's job (`prettier --check`), not ESLint's.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // docs/tools holds a verbatim copy of ../shared's contract checker (scripts/lib/shared-copy.ts).
  // Generated code (GraphQL Code Generator's `generated/` folders) is not ours to lint: tsc still
  // checks it, Prettier formats it, and `pnpm check:generated` fails when it is stale.
  globalIgnores([
    '**/node_modules/',
    '**/.data/',
    'schema/',
    '**/drizzle/',
    '**/coverage/',
    'docs/tools/',
    '**/generated/',
    // `pnpm build`'s bundles (scripts/build.ts).
    'dist/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // An `any` needs an `// eslint-disable-next-line @typescript-eslint/no-explicit-any -- why`.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain JavaScript (this file, tools): Node globals, no type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        module: 'writable',
        require: 'readonly',
      },
    },
  },
);
