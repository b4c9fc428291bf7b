/**
 * The look-back range the page asks for without the recording rules: the measured history,
 * rounded up to an hour, bounded by what the verdicts need. Its results on real data are in
 * test/promql/recovery-lookback.test.ts.
 */
import { clippedLookbackSeconds, LOOKBACK_ROUNDING_SECONDS } from './recovery';

const H = 3600;
const BOUND = 52 * H;

describe('clippedLookbackSeconds', () => {
  it.each([
    ['a default 24 h retention asks 25 h, not 52 h', 24 * H, 25 * H],
    ['history found a step late is still covered (23 h 56 m + 5 m)', 23 * H + 56 * 60, 25 * H],
    ['just under an hour boundary once the step is added', 22 * H + 55 * 60, 23 * H],
    ['a fresh install asks one hour', 0, 1 * H],
    ['ten minutes of history: one hour', 600, 1 * H],
    ['longer history than the verdict needs: the bound', 15 * 86400, BOUND],
    ['exactly the bound once rounded', 51 * H + 55 * 60, BOUND],
    ['history unknown (no catalog sample measured): the bound', undefined, BOUND],
    ['NaN measure: the bound', NaN, BOUND],
    ['+Inf measure: the bound', Infinity, BOUND],
    ['negative measure (clock skew): the bound', -30, BOUND],
  ])('%s', (_what, history, want) => {
    expect(clippedLookbackSeconds(history, BOUND)).toBe(want);
  });

  it('a bound that is not a whole hour is kept as is (it comes from the settings, so it is stable)', () => {
    expect(clippedLookbackSeconds(40 * H, 90_000)).toBe(90_000);
    expect(clippedLookbackSeconds(10 * H, 90_000)).toBe(11 * H);
  });

  it('the range changes at most once per rounding unit as history grows', () => {
    const ranges = new Set<number>();
    for (let h = 10 * H; h < 11 * H; h += 60) ranges.add(clippedLookbackSeconds(h, BOUND));
    expect(ranges.size).toBeLessThanOrEqual(2);
    for (const r of ranges) expect(r % LOOKBACK_ROUNDING_SECONDS).toBe(0);
  });

  it.each([0, -1, 1.5, NaN])('rejects a bound of %p', (bound) => {
    expect(() => clippedLookbackSeconds(1000, bound)).toThrow(/look-back bound must be a positive whole number/);
  });
});
