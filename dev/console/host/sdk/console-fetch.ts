/**
 * consoleFetchJSON as the console behaves: a same-origin fetch with JSON
 * headers and a timeout (60 s by default) that really aborts the request; a
 * caller's `options.signal` aborts it too. A non-2xx answer throws an
 * HttpError carrying the Response (`.response`), the parsed body (`.json`)
 * when there is one, and a message taken from the body the way the console
 * does (a Kubernetes Status `message`, a Prometheus `error`, else the status text).
 */
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';

type ConsoleFetchJSON = typeof SDK.consoleFetchJSON;

export const DEFAULT_TIMEOUT_MS = 60_000;

export class HttpError extends Error {
  readonly code: number;
  readonly response: Response;
  readonly json: unknown;
  constructor(message: string, response: Response, json?: unknown) {
    super(message);
    this.name = 'HttpError';
    this.code = response.status;
    this.response = response;
    this.json = json;
  }
}

export class TimeoutError extends Error {
  constructor(url: string, ms: number) {
    super(`Call to ${url} timed out after ${ms}ms.`);
    this.name = 'TimeoutError';
  }
}

const messageOf = (json: unknown, response: Response, text: string): string => {
  const j = json as { message?: unknown; error?: unknown } | undefined;
  if (j && typeof j.message === 'string' && j.message) return j.message;
  if (j && typeof j.error === 'string' && j.error) return j.error;
  return response.statusText || text.trim() || `HTTP ${response.status}`;
};

const fetchChecked = async (url: string, init: RequestInit, timeout: number): Promise<Response> => {
  const controller = new AbortController();
  const outer = init.signal;
  const onOuterAbort = () => controller.abort(outer?.reason);
  if (outer) {
    if (outer.aborted) controller.abort(outer.reason);
    else outer.addEventListener('abort', onOuterAbort, { once: true });
  }
  const timer = timeout > 0 ? setTimeout(() => controller.abort(new TimeoutError(url, timeout)), timeout) : undefined;
  try {
    const response = await fetch(url, { ...init, credentials: 'same-origin', signal: controller.signal });
    if (response.ok) return response;
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    throw new HttpError(messageOf(json, response, text), response, json);
  } finally {
    if (timer) clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
};

const parse = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  return text ? JSON.parse(text) : {};
};

const withJsonHeaders = (options: RequestInit | undefined, method: string, body?: unknown): RequestInit => {
  const headers = new Headers(options?.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const init: RequestInit = { ...options, method, headers };
  if (body !== undefined) {
    headers.set('Content-Type', method === 'PATCH' ? 'application/json-patch+json' : 'application/json');
    init.body = JSON.stringify(body);
  }
  return init;
};

const call = (url: string, init: RequestInit, timeout = DEFAULT_TIMEOUT_MS) =>
  fetchChecked(url, init, timeout).then(parse);

const fetchJSON = ((url: string, method = 'GET', options?: RequestInit, timeout?: number) =>
  call(url, withJsonHeaders(options, method), timeout)) as ConsoleFetchJSON;
fetchJSON.post = (url, json, options, timeout) => call(url, withJsonHeaders(options, 'POST', json), timeout);
fetchJSON.put = (url, json, options, timeout) => call(url, withJsonHeaders(options, 'PUT', json), timeout);
fetchJSON.patch = (url, json, options, timeout) => call(url, withJsonHeaders(options, 'PATCH', json), timeout);
fetchJSON.delete = (url, json, options, timeout) => call(url, withJsonHeaders(options, 'DELETE', json), timeout);

export const consoleFetchJSON: ConsoleFetchJSON = fetchJSON;

/** A GET's body as text, with consoleFetchJSON's errors: the stand-in's watches compare it before parsing. */
export const fetchText = (url: string, signal: AbortSignal): Promise<string> =>
  fetchChecked(url, withJsonHeaders({ signal }, 'GET'), DEFAULT_TIMEOUT_MS).then((r) => r.text());
