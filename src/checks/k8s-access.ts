import type { Translate, Watched } from './types';

export type LoadProblem =
  | { kind: 'forbidden'; message: string }
  | { kind: 'not-found'; message: string }
  | { kind: 'other'; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The HTTP status of whatever the console's watch or fetch rejected with. */
export const httpStatusOf = (err: unknown): number | undefined => {
  if (!isObject(err)) return undefined;
  const response = err.response;
  if (isObject(response) && typeof response.status === 'number') return response.status;
  if (typeof err.code === 'number') return err.code;
  if (typeof err.status === 'number') return err.status;
  const json = err.json;
  if (isObject(json) && typeof json.code === 'number') return json.code;
  return undefined;
};

/** The API server's own words, kept verbatim. */
export const errorMessageOf = (err: unknown): string => {
  if (isObject(err)) {
    const json = err.json;
    if (isObject(json) && typeof json.message === 'string' && json.message) return json.message;
    if (typeof err.message === 'string' && err.message) return err.message;
  }
  return String(err);
};

export const classifyLoadError = (err: unknown): LoadProblem => {
  const status = httpStatusOf(err);
  const message = errorMessageOf(err);
  if (status === 401 || status === 403) return { kind: 'forbidden', message };
  if (status === 404) return { kind: 'not-found', message };
  return { kind: 'other', message };
};

export type ReadOutcome<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'not-found'; message: string }
  | { state: 'forbidden'; message: string }
  | { state: 'error'; message: string };

/** One place that decides what a watch result means, so every check reads errors alike. */
export const readOutcome = <T>(w: Watched<T>): ReadOutcome<T> => {
  if (w.error) {
    const p = classifyLoadError(w.error);
    if (p.kind === 'forbidden') return { state: 'forbidden', message: p.message };
    if (p.kind === 'not-found') return { state: 'not-found', message: p.message };
    return { state: 'error', message: p.message };
  }
  if (!w.loaded) return { state: 'loading' };
  // The console's watch hands back `{}` rather than undefined for a named object it has no data for.
  if (w.data === undefined || (isObject(w.data) && !Array.isArray(w.data) && Object.keys(w.data).length === 0)) {
    return { state: 'not-found', message: '' };
  }
  return { state: 'ok', data: w.data };
};

/** "needs list on networkpolicies in kasten-io", named the way `oc auth can-i` asks it. */
export const permissionNeeded = (t: Translate, verb: string, resource: string, namespace?: string): string =>
  namespace
    ? t('Cannot tell: needs {{verb}} on {{resource}} in {{namespace}}.', { verb, resource, namespace })
    : t('Cannot tell: needs {{verb}} on {{resource}}.', { verb, resource });
