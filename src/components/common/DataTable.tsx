import * as React from 'react';
import ArrowsAltVIcon from '@patternfly/react-icons/dist/esm/icons/arrows-alt-v-icon';
import LongArrowAltDownIcon from '@patternfly/react-icons/dist/esm/icons/long-arrow-alt-down-icon';
import LongArrowAltUpIcon from '@patternfly/react-icons/dist/esm/icons/long-arrow-alt-up-icon';
import { useKastenTranslation } from '../../i18n';

export interface Column<R> {
  id: string;
  title: string;
  sortValue: (row: R) => string | number;
  render?: (row: R) => React.ReactNode;
  numeric?: boolean;
}

const ROW_HEIGHT = 40;
const VIEWPORT_ROWS = 12;
const OVERSCAN = 6;

/**
 * A sortable table with PatternFly's table classes (the console ships the CSS,
 * so no table JS is bundled). Rows past a screenful are windowed: only the
 * visible slice is in the DOM, so 5000 policies scroll without jank, while
 * aria-rowcount/aria-rowindex keep the full size known to screen readers.
 */
export function DataTable<R>({
  columns,
  rows,
  rowKey,
  caption,
  initialSort,
  testId,
}: {
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  caption: string;
  initialSort?: { id: string; desc: boolean };
  testId: string;
}): React.ReactElement {
  const { t } = useKastenTranslation();
  const [sort, setSort] = React.useState(initialSort ?? { id: columns[0]?.id ?? '', desc: false });
  const [scrollTop, setScrollTop] = React.useState(0);

  const sorted = React.useMemo(() => {
    const col = columns.find((c) => c.id === sort.id);
    if (!col) return rows;
    const out = [...rows].sort((a, b) => {
      const x = col.sortValue(a);
      const y = col.sortValue(b);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -cmp : cmp;
    });
    return out;
  }, [rows, columns, sort]);

  const windowed = sorted.length > VIEWPORT_ROWS * 2;
  const first = windowed ? Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 0;
  const last = windowed ? Math.min(sorted.length, first + VIEWPORT_ROWS + 2 * OVERSCAN) : sorted.length;
  const visible = sorted.slice(first, last);

  const toggle = (id: string) => setSort((s) => (s.id === id ? { id, desc: !s.desc } : { id, desc: false }));

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
      <table className="pf-v6-c-table pf-m-compact pf-m-grid-md" role="grid" aria-rowcount={sorted.length + 1}>
        <caption className="pf-v6-screen-reader">{caption}</caption>
        <thead className="pf-v6-c-table__thead">
          <tr className="pf-v6-c-table__tr" aria-rowindex={1}>
            {columns.map((c) => {
              const active = sort.id === c.id;
              return (
                <th
                  key={c.id}
                  className={`pf-v6-c-table__th pf-v6-c-table__sort${active ? ' pf-m-selected' : ''}`}
                  aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  scope="col"
                >
                  <button
                    type="button"
                    className="pf-v6-c-table__button"
                    onClick={() => toggle(c.id)}
                    data-test={`sort-${c.id}`}
                  >
                    <div className="pf-v6-c-table__button-content">
                      <span className="pf-v6-c-table__text">{c.title}</span>
                      <span className="pf-v6-c-table__sort-indicator">
                        {active ? (
                          sort.desc ? (
                            <LongArrowAltDownIcon aria-hidden="true" />
                          ) : (
                            <LongArrowAltUpIcon aria-hidden="true" />
                          )
                        ) : (
                          <ArrowsAltVIcon aria-hidden="true" />
                        )}
                      </span>
                    </div>
                    <span className="pf-v6-screen-reader">
                      {active ? (sort.desc ? t('sorted descending') : t('sorted ascending')) : t('sortable')}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="pf-v6-c-table__tbody">
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
          {visible.map((row, i) => (
            <tr
              key={rowKey(row)}
              className="pf-v6-c-table__tr"
              aria-rowindex={first + i + 2}
              style={{ height: ROW_HEIGHT }}
            >
              {columns.map((c) => (
                <td key={c.id} className="pf-v6-c-table__td" data-label={c.title}>
                  {c.render ? c.render(row) : String(c.sortValue(row))}
                </td>
              ))}
            </tr>
          ))}
          {last < sorted.length && <tr aria-hidden="true" style={{ height: (sorted.length - last) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}
