import { httpError, partial, promErrorBody, STORE_UNREACHABLE, vector } from '../../__fixtures__/prometheus';
import { deferred } from '../../../test/unit-helpers/render';
import { fetchRound, QUERY_TIMEOUT_MS, sharingFetcher, type Fetcher } from './fetch-round';
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

test("a partial answer (success with Thanos's warnings) keeps its data and carries the warnings", async () => {
  const fetcher: Fetcher = async (url) =>
    queryOf(url) === 'metric_a' ? partial(vector([]), [STORE_UNREACHABLE]) : vector([[{}, 1]]);
  const out = await fetchRound(requests.slice(0, 2), { mode: 'cluster' }, fetcher, new AbortController().signal, 0);
  expect(out).toEqual({
    a: { data: vector([]).data, warnings: [STORE_UNREACHABLE] },
    b: { data: vector([[{}, 1]]).data },
  });
});

describe('sharingFetcher: identical GETs in flight share one request', () => {
  const setup = () => {
    const pending: Array<{ url: string; signal: AbortSignal; d: ReturnType<typeof deferred<unknown>> }> = [];
    const base = jest.fn<ReturnType<Fetcher>, Parameters<Fetcher>>((url, _method, options) => {
      const d = deferred<unknown>();
      pending.push({ url, signal: options.signal as AbortSignal, d });
      return d.promise;
    });
    return { pending, base, fetch: sharingFetcher(base) };
  };
  const get = (f: Fetcher, url: string, signal = new AbortController().signal) => f(url, 'GET', { signal }, 1000);

  test('two callers of one URL: one request, both get its answer; another URL is its own request', async () => {
    const { pending, base, fetch } = setup();
    const a = get(fetch, '/q?query=up');
    const b = get(fetch, '/q?query=up');
    const c = get(fetch, '/q?query=down');
    expect(base.mock.calls.map((call) => call[0])).toEqual(['/q?query=up', '/q?query=down']);
    pending[0]?.d.resolve({ answer: 1 });
    pending[1]?.d.resolve({ answer: 2 });
    await expect(a).resolves.toEqual({ answer: 1 });
    await expect(b).resolves.toEqual({ answer: 1 });
    await expect(c).resolves.toEqual({ answer: 2 });
  });

  test('a URL asked again after its answer came is a new request (no cache of answers)', async () => {
    const { pending, base, fetch } = setup();
    const first = get(fetch, '/q?query=up');
    pending[0]?.d.resolve({ answer: 1 });
    await first;
    const second = get(fetch, '/q?query=up');
    expect(base).toHaveBeenCalledTimes(2);
    pending[1]?.d.resolve({ answer: 2 });
    await expect(second).resolves.toEqual({ answer: 2 });
  });

  test('a failure reaches every caller, and the next ask sends again', async () => {
    const { pending, base, fetch } = setup();
    const a = get(fetch, '/q?query=up');
    const b = get(fetch, '/q?query=up');
    pending[0]?.d.reject(httpError(503, { error: 'unavailable' }));
    await expect(a).rejects.toMatchObject({ response: { status: 503 } });
    await expect(b).rejects.toMatchObject({ response: { status: 503 } });
    void get(fetch, '/q?query=up').catch(() => undefined);
    expect(base).toHaveBeenCalledTimes(2);
  });

  test('one caller leaving rejects only its own promise; the request goes on for the other', async () => {
    const { pending, fetch } = setup();
    const leaving = new AbortController();
    const a = get(fetch, '/q?query=up', leaving.signal);
    const b = get(fetch, '/q?query=up');
    leaving.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(pending[0]?.signal.aborted).toBe(false);
    pending[0]?.d.resolve({ answer: 1 });
    await expect(b).resolves.toEqual({ answer: 1 });
  });

  test('when every caller has left the request is aborted, and a new caller starts a new one', async () => {
    const { pending, base, fetch } = setup();
    const one = new AbortController();
    const two = new AbortController();
    const a = get(fetch, '/q?query=up', one.signal);
    const b = get(fetch, '/q?query=up', two.signal);
    one.abort();
    two.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    expect(pending[0]?.signal.aborted).toBe(true);
    const c = get(fetch, '/q?query=up');
    expect(base).toHaveBeenCalledTimes(2);
    pending[1]?.d.resolve({ answer: 3 });
    await expect(c).resolves.toEqual({ answer: 3 });
  });

  test('an already aborted caller sends nothing; other methods are never shared', async () => {
    const { base, fetch } = setup();
    const gone = new AbortController();
    gone.abort();
    await expect(get(fetch, '/q?query=up', gone.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(base).not.toHaveBeenCalled();
    void fetch('/q', 'POST', {}, 1000);
    void fetch('/q', 'POST', {}, 1000);
    expect(base).toHaveBeenCalledTimes(2);
  });
});
