import * as React from 'react';
import { Table } from '@patternfly/react-table/dist/esm/components/Table/Table';
import { Thead } from '@patternfly/react-table/dist/esm/components/Table/Thead';
import { Tbody } from '@patternfly/react-table/dist/esm/components/Table/Tbody';
import { Tr } from '@patternfly/react-table/dist/esm/components/Table/Tr';
import { Th } from '@patternfly/react-table/dist/esm/components/Table/Th';
import { Td } from '@patternfly/react-table/dist/esm/components/Table/Td';
import { ExpandableRowContent } from '@patternfly/react-table/dist/esm/components/Table/ExpandableRowContent';
import { Button } from '@patternfly/react-core/dist/esm/components/Button/Button';
import AngleDownIcon from '@patternfly/react-icons/dist/esm/icons/angle-down-icon';
import AngleRightIcon from '@patternfly/react-icons/dist/esm/icons/angle-right-icon';

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
/** In a windowed table an open row's content has this fixed height (it scrolls inside), so offsets stay computable. */
export const EXPANDED_HEIGHT = 360;

/**
 * Rows that open to more detail (PatternFly expandable rows). The toggle is a real button with
 * aria-expanded and aria-controls, named per row, so keyboard and screen-reader users reach it in order.
 */
export interface RowExpansion<R> {
  render: (row: R) => React.ReactNode;
  /** The toggle's accessible name, e.g. "Failed actions of policy x in namespace y". */
  toggleLabel: (row: R) => string;
  /** The header of the toggle column, for screen readers. */
  columnLabel: string;
}

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
  expansion?: RowExpansion<R>;
}

export function DataTable<R>({
  columns,
  rows,
  rowKey,
  caption,
  initialSort,
  testId,
  expansion,
}: DataTableProps<R>): React.ReactElement {
  const [sort, setSort] = React.useState(initialSort ?? { id: columns[0]?.id ?? '', desc: false });
  const [scrollTop, setScrollTop] = React.useState(0);
  const [open, setOpen] = React.useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

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
  // Sorted positions of the open rows; each adds one row (and, windowed, EXPANDED_HEIGHT) after its own.
  const openIndexes = React.useMemo(
    () => (expansion ? sorted.flatMap((row, i) => (open.has(rowKey(row)) ? [i] : [])) : []),
    [expansion, sorted, open, rowKey],
  );
  const openBefore = (i: number) => openIndexes.filter((e) => e < i).length;
  /** The row at pixel offset y of the windowed body, open rows' content counted. */
  const rowAt = (y: number): number => {
    let extra = 0;
    for (const e of openIndexes) {
      const start = (e + 1) * ROW_HEIGHT + extra;
      if (y < start) break;
      if (y < start + EXPANDED_HEIGHT) return e;
      extra += EXPANDED_HEIGHT;
    }
    return Math.floor((y - extra) / ROW_HEIGHT);
  };
  const at = windowed ? rowAt(scrollTop) : 0;
  const first = windowed ? Math.max(0, Math.min(sorted.length - 1, at - OVERSCAN)) : 0;
  const last = windowed ? Math.min(sorted.length, at + VIEWPORT_ROWS + OVERSCAN) : sorted.length;
  const visible = sorted.slice(first, last);
  const topOf = (i: number) => i * ROW_HEIGHT + openBefore(i) * EXPANDED_HEIGHT;
  const totalHeight = topOf(sorted.length);
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
      <Table variant="compact" aria-label={caption} aria-rowcount={sorted.length + openIndexes.length + 1}>
        <Thead>
          <Tr aria-rowindex={1}>
            {expansion && <Th screenReaderText={expansion.columnLabel} modifier="fitContent" />}
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
          {first > 0 && <tr aria-hidden="true" style={{ height: topOf(first) }} />}
          {visible.map((row, i) => {
            const index = first + i;
            const key = rowKey(row);
            const isOpen = expansion !== undefined && open.has(key);
            const rowIndex = index + openBefore(index) + 2;
            const contentId = `${testId}-details-${index}`;
            return (
              <React.Fragment key={key}>
                <Tr
                  aria-rowindex={rowIndex}
                  style={{ height: ROW_HEIGHT }}
                  {...(expansion ? { isContentExpanded: isOpen } : {})}
                >
                  {expansion && (
                    <Td modifier="fitContent">
                      <Button
                        variant="plain"
                        size="sm"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? contentId : undefined}
                        aria-label={expansion.toggleLabel(row)}
                        onClick={() => toggle(key)}
                        data-test="row-toggle"
                        icon={isOpen ? <AngleDownIcon /> : <AngleRightIcon />}
                      />
                    </Td>
                  )}
                  {columns.map((c) => (
                    <Td key={c.id} dataLabel={c.title} modifier={c.modifier ?? (c.numeric ? 'fitContent' : 'wrap')}>
                      {c.render ? c.render(row) : String(c.sortValue(row))}
                    </Td>
                  ))}
                </Tr>
                {isOpen && (
                  <Tr isExpanded aria-rowindex={rowIndex + 1} data-test="row-details">
                    <Td colSpan={columns.length + 1} id={contentId}>
                      <ExpandableRowContent>
                        <div
                          style={windowed ? { height: EXPANDED_HEIGHT, overflowY: 'auto' } : undefined}
                          // A scrolling box must be reachable by keyboard to be scrolled.
                          {...(windowed
                            ? { tabIndex: 0, role: 'region', 'aria-label': expansion.toggleLabel(row) }
                            : {})}
                        >
                          {expansion.render(row)}
                        </div>
                      </ExpandableRowContent>
                    </Td>
                  </Tr>
                )}
              </React.Fragment>
            );
          })}
          {last < sorted.length && <tr aria-hidden="true" style={{ height: totalHeight - topOf(last) }} />}
        </Tbody>
      </Table>
    </div>
  );
}
