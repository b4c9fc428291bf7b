import * as React from 'react';
import { act, renderHook } from '@testing-library/react';
import {
  httpError,
  partial,
  promErrorBody,
  STORE_UNREACHABLE,
  timeoutError,
  vector,
} from '../../__fixtures__/prometheus';
import { consoleFetchJSON } from '../../console-sdk';
import {
  answerPrometheus,
  deferred,
  harness,
  promRequests,
  resetSdkMocks,
  settle,
} from '../../../test/unit-helpers/render';
import { QUERY_TIMEOUT_MS } from './fetch-round';
import { RefreshContext, useRefreshClock } from './RefreshContext';
import type { PromQueryRequest } from '../../models/prometheus/types';
import { usePrometheusQueries } from './usePrometheusQueries';

const REQUESTS: PromQueryRequest[] = [
  { key: 'counts', kind: 'instant', query: 'counts_q' },
  { key: 'memory', kind: 'instant', query: 'memory_q' },
];

beforeEach(resetSdkMocks);

test('loading first, then data per key; the fetch goes to the cluster proxy with GET', async () => {
  answerPrometheus(({ query }) => vector([[{ q: query }, query === 'counts_q' ? 4 : 9]]));
  const h = harness();
  const { result } = renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  expect(result.current).toEqual({ counts: { loading: true, stale: false }, memory: { loading: true, stale: false } });
  await settle();
  expect(result.current.counts).toEqual({ data: vector([[{ q: 'counts_q' }, 4]]).data, loading: false, stale: false });
  expect(result.current.memory?.data).toEqual(vector([[{ q: 'memory_q' }, 9]]).data);
  expect(promRequests().map((r) => r.path)).toEqual(['/api/prometheus/api/v1/query', '/api/prometheus/api/v1/query']);
  expect(jest.mocked(consoleFetchJSON).mock.calls.every((c) => c[1] === 'GET')).toBe(true);
});

test('refetches the whole round on each refresh tick', async () => {
  let n = 0;
  answerPrometheus(() => vector([[{}, (n += 1)]]));
  const h = harness();
  const { result } = renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  await settle();
  expect(promRequests()).toHaveLength(2);
  await h.refresh();
  expect(promRequests()).toHaveLength(4);
  // Round one answered counts=1, memory=2; round two answers in the same order.
  expect(result.current.counts?.data).toEqual(vector([[{}, 3]]).data);
  expect(result.current.memory?.data).toEqual(vector([[{}, 4]]).data);
  await h.refresh();
  expect(promRequests()).toHaveLength(6);
});

test('a tick never aborts a round in flight: the ticks that land meanwhile queue exactly one round after it', async () => {
  const rounds: Array<ReturnType<typeof deferred<unknown>>> = [];
  const signals: AbortSignal[] = [];
  jest.mocked(consoleFetchJSON).mockImplementation((_url: string, _m?: string, options?: RequestInit) => {
    const d = deferred<unknown>();
    rounds.push(d);
    if (options?.signal) signals.push(options.signal);
    return d.promise;
  });
  const one: PromQueryRequest[] = [{ key: 'counts', kind: 'instant', query: 'counts_q' }];
  const h = harness();
  const { result } = renderHook(() => usePrometheusQueries(one), { wrapper: h.Wrapper });
  await settle();
  await h.refresh();
  await h.refresh();
  await h.refresh();
  expect(rounds).toHaveLength(1);
  expect(signals[0]?.aborted).toBe(false);
  rounds[0]?.resolve(vector([[{ round: 'first' }, 1]]));
  await settle();
  expect(result.current.counts?.data).toEqual(vector([[{ round: 'first' }, 1]]).data);
  // Three ticks, one queued round.
  expect(rounds).toHaveLength(2);
  rounds[1]?.resolve(vector([[{ round: 'second' }, 2]]));
  await settle();
  expect(rounds).toHaveLength(2);
  expect(result.current.counts?.data).toEqual(vector([[{ round: 'second' }, 2]]).data);
});

test("new requests do abort the round in flight, and its late answer never overwrites the new one's", async () => {
  const pending = new Map<string, ReturnType<typeof deferred<unknown>>>();
  const signals = new Map<string, AbortSignal>();
  jest.mocked(consoleFetchJSON).mockImplementation((url: string, _m?: string, options?: RequestInit) => {
    const q = new URL(url, 'http://x').searchParams.get('query') ?? '';
    const d = deferred<unknown>();
    pending.set(q, d);
    if (options?.signal) signals.set(q, options.signal);
    return d.promise;
  });
  const h = harness();
  const { result, rerender } = renderHook(
    ({ q }: { q: string }) => usePrometheusQueries([{ key: 'x', kind: 'instant', query: q }]),
    { wrapper: h.Wrapper, initialProps: { q: 'old' } },
  );
  await settle();
  rerender({ q: 'new' });
  await settle();
  expect(signals.get('old')?.aborted).toBe(true);
  pending.get('new')?.resolve(vector([[{ q: 'new' }, 2]]));
  await settle();
  pending.get('old')?.resolve(vector([[{ q: 'old' }, 1]]));
  await settle();
  expect(result.current.x?.data).toEqual(vector([[{ q: 'new' }, 2]]).data);
});

describe('on the real refresh clock (fake timers)', () => {
  const REFRESH_MS = 15_000;
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const clockWrapper = () => {
    const h = harness({ refresh: false });
    const Clock: React.FC<{ children: React.ReactNode }> = ({ children }) => (
      <RefreshContext.Provider value={useRefreshClock(REFRESH_MS)}>{children}</RefreshContext.Provider>
    );
    const Wrapper: React.FC<{ children: React.ReactNode }> = ({ children }) => (
      <h.Wrapper>
        <Clock>{children}</Clock>
      </h.Wrapper>
    );
    return Wrapper;
  };
  const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

  test('a query slower than the refresh interval ends in the timeout error, not an endless skeleton', async () => {
    const signals: AbortSignal[] = [];
    // The console's fetch: rejects with its TimeoutError once the limit passes.
    jest
      .mocked(consoleFetchJSON)
      .mockImplementation((url: string, _m?: string, options?: RequestInit, timeout?: number) => {
        if (options?.signal) signals.push(options.signal);
        return new Promise((_resolve, reject) => {
          setTimeout(() => reject(timeoutError(url, timeout ?? 0)), timeout);
        });
      });
    const one: PromQueryRequest[] = [{ key: 'counts', kind: 'instant', query: 'counts_q' }];
    const { result } = renderHook(() => usePrometheusQueries(one), { wrapper: clockWrapper() });
    await advance(REFRESH_MS);
    await advance(QUERY_TIMEOUT_MS - REFRESH_MS - 1);
    // Two ticks have passed; the first round is still waiting and was not cut off.
    expect(promRequests()).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    expect(result.current.counts).toEqual({ loading: true, stale: false });
    await advance(1);
    // The timeout shows (QueryStatus shows an error whenever there is no data, loading or not)...
    expect(result.current.counts?.error?.kind).toBe('timeout');
    // ...while the round the queued ticks asked for is already on its way, sent as the first ended.
    expect(promRequests()).toHaveLength(2);
    expect(result.current.counts?.loading).toBe(true);
    expect(jest.mocked(consoleFetchJSON).mock.calls[0]?.[3]).toBe(QUERY_TIMEOUT_MS);
  });

  test('a fast Prometheus is polled once per interval', async () => {
    answerPrometheus(() => vector([[{}, 1]]));
    renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: clockWrapper() });
    await advance(0);
    expect(promRequests()).toHaveLength(2);
    for (let i = 0; i < 3; i += 1) await advance(REFRESH_MS);
    expect(promRequests()).toHaveLength(8);
  });
});

test('a failed refresh keeps the last data, marks it stale and carries the error', async () => {
  let fail = false;
  answerPrometheus(() => {
    if (fail) throw timeoutError('/api/prometheus/api/v1/query?query=counts_q', 30000);
    return vector([[{ status: 'failed' }, 3]]);
  });
  const h = harness();
  const { result } = renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  await settle();
  fail = true;
  await h.refresh();
  await settle();
  expect(result.current.counts).toEqual({
    data: vector([[{ status: 'failed' }, 3]]).data,
    error: { kind: 'timeout', message: 'Call to /api/prometheus/api/v1/query?query=counts_q timed out after 30000ms.' },
    loading: false,
    stale: true,
  });
  // And the next good answer clears both.
  fail = false;
  await h.refresh();
  expect(result.current.counts).toEqual({
    data: vector([[{ status: 'failed' }, 3]]).data,
    loading: false,
    stale: false,
  });
});

test('an error before any data is not stale', async () => {
  answerPrometheus(() => {
    throw httpError(400, promErrorBody('bad_data', 'parse error'));
  });
  const h = harness();
  const { result } = renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  await settle();
  expect(result.current.memory).toEqual({
    data: undefined,
    error: { kind: 'bad-query', status: 400, message: 'parse error' },
    loading: false,
    stale: false,
  });
});

test('tenancy access sends namespace on every request', async () => {
  answerPrometheus(() => vector([]));
  const h = harness({ access: { mode: 'tenancy', namespace: 'kasten-io' } });
  renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  await settle();
  expect(promRequests().map((r) => [r.path, r.params.get('namespace')])).toEqual([
    ['/api/prometheus-tenancy/api/v1/query', 'kasten-io'],
    ['/api/prometheus-tenancy/api/v1/query', 'kasten-io'],
  ]);
});

test('access mode none sends nothing and says which permission is missing', async () => {
  answerPrometheus(() => vector([]));
  const h = harness({ access: { mode: 'none', namespace: 'kasten-io' } });
  const { result } = renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  await settle();
  await h.refresh();
  expect(consoleFetchJSON).not.toHaveBeenCalled();
  expect(result.current.counts).toEqual({
    error: {
      kind: 'forbidden',
      message: 'no permission to read metrics in namespace kasten-io (needs cluster-monitoring-view, or view there)',
    },
    loading: false,
    stale: false,
  });
});

test('while access is undecided nothing is sent and the state is loading', async () => {
  answerPrometheus(() => vector([]));
  const h = harness({ access: { loading: true } });
  const { result } = renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  await settle();
  expect(consoleFetchJSON).not.toHaveBeenCalled();
  expect(result.current.counts).toEqual({ loading: true, stale: false });
});

test('new requests (e.g. another namespace) start a new round at once, without waiting for a tick', async () => {
  answerPrometheus(({ query }) => vector([[{ q: query }, 1]]));
  const h = harness();
  const { result, rerender } = renderHook(
    ({ q }: { q: string }) => usePrometheusQueries([{ key: 'x', kind: 'instant', query: q }]),
    {
      wrapper: h.Wrapper,
      initialProps: { q: 'first' },
    },
  );
  await settle();
  rerender({ q: 'second' });
  await settle();
  expect(promRequests().map((r) => r.query)).toEqual(['first', 'second']);
  expect(result.current.x?.data).toEqual(vector([[{ q: 'second' }, 1]]).data);
});

test('a partial answer marks the state with its warnings, and the next complete answer clears them', async () => {
  let storeDown = true;
  answerPrometheus(() => (storeDown ? partial(vector([]), [STORE_UNREACHABLE]) : vector([[{}, 2]])));
  const h = harness();
  const { result } = renderHook(() => usePrometheusQueries(REQUESTS), { wrapper: h.Wrapper });
  await settle();
  expect(result.current.counts).toEqual({
    data: vector([]).data,
    warnings: [STORE_UNREACHABLE],
    loading: false,
    stale: false,
  });
  storeDown = false;
  await h.refresh();
  expect(result.current.counts).toEqual({ data: vector([[{}, 2]]).data, loading: false, stale: false });
});

test('two views of one page asking the same query at once send one request, and each gets the answer', async () => {
  answerPrometheus(({ query }) => vector([[{ q: query }, query === 'counts_q' ? 4 : 9]]));
  const h = harness();
  const { result } = renderHook(
    () => ({
      overview: usePrometheusQueries(REQUESTS),
      banner: usePrometheusQueries([{ key: 'present', kind: 'instant', query: 'counts_q' }]),
    }),
    { wrapper: h.Wrapper },
  );
  await settle();
  expect(promRequests().map((r) => r.query)).toEqual(['counts_q', 'memory_q']);
  expect(result.current.overview.counts?.data).toEqual(vector([[{ q: 'counts_q' }, 4]]).data);
  expect(result.current.banner.present?.data).toEqual(vector([[{ q: 'counts_q' }, 4]]).data);
  // Each refresh shares again: the round of both views sends the query once.
  await h.refresh();
  expect(promRequests().map((r) => r.query)).toEqual(['counts_q', 'memory_q', 'counts_q', 'memory_q']);
});
