import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      'packages/db/src/generated/**',
      'tests/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest's decorators and zod's inference need empty interfaces and classes now and then.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Much of the code starts work without awaiting it (timers, listeners, fire-and-forget saves):
    // a promise left floating or handed where a void callback is expected must be deliberate.
    files: ['**/*.ts', '**/*.svelte'],
    // The seed is compiled with the API (apps/api/tsconfig.json) but sits outside its folder.
    ignores: ['**/*.config.ts', '**/*.config.js', 'prisma/**'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
    },
  },
  {
    // Tests read responses as loose JSON and assert on them.
    files: ['**/*.test.ts', '**/testing/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
);
