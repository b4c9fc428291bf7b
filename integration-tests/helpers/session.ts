/**
 * The per-file lifecycle every browser test shares: one preview and one
 * Chromium for the file (stopped after it, even when a start fails), the
 * plugin configuration the page reads, and optionally a fresh page per test
 * that fails the test when the page threw.
 */
import type { Browser } from 'playwright-core';
import type { Preview, PreviewOptions } from '../../dev/preview';
import type { KastenPluginConfig } from '../../src/models/plugin-config';
import { openPage, type TestPage } from './browser';
import { pagePluginConfig, startSession } from './preview';

export interface BrowserSession {
  preview: Preview;
  browser: Browser;
  config: KastenPluginConfig;
  /** The current test's page (only with `pagePerTest`). */
  tp: TestPage;
}

export const browserSession = (options: PreviewOptions = {}, { pagePerTest = false } = {}): BrowserSession => {
  // Filled by the hooks below; tests only read it inside tests, after beforeAll has run.
  const s = {} as BrowserSession;
  beforeAll(async () => {
    Object.assign(s, await startSession(options));
    s.config = await pagePluginConfig(s.preview);
  }, 120_000);
  afterAll(async () => {
    await s.browser?.close();
    await s.preview?.stop();
  });
  if (pagePerTest) {
    beforeEach(async () => {
      s.tp = await openPage(s.browser);
    });
    afterEach(async () => {
      const errors = s.tp.pageErrors;
      await s.tp.close();
      expect(errors).toEqual([]);
    });
  }
  return s;
};
