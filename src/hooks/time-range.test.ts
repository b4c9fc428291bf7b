import {
  DEFAULT_REFRESH_MS,
  DEFAULT_TIME_RANGE_MS,
  parseTimeRangeParams,
  promDuration,
  rangeStepSeconds,
} from './time-range';

const p = (s: string) => parseTimeRangeParams(new URLSearchParams(s));

describe('parseTimeRangeParams', () => {
  test.each([
    ['', { timeRangeMs: 3_600_000, endTime: undefined, refreshMs: 30_000 }],
    [
      'timeRange=21600000&endTime=1704067200000&refreshInterval=60000',
      { timeRangeMs: 21_600_000, endTime: 1_704_067_200_000, refreshMs: 60_000 },
    ],
    ['timeRange=300000', { timeRangeMs: 300_000, endTime: undefined, refreshMs: 30_000 }],
    [
      'timeRange=299999',
      {
        timeRangeMs: DEFAULT_TIME_RANGE_MS,
        endTime: undefined,
        refreshMs: DEFAULT_REFRESH_MS,
        ignoredParams: [{ param: 'timeRange', value: '299999' }],
      },
    ],
    ['timeRange=7776000000', { timeRangeMs: 7_776_000_000, endTime: undefined, refreshMs: 30_000 }],
    [
      'timeRange=7776000001',
      {
        timeRangeMs: DEFAULT_TIME_RANGE_MS,
        endTime: undefined,
        refreshMs: 30_000,
        ignoredParams: [{ param: 'timeRange', value: '7776000001' }],
      },
    ],
    [
      'timeRange=1h&endTime=yesterday&refreshInterval=fast',
      {
        timeRangeMs: DEFAULT_TIME_RANGE_MS,
        endTime: undefined,
        refreshMs: DEFAULT_REFRESH_MS,
        ignoredParams: [
          { param: 'timeRange', value: '1h' },
          { param: 'endTime', value: 'yesterday' },
          { param: 'refreshInterval', value: 'fast' },
        ],
      },
    ],
    [
      'timeRange=-3600000&endTime=0',
      {
        timeRangeMs: DEFAULT_TIME_RANGE_MS,
        endTime: undefined,
        refreshMs: 30_000,
        ignoredParams: [
          { param: 'timeRange', value: '-3600000' },
          { param: 'endTime', value: '0' },
        ],
      },
    ],
    ['refreshInterval=0', { timeRangeMs: 3_600_000, endTime: undefined, refreshMs: null }],
    ['refreshInterval=off', { timeRangeMs: 3_600_000, endTime: undefined, refreshMs: null }],
    // An interval the page does not offer cannot make it poll faster than the shortest it offers.
    [
      'refreshInterval=1000',
      {
        timeRangeMs: 3_600_000,
        endTime: undefined,
        refreshMs: 15_000,
        ignoredParams: [{ param: 'refreshInterval', value: '1000' }],
      },
    ],
    [
      'refreshInterval=5000',
      {
        timeRangeMs: 3_600_000,
        endTime: undefined,
        refreshMs: 15_000,
        ignoredParams: [{ param: 'refreshInterval', value: '5000' }],
      },
    ],
    [
      'refreshInterval=45000',
      {
        timeRangeMs: 3_600_000,
        endTime: undefined,
        refreshMs: 60_000,
        ignoredParams: [{ param: 'refreshInterval', value: '45000' }],
      },
    ],
    [
      'refreshInterval=86400000',
      {
        timeRangeMs: 3_600_000,
        endTime: undefined,
        refreshMs: 3_600_000,
        ignoredParams: [{ param: 'refreshInterval', value: '86400000' }],
      },
    ],
    ['refreshInterval=15000', { timeRangeMs: 3_600_000, endTime: undefined, refreshMs: 15_000 }],
    ['refreshInterval=3600000', { timeRangeMs: 3_600_000, endTime: undefined, refreshMs: 3_600_000 }],
    [
      'timeRange=3600000.5',
      {
        timeRangeMs: DEFAULT_TIME_RANGE_MS,
        endTime: undefined,
        refreshMs: 30_000,
        ignoredParams: [{ param: 'timeRange', value: '3600000.5' }],
      },
    ],
  ])('%p', (search, expected) => {
    expect(p(search)).toEqual(expected);
  });
});

test.each([
  [3_600_000, '1h'],
  [5_400_000, '90m'],
  [86_400_000, '1d'],
  [172_800_000, '2d'],
  [1_800_000, '30m'],
  [45_000, '45s'],
  [0, '1s'],
  [90_500, '91s'],
])('promDuration(%p) = %p', (ms, d) => {
  expect(promDuration(ms)).toBe(d);
});

test.each([
  [30 * 60_000, 15],
  [3_600_000, 30],
  [2 * 3_600_000, 60],
  [6 * 3_600_000, 300],
  [24 * 3_600_000, 900],
  [7 * 86_400_000, 7200],
  [14 * 86_400_000, 14400],
  [90 * 86_400_000, 14400],
])('rangeStepSeconds(%p) = %p', (ms, step) => {
  expect(rangeStepSeconds(ms)).toBe(step);
  // About 120 points or fewer, except where the largest step caps it.
  if (step < 14400) expect(ms / 1000 / step).toBeLessThanOrEqual(120);
});
