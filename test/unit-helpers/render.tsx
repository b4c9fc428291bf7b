/**
 * Rendering harness for the unit project: a MemoryRouter carrying the URL the
 * test starts from, the page's contexts with values the test chooses, and the
 * console SDK stubs answered the way the console would answer them.
 */
import * as React from 'react';
import { act, configure, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { consoleFetchJSON, useAccessReview, useK8sWatchResource } from '../../src/console-sdk';
import { DEFAULT_PLUGIN_CONFIG, PLUGIN_CONFIG_URL, type KastenPluginConfig } from '../../src/models/plugin-config';
import { KastenConfigContext } from '../../src/data/useKastenConfig';
import { MetricsAccessContext, type MetricsAccessState } from '../../src/data/prometheus/MetricsAccessContext';
import { RefreshContext, useRefreshClock } from '../../src/data/prometheus/RefreshContext';
import { PrometheusFetcherContext, usePageFetcher } from '../../src/data/prometheus/PrometheusFetcherContext';
import type { MetricsAccess } from '../../src/data/prometheus/urls';

// The plugin marks elements with `data-test`, as the console does.
// Generous async timeout: the first chart render loads victory, which is slow on a busy 2-core machine.
configure({ testIdAttribute: 'data-test', asyncUtilTimeout: 5000 });

/** What useK8sWatchResource returns: [data, loaded, error]. */
export const watchResult = (data: unknown, loaded: boolean, error?: unknown): ReturnType<typeof useK8sWatchResource> =>
  [data, loaded, error] as ReturnType<typeof useK8sWatchResource>;

/** Back to the console's "nothing answered yet" behaviour between tests. */
export const resetSdkMocks = (): void => {
  jest.mocked(consoleFetchJSON).mockReset();
  jest
    .mocked(consoleFetchJSON)
    .mockImplementation((url: string) => Promise.reject(new Error(`unexpected call to ${url}`)));
  jest.mocked(useK8sWatchResource).mockReset();
  jest.mocked(useK8sWatchResource).mockReturnValue(watchResult(undefined, true));
  jest.mocked(useAccessReview).mockReset();
  jest.mocked(useAccessReview).mockReturnValue([true, false]);
};

export interface PromRequest {
  url: string;
  path: string;
  params: URLSearchParams;
  query: string;
}

/** Answers each Prometheus call through `responder`; a thrown/rejected value is what consoleFetchJSON rejects with. */
export const answerPrometheus = (responder: (req: PromRequest) => unknown): void => {
  jest.mocked(consoleFetchJSON).mockImplementation(async (url: string) => {
    if (url === PLUGIN_CONFIG_URL)
      throw Object.assign(new Error('Not Found'), { name: 'HttpError', code: 404, response: { status: 404 } });
    const u = new URL(url, 'http://console.test');
    return responder({ url, path: u.pathname, params: u.searchParams, query: u.searchParams.get('query') ?? '' });
  });
};

/** Every Prometheus request sent so far, parsed. */
export const promRequests = (): PromRequest[] =>
  jest
    .mocked(consoleFetchJSON)
    .mock.calls.map(([url]) => url)
    .filter((url) => url.startsWith('/api/prometheus'))
    .map((url) => {
      const u = new URL(url, 'http://console.test');
      return { url, path: u.pathname, params: u.searchParams, query: u.searchParams.get('query') ?? '' };
    });

/** A promise the test settles by hand, to hold an answer in flight. */
export const deferred = <T,>() => {
  let resolve: (v: T) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** Renders the router's current location so tests can read the URL the page wrote. */
const LocationProbe: React.FC = () => {
  const l = useLocation();
  return (
    <output data-test="location" hidden>
      {`${l.pathname}${l.search}`}
    </output>
  );
};

export const currentUrl = (): URL => new URL(screen.getByTestId('location').textContent ?? '', 'http://console.test');

export interface HarnessOptions {
  /** Initial URL, with search params, e.g. `/kasten?tab=history&timeRange=7200000`. */
  route?: string;
  /** Route pattern the element is mounted at (default: any path). */
  path?: string;
  config?: Partial<KastenPluginConfig>;
  /** Given: that access, decided. Omitted: cluster access. */
  access?: MetricsAccess | MetricsAccessState;
  /** false: no RefreshContext (components that make their own clock). */
  refresh?: boolean;
}

const accessState = (a: HarnessOptions['access']): MetricsAccessState => {
  if (a === undefined) return { access: { mode: 'cluster' }, loading: false };
  return 'mode' in a ? { access: a, loading: false } : a;
};

export interface Harness {
  Wrapper: React.FC<{ children: React.ReactNode }>;
  /** One tick of the page's refresh clock (what the interval or "Refresh now" does). */
  refresh: () => Promise<void>;
}

export const harness = (opts: HarnessOptions = {}): Harness => {
  let bump: () => void = () => {
    throw new Error('the harness is not mounted');
  };
  const Clock: React.FC<{ children: React.ReactNode }> = ({ children }) => {
    const clock = useRefreshClock(null);
    bump = clock.refreshNow;
    return <RefreshContext.Provider value={clock}>{children}</RefreshContext.Provider>;
  };
  const config = { config: { ...DEFAULT_PLUGIN_CONFIG, ...opts.config }, loaded: true, ignored: [] };
  const access = accessState(opts.access);
  const Wrapper: React.FC<{ children: React.ReactNode }> = ({ children }) => {
    const body = opts.refresh === false ? children : <Clock>{children}</Clock>;
    // The page's one fetcher, as KastenProviders makes it: identical queries in flight share a request.
    const fetcher = usePageFetcher();
    return (
      <MemoryRouter initialEntries={[opts.route ?? '/kasten']}>
        <KastenConfigContext.Provider value={config}>
          <MetricsAccessContext.Provider value={access}>
            <PrometheusFetcherContext.Provider value={fetcher}>
              <Routes>
                <Route
                  path={opts.path ?? '*'}
                  element={
                    <>
                      {body}
                      <LocationProbe />
                    </>
                  }
                />
              </Routes>
            </PrometheusFetcherContext.Provider>
          </MetricsAccessContext.Provider>
        </KastenConfigContext.Provider>
      </MemoryRouter>
    );
  };
  return {
    Wrapper,
    refresh: async () => {
      await act(async () => {
        bump();
        await new Promise((resolve) => setTimeout(resolve, 0));
      });
    },
  };
};

export const renderWith = (ui: React.ReactElement, opts: HarnessOptions = {}) => {
  const h = harness(opts);
  return { ...render(ui, { wrapper: h.Wrapper }), refresh: h.refresh };
};

/** Lets pending promise callbacks (mocked fetches) run and their state updates land. */
export const settle = async (): Promise<void> => {
  await act(async () => {
    // A macrotask runs only after every queued microtask, however deep the promise chain.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
};

/**
 * A responder that answers each of a view's queries by its key (the data
 * hook's `queries` map), an Error being what the fetch rejects with. A query
 * the test does not mention answers with an empty vector: the metric is absent.
 */
export const byKey =
  <K extends string>(queries: Record<K, string>, answers: Partial<Record<K, unknown>>, rangeKeys: readonly K[] = []) =>
  (req: PromRequest): unknown => {
    // The same PromQL can be asked as an instant and as a range query (current value and its history).
    const isRange = req.path.endsWith('/query_range');
    const key = (Object.keys(queries) as K[]).find(
      (k) => queries[k] === req.query && (rangeKeys.length === 0 || rangeKeys.includes(k) === isRange),
    );
    if (key === undefined) throw new Error(`query not in this view: ${req.query}`);
    const answer = key in answers ? answers[key] : { status: 'success', data: { resultType: 'vector', result: [] } };
    if (answer instanceof Error) throw answer;
    return answer;
  };

/** Cell texts of a table's body rows (spacer rows left out). */
export const tableRows = (container: HTMLElement): string[][] =>
  Array.from(container.querySelectorAll('tbody tr'))
    .filter((r) => r.getAttribute('aria-hidden') !== 'true' && r.getAttribute('data-test') !== 'row-details')
    .map((r) =>
      Array.from(r.querySelectorAll('td'))
        // The expand toggle's cell holds no data.
        .filter((td) => !td.querySelector('[data-test="row-toggle"]'))
        .map((td) => (td.textContent ?? '').trim()),
    );
