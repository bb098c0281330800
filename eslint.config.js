// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports each layer may not make (DESIGN.md §1: arrows point down only). */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'scripts/*.cjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      curly: 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**'],
    rules: restrict(['electron', 'react', 'react-dom', '**/backend/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/web/**', ...nodeBuiltins], 'core is pure TypeScript: no electron, react, node or higher layers.'),
  },
  {
    files: ['src/backend/**'],
    rules: restrict(['electron', 'react', 'react-dom', '**/main/**', '**/preload/**', '**/renderer/**', '**/web/**'], 'backend builds on core only.'),
  },
  {
    files: ['src/web/**'],
    rules: restrict(['electron', 'react', 'react-dom', '**/main/**', '**/preload/**', '**/renderer/**'], 'the web host builds on backend and core.'),
  },
  {
    files: ['src/main/**'],
    rules: restrict(['react', 'react-dom', '**/preload/**', '**/renderer/**', '**/web/**'], 'main builds on backend and core.'),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(['**/backend/**', '**/main/**', '**/renderer/**', '**/web/**', ...nodeBuiltins], 'the preload only bridges the StudyApi contract.'),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['electron', '**/backend/**', '**/main/**', '**/preload/**', '**/web/**', ...nodeBuiltins], 'the renderer talks to the back end only through api/client.ts.'),
    },
  },
  {
    files: ['tests/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
