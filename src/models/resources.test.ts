import { DEFAULT_PLUGIN_CONFIG } from './plugin-config';
import { RANGE_KEYS, resourcesQueries, shapeResources, type ResourcesKey } from './resources';
import type { PromQueryState, PromResult } from './prometheus/types';

const one = (v: number): PromResult => ({ resultType: 'vector', result: [{ metric: {}, value: [1, String(v)] }] });
const state = (data?: PromResult): PromQueryState => ({ data, loading: false, stale: false });

test('each chart asks the same expression as the value above it', () => {
  const q = resourcesQueries(DEFAULT_PLUGIN_CONFIG);
  for (const [range, instant] of Object.entries(RANGE_KEYS)) {
    expect(q[range as ResourcesKey]).toBe(q[instant as ResourcesKey]);
  }
});

describe('shapeResources', () => {
  const keys = Object.keys(resourcesQueries(DEFAULT_PLUGIN_CONFIG)) as ResourcesKey[];
  const queries = Object.fromEntries(keys.map((k) => [k, k])) as Record<ResourcesKey, string>;
  const states = (answers: Partial<Record<ResourcesKey, PromResult>>) =>
    Object.fromEntries(keys.map((k) => [k, state(answers[k])])) as Record<ResourcesKey, PromQueryState>;

  test.each<[string, Partial<Record<ResourcesKey, PromResult>>, Partial<ReturnType<typeof shapeResources>>]>([
    [
      'absent metrics stay undefined, never zero',
      {},
      { memoryBytes: undefined, cpuCores: undefined, licenseCompliant: undefined, pvcUsedPercent: {} },
    ],
    [
      'single values read as numbers',
      { memory: one(3.2 * 2 ** 30), cpu: one(0.25), catalogPvc: one(51), license: one(1) },
      {
        memoryBytes: 3.2 * 2 ** 30,
        cpuCores: 0.25,
        licenseCompliant: 1,
        pvcUsedPercent: { catalog: 51, jobs: undefined, logging: undefined },
      },
    ],
  ])('%s', (_name, answers, expected) => {
    expect(shapeResources(queries, states(answers), DEFAULT_PLUGIN_CONFIG)).toMatchObject(expected);
  });

  test('thresholds come from the plugin configuration', () => {
    const config = {
      ...DEFAULT_PLUGIN_CONFIG,
      memoryThresholdBytes: 1,
      cpuThresholdCores: 2,
      catalogPvcUsedPercentThreshold: 3,
    };
    expect(shapeResources(queries, states({}), config).thresholds).toEqual({
      memoryBytes: 1,
      cpuCores: 2,
      catalogPvcUsedPercent: 3,
    });
  });
});
