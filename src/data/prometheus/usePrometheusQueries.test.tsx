import { renderHook } from '@testing-library/react';
import { httpError, promErrorBody, timeoutError, vector } from '../../__fixtures__/prometheus';
import { consoleFetchJSON } from '../../console-sdk';
import {
  answerPrometheus,
  deferred,
  harness,
  promRequests,
  resetSdkMocks,
  settle,
} from '../../../test/unit-helpers/render';
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

test("a newer round wins: the aborted round's late answer never overwrites newer data", async () => {
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
  expect(rounds).toHaveLength(2);
  // The first round was aborted when the second started.
  expect(signals[0]?.aborted).toBe(true);
  expect(signals[1]?.aborted).toBe(false);
  rounds[1]?.resolve(vector([[{ round: 'new' }, 2]]));
  await settle();
  rounds[0]?.resolve(vector([[{ round: 'old' }, 1]]));
  await settle();
  expect(result.current.counts?.data).toEqual(vector([[{ round: 'new' }, 2]]).data);
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
