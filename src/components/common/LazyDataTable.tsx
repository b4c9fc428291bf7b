import * as React from 'react';
import type { DataTableProps } from './DataTable';
import { LoadingRows } from './QueryStatus';

const loadTable = () => import(/* webpackChunkName: "table" */ './DataTable');
const DataTable = React.lazy(() =>
  loadTable().then((m) => ({ default: m.DataTable as unknown as React.FC<DataTableProps<unknown>> })),
);

/**
 * PatternFly's table (with lodash, its action menus and popovers) is about a third of the page's
 * JavaScript; it loads in its own chunk, fetched while the view's queries are in flight, so the page
 * opens without it and a table never waits for its code after its data.
 */
export const usePreloadTable = (): void => {
  React.useEffect(() => {
    void loadTable();
  }, []);
};

export function LazyDataTable<R>(props: DataTableProps<R>): React.ReactElement {
  const Table = DataTable as unknown as React.FC<DataTableProps<R>>;
  return (
    <React.Suspense fallback={<LoadingRows />}>
      <Table {...props} />
    </React.Suspense>
  );
}
