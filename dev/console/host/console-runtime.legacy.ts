/**
 * How consoles 4.19-4.21 load plugins and render, after their
 * `console-dynamic-plugin-sdk/src/runtime/plugin-loader.ts`: fetch the
 * manifest from `/api/plugins/<name>/`, check `@console/pluginAPI` against the
 * console's release version (semver, pre-releases included), require the
 * `callback` registration method, register `window.loadPluginEntry`, inject
 * the manifest's scripts with a `cacheBuster` query, then on the callback
 * initialise the container with the console's share scope and turn each
 * `$codeRef` into a function that loads that exposed module. React 17 renders
 * with ReactDOM.render.
 */
import type * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as semver from 'semver';
import type { ExtensionSource, LoadedExtension } from './extensions';
import { buildLegacySharedScope } from './shared-scope.legacy';

interface RemoteEntryModule {
  init: (scope: unknown) => void;
  get: (moduleName: string) => Promise<() => Record<string, unknown>>;
}

interface StandardManifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  extensions: Array<{ type: string; properties: unknown }>;
  baseURL: string;
  loadScripts: string[];
  registrationMethod: string;
}

declare global {
  interface Window {
    loadPluginEntry?: (pluginID: string, entryModule: RemoteEntryModule) => void;
  }
}

export interface LoadedPlugins {
  source: ExtensionSource;
  loaded: string[];
  failed: string[];
}

const isEncodedCodeRef = (v: unknown): v is { $codeRef: string } =>
  typeof v === 'object' &&
  v !== null &&
  Object.getPrototypeOf(v) === Object.prototype &&
  Object.keys(v).length === 1 &&
  typeof (v as { $codeRef?: unknown }).$codeRef === 'string';

/** `Module` or `Module.export`, the export defaulting to `default` (the console's parseEncodedCodeRefValue). */
const codeRefOf = (ref: string, entry: RemoteEntryModule, pluginID: string) => async (): Promise<unknown> => {
  const m = /^([^.]+)(?:\.(.+))?$/.exec(ref);
  if (!m) throw new Error(`Malformed code reference '${ref}' of plugin ${pluginID}`);
  const factory = await entry.get(m[1]!);
  return factory()[m[2] ?? 'default'];
};

const resolveCodeRefs = (value: unknown, entry: RemoteEntryModule, pluginID: string): unknown => {
  if (isEncodedCodeRef(value)) return codeRefOf(value.$codeRef, entry, pluginID);
  if (Array.isArray(value)) return value.map((v) => resolveCodeRefs(v, entry, pluginID));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveCodeRefs(v, entry, pluginID)]));
  return value;
};

const injectScript = (url: string, id: string) =>
  new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.async = true;
    script.src = url;
    script.id = id;
    script.onload = () => resolve();
    script.onerror = (e) => reject(new Error(`script ${url} failed to load: ${String(e)}`));
    document.head.appendChild(script);
  });

export const loadPlugins = async (names: string[], releaseVersion: string): Promise<LoadedPlugins> => {
  const extensions: LoadedExtension[] = [];
  const listeners = new Set<() => void>();
  const loaded: string[] = [];
  const failed: string[] = [];
  const pending = new Map<string, { manifest: StandardManifest; fired: boolean }>();
  const scope = buildLegacySharedScope(releaseVersion);

  window.loadPluginEntry = (pluginID, entryModule) => {
    const data = pending.get(pluginID);
    if (!data || data.fired) {
      console.error(`Received callback for unknown or already loaded plugin ${pluginID}`);
      return;
    }
    data.fired = true;
    entryModule.init(scope);
    data.manifest.extensions.forEach((e, i) =>
      extensions.push({
        type: e.type,
        uid: `${pluginID}[${i}]`,
        pluginName: data.manifest.name,
        properties: resolveCodeRefs(e.properties, entryModule, pluginID),
      }),
    );
    listeners.forEach((l) => l());
  };

  for (const name of names) {
    const baseURL = `${window.SERVER_FLAGS.basePath}api/plugins/${name}/`;
    try {
      const res = await fetch(`${baseURL}plugin-manifest.json`);
      if (!res.ok) throw new Error(`Failed to get a valid plugin manifest from ${baseURL}: HTTP ${res.status}`);
      const manifest = (await res.json()) as StandardManifest;
      const pluginID = `${manifest.name}@${manifest.version}`;
      const range = manifest.dependencies?.['@console/pluginAPI'];
      const version = semver.valid(releaseVersion);
      if (version && range && !semver.satisfies(version, range, { includePrerelease: true }))
        throw new Error(
          `Failed to resolve dependencies of plugin ${name}: Unmet dependency on Console plugin API: @console/pluginAPI: required ${range}, current ${version}`,
        );
      if (manifest.registrationMethod !== 'callback')
        throw new Error(`Plugin ${pluginID} does not use callback registration method`);
      pending.set(pluginID, { manifest, fired: false });
      for (const script of manifest.loadScripts) {
        const url = new URL(script, new URL(manifest.baseURL, window.location.origin));
        url.search = `?cacheBuster=${Math.random().toString(36).slice(2, 9)}`;
        await injectScript(url.toString(), `${manifest.name}/${script}`);
      }
      if (!pending.get(pluginID)?.fired) throw new Error(`Scripts of plugin ${pluginID} loaded without entry callback`);
      loaded.push(manifest.name);
    } catch (e) {
      console.error(e);
      failed.push(`Plugin ${name} failed to load: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return {
    source: {
      getExtensions: () => [...extensions],
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    loaded,
    failed,
  };
};

/** React 17 has no createRoot: these consoles render with ReactDOM.render. */
export const render = (element: React.ReactElement, container: HTMLElement): void => {
  ReactDOM.render(element, container);
};
