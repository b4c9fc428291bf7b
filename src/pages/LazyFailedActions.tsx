import * as React from 'react';
import { LoadingRows } from '../components/common/QueryStatus';
import type { FailedActionsContainerProps } from './FailedActionsContainer';

/** The "why it failed" view is fetched on the first row opened, so the page's first bundle does not carry it. */
const FailedActionsContainer = React.lazy(
  () => import(/* webpackChunkName: "failed-actions" */ './FailedActionsContainer'),
);

export const LazyFailedActions: React.FC<FailedActionsContainerProps> = (props) => (
  <React.Suspense fallback={<LoadingRows />}>
    <FailedActionsContainer {...props} />
  </React.Suspense>
);
