import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWith } from '../../../test/unit-helpers/render';
import { thanosCurlCommand } from '../../models/prometheus/curl';
import { QueryActions } from './QueryActions';

const Q1 = 'sum by (policy) (catalog_actions_count{namespace="kasten-io", status=~"failed|cancelled"})';
const Q2 = "up{job='catalog-svc'}";

const writeText = jest.fn<Promise<void>, [string]>();
beforeEach(() => {
  writeText.mockReset();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

const open = async () => {
  renderWith(
    <QueryActions
      queries={[
        { label: 'Failed', query: Q1 },
        { label: 'Catalog up', query: Q2 },
        { label: 'Catalog up over time', query: Q2, range: { spanSeconds: 3600, stepSeconds: 30 } },
      ]}
      panelId="p"
    />,
  );
  const toggle = screen.getByTestId('show-queries');
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByTestId('promql')).toBeNull();
  fireEvent.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(toggle).toHaveTextContent('Hide queries');
  // The blocks are their own chunk, loaded on the first opening.
  await screen.findAllByTestId('promql');
};

test('shows each PromQL verbatim, with an "Open in Metrics" link to the query browser', async () => {
  await open();
  expect(screen.getAllByTestId('promql').map((e) => e.textContent)).toEqual([Q1, Q2, Q2]);
  const links = screen.getAllByTestId('open-in-metrics');
  expect(links.map((a) => a.getAttribute('href'))).toEqual([
    `/monitoring/query-browser?query0=${encodeURIComponent(Q1)}`,
    `/monitoring/query-browser?query0=${encodeURIComponent(Q2)}`,
    `/monitoring/query-browser?query0=${encodeURIComponent(Q2)}`,
  ]);
  expect(new URL(links[0]!.getAttribute('href') ?? '', 'http://x').searchParams.get('query0')).toBe(Q1);
});

test('"Copy curl command" writes the exact command to the clipboard and says so', async () => {
  writeText.mockResolvedValue(undefined);
  await open();
  fireEvent.click(screen.getAllByRole('button', { name: 'Copy curl command' })[1]!);
  expect(writeText).toHaveBeenCalledTimes(1);
  expect(writeText).toHaveBeenCalledWith(thanosCurlCommand(Q2));
  expect(writeText.mock.calls[0]?.[0]).toContain(
    `/api/v1/query" --data-urlencode 'query=up{job='\\''catalog-svc'\\''}'`,
  );
  expect(await screen.findByText('Copied the curl command to the clipboard')).toBeInTheDocument();
});

test('a range query copies a query_range command over its window', async () => {
  writeText.mockResolvedValue(undefined);
  await open();
  fireEvent.click(screen.getAllByRole('button', { name: 'Copy curl command' })[2]!);
  expect(writeText).toHaveBeenCalledWith(thanosCurlCommand(Q2, { spanSeconds: 3600, stepSeconds: 30 }));
  expect(writeText.mock.calls[0]?.[0]).toContain('/api/v1/query_range');
  expect(await screen.findByText('Copied the curl command to the clipboard')).toBeInTheDocument();
});

test('a refused clipboard says copying failed and shows the command to copy by hand', async () => {
  writeText.mockRejectedValue(new Error('denied'));
  await open();
  fireEvent.click(screen.getAllByRole('button', { name: 'Copy curl command' })[0]!);
  await waitFor(() =>
    expect(screen.getByText('Copying failed; select the command below and copy it by hand')).toBeInTheDocument(),
  );
  expect(screen.getByTestId('curl-command').textContent).toContain(`--data-urlencode 'query=`);
});

test('without a clipboard (a page not served over https) the command is shown at once', async () => {
  const saved = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  try {
    await open();
    fireEvent.click(screen.getAllByRole('button', { name: 'Copy curl command' })[0]!);
    expect(screen.getByTestId('curl-command').textContent).toMatch(/^HOST=\$\(oc get route thanos-querier/);
    expect(writeText).not.toHaveBeenCalled();
  } finally {
    if (saved) Object.defineProperty(navigator, 'clipboard', saved);
  }
});
