import * as React from 'react';
import { act, render, screen } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { lazyComponent } from './lazy-component';

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

type P = { text: string };
const Real: React.FC<P> = ({ text }) => <p role="alert">{text}</p>;
const Fallback: React.FC<P> = ({ text }) => <p data-test="fallback">{text}</p>;

test('shows the fallback with the same props until the code arrives, then the component; later mounts at once', async () => {
  const d = deferred<React.ComponentType<P>>();
  const load = jest.fn(() => d.promise);
  const { Lazy } = lazyComponent(load, Fallback);
  const first = render(<Lazy text="Prometheus cannot be reached" />);
  expect(screen.getByTestId('fallback')).toHaveTextContent('Prometheus cannot be reached');
  expect(screen.queryByRole('alert')).toBeNull();
  await act(async () => d.resolve(Real));
  expect(screen.getByRole('alert')).toHaveTextContent('Prometheus cannot be reached');
  expect(screen.queryByTestId('fallback')).toBeNull();
  first.unmount();
  render(<Lazy text="again" />);
  expect(screen.getByRole('alert')).toHaveTextContent('again');
  expect(load).toHaveBeenCalledTimes(1);
});

test('a failed fetch keeps the fallback; the next mount fetches again', async () => {
  const first = deferred<React.ComponentType<P>>();
  const second = deferred<React.ComponentType<P>>();
  const load = jest.fn().mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
  const { Lazy } = lazyComponent<P>(load, Fallback);
  const view = render(<Lazy text="partial answer" />);
  await act(async () => first.reject(new Error('ChunkLoadError')));
  expect(screen.getByTestId('fallback')).toHaveTextContent('partial answer');
  view.unmount();
  render(<Lazy text="partial answer" />);
  await act(async () => second.resolve(Real));
  expect(screen.getByRole('alert')).toHaveTextContent('partial answer');
  expect(load).toHaveBeenCalledTimes(2);
});
