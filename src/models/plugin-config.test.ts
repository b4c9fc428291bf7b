import { DEFAULT_PLUGIN_CONFIG, parsePluginConfig } from './plugin-config';

test("defaults are the seed's values", () => {
  expect(DEFAULT_PLUGIN_CONFIG).toMatchObject({
    kastenNamespace: 'kasten-io',
    newFailuresWindow: '10m',
    scrapeResolution: '30s',
    memoryThresholdBytes: 3221225472,
    cpuThresholdCores: 2,
    catalogPvcUsedPercentThreshold: 50,
    recoveryPointMaxAgeSeconds: 93600,
  });
});

test('good values are kept', () => {
  const { config, ignored } = parsePluginConfig({
    kastenNamespace: 'k10',
    newFailuresWindow: '15m',
    scrapeResolution: '1m',
    memoryThresholdBytes: 4294967296,
    catalogPvcUsedPercentThreshold: 70,
    cpuThresholdCores: 1.5,
    recoveryPointMaxAgeSeconds: 7200,
  });
  expect(ignored).toEqual([]);
  expect(config).toEqual({
    ...DEFAULT_PLUGIN_CONFIG,
    kastenNamespace: 'k10',
    newFailuresWindow: '15m',
    scrapeResolution: '1m',
    memoryThresholdBytes: 4294967296,
    catalogPvcUsedPercentThreshold: 70,
    cpuThresholdCores: 1.5,
    recoveryPointMaxAgeSeconds: 7200,
  });
});

test('malformed values are ignored, listed, and replaced by defaults; unknown keys are not taken', () => {
  const { config, ignored } = parsePluginConfig({
    kastenNamespace: 'kasten-io"} or vector(1) #',
    newFailuresWindow: '10 minutes',
    scrapeResolution: 30,
    memoryThresholdBytes: -1,
    catalogPvcUsedPercentThreshold: '50',
    cpuThresholdCores: Number.POSITIVE_INFINITY,
    recoveryPointMaxAgeSeconds: 0,
    catalogJob: 'x"}',
  });
  expect(ignored.sort()).toEqual(
    [
      'kastenNamespace',
      'newFailuresWindow',
      'scrapeResolution',
      'memoryThresholdBytes',
      'catalogPvcUsedPercentThreshold',
      'cpuThresholdCores',
      'recoveryPointMaxAgeSeconds',
    ].sort(),
  );
  expect(config).toEqual(DEFAULT_PLUGIN_CONFIG);
});

test.each([
  ['kasten-io', true],
  ['k10', true],
  ['a', true],
  ['Kasten-IO', false],
  ['-kasten', false],
  ['kasten-', false],
  ['kasten_io', false],
  ['', false],
])('namespace %p accepted: %p', (ns, ok) => {
  const { config, ignored } = parsePluginConfig({ kastenNamespace: ns });
  expect(config.kastenNamespace).toBe(ok ? ns : 'kasten-io');
  expect(ignored).toEqual(ok ? [] : ['kastenNamespace']);
});

test.each([
  ['30s', true],
  ['500ms', true],
  ['2h', true],
  ['1d', true],
  ['1w', true],
  ['1y', true],
  ['1h30m', false],
  ['10', false],
  ['-5m', false],
  ['5M', false],
  ['5m ', false],
])('duration %p accepted: %p', (d, ok) => {
  const { config, ignored } = parsePluginConfig({ newFailuresWindow: d });
  expect(config.newFailuresWindow).toBe(ok ? d : '10m');
  expect(ignored).toEqual(ok ? [] : ['newFailuresWindow']);
});

test('no file at all means defaults and nothing ignored; a non-object is reported', () => {
  expect(parsePluginConfig(undefined)).toEqual({ config: DEFAULT_PLUGIN_CONFIG, ignored: [] });
  expect(parsePluginConfig('kastenNamespace: k10')).toEqual({
    config: DEFAULT_PLUGIN_CONFIG,
    ignored: ['(not an object)'],
  });
  expect(parsePluginConfig(null)).toEqual({ config: DEFAULT_PLUGIN_CONFIG, ignored: ['(not an object)'] });
});
