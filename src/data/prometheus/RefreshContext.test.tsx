import { act, renderHook } from '@testing-library/react';
import { useRefreshClock } from './RefreshContext';

afterEach(() => jest.useRealTimers());

test('ticks once per interval, and "refresh now" ticks at once', () => {
  jest.useFakeTimers();
  const { result } = renderHook(() => useRefreshClock(30_000));
  expect(result.current.tick).toBe(0);
  act(() => jest.advanceTimersByTime(29_999));
  expect(result.current.tick).toBe(0);
  act(() => jest.advanceTimersByTime(1));
  expect(result.current.tick).toBe(1);
  act(() => result.current.refreshNow());
  expect(result.current.tick).toBe(2);
  act(() => jest.advanceTimersByTime(60_000));
  expect(result.current.tick).toBe(4);
});

test('null interval is "refresh off": only manual ticks', () => {
  jest.useFakeTimers();
  const { result, rerender } = renderHook(({ ms }: { ms: number | null }) => useRefreshClock(ms), {
    initialProps: { ms: 15_000 as number | null },
  });
  act(() => jest.advanceTimersByTime(15_000));
  expect(result.current.tick).toBe(1);
  rerender({ ms: null });
  act(() => jest.advanceTimersByTime(600_000));
  expect(result.current.tick).toBe(1);
  act(() => result.current.refreshNow());
  expect(result.current.tick).toBe(2);
});
