// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { noUntranslatedText } from './apps/web/eslint/no-untranslated-text.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs', 'apps/web/src/gql/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  { files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts', 'apps/web/e2e/**/*.ts'], rules: { 'no-console': 'off' } },
  // The web client: the rules of hooks, and no user-visible text outside the translations
  // (JSX text and the props that people read or hear must come from t()).
  {
    files: ['apps/web/src/**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['apps/web/src/**/*.tsx'],
    plugins: { web: { rules: { 'no-untranslated-text': noUntranslatedText } } },
    rules: { 'web/no-untranslated-text': 'error' },
  },
  { files: ['apps/web/src/app/i18n.ts'], rules: { 'no-console': 'off' } },
);
