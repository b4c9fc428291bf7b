import { renderHook } from '@testing-library/react';
import { useShallowStable } from './useSetupChecks';

test('useShallowStable keeps the earlier object while every property is the same value, and only then', () => {
  const list = [1];
  const { result, rerender } = renderHook((props: { a: number[]; b: string }) => useShallowStable({ ...props }), {
    initialProps: { a: list, b: 'x' },
  });
  const first = result.current;
  rerender({ a: list, b: 'x' });
  expect(result.current).toBe(first);

  rerender({ a: [1], b: 'x' });
  expect(result.current).not.toBe(first);
  expect(result.current.a).not.toBe(list);
  const second = result.current;
  rerender({ a: second.a, b: 'y' });
  expect(result.current).toEqual({ a: second.a, b: 'y' });
  expect(result.current).not.toBe(second);
});
