/**
 * The console stand-in's browser entry: i18next as the console sets it up,
 * then the plugin loaded with the console's own loader from its manifest URL,
 * with the console's share scope, then the shell that renders the plugin's
 * extensions. Which console (4.22, or 4.19-4.21) is decided when the host
 * bundle is built: console-runtime.ts and router.ts are swapped by an alias
 * (dev/console/webpack.config.ts).
 */
import { App, type PreviewInfo } from './App';
import { loadPlugins, render } from './console-runtime';
import { initI18n } from './i18n';

const PLUGIN = 'kasten-console-plugin';

declare global {
  interface Window {
    SERVER_FLAGS: { basePath: string; releaseVersion: string };
    __PREVIEW__: PreviewInfo;
    /** Set once the plugin has loaded (or failed), for tests that wait on it. */
    __PREVIEW_PLUGINS__?: { loaded: string[]; failed: string[] };
  }
}

const main = async () => {
  await initI18n([`plugin__${PLUGIN}`]);
  const { source, loaded, failed } = await loadPlugins([PLUGIN], window.SERVER_FLAGS.releaseVersion);
  window.__PREVIEW_PLUGINS__ = { loaded, failed };
  const container = document.getElementById('app');
  if (!container) throw new Error('no #app element');
  render(<App source={source} preview={window.__PREVIEW__} loadErrors={failed} />, container);
};

main().catch((e: unknown) => {
  document.body.textContent = `Console stand-in failed to start: ${String(e)}`;
});
