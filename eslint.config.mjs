import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'reports/**', 'charts/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The console SDK is one seam: only src/console-sdk.ts imports it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/console-sdk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@openshift-console/dynamic-plugin-sdk', message: 'Import from src/console-sdk.ts, the plugin\'s one SDK seam.' },
          ],
          patterns: [{ group: ['@openshift-console/dynamic-plugin-sdk/*'], message: 'No deep SDK imports.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', '__mocks__/**', 'test/**', 'integration-tests/**', 'dev/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
