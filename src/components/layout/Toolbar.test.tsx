import { fireEvent, render, screen } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { Toolbar } from './Toolbar';

const noop = () => undefined;

test("the fold-out toggle carries the plugin's translated name, not PatternFly's English, also after re-renders", () => {
  const props = {
    timeRangeMs: 3_600_000,
    refreshMs: 30_000,
    onTimeRange: noop,
    onEndTime: noop,
    onRefresh: noop,
    onRefreshNow: noop,
  };
  const { rerender } = render(<Toolbar {...props} />);
  const toggle = screen.getByRole('button', { name: 'Show filters' });
  expect(screen.queryByRole('button', { name: 'Show Filters' })).toBeNull();
  fireEvent.click(toggle);
  rerender(<Toolbar {...props} timeRangeMs={21_600_000} />);
  expect(screen.getByRole('button', { name: 'Show filters' })).toHaveAttribute('aria-expanded', 'true');
});
