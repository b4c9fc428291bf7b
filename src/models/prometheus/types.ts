/** Shapes of the Prometheus HTTP API as the console's proxy returns them. */
export type PromLabels = Record<string, string>;

export interface PromVectorSample {
  metric: PromLabels;
  /** [unix seconds, value as text] */
  value: [number, string];
}

export interface PromMatrixSeries {
  metric: PromLabels;
  values: Array<[number, string]>;
}

export type PromResult =
  | { resultType: 'vector'; result: PromVectorSample[] }
  | { resultType: 'matrix'; result: PromMatrixSeries[] }
  | { resultType: 'scalar'; result: [number, string] }
  | { resultType: 'string'; result: [number, string] };

export interface PromResponse {
  status: 'success' | 'error';
  data?: PromResult;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

/** Why a query has no data, in terms the page can explain. */
export type PromErrorKind =
  | 'forbidden' // 401/403 from the proxy: the user lacks the permission
  | 'unreachable' // network error, 502/503/504: Prometheus or Thanos down
  | 'timeout' // the request took longer than the plugin's limit
  | 'bad-query' // 400/422 from Prometheus: the message says why
  | 'server'; // anything else, message kept verbatim

export interface PromError {
  kind: PromErrorKind;
  status?: number;
  message: string;
}

/**
 * One query of a refresh. Range queries give a span and a step, not absolute
 * times: each refresh moves the window to "now" (or to `end` when the URL
 * fixes it), aligned to the step so values do not jitter between polls.
 */
export type PromQueryRequest =
  | { key: string; kind: 'instant'; query: string }
  | { key: string; kind: 'range'; query: string; spanSeconds: number; stepSeconds: number; end?: number };

export interface PromQueryState {
  /** Last good result; kept (and `stale` set) when a later refresh fails. */
  data?: PromResult;
  error?: PromError;
  loading: boolean;
  stale: boolean;
}
