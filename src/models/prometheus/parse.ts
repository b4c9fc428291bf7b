import type { PromLabels, PromMatrixSeries, PromResult, PromVectorSample } from './types';

/**
 * A sample value as Prometheus writes it: decimal text, or `NaN`, `+Inf`,
 * `-Inf` (Number() reads "+Inf" as NaN, and "" as 0). Non-finite values are
 * kept as such, never turned into a number that looks real.
 */
export const parseSampleValue = (text: string): number => {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text.trim() === '') return Number.NaN;
  return Number(text);
};

export type NonFiniteReason = 'NaN' | '+Inf' | '-Inf';

/** Why a value cannot be shown or compared, in Prometheus's spelling; undefined for a real number. */
export const nonFiniteReason = (value: number): NonFiniteReason | undefined => {
  if (Number.isFinite(value)) return undefined;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? '+Inf' : '-Inf';
};

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
      value: parseSampleValue(s.value[1]),
      time: s.value[0],
    }));
  }
  if (data.resultType === 'scalar')
    return [{ labels: {}, value: parseSampleValue(data.result[1]), time: data.result[0] }];
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

/** Chart points; a non-finite sample is left out (a gap), since no axis can place NaN or Inf. */
export const matrixSeries = (data: PromResult | undefined): SeriesPoints[] => {
  if (!data || data.resultType !== 'matrix') return [];
  return data.result.map((s: PromMatrixSeries) => ({
    labels: s.metric,
    points: s.values.map(([t, v]) => ({ x: t * 1000, y: parseSampleValue(v) })).filter((p) => Number.isFinite(p.y)),
  }));
};
