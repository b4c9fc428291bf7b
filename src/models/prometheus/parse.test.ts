import { matrix, vector } from '../../__fixtures__/prometheus';
import { matrixSeries, singleValue, vectorRows } from './parse';

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
