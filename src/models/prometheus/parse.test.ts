import { matrix, vector } from '../../__fixtures__/prometheus';
import { matrixSeries, nonFiniteReason, parseSampleValue, singleValue, vectorRows } from './parse';

test('vectorRows turns samples into numbers with their labels and time', () => {
  expect(
    vectorRows(
      vector(
        [
          [{ policy: 'a' }, '3'],
          [{ policy: 'b' }, '0.5'],
        ],
        1234,
      ).data,
    ),
  ).toEqual([
    { labels: { policy: 'a' }, value: 3, time: 1234 },
    { labels: { policy: 'b' }, value: 0.5, time: 1234 },
  ]);
});

test('a scalar answer becomes one unlabelled row; matrix and missing data give none', () => {
  expect(vectorRows({ resultType: 'scalar', result: [10, '7'] })).toEqual([{ labels: {}, value: 7, time: 10 }]);
  expect(vectorRows(matrix([[{}, [[1, 1]]]]).data)).toEqual([]);
  expect(vectorRows(undefined)).toEqual([]);
});

test('singleValue is undefined for an empty answer (absent metric), never 0', () => {
  expect(singleValue(vector([]).data)).toBeUndefined();
  expect(singleValue(vector([[{}, '0']]).data)).toBe(0);
  expect(singleValue(vector([[{}, '2.5e9']]).data)).toBe(2.5e9);
});

test('matrixSeries gives chart points in milliseconds', () => {
  expect(
    matrixSeries(
      matrix([
        [
          { status: 'failed' },
          [
            [100, 1],
            [130, '2'],
          ],
        ],
      ]).data,
    ),
  ).toEqual([
    {
      labels: { status: 'failed' },
      points: [
        { x: 100_000, y: 1 },
        { x: 130_000, y: 2 },
      ],
    },
  ]);
  expect(matrixSeries(vector([[{}, 1]]).data)).toEqual([]);
});

test.each([
  ['NaN', Number.NaN, 'NaN'],
  ['+Inf', Number.POSITIVE_INFINITY, '+Inf'],
  ['-Inf', Number.NEGATIVE_INFINITY, '-Inf'],
  ['', Number.NaN, 'NaN'],
  ['1e3', 1000, undefined],
  ['-0.5', -0.5, undefined],
])('parseSampleValue(%p): Prometheus spellings stay non-finite with their reason', (text, value, reason) => {
  expect(parseSampleValue(text)).toBe(value);
  expect(nonFiniteReason(parseSampleValue(text))).toBe(reason);
});

test('vectorRows keeps +Inf as +Inf (Number("+Inf") would be NaN) and singleValue passes it on', () => {
  expect(vectorRows(vector([[{}, '+Inf']]).data)[0]?.value).toBe(Number.POSITIVE_INFINITY);
  expect(singleValue(vector([[{}, 'NaN']]).data)).toBeNaN();
});

test('matrixSeries leaves non-finite points out: a chart gap, not a point at 0', () => {
  const [s] = matrixSeries(
    matrix([
      [
        {},
        [
          [1, 5],
          [2, 'NaN'],
          [3, '+Inf'],
          [4, 7],
        ],
      ],
    ]).data,
  );
  expect(s?.points).toEqual([
    { x: 1000, y: 5 },
    { x: 4000, y: 7 },
  ]);
});
