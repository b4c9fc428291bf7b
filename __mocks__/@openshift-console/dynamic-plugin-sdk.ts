/**
 * Typed stand-in for the console SDK in unit tests: one stub per export the
 * plugin uses (src/console-sdk.ts), each typed as the real export so a wrong
 * signature fails to compile. Tests set behaviour with `jest.mocked(...)`.
 */
import * as React from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

type ConsoleFetchJSONFn = typeof SDK.consoleFetchJSON;

const fetchJSON = jest.fn((_url: string, _method?: string, _options?: RequestInit, _timeout?: number) =>
  Promise.reject(new Error('consoleFetchJSON not mocked in this test')),
) as unknown as jest.MockedFunction<ConsoleFetchJSONFn> & ConsoleFetchJSONFn;

export const consoleFetchJSON: ConsoleFetchJSONFn = fetchJSON;

export const useK8sWatchResource = jest.fn(() => [undefined, true, undefined]) as unknown as jest.MockedFunction<
  typeof SDK.useK8sWatchResource
>;

export const useAccessReview = jest.fn(() => [false, false]) as unknown as jest.MockedFunction<
  typeof SDK.useAccessReview
>;

export const k8sCreate = jest.fn(() =>
  Promise.reject(new Error('k8sCreate not mocked')),
) as unknown as jest.MockedFunction<typeof SDK.k8sCreate>;

export const DocumentTitle: typeof SDK.DocumentTitle = ({ children }) => {
  React.useEffect(() => {
    document.title = children;
  }, [children]);
  return null;
};
