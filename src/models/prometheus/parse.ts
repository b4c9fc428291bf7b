import type { PromLabels, PromMatrixSeries, PromResult, PromVectorSample } from './types';

export interface VectorRow {
  labels: PromLabels;
  value: number;
  time: number;
}

/** Rows of an instant vector; a scalar answer becomes one row without labels. */
export const vectorRows = (data: PromResult | undefined): VectorRow[] => {
  if (!data) return [];
  if (data.resultType === 'vector') {
    return data.result.map((s: PromVectorSample) => ({
      labels: s.metric,
      value: Number(s.value[1]),
      time: s.value[0],
    }));
  }
  if (data.resultType === 'scalar') return [{ labels: {}, value: Number(data.result[1]), time: data.result[0] }];
  return [];
};

/** The single value of a one-row answer, or undefined when the answer is empty (the metric is absent). */
export const singleValue = (data: PromResult | undefined): number | undefined => {
  const rows = vectorRows(data);
  return rows.length > 0 ? rows[0]?.value : undefined;
};

export interface SeriesPoints {
  labels: PromLabels;
  points: Array<{ x: number; y: number }>;
}

export const matrixSeries = (data: PromResult | undefined): SeriesPoints[] => {
  if (!data || data.resultType !== 'matrix') return [];
  return data.result.map((s: PromMatrixSeries) => ({
    labels: s.metric,
    points: s.values.map(([t, v]) => ({ x: t * 1000, y: Number(v) })),
  }));
};
