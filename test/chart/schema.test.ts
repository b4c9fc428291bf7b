/**
 * values.schema.json (and the chart's own checks) turn bad values into an install error that
 * names the value, instead of a broken Deployment or an alert that can never fire.
 */
import { BASE_VALUES, merge, render, renderFailure, type Values } from './helm';

// Each case runs the helm binary; a busy machine makes that slow, not wrong.
jest.setTimeout(60_000);

const rejected: Array<[string, Values, RegExp]> = [
  [
    'a Kasten namespace that is no DNS label',
    { kasten: { namespace: 'Kasten_IO' } },
    /\/kasten\/namespace.*does not match pattern/,
  ],
  [
    'the retired Kasten pod selector (the NetworkPolicy selects the scraped components)',
    { kasten: { podSelector: { release: 'k10' } } },
    /additional properties 'podSelector' not allowed/,
  ],
  [
    'no component to scrape (the NetworkPolicy would select nothing useful)',
    { monitoring: { serviceMonitors: { components: [] } } },
    /components.*minItems/,
  ],
  [
    'a scrape interval of 1ms',
    { monitoring: { scrapeInterval: '1ms' } },
    /monitoring\.scrapeInterval \(1ms\) is below 5s: .* Use 5s or more/,
  ],
  [
    'a scrape interval just under 5s',
    { monitoring: { scrapeInterval: '4s', networkPolicy: { enabled: true } }, thresholds: { newFailuresWindow: '1m' } },
    /monitoring\.scrapeInterval \(4s\) is below 5s/,
  ],
  [
    'a scrape interval longer than the 5m look-back',
    { monitoring: { scrapeInterval: '6m' }, thresholds: { newFailuresWindow: '1h' } },
    /monitoring\.scrapeInterval \(6m\) is above 5m: .* vanish between scrapes/,
  ],
  [
    'a window shorter than the scrape interval',
    { thresholds: { newFailuresWindow: '20s' } },
    /thresholds\.newFailuresWindow \(20s\) is shorter than monitoring\.scrapeInterval \(30s\): KastenNewFailedActions would miss failures between two scrapes\. Set newFailuresWindow to 30s or longer\./,
  ],
  [
    'a window in milliseconds under a 1m scrape interval',
    { thresholds: { newFailuresWindow: '59999ms' }, monitoring: { scrapeInterval: '1m' } },
    /newFailuresWindow \(59999ms\) is shorter than monitoring\.scrapeInterval \(1m\)/,
  ],
  ['a build that does not exist', { plugin: { build: 'legacy' } }, /\/plugin\/build.*value must be one of/],
  [
    'a catalog threshold above 100%',
    { thresholds: { catalogPvcUsedPercentThreshold: 150 } },
    /catalogPvcUsedPercentThreshold.*exclusiveMaximum/,
  ],
  [
    'a catalog threshold of 0%',
    { thresholds: { catalogPvcUsedPercentThreshold: 0 } },
    /catalogPvcUsedPercentThreshold.*exclusiveMinimum/,
  ],
  ['memory as text', { thresholds: { memoryThresholdBytes: '3Gi' } }, /memoryThresholdBytes.*got string, want integer/],
  [
    'a fractional max age',
    { thresholds: { recoveryPointMaxAgeSeconds: 93600.5 } },
    /recoveryPointMaxAgeSeconds.*got number, want integer/,
  ],
  [
    'a max age under a minute',
    { thresholds: { recoveryPointMaxAgeSeconds: 30 } },
    /recoveryPointMaxAgeSeconds.*minimum/,
  ],
  [
    'a window that is no Prometheus duration',
    { thresholds: { newFailuresWindow: '10 minutes' } },
    /newFailuresWindow.*does not match pattern/,
  ],
  [
    'a compound window the plugin would not read',
    { thresholds: { newFailuresWindow: '1h30m' } },
    /newFailuresWindow.*does not match pattern/,
  ],
  ['a zero window', { thresholds: { newFailuresWindow: '0m' } }, /newFailuresWindow.*does not match pattern/],
  ['a window as a number', { thresholds: { newFailuresWindow: 10 } }, /newFailuresWindow.*got number, want string/],
  ['a bad scrape interval', { monitoring: { scrapeInterval: '30' } }, /scrapeInterval.*does not match pattern/],
  ['a privileged port', { plugin: { port: 443 } }, /\/plugin\/port.*minimum/],
  ['no replicas', { plugin: { replicas: 0 } }, /\/plugin\/replicas.*minimum/],
  ['a typo in a key', { plugin: { enabelInConsole: false } }, /additional properties 'enabelInConsole' not allowed/],
  [
    'a switch as text',
    { monitoring: { prometheusRule: { enabled: 'yes' } } },
    /prometheusRule\/enabled.*got string, want boolean/,
  ],
  [
    'a component that is no label value',
    { monitoring: { serviceMonitors: { components: ['Catalog Svc'] } } },
    /components\/0.*does not match pattern/,
  ],
  [
    'a repeated component',
    { monitoring: { serviceMonitors: { components: ['catalog', 'catalog'] } } },
    /components.*are equal/,
  ],
  ['no memory limit', { plugin: { resources: { limits: { memory: null } } } }, /limits.*memory/],
  [
    'an unknown pull policy',
    { plugin: { image: { pullPolicy: 'Sometimes' } } },
    /pullPolicy.*(value must be one of|enum)/,
  ],
];

describe('bad values are rejected with the value named', () => {
  test.each(rejected)('%s', (_name, values, message) => {
    const res = renderFailure(merge(BASE_VALUES, values));
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(message);
  });

  test('the source chart without a packaged build and without an image says what to install instead', () => {
    const res = renderFailure({});
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain(
      'This chart has no built plugin in files/builds/: install the package scripts/package-chart.sh writes',
    );
  });

  test('servicemonitor-editor switched on without anyone to bind', () => {
    const res = renderFailure(merge(BASE_VALUES, { monitoring: { servicemonitorEditor: { enabled: true } } }));
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('monitoring.servicemonitorEditor.enabled needs at least one entry');
  });
});

describe('good values pass', () => {
  test.each<[string, Values]>([
    ['fractional thresholds', { thresholds: { catalogPvcUsedPercentThreshold: 80.5, cpuThresholdCores: 0.5 } }],
    [
      'a window in hours and a max age in days',
      { thresholds: { newFailuresWindow: '2h', recoveryPointMaxAgeSeconds: 172800 } },
    ],
    ['an image by digest', { plugin: { image: { tag: `sha256:${'a'.repeat(64)}` } } }],
    [
      'the window equal to the scrape interval',
      { thresholds: { newFailuresWindow: '1m' }, monitoring: { scrapeInterval: '60s' } },
    ],
    ['the shortest scrape interval', { monitoring: { scrapeInterval: '5s' }, thresholds: { newFailuresWindow: '5s' } }],
    ['the longest scrape interval', { monitoring: { scrapeInterval: '5m' } }],
  ])('%s', (_name, values) => {
    expect(render(values).length).toBeGreaterThan(5);
  });

  test('an image by digest is referenced with @', () => {
    const text = JSON.stringify(render({ plugin: { image: { tag: `sha256:${'b'.repeat(64)}` } } }));
    expect(text).toContain(`quay.io/example/kasten-console-plugin@sha256:${'b'.repeat(64)}`);
  });
});
