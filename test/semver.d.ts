/**
 * The parts of semver 6 (installed with the SDK's webpack plugin, no declarations) used to check
 * `@console/pluginAPI` ranges the way the console does: the repo test, the bench and the 4.19-4.21 stand-in.
 */
declare module 'semver' {
  export function valid(version: string | null | undefined): string | null;
  export function satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  export function minVersion(range: string): { version: string } | null;
}
