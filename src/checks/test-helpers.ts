/** Shared fixtures for the check tests (not shipped: only *.test.ts import it). */
import type { PromError, PromLabels, PromQueryState } from '../models/prometheus/types';

export const t = (key: string, o?: Record<string, unknown>): string =>
  key.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(o?.[k]));

export const vector = (...samples: Array<[PromLabels, string]>): PromQueryState => ({
  data: { resultType: 'vector', result: samples.map(([metric, v]) => ({ metric, value: [1700000000, v] })) },
  loading: false,
  stale: false,
});

export const promFailed = (error: PromError): PromQueryState => ({ error, loading: false, stale: false });

export const forbidden = { response: { status: 403 }, message: 'Forbidden' };
export const notFound = { response: { status: 404 }, message: 'Not Found' };
