/**
 * The console stand-in's browser entry: i18next as the console sets it up,
 * then the plugin loaded with the console's own loader (PluginStore from
 * `@openshift/dynamic-plugin-sdk`) from its manifest URL, with the console's
 * share scope, then the shell that renders the plugin's extensions.
 */
import { createRoot } from 'react-dom/client';
import { PluginStore } from '@openshift/dynamic-plugin-sdk';
import { App, type PreviewInfo } from './App';
import { initI18n } from './i18n';
import { buildSharedScope } from './shared-scope';

const PLUGIN = 'kasten-console-plugin';

declare global {
  interface Window {
    __PREVIEW__: PreviewInfo;
    /** Set once the plugin has loaded (or failed), for tests that wait on it. */
    __PREVIEW_PLUGINS__?: { loaded: string[]; failed: string[] };
  }
}

const main = async () => {
  await initI18n([`plugin__${PLUGIN}`]);
  const store = new PluginStore({
    loaderOptions: {
      sharedScope: buildSharedScope(),
      customDependencyResolutions: { '@console/pluginAPI': '4.22.0' },
    },
  });
  await store.loadPlugin(`/api/plugins/${PLUGIN}/plugin-manifest.json`);
  const info = store.getPluginInfo();
  const failed = info.flatMap((p) =>
    p.status === 'failed' ? [`Plugin ${p.manifest.name} failed to load: ${p.errorMessage}`] : [],
  );
  window.__PREVIEW_PLUGINS__ = {
    loaded: info.filter((p) => p.status === 'loaded').map((p) => p.manifest.name),
    failed,
  };
  const container = document.getElementById('app');
  if (!container) throw new Error('no #app element');
  createRoot(container).render(<App store={store} preview={window.__PREVIEW__} loadErrors={failed} />);
};

main().catch((e: unknown) => {
  document.body.textContent = `Console stand-in failed to start: ${String(e)}`;
});
