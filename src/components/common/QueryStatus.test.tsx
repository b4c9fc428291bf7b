import { render, screen } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { vector } from '../../__fixtures__/prometheus';
import type { PromQueryState } from '../../models/prometheus/types';
import { QueryStatus } from './QueryStatus';

const data = vector([[{}, 1]]).data;
const show = (state: PromQueryState, isEmpty = false) =>
  render(
    <QueryStatus state={state} isEmpty={isEmpty} empty={<span>nothing here</span>}>
      <span>the content</span>
    </QueryStatus>,
  );

test('loading without data: a busy skeleton, no content', () => {
  show({ loading: true, stale: false });
  expect(screen.getByTestId('loading')).toHaveAttribute('aria-busy', 'true');
  expect(screen.queryByText('the content')).toBeNull();
});

test('reloading with data keeps the content (no flash of skeleton)', () => {
  show({ data, loading: true, stale: false });
  expect(screen.getByText('the content')).toBeInTheDocument();
  expect(screen.queryByTestId('loading')).toBeNull();
});

test.each([
  ['forbidden', 403, 'You do not have permission to read these metrics'],
  ['unreachable', 503, 'Prometheus cannot be reached'],
  ['timeout', undefined, 'Prometheus did not answer in time'],
  ['bad-query', 400, 'Prometheus rejected the query'],
  ['server', 500, 'Prometheus answered with an error'],
] as const)('error %s: title, status and the message verbatim', (kind, status, title) => {
  show({ error: { kind, status, message: 'the "exact" <message>' }, loading: false, stale: false });
  const alert = screen.getByRole('alert');
  expect(alert).toHaveAttribute('data-error-kind', kind);
  expect(alert).toHaveTextContent(`${title}${status !== undefined ? ` (HTTP ${status})` : ''}: the "exact" <message>`);
  expect(screen.queryByText('the content')).toBeNull();
  expect(alert.textContent?.includes('cluster-monitoring-view')).toBe(kind === 'forbidden');
});

test('stale: the error above, the last data below, and a note that it may be out of date', () => {
  show({ data, error: { kind: 'unreachable', message: 'Failed to fetch' }, loading: false, stale: true });
  expect(screen.getByRole('alert')).toHaveTextContent('Showing the last data received; it may be out of date.');
  expect(screen.getByText('the content')).toBeInTheDocument();
});

test("empty data shows the panel's own empty message", () => {
  show({ data, loading: false, stale: false }, true);
  expect(screen.getByTestId('empty')).toHaveTextContent('nothing here');
  expect(screen.queryByText('the content')).toBeNull();
});
