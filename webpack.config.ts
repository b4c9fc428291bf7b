/**
 * Two builds from one source (issue 15):
 *   `webpack`                          dist/         consoles 4.22 and later (SDK 4.22, React 18, react-router 7)
 *   `webpack --env console=4.19-4.21`  dist-compat/  consoles 4.19-4.21 (SDK 4.19, React 17, v5-compat router)
 * They differ only here and in the router seam (src/router.ts is swapped by an
 * alias); React, react-i18next and the SDK come from the console at runtime in
 * both, so no view is forked.
 */
import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import { NormalModuleReplacementPlugin, type Configuration, type WebpackPluginInstance } from 'webpack';
import type {
  ConsoleRemotePlugin as ConsoleRemotePluginType,
  ConsoleRemotePluginOptions,
} from '@openshift-console/dynamic-plugin-sdk-webpack';
import { typeScriptRule } from './webpack.rules';

interface ConsoleTarget {
  outDir: string;
  /** The ConsolePlugin's `@console/pluginAPI` range: the consoles that may load this build. */
  pluginAPI: string;
  webpackPlugin: string;
  sdk: string;
  alias: Record<string, string>;
  loaderAlias: Record<string, string>;
}

const nm = (p: string) => path.resolve(__dirname, 'node_modules', p);

export const CONSOLE_TARGETS = {
  current: {
    outDir: 'dist',
    pluginAPI: '>=4.22.0-0',
    webpackPlugin: '@openshift-console/dynamic-plugin-sdk-webpack',
    sdk: '@openshift-console/dynamic-plugin-sdk',
    alias: {},
    loaderAlias: {},
  },
  '4.19-4.21': {
    outDir: 'dist-compat',
    // 4.22.0-0 is the first 4.22 pre-release, so 4.22 release candidates get dist/ too.
    pluginAPI: '>=4.19.0-0 <4.22.0-0',
    webpackPlugin: '@openshift-console/dynamic-plugin-sdk-webpack-4-19',
    sdk: '@openshift-console/dynamic-plugin-sdk-4-19',
    alias: {
      // These consoles share react-router 5 as `react-router`; the v6 hooks are `react-router-dom-v5-compat`.
      [path.resolve(__dirname, 'src/router$')]: path.resolve(__dirname, 'src/router.compat.ts'),
      // Bundled, not shared: the JSX runtime and any react-dom must match the console's React 17.
      'react/jsx-runtime$': nm('react-17/jsx-runtime.js'),
      'react-dom$': nm('react-dom-17'),
    },
    loaderAlias: {
      // The 4.19 plugin names its import rewriter by the unaliased package name, which is the 4.22 one here.
      '@openshift-console/dynamic-plugin-sdk-webpack/lib/webpack/loaders/dynamic-module-import-loader': nm(
        '@openshift-console/dynamic-plugin-sdk-webpack-4-19/lib/webpack/loaders/dynamic-module-import-loader',
      ),
    },
  },
} satisfies Record<string, ConsoleTarget>;

export type ConsoleTargetName = keyof typeof CONSOLE_TARGETS;

type Resolver = (request: string, parent: NodeModule | undefined, ...rest: unknown[]) => string;

/**
 * The SDK's webpack plugin reads the console's shared-module versions from
 * `require('@openshift-console/dynamic-plugin-sdk/package.json')`; under an npm
 * alias that finds the 4.22 SDK. Point that one lookup at the SDK the plugin
 * belongs to, so the shared `requiredVersion`s are those of consoles 4.19-4.21.
 */
const redirectSdkPackageJson = (target: ConsoleTarget): void => {
  if (target.sdk === CONSOLE_TARGETS.current.sdk) return;
  const mod = Module as unknown as { _resolveFilename: Resolver };
  const original = mod._resolveFilename;
  const pluginDir = nm(target.webpackPlugin);
  mod._resolveFilename = (request, parent, ...rest) =>
    request === '@openshift-console/dynamic-plugin-sdk/package.json' && parent?.filename?.startsWith(pluginDir)
      ? original(`${target.sdk}/package.json`, parent, ...rest)
      : original(request, parent, ...rest);
};

const isProd = process.env.NODE_ENV === 'production';

/**
 * PatternFly's Tabs import their overflow menu and a tab's tooltip statically, and with them Popper and
 * Menu, into the chunk that opens the page; the tab bar uses neither. Only those two imports of those two
 * files are swapped: see src/shims/pf-tabs-without-popper.ts.
 */
const tabsWithoutPopper = (): WebpackPluginInstance => {
  const tabsDir = fs.realpathSync(nm('@patternfly/react-core/dist/esm/components/Tabs'));
  const shim = path.resolve(__dirname, 'src/shims/pf-tabs-without-popper.ts');
  return new NormalModuleReplacementPlugin(
    /^(\.\/OverflowTab|\.\.\/Tooltip)$/,
    (resource: { context?: string; request: string }) => {
      if (resource.context === tabsDir) resource.request = shim;
    },
  );
};

export default (env: { console?: string } = {}): Configuration => {
  const name = (env.console ?? 'current') as ConsoleTargetName;
  const target: ConsoleTarget | undefined = CONSOLE_TARGETS[name];
  if (!target) throw new Error(`--env console=${name}: one of ${Object.keys(CONSOLE_TARGETS).join(', ')}`);
  redirectSdkPackageJson(target);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ConsoleRemotePlugin } = require(target.webpackPlugin) as {
    ConsoleRemotePlugin: typeof ConsoleRemotePluginType;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('./package.json') as { consolePlugin: NonNullable<ConsoleRemotePluginOptions['pluginMetadata']> };
  const compat = name !== 'current';
  return {
    mode: isProd ? 'production' : 'development',
    context: path.resolve(__dirname, 'src'),
    entry: {},
    output: {
      path: path.resolve(__dirname, target.outDir),
      filename: isProd ? '[name]-bundle-[contenthash].min.js' : '[name]-bundle.js',
      chunkFilename: isProd ? '[name]-chunk-[contenthash].min.js' : '[name]-chunk.js',
      // Stale hashed files from a failed build would otherwise be served and measured.
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx'],
      // PatternFly only needs createPortal from react-dom, which the console does not share: see the shim.
      alias: { ...target.alias, 'react-dom$': path.resolve(__dirname, 'src/shims/react-dom-portal.ts') },
    },
    resolveLoader: { alias: target.loaderAlias },
    module: {
      rules: [
        typeScriptRule({
          // The compat build type-checks against React 17, react-i18next 11, the v6 router and SDK 4.19.
          configFile: path.resolve(__dirname, compat ? 'tsconfig.compat.json' : 'tsconfig.build.json'),
        }),
        {
          test: /\.css$/,
          use: ['style-loader', 'css-loader'],
        },
      ],
    },
    plugins: [
      new ConsoleRemotePlugin({
        pluginMetadata: { ...pkg.consolePlugin, dependencies: { '@console/pluginAPI': target.pluginAPI } },
        validateExtensionIntegrity: true,
        // That check compares package.json's react, react-i18next and react-router (4.22's) with the
        // SDK's ranges; for the compat build tsconfig.compat.json checks the code against 4.19's instead.
        ...(compat ? { validateSharedModules: false } : {}),
      }) as unknown as WebpackPluginInstance,
      tabsWithoutPopper(),
    ],
    devtool: isProd ? false : 'source-map',
    optimization: {
      chunkIds: isProd ? 'deterministic' : 'named',
      minimize: isProd,
    },
    performance: { hints: false },
  };
};
