import * as React from 'react';
import type { FailedActionRow } from '../../models/failed-actions';
import { LoadingRows } from '../common/QueryStatus';

const ActionDetails = React.lazy(() =>
  import(/* webpackChunkName: "failed-actions" */ './FailedActionsView').then((m) => ({ default: m.ActionDetails })),
);

/** An action's details and Kasten's error, loaded with the "why it failed" chunk on the first row opened. */
export const LazyActionDetails: React.FC<{ row: FailedActionRow }> = ({ row }) => (
  <React.Suspense fallback={<LoadingRows rows={1} />}>
    <ActionDetails row={row} />
  </React.Suspense>
);
