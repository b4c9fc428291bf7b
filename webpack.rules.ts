/**
 * The TypeScript rule of both webpack builds: the plugin's (webpack.config.ts) and the console stand-in's
 * host (dev/console/webpack.config.ts). They differ only in the ts-loader options they pass.
 */
import type { RuleSetRule } from 'webpack';

export interface TsLoaderOptions {
  configFile: string;
  /** Skip type-checking: the stand-in's host is checked by `npm run typecheck`, not by its build. */
  transpileOnly?: boolean;
  compilerOptions?: Record<string, unknown>;
}

export const typeScriptRule = ({ compilerOptions, ...options }: TsLoaderOptions): RuleSetRule => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  // The tsconfigs only type-check (noEmit); the builds need the output.
  use: [{ loader: 'ts-loader', options: { ...options, compilerOptions: { ...compilerOptions, noEmit: false } } }],
});
