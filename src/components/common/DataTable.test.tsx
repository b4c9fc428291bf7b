import { fireEvent, render, screen, within } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { DataTable, type Column } from './DataTable';

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

test('5000 rows: only a window is in the DOM, but aria-rowcount tells the full size, and scrolling moves the window', () => {
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
});

test('a short table is not windowed', () => {
  const rows = Array.from({ length: 20 }, (_, i) => ({ name: `p${i}`, count: i }));
  render(<DataTable columns={columns} rows={rows} rowKey={(r) => r.name} caption="Few" testId="few" />);
  expect(bodyRows()).toHaveLength(20);
  expect(screen.getByTestId('few')).not.toHaveAttribute('tabindex');
});
