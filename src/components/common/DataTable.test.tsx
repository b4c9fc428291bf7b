import { fireEvent, render, screen, within } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { LARGE_TABLE_TIMEOUT_MS } from '../../../test/unit-helpers/timeouts';
import { DataTable, EXPANDED_HEIGHT, type Column, type RowExpansion } from './DataTable';

interface Row {
  name: string;
  count: number;
}

const columns: Column<Row>[] = [
  { id: 'name', title: 'Name', sortValue: (r) => r.name },
  { id: 'count', title: 'Count', sortValue: (r) => r.count, numeric: true, render: (r) => <b>{r.count}</b> },
];

const bodyRows = () =>
  within(screen.getByRole('grid'))
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== null && r.getAttribute('aria-rowindex') !== '1');
const names = () => bodyRows().map((r) => r.querySelector('td')?.textContent);
const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });

test('sorts by the initial column, toggles direction, and says so with aria-sort', () => {
  const rows = [
    { name: 'beta', count: 2 },
    { name: 'alpha', count: 10 },
    { name: 'gamma', count: 1 },
  ];
  render(
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(r) => r.name}
      caption="Policies"
      initialSort={{ id: 'count', desc: true }}
      testId="t"
    />,
  );
  expect(names()).toEqual(['alpha', 'beta', 'gamma']);
  expect(header('Count')).toHaveAttribute('aria-sort', 'descending');
  expect(header('Name')).toHaveAttribute('aria-sort', 'none');
  // Numbers sort as numbers (10 after 2), not as text.
  fireEvent.click(within(screen.getByTestId('sort-count')).getByRole('button'));
  expect(names()).toEqual(['gamma', 'beta', 'alpha']);
  expect(header('Count')).toHaveAttribute('aria-sort', 'ascending');
  fireEvent.click(within(screen.getByTestId('sort-name')).getByRole('button'));
  expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
  expect(header('Count')).toHaveAttribute('aria-sort', 'none');
  expect(names()).toEqual(['alpha', 'beta', 'gamma']);
  fireEvent.click(within(screen.getByTestId('sort-name')).getByRole('button'));
  expect(names()).toEqual(['gamma', 'beta', 'alpha']);
  // Custom cell rendering is used; the caption names the table for screen readers.
  expect(bodyRows()[0]?.querySelector('b')?.textContent).toBe('1');
  expect(screen.getByRole('grid', { name: 'Policies' })).toBeInTheDocument();
});

test(
  '5000 rows: only a window is in the DOM, but aria-rowcount tells the full size, and scrolling moves the window',
  () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `policy-${String(i).padStart(4, '0')}`, count: i }));
    render(
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        caption="Many"
        initialSort={{ id: 'name', desc: false }}
        testId="big"
      />,
    );
    const grid = screen.getByRole('grid');
    expect(grid).toHaveAttribute('aria-rowcount', '5001');
    const first = bodyRows();
    expect(first.length).toBeGreaterThan(10);
    expect(first.length).toBeLessThan(60);
    expect(first[0]).toHaveAttribute('aria-rowindex', '2');
    expect(names()[0]).toBe('policy-0000');
    // The scroll container is a focusable, labelled region (keyboard users can scroll it).
    const scroller = screen.getByTestId('big');
    expect(scroller).toHaveAttribute('tabindex', '0');
    expect(scroller).toHaveAttribute('role', 'region');
    scroller.scrollTop = 40 * 3000;
    fireEvent.scroll(scroller);
    const after = bodyRows();
    expect(after.length).toBeLessThan(60);
    const shown = names();
    expect(shown).toContain('policy-3000');
    expect(shown).not.toContain('policy-0000');
    const row3000 = after.find((r) => r.querySelector('td')?.textContent === 'policy-3000');
    expect(row3000).toHaveAttribute('aria-rowindex', '3002');
    // Spacer rows keep the scroll height of the whole table.
    const spacers = Array.from(grid.querySelectorAll('tbody tr[aria-hidden="true"]')) as HTMLElement[];
    const spacerPx = spacers.reduce((sum, el) => sum + parseInt(el.style.height, 10), 0);
    expect(spacerPx + after.length * 40).toBe(5000 * 40);
  },
  LARGE_TABLE_TIMEOUT_MS,
);

test('a short table is not windowed', () => {
  const rows = Array.from({ length: 20 }, (_, i) => ({ name: `p${i}`, count: i }));
  render(<DataTable columns={columns} rows={rows} rowKey={(r) => r.name} caption="Few" testId="few" />);
  expect(bodyRows()).toHaveLength(20);
  expect(screen.getByTestId('few')).not.toHaveAttribute('tabindex');
});

const expansion: RowExpansion<Row> = {
  render: (r) => <p data-test="detail">detail of {r.name}</p>,
  toggleLabel: (r) => `Details of ${r.name}`,
  columnLabel: 'Details',
};

test('rows open and close by their own toggle button; open rows count in aria-rowcount and aria-rowindex', () => {
  const rows = [
    { name: 'a', count: 1 },
    { name: 'b', count: 2 },
  ];
  render(
    <DataTable columns={columns} rows={rows} rowKey={(r) => r.name} caption="T" testId="t" expansion={expansion} />,
  );
  expect(screen.getByRole('columnheader', { name: 'Details' })).toBeInTheDocument();
  const toggleA = screen.getByRole('button', { name: 'Details of a' });
  expect(toggleA).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByTestId('detail')).toBeNull();
  fireEvent.click(toggleA);
  expect(toggleA).toHaveAttribute('aria-expanded', 'true');
  const detail = screen.getByTestId('detail');
  expect(detail).toHaveTextContent('detail of a');
  const detailRow = detail.closest('tr')!;
  expect(detailRow).toHaveAttribute('aria-rowindex', '3');
  expect(toggleA).toHaveAttribute('aria-controls', detail.closest('td')!.id);
  expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '4');
  expect(screen.getByRole('button', { name: 'Details of b' }).closest('tr')).toHaveAttribute('aria-rowindex', '4');
  // The open row follows its data through a re-sort.
  fireEvent.click(within(screen.getByTestId('sort-count')).getByRole('button'));
  expect(screen.getByTestId('detail')).toHaveTextContent('detail of a');
  fireEvent.click(toggleA);
  expect(screen.queryByTestId('detail')).toBeNull();
  expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '3');
});

test(
  'windowed: an open row adds its fixed height to the scroll height, and rows below it stay reachable',
  () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ name: `policy-${String(i).padStart(4, '0')}`, count: i }));
    render(
      <DataTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        caption="Many"
        initialSort={{ id: 'name', desc: false }}
        testId="big"
        expansion={expansion}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Details of policy-0002' }));
    const grid = screen.getByRole('grid');
    const scroller = screen.getByTestId('big');
    const height = () => {
      const spacers = Array.from(grid.querySelectorAll('tbody tr[aria-hidden="true"]')) as HTMLElement[];
      const rendered = grid.querySelectorAll('tbody tr:not([aria-hidden])').length - 1;
      return spacers.reduce((sum, el) => sum + parseInt(el.style.height, 10), 0) + rendered * 40 + EXPANDED_HEIGHT;
    };
    expect(height()).toBe(5000 * 40 + EXPANDED_HEIGHT);
    // Scrolled past the open row: it leaves the DOM, but the spacer above still counts its content.
    scroller.scrollTop = 40 * 3000 + EXPANDED_HEIGHT;
    fireEvent.scroll(scroller);
    expect(screen.queryByTestId('detail')).toBeNull();
    // The first cell is the toggle's.
    expect(bodyRows().map((r) => r.querySelectorAll('td')[1]?.textContent)).toContain('policy-3000');
    const top = grid.querySelector('tbody tr[aria-hidden="true"]') as HTMLElement;
    const firstShown = bodyRows()[0]!;
    const firstIndex = Number(firstShown.getAttribute('aria-rowindex')) - 3; // header and the open row before it
    expect(parseInt(top.style.height, 10)).toBe(firstIndex * 40 + EXPANDED_HEIGHT);
    expect(firstShown).toHaveAttribute('aria-rowindex', String(firstIndex + 3));
  },
  LARGE_TABLE_TIMEOUT_MS,
);
