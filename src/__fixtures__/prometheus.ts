/**
 * Answers as the console's Prometheus proxy and `consoleFetchJSON` give them:
 * success bodies in the Prometheus HTTP API shape, and the errors the
 * console's fetch layer throws (its HttpError carries `code`, `response` and
 * the parsed `json`; its TimeoutError names the URL and the limit).
 */
import type { PromLabels, PromResponse } from '../models/prometheus/types';

export const vector = (samples: Array<[PromLabels, number | string]>, at = 1_700_000_000): PromResponse => ({
  status: 'success',
  data: { resultType: 'vector', result: samples.map(([metric, v]) => ({ metric, value: [at, String(v)] })) },
});

export const emptyVector = (): PromResponse => vector([]);

export const matrix = (series: Array<[PromLabels, Array<[number, number | string]>]>): PromResponse => ({
  status: 'success',
  data: {
    resultType: 'matrix',
    result: series.map(([metric, values]) => ({ metric, values: values.map(([t, v]) => [t, String(v)]) })),
  },
});

/** The console's HttpError: message from `json.message`, else `json.error`, else the status text. */
export const httpError = (
  status: number,
  json?: { status?: string; errorType?: string; error?: string; message?: string },
  statusText = 'Error',
): Error => {
  const err = new Error(json?.message ?? json?.error ?? statusText) as Error & {
    code: number;
    response: { status: number };
    json?: unknown;
  };
  err.name = 'HttpError';
  err.code = status;
  err.response = { status };
  if (json) err.json = json;
  return err;
};

/** Prometheus's own error body, as it answers a bad or failed query. */
export const promErrorBody = (errorType: string, error: string) => ({ status: 'error', errorType, error });

/** The console's TimeoutError (co-fetch), raised when a call outlives the timeout it was given. */
export const timeoutError = (url: string, ms: number): Error => {
  const err = new Error(`Call to ${url} timed out after ${ms}ms.`);
  err.name = 'TimeoutError';
  return err;
};

/** What fetch rejects with when nothing answers (connection refused, DNS, proxy down). */
export const networkError = (): Error => new TypeError('Failed to fetch');
