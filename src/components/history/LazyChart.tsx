import * as React from 'react';
import type { TimeSeriesChartProps } from './TimeSeriesChart';
import { LoadingRows } from '../common/QueryStatus';

const TimeSeriesChart = React.lazy(() => import(/* webpackChunkName: "charts" */ './TimeSeriesChart'));

/** Charts load on first use, in their own chunk. */
export const LazyChart: React.FC<TimeSeriesChartProps> = (props) => (
  <React.Suspense fallback={<LoadingRows rows={4} />}>
    <TimeSeriesChart {...props} />
  </React.Suspense>
);
