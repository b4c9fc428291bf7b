import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The layers of issue 14 (ARCHITECTURE.md), enforced here; test/repo/layers.test.ts proves each zone fires.
// Type-only imports (`import type`) are allowed across layers: they leave nothing in the bundle and couple
// no behaviour. Tests, fixtures and mocks are outside the layers.
const NOT_LAYERED = ['**/*.test.{ts,tsx}', 'src/__fixtures__/**'];

const LAYERS = 'ARCHITECTURE.md, "The layers"';
// Outside src/data/ the SDK gives types and DocumentTitle (a page's title), never its readers or writers.
const SDK_MESSAGE = `Only src/data/ reads or writes through the console SDK (${LAYERS}).`;
const sdkReaders = {
  group: ['**/console-sdk'],
  allowImportNames: ['DocumentTitle'],
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
    // The console SDK is one seam: only src/console-sdk.ts imports it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/console-sdk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@openshift-console/dynamic-plugin-sdk',
              message: "Import from src/console-sdk.ts, the plugin's one SDK seam.",
            },
          ],
          patterns: [{ group: ['@openshift-console/dynamic-plugin-sdk/*'], message: 'No deep SDK imports.' }],
        },
      ],
    },
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
