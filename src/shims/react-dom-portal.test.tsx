import * as ReactDOM from 'react-dom';
import { render, screen } from '@testing-library/react';
import { createPortal } from './react-dom-portal';

test('the shim returns the very element react-dom 18 returns, key included', () => {
  const container = document.createElement('div');
  const child = <span>x</span>;
  expect(createPortal(child, container, 'k')).toEqual(ReactDOM.createPortal(child, container, 'k'));
  expect(createPortal(child, container)).toEqual(ReactDOM.createPortal(child, container));
});

test("the renderer mounts the shim's portal into its container", () => {
  const target = document.createElement('div');
  document.body.appendChild(target);
  render(<div>{createPortal(<p>in the portal</p>, target)}</div>);
  expect(target).toContainElement(screen.getByText('in the portal'));
});
