import { DEFAULT_PLUGIN_CONFIG } from './plugin-config';
import { historyQueries, policyNames, shapeHistory, type HistoryKey } from './history';
import type { PromLabels, PromQueryState, PromResult } from './prometheus/types';

const vec = (...policies: Array<string | undefined>): PromResult => ({
  resultType: 'vector',
  result: policies.map((p) => ({ metric: p === undefined ? ({} as PromLabels) : { policy: p }, value: [1, '1'] })),
});

test.each<[string, PromResult | undefined, string[]]>([
  ['no answer', undefined, []],
  ['sorted, empty and missing names dropped', vec('weekly', '', 'daily', undefined), ['daily', 'weekly']],
])('policyNames: %s', (_name, data, names) => {
  expect(policyNames(data)).toEqual(names);
});

test('historyQueries: the policy picker is narrowed by namespace only, the charts by namespace and policy', () => {
  const q = historyQueries(DEFAULT_PLUGIN_CONFIG, 300, 'shop', 'nightly');
  expect(q.byStatus).toContain('exported_namespace="shop"');
  expect(q.byStatus).toContain('policy="nightly"');
  expect(q.policies).toContain('exported_namespace="shop"');
  expect(q.policies).not.toContain('policy="nightly"');
  expect(q.newPerStep).toContain('5m');
});

test('shapeHistory: matrices become series in milliseconds, the picker list from the instant answer', () => {
  const matrix: PromResult = { resultType: 'matrix', result: [{ metric: { status: 'failed' }, values: [[60, '2']] }] };
  const state = (data?: PromResult): PromQueryState => ({ data, loading: false, stale: false });
  const keys: HistoryKey[] = ['byStatus', 'failedByPolicy', 'newPerStep', 'policies'];
  const queries = Object.fromEntries(keys.map((k) => [k, k])) as Record<HistoryKey, string>;
  const shaped = shapeHistory(queries, {
    byStatus: state(matrix),
    failedByPolicy: state(),
    newPerStep: state(matrix),
    policies: state(vec('b', 'a')),
  });
  expect(shaped.byStatus).toEqual([{ labels: { status: 'failed' }, points: [{ x: 60_000, y: 2 }] }]);
  expect(shaped.failedByPolicy).toEqual([]);
  expect(shaped.policies).toEqual(['a', 'b']);
});
