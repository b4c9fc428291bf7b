/**
 * The stand-in's implementation of `@openshift-console/dynamic-plugin-sdk`:
 * exactly the exports the plugin uses (src/console-sdk.ts), no more, so a
 * plugin change that needs another export fails in the preview and the
 * browser tests instead of in a cluster.
 */
import { consoleFetchJSON } from './console-fetch';
import { DocumentTitle } from './DocumentTitle';
import { k8sCreate, useAccessReview, useK8sWatchResource } from './k8s';
import { ListPageHeader } from './ListPageHeader';
import { ResourceLink } from './ResourceLink';

export {
  consoleFetchJSON,
  DocumentTitle,
  k8sCreate,
  ListPageHeader,
  ResourceLink,
  useAccessReview,
  useK8sWatchResource,
};

export const STANDIN_SDK_EXPORTS = [
  'consoleFetchJSON',
  'useK8sWatchResource',
  'useAccessReview',
  'k8sCreate',
  'DocumentTitle',
  'ListPageHeader',
  'ResourceLink',
] as const;

/** The module object put in the share scope. */
export const standInSdk: Record<(typeof STANDIN_SDK_EXPORTS)[number], unknown> = {
  consoleFetchJSON,
  useK8sWatchResource,
  useAccessReview,
  k8sCreate,
  DocumentTitle,
  ListPageHeader,
  ResourceLink,
};
