import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The layers of issue 14 (ARCHITECTURE.md), enforced here; test/repo/layers.test.ts proves each zone fires.
// Type-only imports (`import type`) are allowed across layers: they leave nothing in the bundle and couple
// no behaviour. Tests, fixtures and mocks are outside the layers.
const NOT_LAYERED = ['**/*.test.{ts,tsx}', 'src/__fixtures__/**'];

const LAYERS = 'ARCHITECTURE.md, "The layers"';
// Outside src/data/ the SDK gives types and the console's own components, never its readers or writers.
// Components render the console's markup (a page heading, a resource link with its kind badge); DocumentTitle
// sets the tab's title and stays with the pages.
const SDK_MESSAGE = `Only src/data/ reads or writes through the console SDK (${LAYERS}).`;
const SDK_RENDERERS = ['ListPageHeader', 'ResourceLink'];
const sdkReaders = {
  group: ['**/console-sdk'],
  allowImportNames: ['DocumentTitle', ...SDK_RENDERERS],
  allowTypeImports: true,
  message: SDK_MESSAGE,
};
const sdkTypesOnly = { group: ['**/console-sdk'], allowTypeImports: true, message: SDK_MESSAGE };
const noData = {
  group: ['**/data', '**/data/**'],
  allowTypeImports: true,
  message: `Fetching lives in src/data/; take its results as props or import types only (${LAYERS}).`,
};
const noReact = {
  group: ['react', 'react-*', 'react/**', '@patternfly/**', '@openshift-console/**'],
  message: `Pure layers (promql/, models/, checks/) stay free of React and the console (${LAYERS}).`,
};
const noUi = {
  group: ['**/components/**', '**/pages/**', '**/hooks/use*', '**/i18n'],
  allowTypeImports: true,
  message: `Pure layers do not reach up into views, pages, URL-state hooks or translation (${LAYERS}).`,
};
const noPromql = {
  group: ['**/promql', '**/promql/**'],
  allowTypeImports: true,
  message: `Components only render: queries are built by models/ or data/, never in a view (${LAYERS}).`,
};
const noPages = {
  group: ['**/pages/**', '**/pages'],
  message: `Components only render; a container belongs in src/pages/ and passes props down (${LAYERS}).`,
};
const sdkInViews = {
  group: ['**/console-sdk'],
  allowImportNames: SDK_RENDERERS,
  allowTypeImports: true,
  message: `Components only render: no SDK values in src/components/ (${LAYERS}).`,
};
const noViews = {
  group: ['**/components/**', '**/pages/**'],
  allowTypeImports: true,
  message: `URL-state hooks do not reach up into views or pages (${LAYERS}).`,
};

const zone = (files, patterns, ignores = []) => ({
  files,
  ignores: [...NOT_LAYERED, ...ignores],
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

const FETCH_MESSAGE = `Only src/data/ talks to the network (${LAYERS}).`;
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
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      'reports/**',
      'charts/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
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
  // Layer zones. A later block replaces an earlier one's list for the same files, so each lists all of its rules.
  zone(['src/**/*.{ts,tsx}'], [sdkReaders], ['src/data/**', 'src/console-sdk.ts']),
  zone(['src/components/**/*.{ts,tsx}'], [sdkInViews, noData, noPromql, noPages]),
  zone(
    ['src/promql/**/*.ts'],
    [noReact, { group: ['../*'], message: `promql/ builds text from its own modules only (${LAYERS}).` }],
  ),
  zone(['src/models/**/*.ts', 'src/checks/**/*.ts'], [sdkTypesOnly, noReact, noData, noUi]),
  zone(['src/hooks/**/*.{ts,tsx}'], [sdkReaders, noData, noViews]),
  zone(
    ['dev/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    [
      {
        group: ['**/test/**', '**/integration-tests/**'],
        message: 'dev/ and scripts/ never import tests; shared code lives in dev/ and the tests import it from there.',
      },
    ],
  ),
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...NOT_LAYERED, 'src/data/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: FETCH_MESSAGE },
        { name: 'XMLHttpRequest', message: FETCH_MESSAGE },
        { name: 'WebSocket', message: FETCH_MESSAGE },
        { name: 'EventSource', message: FETCH_MESSAGE },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(window|globalThis|self)$/][property.name=/^(fetch|XMLHttpRequest|WebSocket|EventSource)$/]',
          message: FETCH_MESSAGE,
        },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', '__mocks__/**', 'test/**', 'integration-tests/**', 'dev/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
