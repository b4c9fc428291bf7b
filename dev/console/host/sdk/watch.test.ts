/**
 * @jest-environment jsdom
 */
import { act, renderHook } from '@testing-library/react';
import { WATCH_POLL_MS, useK8sWatchResource } from './k8s';

const POLICIES = {
  groupVersionKind: { group: 'config.kio.kasten.io', version: 'v1alpha1', kind: 'Policy' },
  namespace: 'kasten-io',
  isList: true,
};

let bodies: string[];
let calls: string[];

beforeEach(() => {
  jest.useFakeTimers();
  calls = [];
  bodies = [];
  // The fake API's answers, one per poll: the stand-in under test is the console's side of the seam.
  global.fetch = jest.fn((url: RequestInfo | URL) => {
    calls.push(String(url));
    const text = bodies.length > 1 ? (bodies.shift() ?? '') : (bodies[0] ?? '');
    return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(text) } as Response);
  }) as typeof fetch;
});

afterEach(() => {
  jest.useRealTimers();
});

const flush = async () => {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
};

const nextPoll = async () => {
  await act(async () => {
    jest.advanceTimersByTime(WATCH_POLL_MS);
  });
  await flush();
};

test('two hooks watching one resource share one poller, as the console shares one watch per resource', async () => {
  bodies = [JSON.stringify({ items: [{ metadata: { name: 'a' } }] })];
  const { result, unmount } = renderHook(() => ({
    one: useK8sWatchResource(POLICIES),
    two: useK8sWatchResource(POLICIES),
  }));
  await flush();
  expect(calls).toEqual(['/api/kubernetes/apis/config.kio.kasten.io/v1alpha1/namespaces/kasten-io/policies']);
  expect(result.current.one).toEqual([[{ metadata: { name: 'a' } }], true, undefined]);
  expect(result.current.two[0]).toBe(result.current.one[0]);
  await nextPoll();
  expect(calls).toHaveLength(2);
  unmount();
  await nextPoll();
  // Nobody watches any more: the poller stopped.
  expect(calls).toHaveLength(2);
});

test('an unchanged list publishes nothing; a changed one publishes the new items', async () => {
  bodies = [
    JSON.stringify({ items: [{ metadata: { name: 'a' } }] }),
    JSON.stringify({ items: [{ metadata: { name: 'a' } }] }),
    JSON.stringify({ items: [{ metadata: { name: 'b' } }] }),
  ];
  let renders = 0;
  const { result } = renderHook(() => {
    renders += 1;
    return useK8sWatchResource(POLICIES);
  });
  await flush();
  const first = result.current[0];
  const rendersAfterFirst = renders;
  await nextPoll();
  expect(calls).toHaveLength(2);
  expect(result.current[0]).toBe(first);
  expect(renders).toBe(rendersAfterFirst);
  await nextPoll();
  expect(result.current[0]).toEqual([{ metadata: { name: 'b' } }]);
});

test('a hook that joins a watch already answered gets its data at once, without another request', async () => {
  bodies = [JSON.stringify({ items: [{ metadata: { name: 'a' } }] })];
  const first = renderHook(() => useK8sWatchResource(POLICIES));
  await flush();
  const second = renderHook(() => useK8sWatchResource(POLICIES));
  await flush();
  expect(calls).toHaveLength(1);
  expect(second.result.current).toEqual([[{ metadata: { name: 'a' } }], true, undefined]);
  first.unmount();
  second.unmount();
});
