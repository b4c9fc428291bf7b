import { alertingPageUrl, alignedRange, queryUrl, type MetricsAccess } from './urls';
import type { PromQueryRequest } from '../../models/prometheus/types';

const parse = (url: string) => {
  const u = new URL(url, 'http://console.test');
  return { path: u.pathname, params: Object.fromEntries(u.searchParams.entries()) };
};

const Q = 'sum by (status) (catalog_actions_count{namespace="kasten-io"})';
const instant: PromQueryRequest = { key: 'k', kind: 'instant', query: Q };
const range = (extra: Partial<Extract<PromQueryRequest, { kind: 'range' }>> = {}): PromQueryRequest => ({
  key: 'k',
  kind: 'range',
  query: Q,
  spanSeconds: 3600,
  stepSeconds: 30,
  ...extra,
});
const cluster: MetricsAccess = { mode: 'cluster' };
const tenancy: MetricsAccess = { mode: 'tenancy', namespace: 'kasten-io' };

describe('queryUrl', () => {
  test.each<[string, PromQueryRequest, MetricsAccess, number, { path: string; params: Record<string, string> }]>([
    [
      'instant, cluster: no time, no namespace',
      instant,
      cluster,
      1_700_000_017,
      { path: '/api/prometheus/api/v1/query', params: { query: Q } },
    ],
    [
      'instant, tenancy: namespace added',
      instant,
      tenancy,
      1_700_000_017,
      { path: '/api/prometheus-tenancy/api/v1/query', params: { namespace: 'kasten-io', query: Q } },
    ],
    [
      'range, cluster: end aligned down to the step, start = end - span',
      range(),
      cluster,
      1_700_000_017,
      {
        path: '/api/prometheus/api/v1/query_range',
        params: { query: Q, start: '1699996410', end: '1700000010', step: '30' },
      },
    ],
    [
      'range, tenancy: namespace plus aligned window',
      range({ stepSeconds: 300, spanSeconds: 7200 }),
      tenancy,
      1_700_000_017,
      {
        path: '/api/prometheus-tenancy/api/v1/query_range',
        params: { namespace: 'kasten-io', query: Q, start: '1699992600', end: '1699999800', step: '300' },
      },
    ],
    [
      'range with a fixed end ignores "now" and aligns the fixed end',
      range({ end: 1_704_067_259 }),
      cluster,
      1_800_000_000,
      {
        path: '/api/prometheus/api/v1/query_range',
        params: { query: Q, start: '1704063630', end: '1704067230', step: '30' },
      },
    ],
    [
      'access none uses the tenancy path (nothing is sent in that mode, but the URL never widens to the cluster)',
      instant,
      { mode: 'none', namespace: 'team-a' },
      0,
      { path: '/api/prometheus-tenancy/api/v1/query', params: { namespace: 'team-a', query: Q } },
    ],
  ])('%s', (_name, request, access, now, expected) => {
    expect(parse(queryUrl(request, access, now))).toEqual(expected);
  });

  test('the query travels URL-encoded and decodes to the exact PromQL (GET carries it in the query string)', () => {
    const hostile = 'x{policy="a&b=c #d", exported_namespace=~"x|y"} + 1';
    const url = queryUrl({ key: 'k', kind: 'instant', query: hostile }, cluster, 0);
    expect(url).not.toContain(' ');
    expect(url).not.toContain('&b=c');
    expect(new URL(url, 'http://x').searchParams.get('query')).toBe(hostile);
  });

  test('two polls inside one step ask for the same window, so values do not jitter', () => {
    const a = queryUrl(range(), cluster, 1_700_000_011);
    const b = queryUrl(range(), cluster, 1_700_000_039);
    const c = queryUrl(range(), cluster, 1_700_000_040);
    expect(a).toBe(b);
    expect(c).not.toBe(b);
  });
});

test('alignedRange floors the end to a step multiple', () => {
  expect(alignedRange(600, 60, 1_000_059)).toEqual({ start: 999_420, end: 1_000_020 });
  expect(alignedRange(600, 60, 1_000_020)).toEqual({ start: 999_420, end: 1_000_020 });
});

test('the alerting link filters to user-workload alerts', () => {
  expect(alertingPageUrl()).toBe('/monitoring/alerts?alerts=&rowFilter-alert-source=user');
});
