import { isDayBoundary, nearestIndex, timeTicks, valueTicks } from './chart-scales';

const GiB = 1024 ** 3;

describe('valueTicks', () => {
  it.each([
    ['memory over its 3 GiB threshold', 3.2 * GiB, { binary: true }, [0, 1, 2, 3, 4].map((g) => g * GiB)],
    ['memory below 1 GiB', 700 * 1024 ** 2, { binary: true }, [0, 256, 512, 768].map((m) => m * 1024 ** 2)],
    ['percent up to a 50 % threshold', 50, {}, [0, 20, 40, 60]],
    ['percent with data up to 93', 93, {}, [0, 25, 50, 75, 100]],
    ['cores up to a 2-core threshold', 2, {}, [0, 0.5, 1, 1.5, 2]],
    ['counts up to 228', 228, { integer: true }, [0, 100, 200, 300]],
    ['counts up to 3', 3, { integer: true }, [0, 1, 2, 3]],
    ['small fractions', 0.3, {}, [0, 0.1, 0.2, 0.3]],
    ['no data', 0, { integer: true }, [0, 1]],
  ])('%s', (_name, max, opts, expected) => {
    expect(valueTicks(max, opts)).toEqual(expected);
  });

  it('always reaches the maximum it is given (data and threshold both inside the domain)', () => {
    for (const max of [0.7, 1, 3, 7.5, 99, 101, 1e6, 3 * GiB, 3 * GiB + 1]) {
      const ticks = valueTicks(max, { binary: max > 1e6 });
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('timeTicks', () => {
  const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

  it('one hour: every 10 minutes on round local times, inside the range', () => {
    const ticks = timeTicks(at(2026, 11, 29, 13, 7), at(2026, 11, 29, 14, 7), 8);
    expect(ticks.map((t) => new Date(t).getMinutes())).toEqual([10, 20, 30, 40, 50, 0]);
    expect(ticks.every((t) => t >= at(2026, 11, 29, 13, 7) && t <= at(2026, 11, 29, 14, 7))).toBe(true);
  });

  it('across midnight: the midnight is a tick, and it alone is a day boundary', () => {
    const ticks = timeTicks(at(2026, 11, 29, 20, 0), at(2026, 11, 30, 4, 0), 6);
    expect(ticks).toContain(at(2026, 11, 30));
    expect(ticks.filter(isDayBoundary)).toEqual([at(2026, 11, 30)]);
  });

  it('a week: one tick a day at local midnight', () => {
    const ticks = timeTicks(at(2026, 11, 22, 15), at(2026, 11, 29, 15), 8);
    expect(ticks.length).toBe(7);
    expect(ticks.every(isDayBoundary)).toBe(true);
  });

  it('no range, no ticks', () => {
    expect(timeTicks(5, 5, 6)).toEqual([]);
  });
});

describe('nearestIndex', () => {
  const times = [0, 30, 60, 90, 150];

  it.each([
    ['before the first', -10, 0],
    ['on a value', 60, 2],
    ['nearer the lower', 70, 2],
    ['nearer the upper', 80, 3],
    ['a tie goes to the earlier', 45, 1],
    ['across a gap', 125, 4],
    ['after the last', 400, 4],
  ])('%s', (_name, x, expected) => {
    expect(nearestIndex(times, x)).toBe(expected);
  });

  it('agrees with a linear scan on every probe', () => {
    const sorted = [3, 8, 8, 21, 34, 55, 89];
    for (let x = -5; x <= 100; x += 0.5) {
      const dist = sorted.map((v) => Math.abs(v - x));
      const best = Math.min(...dist);
      expect(Math.abs(sorted[nearestIndex(sorted, x)]! - x)).toBe(best);
    }
  });

  it('nothing to pick: -1', () => {
    expect(nearestIndex([], 5)).toBe(-1);
  });
});
