import {
  alertAllowedAgeSeconds,
  cronLargestGapSeconds,
  expectedIntervalSeconds,
  policySchedule,
  recoveryPointVerdict,
  type KastenPolicy,
  type KastenSubFrequency,
  type RecoveryPointVerdict,
} from './policy';

const policy = (frequency?: string, paused?: boolean, subFrequency?: KastenSubFrequency): KastenPolicy => ({
  metadata: { name: 'p' },
  spec: { frequency, paused, subFrequency },
});
const H = 3600;
const D = 86_400;
const MAX = 26 * 3600;

test.each([
  ['@hourly', 3600],
  ['@daily', 86_400],
  ['@weekly', 604_800],
  ['@monthly', 2_678_400],
  ['@yearly', 31_622_400],
  ['@onDemand', undefined],
  ['*/15 * * * *', 900],
  ['0 2 * * *', D],
  ['30 1,13 * * *', 12 * H],
  ['0 3 * * 1-5', 3 * D],
  ['0 0 1 */3 *', 92 * D],
  ['0 0 29 2 *', 1461 * D],
  ['0 0 * * 7', 7 * D],
  ['not a cron', undefined],
  ['61 * * * *', undefined],
  ['* * * *', undefined],
  ['@sometimes', undefined],
  [undefined, undefined],
])('expectedIntervalSeconds(%p) = %p', (f, s) => {
  expect(expectedIntervalSeconds(f)).toBe(s);
});

test.each<[string, string, KastenSubFrequency, number | undefined]>([
  ['hourly at :00 and :30', '@hourly', { minutes: [0, 30] }, 30 * 60],
  ['hourly at :10 and :20: the long gap wraps the hour', '@hourly', { minutes: [10, 20] }, 50 * 60],
  ['daily at 01:00 and 05:00: 20 h from 05:00 to 01:00', '@daily', { hours: [1, 5] }, 20 * H],
  ['daily, four times a day', '@daily', { hours: [0, 6, 12, 18], minutes: [15] }, 6 * H],
  ['weekly on Monday and Thursday', '@weekly', { weekdays: [1, 4], hours: [2] }, 4 * D],
  ['monthly on the 1st and 15th: up to 17 days in a 31-day month', '@monthly', { days: [1, 15] }, 17 * D],
  ['yearly in January and July', '@yearly', { months: [1, 7], days: [1] }, 184 * D],
  ["an empty list means Kasten's default", '@daily', { hours: [] }, D],
  ['a minute out of range is unreadable', '@hourly', { minutes: [75] }, undefined],
  ['a fractional hour is unreadable', '@daily', { hours: [1.5] }, undefined],
])('subFrequency: %s', (_name, frequency, sub, expected) => {
  expect(expectedIntervalSeconds(frequency, sub)).toBe(expected);
});

test('cron: only five-field expressions are read', () => {
  expect(cronLargestGapSeconds('0 0 * * * *')).toBeUndefined();
  expect(cronLargestGapSeconds('0 0 31 2 *')).toBeUndefined();
});

test.each<[string, KastenPolicy | undefined, ReturnType<typeof policySchedule>]>([
  ['weekly', policy('@weekly'), { kind: 'scheduled', intervalSeconds: 7 * D, allowedAgeSeconds: 665_880 }],
  ['on demand', policy('@onDemand'), { kind: 'onDemand' }],
  ['paused weekly', policy('@weekly', true), { kind: 'paused' }],
  ['paused on demand', policy('@onDemand', true), { kind: 'paused' }],
  ['cron', policy('0 */6 * * *'), { kind: 'scheduled', intervalSeconds: 6 * H, allowedAgeSeconds: 24_360 }],
  ['unreadable cron', policy('every day'), { kind: 'unknown' }],
  ['no frequency', policy(undefined), { kind: 'unknown' }],
  ['no policy object', undefined, { kind: 'unknown' }],
])('policySchedule: %s', (_name, p, expected) => {
  expect(policySchedule(p)).toEqual(expected);
});

describe('recoveryPointVerdict', () => {
  test.each<[string, number | undefined, KastenPolicy | undefined, ReturnType<typeof recoveryPointVerdict>]>([
    // hourly: 3600 * 1.1 + 600 = 4560 s allowed
    ['hourly, 1h old: ok', 3600, policy('@hourly'), { verdict: 'ok', expectedSeconds: 4560 }],
    ['hourly, exactly at the limit: ok', 4560, policy('@hourly'), { verdict: 'ok', expectedSeconds: 4560 }],
    ['hourly, one second past: stale', 4561, policy('@hourly'), { verdict: 'stale', expectedSeconds: 4560 }],
    ['daily, 25h old: ok (95640 s allowed)', 90_000, policy('@daily'), { verdict: 'ok', expectedSeconds: 95_640 }],
    ['daily, 2 days old: stale', 172_800, policy('@daily'), { verdict: 'stale', expectedSeconds: 95_640 }],
    ['never backed up', undefined, policy('@daily'), { verdict: 'never', expectedSeconds: 95_640 }],
    ['paused wins over stale', 10 * 86_400, policy('@hourly', true), { verdict: 'paused' }],
    ['paused wins over never', undefined, policy('@daily', true), { verdict: 'paused' }],
    ['on demand: any age is fine', 100 * 86_400, policy('@onDemand'), { verdict: 'ok' }],
    [
      'a NaN age is never ok: cannot tell',
      Number.NaN,
      policy('@hourly'),
      { verdict: 'unknown', expectedSeconds: 4560 },
    ],
    [
      'a +Inf age is not judged either',
      Number.POSITIVE_INFINITY,
      policy('@daily'),
      { verdict: 'unknown', expectedSeconds: 95_640 },
    ],
    ['on demand with a NaN age: cannot tell', Number.NaN, policy('@onDemand'), { verdict: 'unknown' }],
    [
      'on demand without any backup yet: nothing to judge, not a failure',
      undefined,
      policy('@onDemand'),
      { verdict: 'unknown' },
    ],
    ['cron daily at 02:00, 26h old: ok', 26 * H, policy('0 2 * * *'), { verdict: 'ok', expectedSeconds: 95_640 }],
    ['cron daily at 02:00, 27h old: stale', 27 * H, policy('0 2 * * *'), { verdict: 'stale', expectedSeconds: 95_640 }],
    ['weekly, 3 days old: ok, not "no backup"', 3 * D, policy('@weekly'), { verdict: 'ok', expectedSeconds: 665_880 }],
    ['weekly, 8 days old: stale', 8 * D, policy('@weekly'), { verdict: 'stale', expectedSeconds: 665_880 }],
    ['monthly, 20 days old: ok', 20 * D, policy('@monthly'), { verdict: 'ok', expectedSeconds: 2_946_840 }],
    ['yearly, 200 days old: ok', 200 * D, policy('@yearly'), { verdict: 'ok', expectedSeconds: 34_785_240 }],
    [
      'hourly twice an hour, 45 min old: stale',
      45 * 60,
      policy('@hourly', false, { minutes: [0, 30] }),
      { verdict: 'stale', expectedSeconds: 2580 },
    ],
    [
      'unreadable cron: the configured maximum age decides (ok)',
      MAX,
      policy('every day'),
      { verdict: 'ok', expectedSeconds: MAX },
    ],
    [
      'unreadable cron: the configured maximum age decides (stale)',
      MAX + 1,
      policy('every day'),
      { verdict: 'stale', expectedSeconds: MAX },
    ],
    [
      'policy unreadable (forbidden): maximum age decides',
      MAX + 1,
      undefined,
      { verdict: 'stale', expectedSeconds: MAX },
    ],
  ])('%s', (_name, age, p, expected) => {
    expect(recoveryPointVerdict(age, p, MAX)).toEqual(expected);
  });

  test.each<[string, number | undefined, KastenPolicy | undefined, number, RecoveryPointVerdict]>([
    ['weekly, no success in 24 h of metrics: cannot tell', undefined, policy('@weekly'), 24 * H, 'unknown'],
    ['weekly, no success in 8 days of metrics: never', undefined, policy('@weekly'), 8 * D, 'never'],
    ['default max age, no success in 24 h: cannot tell', undefined, undefined, 24 * H, 'unknown'],
    ['default max age, no success in 27 h: never', undefined, undefined, 27 * H, 'never'],
    ['a success seen is judged whatever the history', 8 * D, policy('@weekly'), 9 * D, 'stale'],
  ])('with the metrics history: %s', (_name, age, p, history, verdict) => {
    expect(recoveryPointVerdict(age, p, MAX, history).verdict).toBe(verdict);
  });
});

test.each<[string, KastenPolicy | undefined, number | undefined]>([
  ['daily: its allowed age', policy('@daily'), 95_640],
  ['on demand: 0, never alert', policy('@onDemand'), 0],
  ['paused: 0, never alert', policy('@hourly', true), 0],
  ['unreadable: the default applies', policy('whenever'), undefined],
])('alertAllowedAgeSeconds: %s', (_name, p, expected) => {
  expect(alertAllowedAgeSeconds(p)).toBe(expected);
});
