/**
 * The plugin's only door to the console SDK. Everything the plugin takes from
 * `@openshift-console/dynamic-plugin-sdk` is listed here, so the unit-test mock
 * (`__mocks__/`) and the local preview's console stand-in (`dev/console/`) can
 * implement exactly this set, and a second build for another console version
 * only has to swap this file. ESLint forbids importing the SDK anywhere else.
 */
export {
  consoleFetchJSON,
  useK8sWatchResource,
  useAccessReview,
  k8sCreate,
  DocumentTitle,
  ListPageHeader,
  ResourceLink,
} from '@openshift-console/dynamic-plugin-sdk';

export type {
  K8sResourceCommon,
  K8sModel,
  WatchK8sResource,
  AccessReviewResourceAttributes,
  K8sGroupVersionKind,
  ListPageHeaderProps,
  ResourceLinkProps,
} from '@openshift-console/dynamic-plugin-sdk';

/** The value exports above, by name; checked against the mock and the stand-in by tests. */
export const CONSOLE_SDK_EXPORTS = [
  'consoleFetchJSON',
  'useK8sWatchResource',
  'useAccessReview',
  'k8sCreate',
  'DocumentTitle',
  'ListPageHeader',
  'ResourceLink',
] as const;
