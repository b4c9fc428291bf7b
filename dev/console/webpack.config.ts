/**
 * The console stand-in's host bundles: `dist/4.22/host.js` (React 18,
 * react-router 7, i18next 25, the PluginStore loader) and, with
 * `--env console=legacy`, `dist/legacy/host.js` for consoles 4.19-4.21
 * (React 17, react-router 5 + v5-compat, react-i18next 11 on i18next 21, their
 * own `loadPluginEntry` loader), the versions those consoles' yarn.lock pins.
 * The shell's code is the same; console-runtime.ts and router.ts are swapped
 * by alias. Development mode without source maps keeps each build to a few
 * seconds; PatternFly CSS is served as files, not bundled.
 */
import * as path from 'path';
import type { Configuration } from 'webpack';
import { typeScriptRule } from '../../webpack.rules';

export const HOST_VARIANTS = ['4.22', 'legacy'] as const;
export type HostVariant = (typeof HOST_VARIANTS)[number];

const nm = (p: string) => path.resolve(__dirname, '../../node_modules', p);
const host = (p: string) => path.resolve(__dirname, 'host', p);

const LEGACY_ALIAS: Record<string, string> = {
  [`${host('console-runtime')}$`]: host('console-runtime.legacy.ts'),
  [`${host('router')}$`]: host('router.legacy.tsx'),
  [`${host('shared-scope')}$`]: host('shared-scope.legacy.ts'),
  react: nm('react-17'),
  'react-dom': nm('react-dom-17'),
  'react-i18next': nm('react-i18next-11'),
  i18next: nm('i18next-21'),
  // What react-router-dom-v5-compat builds on (and what these consoles share as react-router-dom).
  'react-router-dom': nm('react-router-dom-5'),
  'react-router-dom-v5-compat': nm('react-router-dom-v5-compat-6-11'),
};

export default (env: { console?: string } = {}): Configuration => {
  const variant = (env.console ?? '4.22') as HostVariant;
  if (!HOST_VARIANTS.includes(variant)) throw new Error(`--env console=${variant}: one of ${HOST_VARIANTS.join(', ')}`);
  return {
    mode: 'development',
    devtool: false,
    context: __dirname,
    entry: { host: './host/index.tsx' },
    output: { path: path.resolve(__dirname, 'dist', variant), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx'], alias: variant === 'legacy' ? LEGACY_ALIAS : {} },
    module: {
      rules: [
        typeScriptRule({
          transpileOnly: true,
          configFile: path.resolve(__dirname, '../../tsconfig.json'),
          compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
        }),
      ],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
};
