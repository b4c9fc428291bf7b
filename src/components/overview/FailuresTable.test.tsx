import { render, screen, within } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { MemoryRouter } from 'react-router';
import type { FailureRow } from '../../models/overview';
import { FailuresTable } from './FailuresTable';

const rows: FailureRow[] = [
  { policy: 'nightly', type: 'backup', namespace: 'shop', count: 2 },
  { policy: '', type: 'restore', namespace: '', count: 1 },
];

test("an application namespace is the console's link to its Namespace page; a row without one says —", async () => {
  render(
    <MemoryRouter>
      <FailuresTable rows={rows} caption="Failures" countTitle="Count" withLast={false} testId="failures" />
    </MemoryRouter>,
  );
  const table = await screen.findByTestId('failures');
  const [shop, manual] = within(table).getAllByRole('row').slice(1);
  expect(within(shop!).getByRole('link', { name: 'shop' })).toHaveAttribute('href', '/k8s/cluster/namespaces/shop');
  expect(within(manual!).queryByRole('link')).toBeNull();
  expect(
    within(manual!)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toContain('—');
});
