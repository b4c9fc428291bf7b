/**
 * How console 4.22 loads plugins and renders: the PluginStore of
 * `@openshift/dynamic-plugin-sdk` (plugin entries call
 * `__load_plugin_entry__`), the share scope of shared-scope.ts, and React 18's
 * createRoot. The 4.19-4.21 host bundle swaps this file for
 * `console-runtime.legacy.tsx`.
 */
import type * as React from 'react';
import { createRoot } from 'react-dom/client';
import { PluginEventType, PluginStore } from '@openshift/dynamic-plugin-sdk';
import type { ExtensionSource } from './extensions';
import { buildSharedScope } from './shared-scope';

export interface LoadedPlugins {
  source: ExtensionSource;
  loaded: string[];
  /** One message per plugin that failed, as the console reports it. */
  failed: string[];
}

export const loadPlugins = async (names: string[], releaseVersion: string): Promise<LoadedPlugins> => {
  const store = new PluginStore({
    loaderOptions: {
      sharedScope: buildSharedScope(),
      customDependencyResolutions: { '@console/pluginAPI': releaseVersion },
    },
  });
  for (const name of names) await store.loadPlugin(`/api/plugins/${name}/plugin-manifest.json`);
  const info = store.getPluginInfo();
  return {
    source: {
      getExtensions: () => store.getExtensions(),
      subscribe: (listener) => store.subscribe([PluginEventType.ExtensionsChanged], listener),
    },
    loaded: info.filter((p) => p.status === 'loaded').map((p) => p.manifest.name),
    failed: info.flatMap((p) =>
      p.status === 'failed' ? [`Plugin ${p.manifest.name} failed to load: ${p.errorMessage}`] : [],
    ),
  };
};

export const render = (element: React.ReactElement, container: HTMLElement): void =>
  createRoot(container).render(element);
