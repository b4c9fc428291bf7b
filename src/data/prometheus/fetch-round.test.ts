import { httpError, promErrorBody, vector } from '../../__fixtures__/prometheus';
import { deferred } from '../../../test/unit-helpers/render';
import { fetchRound, QUERY_TIMEOUT_MS, type Fetcher } from './fetch-round';
import type { PromQueryRequest } from '../../models/prometheus/types';

const requests: PromQueryRequest[] = [
  { key: 'a', kind: 'instant', query: 'metric_a' },
  { key: 'b', kind: 'instant', query: 'metric_b' },
  { key: 'c', kind: 'range', query: 'metric_c', spanSeconds: 600, stepSeconds: 60 },
];

const queryOf = (url: string) => new URL(url, 'http://x').searchParams.get('query') ?? '';

test('sends every request of a round before any answer arrives (no waterfall), GET with the signal and the timeout', async () => {
  const pending = new Map<string, ReturnType<typeof deferred<unknown>>>();
  const started: string[] = [];
  const fetcher = jest.fn<ReturnType<Fetcher>, Parameters<Fetcher>>((url) => {
    const d = deferred<unknown>();
    pending.set(queryOf(url), d);
    started.push(queryOf(url));
    return d.promise;
  });
  const controller = new AbortController();
  const round = fetchRound(requests, { mode: 'cluster' }, fetcher, controller.signal, 1_000_000);
  // Nothing has been answered yet, and all three are already in flight.
  expect(started).toEqual(['metric_a', 'metric_b', 'metric_c']);
  for (const call of fetcher.mock.calls) {
    expect(call[1]).toBe('GET');
    expect(call[2]).toEqual({ signal: controller.signal });
    expect(call[3]).toBe(QUERY_TIMEOUT_MS);
  }
  expect(fetcher.mock.calls[2]?.[0]).toBe(
    '/api/prometheus/api/v1/query_range?query=metric_c&start=999360&end=999960&step=60',
  );
  pending.get('metric_c')?.resolve(vector([[{}, 3]]));
  pending.get('metric_a')?.resolve(vector([[{}, 1]]));
  pending.get('metric_b')?.resolve(vector([[{}, 2]]));
  const out = await round;
  expect(Object.keys(out).sort()).toEqual(['a', 'b', 'c']);
  expect(out.b).toEqual({ data: vector([[{}, 2]]).data });
});

test('one failing query does not blank the others; each error is classified on its own', async () => {
  const fetcher: Fetcher = async (url) => {
    const q = queryOf(url);
    if (q === 'metric_a') throw httpError(500, promErrorBody('internal', 'out of memory'));
    if (q === 'metric_b') return promErrorBody('bad_data', 'parse error at char 3');
    return vector([[{ pod: 'catalog-svc-0' }, 42]]);
  };
  const out = await fetchRound(
    requests,
    { mode: 'tenancy', namespace: 'kasten-io' },
    fetcher,
    new AbortController().signal,
    0,
  );
  expect(out).toEqual({
    a: { error: { kind: 'server', status: 500, message: 'out of memory' } },
    b: { error: { kind: 'bad-query', message: 'parse error at char 3' } },
    c: { data: vector([[{ pod: 'catalog-svc-0' }, 42]]).data },
  });
});
