import * as React from 'react';
import { render, screen } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { ErrorBoundary } from './ErrorBoundary';

const Boom: React.FC = () => {
  throw new Error('cannot read properties of undefined (reading "policy")');
};

test('a crash in a view shows the message instead of blanking the page', () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <ErrorBoundary>
      <Boom />
    </ErrorBoundary>,
  );
  spy.mockRestore();
  const crash = screen.getByTestId('crash');
  expect(crash).toHaveAttribute('role', 'alert');
  expect(crash).toHaveTextContent('The Kasten page hit an unexpected error');
  expect(crash).toHaveTextContent('cannot read properties of undefined (reading "policy")');
});

test('children render untouched when nothing throws', () => {
  render(
    <ErrorBoundary>
      <p>fine</p>
    </ErrorBoundary>,
  );
  expect(screen.getByText('fine')).toBeInTheDocument();
  expect(screen.queryByTestId('crash')).toBeNull();
});
