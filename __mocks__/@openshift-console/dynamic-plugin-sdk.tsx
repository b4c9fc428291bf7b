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

/** The console's page heading, reduced to what the plugin's tests read: the h1, the subtitle and the actions. */
export const ListPageHeader: typeof SDK.ListPageHeader = ({ title, helpText, children, badge, helpAlert }) => (
  <div data-test="page-heading">
    {title && <h1>{title}</h1>}
    {badge}
    {helpText && <p>{helpText}</p>}
    {children}
    {helpAlert}
  </div>
);

/**
 * The console's resource link for the kinds the plugin links: the two cluster-scoped kinds by plural
 * (`/k8s/cluster/namespaces/<name>`), any other as a namespaced custom resource by its
 * group~version~kind reference. The name is URL-encoded, the namespace is not, as in the console.
 */
const CLUSTER_PLURALS: Record<string, string> = { Namespace: 'namespaces', Project: 'projects' };

export const ResourceLink: typeof SDK.ResourceLink = ({
  groupVersionKind,
  kind,
  name,
  namespace,
  displayName,
  dataTest,
  linkTo = true,
  children,
}) => {
  const ref = groupVersionKind
    ? [groupVersionKind.group || 'core', groupVersionKind.version, groupVersionKind.kind].join('~')
    : kind;
  if (!ref) return null;
  const kindName = groupVersionKind?.kind ?? ref.split('~').pop() ?? ref;
  const plural = CLUSTER_PLURALS[kindName];
  const base = plural ? `/k8s/cluster/${plural}` : `/k8s/${namespace ? `ns/${namespace}` : 'all-namespaces'}/${ref}`;
  const value = displayName ?? name;
  return (
    <span className="co-resource-item" data-kind={kindName}>
      {linkTo ? (
        <a href={name ? `${base}/${encodeURIComponent(name)}` : base} data-test={dataTest ?? value}>
          {value}
        </a>
      ) : (
        <span data-test={dataTest ?? value}>{value}</span>
      )}
      {children}
    </span>
  );
};
