/**
 * The share scope consoles 4.19-4.21 give plugins. 4.19 and 4.20 build it by
 * hand (shared-modules-init.ts) and register every module under the version
 * `*`; 4.21 lets webpack's ModuleFederationPlugin register the installed
 * versions. Either way the modules are React 17.0.1, react-i18next 11.18.6,
 * react-router and react-router-dom 5.3.4 and react-router-dom-v5-compat
 * 6.11.2 (their yarn.lock), plus the console SDK; nothing of 4.22's.
 */
import * as React from 'react';
import * as ReactI18next from 'react-i18next';
import * as ReactRouter5 from 'react-router-dom-5/node_modules/react-router';
import * as ReactRouterDom5 from 'react-router-dom-5';
import * as ReactRouterDomV5Compat from 'react-router-dom-v5-compat';
import { standInSdk } from './sdk';

export const LEGACY_SHARED_MODULE_VERSIONS = {
  react: '17.0.1',
  'react-i18next': '11.18.6',
  'react-router': '5.3.4',
  'react-router-dom': '5.3.4',
  'react-router-dom-v5-compat': '6.11.2',
  // The console's own SDK package is versioned 0.0.0-fixed (hence the harmless "Unsatisfied version" warning).
  '@openshift-console/dynamic-plugin-sdk': '0.0.0-fixed',
} as const;

const MODULES: Record<keyof typeof LEGACY_SHARED_MODULE_VERSIONS, unknown> = {
  react: React,
  'react-i18next': ReactI18next,
  'react-router': ReactRouter5,
  'react-router-dom': ReactRouterDom5,
  'react-router-dom-v5-compat': ReactRouterDomV5Compat,
  '@openshift-console/dynamic-plugin-sdk': standInSdk,
};

export const buildLegacySharedScope = (releaseVersion: string): Record<string, unknown> => {
  const minor = Number(/^4\.(\d+)\./.exec(releaseVersion)?.[1]);
  const byWebpack = minor >= 21;
  return Object.fromEntries(
    Object.entries(MODULES).map(([name, module]) => {
      const version = byWebpack ? LEGACY_SHARED_MODULE_VERSIONS[name as keyof typeof MODULES] : '*';
      const entry = byWebpack
        ? { get: () => Promise.resolve(() => module), from: 'openshift-console', eager: true, loaded: 1 }
        : { get: () => Promise.resolve(() => module), eager: true, loaded: 1 };
      return [name, { [version]: entry }];
    }),
  );
};
