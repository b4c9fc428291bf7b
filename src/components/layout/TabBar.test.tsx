import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { TabBar, tabButtonId } from './TabBar';

type K = 'a' | 'b' | 'c';
const Harness: React.FC = () => {
  const [active, setActive] = React.useState<K>('a');
  return (
    <TabBar<K>
      tabs={[
        { key: 'a', title: 'Alpha' },
        { key: 'b', title: 'Beta' },
        { key: 'c', title: 'Gamma' },
      ]}
      active={active}
      onSelect={setActive}
      label="Views"
      idPrefix="x"
    />
  );
};

const selected = () =>
  screen
    .getAllByRole('tab')
    .filter((t) => t.getAttribute('aria-selected') === 'true')
    .map((t) => t.textContent);

test('arrow keys move selection and focus, wrapping at both ends; only the selected tab is tabbable', () => {
  render(<Harness />);
  expect(screen.getByRole('tablist', { name: 'Views' })).toBeInTheDocument();
  const [a, b, c] = screen.getAllByRole('tab');
  expect(selected()).toEqual(['Alpha']);
  expect(a).toHaveAttribute('tabindex', '0');
  expect(b).toHaveAttribute('tabindex', '-1');
  expect(a).toHaveAttribute('aria-controls', 'x-panel');
  expect(a).toHaveAttribute('id', tabButtonId('x', 'a'));
  a!.focus();
  fireEvent.keyDown(a!, { key: 'ArrowRight' });
  expect(selected()).toEqual(['Beta']);
  expect(document.activeElement).toBe(b);
  expect(b).toHaveAttribute('tabindex', '0');
  fireEvent.keyDown(b!, { key: 'ArrowRight' });
  fireEvent.keyDown(c!, { key: 'ArrowRight' });
  expect(selected()).toEqual(['Alpha']);
  expect(document.activeElement).toBe(a);
  fireEvent.keyDown(a!, { key: 'ArrowLeft' });
  expect(selected()).toEqual(['Gamma']);
  expect(document.activeElement).toBe(c);
  // Other keys do nothing.
  fireEvent.keyDown(c!, { key: 'ArrowDown' });
  fireEvent.keyDown(c!, { key: 'a' });
  expect(selected()).toEqual(['Gamma']);
  fireEvent.click(b!);
  expect(selected()).toEqual(['Beta']);
});
