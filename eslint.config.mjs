// Typed ESLint with Nx module boundaries (STYLE.md §1, §14).
import nx from '@nx/eslint-plugin';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const SERVER_ONLY = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'express',
  'keycloak-connect',
  '@temporalio/worker',
  '@temporalio/client',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/console/vite.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // An app never imports another app.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:util',
                'type:data',
                'type:contracts',
                'type:testing',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:util', 'type:data', 'type:contracts'],
            },
            {
              sourceTag: 'type:data',
              onlyDependOnLibsWithTags: ['type:util', 'type:data', 'type:contracts'],
            },
            {
              sourceTag: 'type:util',
              onlyDependOnLibsWithTags: ['type:util', 'type:data', 'type:contracts'],
            },
            // Contracts stay pure (zod, types, constants): the workflows and the console import them too.
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: [...SERVER_ONLY, '@temporalio/*', 'node:*', 'fs', 'path', 'crypto'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: [
                'type:testing',
                'type:feature',
                'type:util',
                'type:data',
                'type:contracts',
              ],
            },
            // Workflow code imports only contracts (and deterministic helpers) and @temporalio/workflow.
            {
              sourceTag: 'type:workflow',
              onlyDependOnLibsWithTags: ['type:contracts', 'purity:deterministic'],
              bannedExternalImports: [...SERVER_ONLY, 'node:*', 'fs', 'path', 'crypto', 'zod'],
            },
            // The console imports no server code; of the libraries only the pure contracts.
            {
              sourceTag: 'scope:console',
              onlyDependOnLibsWithTags: ['scope:console', 'type:contracts'],
              bannedExternalImports: SERVER_ONLY,
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow code takes its contracts from the zod-free entry: each execution evaluates its imports anew.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts', 'workflows/**/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@zhiben/contracts',
              message: 'Import from @zhiben/contracts/workflow (no zod schemas in workflow code).',
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow tests drive the workflow code with a real worker and client.
    files: ['workflows/**/*.spec.ts', 'workflows/**/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e.ts', 'test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  prettier,
);
