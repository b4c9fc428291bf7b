import {
  checkDuration,
  durationSeconds,
  escapeLabelValue,
  nameSelector,
  promNumber,
  secondsToDuration,
  selector,
} from './escape';

describe('escapeLabelValue', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a"b', 'a\\"b'],
    ['back\\slash', 'back\\\\slash'],
    ['line\nbreak', 'line\\nbreak'],
    ['cr\rlf', 'cr\\rlf'],
    ['\\"', '\\\\\\"'],
    ['"} or vector(1) #', '\\"} or vector(1) #'],
    ['☃ é 日本', '☃ é 日本'],
    ["single'quote", "single'quote"],
  ])('%j -> %j', (input, expected) => {
    expect(escapeLabelValue(input)).toBe(expected);
  });
});

describe('selector', () => {
  it.each([
    ['up', [], 'up{}'],
    ['up', [['namespace', '=', 'kasten-io']], 'up{namespace="kasten-io"}'],
    [
      'm',
      [
        ['a', '!=', ''],
        ['b', '=~', 'x|y'],
        ['c', '!~', 'z'],
      ],
      'm{a!="",b=~"x|y",c!~"z"}',
    ],
    [
      'namespace:container_cpu_usage:sum',
      [['namespace', '=', 'q"']],
      'namespace:container_cpu_usage:sum{namespace="q\\""}',
    ],
    ['', [['__name__', '=~', 'a.+']], '{__name__=~"a.+"}'],
  ] as const)('%s %j', (metric, matchers, expected) => {
    expect(selector(metric, matchers)).toBe(expected);
  });

  it.each([
    ['bad-name', []],
    ['ok', [['bad-label', '=', 'x']]],
    ['ok', [['1x', '=', 'x']]],
  ] as const)('rejects %s %j', (metric, matchers) => {
    expect(() => selector(metric, matchers)).toThrow();
  });

  it('nameSelector quotes any metric name', () => {
    expect(nameSelector('x"} or vector(1)', [['namespace', '=', 'kasten-io']])).toBe(
      '{__name__="x\\"} or vector(1)",namespace="kasten-io"}',
    );
  });
});

describe('durations', () => {
  it.each([
    ['30s', 30],
    ['10m', 600],
    ['1h30m', 5400],
    ['7d', 604800],
    ['1w', 604800],
    ['1y', 31536000],
    ['1500ms', 1.5],
  ])('%s is %d s', (d, s) => {
    expect(checkDuration(d)).toBe(d);
    expect(durationSeconds(d)).toBe(s);
  });

  it.each(['', '10', 'm', '10m]', '5m offset 1h', '0s', '-1m', '1.5h', '10 m'])('rejects %j', (d) => {
    expect(() => checkDuration(d)).toThrow();
  });

  it.each([
    [93600, '26h'],
    [1800, '30m'],
    [604800, '1w'],
    [86400, '1d'],
    [45, '45s'],
    [3630, '3630s'],
  ])('%d s -> %s', (s, d) => {
    expect(secondsToDuration(s)).toBe(d);
  });

  it.each([0, -5, 1.5, Number.NaN])('secondsToDuration rejects %d', (s) => {
    expect(() => secondsToDuration(s)).toThrow();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('promNumber rejects %d', (n) => {
    expect(() => promNumber(n)).toThrow();
  });
});
