import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const SDK_SEAM = [
  { name: '@openshift-console/dynamic-plugin-sdk', message: "Import from src/console-sdk.ts, the plugin's one SDK seam." },
];
const ROUTER_I18N_SEAMS = ['react-router', 'react-router-dom', 'react-router-dom-v5-compat'].map((name) => ({
  name,
  message: 'Import from src/router.ts: consoles 4.19-4.21 share another router under these names.',
}));
ROUTER_I18N_SEAMS.push({ name: 'react-i18next', message: 'Use useKastenTranslation from src/i18n.ts.' });
const NO_DEEP_SDK = [{ group: ['@openshift-console/dynamic-plugin-sdk/*'], message: 'No deep SDK imports.' }];

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
    // The console SDK, the router and i18next are seams (src/console-sdk.ts, src/router.ts, src/i18n.ts): the
    // build for consoles 4.19-4.21 swaps or re-types exactly those files, so nothing else may import the modules.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/console-sdk.ts', 'src/router.ts', 'src/router.compat.ts', 'src/i18n.ts', 'src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [...SDK_SEAM, ...ROUTER_I18N_SEAMS], patterns: NO_DEEP_SDK }] },
  },
  {
    // Tests run on React 18 with a MemoryRouter of their own; the SDK is still reached only through its mock.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: SDK_SEAM, patterns: NO_DEEP_SDK }] },
  },
  {
    files: ['**/*.test.{ts,tsx}', '__mocks__/**', 'test/**', 'integration-tests/**', 'dev/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
