import { formatAge, formatBytes, formatDateTime, formatNumber } from './format';

test.each([
  [0, '0s'],
  [-5, '0s'],
  [59.6, '1m'],
  [45, '45s'],
  [250, '4m 10s'],
  [3600, '1h'],
  [3660, '1h 1m'],
  [3601, '1h'],
  [97_200, '1d 3h'],
  [86_400 + 59, '1d'],
  [30 * 86_400, '30d'],
])('formatAge(%p) = %p', (s, text) => {
  expect(formatAge(s)).toBe(text);
});

test.each([
  [0, '0 B'],
  [1023, '1,023 B'],
  [1024, '1 KiB'],
  [1536, '1.5 KiB'],
  [3_221_225_472, '3 GiB'],
  [3_500_000_000, '3.26 GiB'],
  [5 * 1024 ** 5, '5,120 TiB'],
])('formatBytes(%p) = %p', (b, text) => {
  expect(formatBytes(b)).toBe(text);
});

test('formatBytes and formatNumber follow the locale', () => {
  expect(formatBytes(1536, 'de')).toBe('1,5 KiB');
  expect(formatNumber(1234.567, 'de', 1)).toBe('1.234,6');
  expect(formatNumber(1234.567)).toBe('1,234.57');
});

test('formatDateTime shows the local date and time of a unix time', () => {
  const t = 1_704_067_200 + 3 * 3600 + 25 * 60 + 7;
  const expected = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(
    new Date(t * 1000),
  );
  expect(formatDateTime(t)).toBe(expected);
  // The seconds are there (the seed's `date -d @...` precision), and the year is.
  expect(formatDateTime(t)).toMatch(/:25:07/);
  expect(formatDateTime(t)).toMatch(/2024/);
});

describe('non-finite values are never printed as a number', () => {
  test.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '+Inf'],
    [Number.NEGATIVE_INFINITY, '-Inf'],
  ])('%p', (v, reason) => {
    expect(formatAge(v)).toBe(reason);
    expect(formatBytes(v)).toBe(reason);
    expect(formatNumber(v)).toBe(reason);
    expect(formatDateTime(v)).toBe(reason);
  });

  test('a time past what a Date holds does not throw', () => {
    expect(() => formatDateTime(1e20)).not.toThrow();
  });
});
