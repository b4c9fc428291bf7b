import { fireEvent, render, screen } from '@testing-library/react';
import type { CheckResult } from '../../checks/types';
import { SetupBannerView } from './SetupBannerView';
import { SetupChecksView } from './SetupChecksView';

const result = (id: string, status: CheckResult['status']): CheckResult => ({
  id,
  title: `Title ${id}`,
  status,
  lookedAt: 'x',
  detail: `Detail ${id}`,
});

describe('SetupBannerView', () => {
  it('renders nothing when no check fails', () => {
    const { container } = render(
      <SetupBannerView
        results={[result('a', 'pass'), result('b', 'warning'), result('c', 'unknown')]}
        onOpenSetup={jest.fn()}
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('names the failing checks and opens Setup', () => {
    const onOpenSetup = jest.fn();
    render(
      <SetupBannerView
        results={[result('a', 'fail'), result('b', 'pass'), result('c', 'fail')]}
        onOpenSetup={onOpenSetup}
      />,
    );
    const banner = screen.getByRole('region', { name: 'Setup problems' });
    expect(banner).toHaveTextContent('2 monitoring setup checks fail: Title a; Title c.');
    fireEvent.click(screen.getByRole('button', { name: 'Open Setup to see the fixes' }));
    expect(onOpenSetup).toHaveBeenCalledTimes(1);
  });

  it('words a single failure in the singular', () => {
    render(<SetupBannerView results={[result('a', 'fail')]} onOpenSetup={jest.fn()} />);
    expect(screen.getByRole('region')).toHaveTextContent('A monitoring setup check fails: Title a.');
  });
});

describe('SetupChecksView', () => {
  it('counts the statuses and lists one row per check', () => {
    render(
      <SetupChecksView
        results={[result('a', 'pass'), result('b', 'fail'), result('c', 'unknown'), result('d', 'pass')]}
        loading
      />,
    );
    expect(screen.getByText(/2 pass, 0 warnings, 1 failing, 1 cannot tell\. Still checking/)).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.getAttribute('data-status'))).toEqual([
      'pass',
      'fail',
      'unknown',
      'pass',
    ]);
    expect(screen.getByText('Cannot tell')).toBeInTheDocument();
  });
});
