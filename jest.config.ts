import type { Config } from 'jest';

const transform: Config['transform'] = {
  '^.+\\.tsx?$': [
    'ts-jest',
    {
      // Type errors are caught once by `tsc` (test/repo/static.test.ts); transpiling alone keeps runs fast.
      tsconfig: {
        jsx: 'react-jsx',
        module: 'commonjs',
        moduleResolution: 'node',
        esModuleInterop: true,
        isolatedModules: true,
      },
    },
  ],
};

const project = (displayName: string, testMatch: string[], testEnvironment = 'node', extra: Partial<Config> = {}) => ({
  displayName,
  testMatch,
  testEnvironment,
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  ...extra,
});

const config: Config = {
  projects: [
    project('unit', ['<rootDir>/src/**/*.test.ts?(x)'], 'jsdom', {
      setupFilesAfterEnv: ['<rootDir>/test/setup-unit.ts'],
      moduleNameMapper: {
        '\\.css$': '<rootDir>/test/style-stub.ts',
        // Per-icon ESM imports keep the bundle small; jest runs the CommonJS build of the same icons.
        '^@patternfly/react-icons/dist/esm/(.*)$': '@patternfly/react-icons/dist/js/$1',
        '^@patternfly/react-(core|table|tokens)/dist/esm/(.*)$': '@patternfly/react-$1/dist/js/$2',
      },
    }),
    project('promql', ['<rootDir>/test/promql/**/*.test.ts']),
    project('chart', ['<rootDir>/test/chart/**/*.test.ts']),
    project('dev', ['<rootDir>/dev/**/*.test.ts']),
    project('repo', ['<rootDir>/test/repo/**/*.test.ts']),
    project('browser', ['<rootDir>/integration-tests/**/*.test.ts']),
  ],
};

export default config;
