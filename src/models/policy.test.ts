import { expectedIntervalSeconds, recoveryPointVerdict, type KastenPolicy } from './policy';

const policy = (frequency?: string, paused?: boolean): KastenPolicy => ({
  metadata: { name: 'p' },
  spec: { frequency, paused },
});
const MAX = 26 * 3600;

test.each([
  ['@hourly', 3600],
  ['@daily', 86_400],
  ['@weekly', 604_800],
  ['@monthly', 2_678_400],
  ['@yearly', 31_622_400],
  ['@onDemand', undefined],
  ['*/15 * * * *', undefined],
  [undefined, undefined],
])('expectedIntervalSeconds(%p) = %p', (f, s) => {
  expect(expectedIntervalSeconds(f)).toBe(s);
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
      'on demand without any backup yet: nothing to judge, not a failure',
      undefined,
      policy('@onDemand'),
      { verdict: 'unknown' },
    ],
    [
      'cron frequency: the configured maximum age decides (ok)',
      MAX,
      policy('0 2 * * *'),
      { verdict: 'ok', expectedSeconds: MAX },
    ],
    [
      'cron frequency: the configured maximum age decides (stale)',
      MAX + 1,
      policy('0 2 * * *'),
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
});
