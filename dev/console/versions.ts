/**
 * The consoles the preview can stand in for, and what differs between them:
 * the release version the loader checks `@console/pluginAPI` against, the
 * host bundle (share scope, loader, router; see webpack.config.ts), the
 * plugin build that console gets, and the PatternFly stylesheet it ships
 * (4.19-4.21 pin PatternFly 6.2.3 in their yarn.lock, 4.22 6.4).
 */
import type { HostVariant } from './webpack.config';

export const CONSOLE_VERSIONS = ['4.19', '4.20', '4.21', '4.22'] as const;
export type ConsoleVersion = (typeof CONSOLE_VERSIONS)[number];
export const DEFAULT_CONSOLE: ConsoleVersion = '4.22';

export interface ConsoleProfile {
  version: ConsoleVersion;
  releaseVersion: string;
  hostVariant: HostVariant;
  /** The plugin build (relative to the repository) whose manifest range admits this console. */
  pluginDist: 'dist' | 'dist-compat';
  /** The `@patternfly/patternfly` package (under node_modules) whose CSS the console serves. */
  patternfly: string;
}

export const isConsoleVersion = (v: string): v is ConsoleVersion => (CONSOLE_VERSIONS as readonly string[]).includes(v);

export const consoleProfile = (version: ConsoleVersion = DEFAULT_CONSOLE): ConsoleProfile =>
  version === '4.22'
    ? {
        version,
        releaseVersion: '4.22.0',
        hostVariant: '4.22',
        pluginDist: 'dist',
        patternfly: '@patternfly/patternfly',
      }
    : {
        version,
        releaseVersion: `${version}.0`,
        hostVariant: 'legacy',
        pluginDist: 'dist-compat',
        patternfly: '@patternfly/patternfly-6-2',
      };
