import { thresholdVerdict } from './threshold';

test.each([
  [undefined, 10, { state: 'absent' }],
  [Number.NaN, 10, { state: 'no-value', reason: 'NaN' }],
  [Number.POSITIVE_INFINITY, 10, { state: 'no-value', reason: '+Inf' }],
  [Number.NEGATIVE_INFINITY, 10, { state: 'no-value', reason: '-Inf' }],
  [11, 10, { state: 'over', value: 11 }],
  [10, 10, { state: 'under', value: 10 }],
  [0, 10, { state: 'under', value: 0 }],
])('thresholdVerdict(%p, %p) = %p', (value, threshold, verdict) => {
  expect(thresholdVerdict(value, threshold)).toEqual(verdict);
});
