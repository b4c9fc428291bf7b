/**
 * The failure states every panel must explain, as the console's fetch layer
 * reports them, with what the panel must then say (Prometheus's own message
 * kept verbatim).
 */
import { httpError, networkError, promErrorBody, timeoutError } from '../../src/__fixtures__/prometheus';
import type { PromErrorKind } from '../../src/models/prometheus/types';

export interface ErrorCase {
  name: string;
  fail: (url: string) => Error;
  kind: PromErrorKind;
  text: (url: string) => string;
}

export const ERROR_CASES: ErrorCase[] = [
  {
    name: 'no permission (403)',
    fail: () => httpError(403, { message: 'User "dev" cannot get resource "prometheuses/api"' }),
    kind: 'forbidden',
    text: () =>
      'You do not have permission to read these metrics (HTTP 403): User "dev" cannot get resource "prometheuses/api"',
  },
  {
    name: 'unreachable (network)',
    fail: () => networkError(),
    kind: 'unreachable',
    text: () => 'Prometheus cannot be reached: Failed to fetch',
  },
  {
    name: 'unreachable (503)',
    fail: () => httpError(503, undefined, 'Service Unavailable'),
    kind: 'unreachable',
    text: () => 'Prometheus cannot be reached (HTTP 503): Service Unavailable',
  },
  {
    name: 'erroring (500)',
    fail: () => httpError(500, promErrorBody('internal', 'rpc error: code = Unavailable desc = store gateway down')),
    kind: 'server',
    text: () => 'Prometheus answered with an error (HTTP 500): rpc error: code = Unavailable desc = store gateway down',
  },
  {
    name: 'timing out',
    fail: (url) => timeoutError(url, 30000),
    kind: 'timeout',
    text: (url) => `Prometheus did not answer in time: Call to ${url} timed out after 30000ms.`,
  },
  {
    name: 'bad query (400)',
    fail: () => httpError(400, promErrorBody('bad_data', '1:1: parse error: unexpected end of input')),
    kind: 'bad-query',
    text: () => 'Prometheus rejected the query (HTTP 400): 1:1: parse error: unexpected end of input',
  },
];
