/**
 * The webpack share scope the console gives plugins (4.22's shared modules
 * the plugin may ask for), in the format module-federation containers read.
 * Every module is the host's own instance, so the plugin's hooks run against
 * the host's React, router and i18next.
 */
import * as React from 'react';
import * as ReactRouter from 'react-router';
import * as ReactI18next from 'react-i18next';
import * as OpenshiftSdk from '@openshift/dynamic-plugin-sdk';
import { standInSdk } from './sdk';

const provide = (module: unknown, version: string) => ({
  [version]: { get: () => Promise.resolve(() => module), from: 'console-stand-in', eager: true, loaded: 1 },
});

export const SHARED_MODULE_VERSIONS = {
  react: '18.3.1',
  'react-i18next': '16.5.8',
  'react-router': '7.13.1',
  '@openshift/dynamic-plugin-sdk': '8.2.0',
  '@openshift-console/dynamic-plugin-sdk': '4.22.0',
} as const;

export const buildSharedScope = (): Record<string, unknown> => ({
  react: provide(React, SHARED_MODULE_VERSIONS.react),
  'react-i18next': provide(ReactI18next, SHARED_MODULE_VERSIONS['react-i18next']),
  'react-router': provide(ReactRouter, SHARED_MODULE_VERSIONS['react-router']),
  // The console aliases the deprecated router packages to react-router 7.
  'react-router-dom': provide(ReactRouter, SHARED_MODULE_VERSIONS['react-router']),
  'react-router-dom-v5-compat': provide(ReactRouter, SHARED_MODULE_VERSIONS['react-router']),
  '@openshift/dynamic-plugin-sdk': provide(OpenshiftSdk, SHARED_MODULE_VERSIONS['@openshift/dynamic-plugin-sdk']),
  '@openshift-console/dynamic-plugin-sdk': provide(
    standInSdk,
    SHARED_MODULE_VERSIONS['@openshift-console/dynamic-plugin-sdk'],
  ),
});
