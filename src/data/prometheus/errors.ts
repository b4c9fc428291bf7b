import type { PromError } from '../../models/prometheus/types';

interface ConsoleLikeError {
  name?: string;
  message?: string;
  code?: number;
  status?: number;
  response?: { status?: number };
  json?: { error?: string; message?: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const statusOf = (e: ConsoleLikeError): number | undefined => {
  const s = e.response?.status ?? e.code ?? e.status;
  return typeof s === 'number' ? s : undefined;
};

/**
 * Turns whatever `consoleFetchJSON` rejected with (the console's HttpError with
 * `code`/`response`/`json`, its TimeoutError, a network TypeError, an abort) into
 * an error the page can explain. Prometheus's own message is kept verbatim.
 */
export const toPromError = (err: unknown): PromError => {
  const e: ConsoleLikeError = isObject(err) ? (err as ConsoleLikeError) : { message: String(err) };
  const status = statusOf(e);
  const serverMessage = e.json?.error ?? e.json?.message;
  const message = serverMessage ?? e.message ?? String(err);
  if (e.name === 'TimeoutError' || /timed out/i.test(e.message ?? '')) return { kind: 'timeout', message };
  if (status === 401 || status === 403) return { kind: 'forbidden', status, message };
  if (status === 400 || status === 422) return { kind: 'bad-query', status, message };
  if (status === 502 || status === 503 || status === 504) return { kind: 'unreachable', status, message };
  if (status === undefined) return { kind: 'unreachable', message };
  return { kind: 'server', status, message };
};

/** A 200 answer whose body says `status: "error"` (Thanos does this for partial failures). */
export const errorFromBody = (body: unknown): PromError | undefined => {
  if (!isObject(body)) return { kind: 'server', message: 'Prometheus answered with something that is not JSON' };
  if (body.status === 'success' && isObject(body.data)) return undefined;
  const msg = typeof body.error === 'string' ? body.error : 'Prometheus answered without data';
  return { kind: body.errorType === 'bad_data' ? 'bad-query' : 'server', message: msg };
};
