import { nonFiniteReason, type NonFiniteReason } from './prometheus/parse';

/**
 * A current value against its threshold. `absent`: no series (the metric is
 * not scraped); `no-value`: a series whose value is NaN or ±Inf, which no
 * comparison can judge (`NaN > threshold` is false, and used to read as
 * "below the threshold"), so it carries the reason instead of a verdict.
 */
export type ThresholdVerdict =
  | { state: 'absent' }
  | { state: 'no-value'; reason: NonFiniteReason }
  | { state: 'over' | 'under'; value: number };

export const thresholdVerdict = (value: number | undefined, threshold: number): ThresholdVerdict => {
  if (value === undefined) return { state: 'absent' };
  const reason = nonFiniteReason(value);
  if (reason) return { state: 'no-value', reason };
  return { state: value > threshold ? 'over' : 'under', value };
};
