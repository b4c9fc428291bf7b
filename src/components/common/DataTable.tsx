import * as React from 'react';
import { Table } from '@patternfly/react-table/dist/esm/components/Table/Table';
import { Thead } from '@patternfly/react-table/dist/esm/components/Table/Thead';
import { Tbody } from '@patternfly/react-table/dist/esm/components/Table/Tbody';
import { Tr } from '@patternfly/react-table/dist/esm/components/Table/Tr';
import { Th } from '@patternfly/react-table/dist/esm/components/Table/Th';
import { Td } from '@patternfly/react-table/dist/esm/components/Table/Td';

/** How a column's cells use their width: PatternFly's table cell modifiers. */
export type CellModifier = 'wrap' | 'nowrap' | 'truncate' | 'breakWord' | 'fitContent';

export interface Column<R> {
  id: string;
  title: string;
  sortValue: (row: R) => string | number;
  render?: (row: R) => React.ReactNode;
  numeric?: boolean;
  /** Defaults: numbers fit their content, text wraps. */
  modifier?: CellModifier;
}

const ROW_HEIGHT = 40;
const VIEWPORT_ROWS = 12;
const OVERSCAN = 6;

/**
 * A sortable PatternFly table. Rows past a screenful are windowed: only the
 * visible slice is in the DOM, so 5000 policies scroll without jank, while
 * aria-rowcount/aria-rowindex keep the full size known to screen readers.
 * Headers wrap rather than truncate, so a narrow column never cuts its title.
 */
export interface DataTableProps<R> {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  caption: string;
  initialSort?: { id: string; desc: boolean };
  testId: string;
}

export function DataTable<R>({
  columns,
  rows,
  rowKey,
  caption,
  initialSort,
  testId,
}: DataTableProps<R>): React.ReactElement {
  const [sort, setSort] = React.useState(initialSort ?? { id: columns[0]?.id ?? '', desc: false });
  const [scrollTop, setScrollTop] = React.useState(0);

  const sorted = React.useMemo(() => {
    const col = columns.find((c) => c.id === sort.id);
    if (!col) return rows;
    return [...rows].sort((a, b) => {
      const x = col.sortValue(a);
      const y = col.sortValue(b);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -cmp : cmp;
    });
  }, [rows, columns, sort]);

  const windowed = sorted.length > VIEWPORT_ROWS * 2;
  const first = windowed ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = windowed ? Math.min(sorted.length, first + VIEWPORT_ROWS + 2 * OVERSCAN) : sorted.length;
  const visible = sorted.slice(first, last);
  const activeIndex = columns.findIndex((c) => c.id === sort.id);

  return (
    <div
      className="kasten-console-plugin__table-scroll"
      style={windowed ? { maxHeight: ROW_HEIGHT * (VIEWPORT_ROWS + 1) } : undefined}
      onScroll={windowed ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
      data-test={testId}
      tabIndex={windowed ? 0 : undefined}
      role={windowed ? 'region' : undefined}
      aria-label={windowed ? caption : undefined}
    >
      <Table variant="compact" aria-label={caption} aria-rowcount={sorted.length + 1}>
        <Thead>
          <Tr aria-rowindex={1}>
            {columns.map((c, index) => (
              <Th
                key={c.id}
                modifier="wrap"
                data-test={`sort-${c.id}`}
                // The sort decorator sets aria-sort on the sorted column only; the others say they are sortable.
                {...(index === activeIndex ? {} : { 'aria-sort': 'none' as const })}
                sort={{
                  columnIndex: index,
                  sortBy: {
                    index: activeIndex,
                    direction: sort.desc ? 'desc' : 'asc',
                    defaultDirection: c.numeric ? 'desc' : 'asc',
                  },
                  onSort: (_e, _i, direction) => setSort({ id: c.id, desc: direction === 'desc' }),
                }}
              >
                {c.title}
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
          {visible.map((row, i) => (
            <Tr key={rowKey(row)} aria-rowindex={first + i + 2} style={{ height: ROW_HEIGHT }}>
              {columns.map((c) => (
                <Td key={c.id} dataLabel={c.title} modifier={c.modifier ?? (c.numeric ? 'fitContent' : 'wrap')}>
                  {c.render ? c.render(row) : String(c.sortValue(row))}
                </Td>
              ))}
            </Tr>
          ))}
          {last < sorted.length && <tr aria-hidden="true" style={{ height: (sorted.length - last) * ROW_HEIGHT }} />}
        </Tbody>
      </Table>
    </div>
  );
}
