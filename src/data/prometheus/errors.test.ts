import { httpError, networkError, promErrorBody, timeoutError } from '../../__fixtures__/prometheus';
import { errorFromBody, toPromError } from './errors';
import type { PromError } from '../../models/prometheus/types';

const url = '/api/prometheus/api/v1/query?query=up';

describe('toPromError: each shape consoleFetchJSON rejects with', () => {
  test.each<[string, unknown, PromError]>([
    [
      "HTTP 500 with Prometheus's own message, verbatim",
      httpError(
        500,
        promErrorBody('internal', 'query processing would load too many samples into memory in query execution'),
      ),
      {
        kind: 'server',
        status: 500,
        message: 'query processing would load too many samples into memory in query execution',
      },
    ],
    [
      'HTTP 400 bad_data: json.error kept',
      httpError(400, promErrorBody('bad_data', '1:14: parse error: unexpected "}" in label matching')),
      { kind: 'bad-query', status: 400, message: '1:14: parse error: unexpected "}" in label matching' },
    ],
    [
      'HTTP 422 execution error counts as a bad query',
      httpError(422, promErrorBody('execution', 'many-to-many matching not allowed')),
      { kind: 'bad-query', status: 422, message: 'many-to-many matching not allowed' },
    ],
    [
      "HTTP 403 from the tenancy proxy: forbidden, with the proxy's message",
      httpError(403, { message: 'pods.metrics.k8s.io is forbidden: User "dev" cannot get resource "pods"' }),
      {
        kind: 'forbidden',
        status: 403,
        message: 'pods.metrics.k8s.io is forbidden: User "dev" cannot get resource "pods"',
      },
    ],
    [
      'HTTP 401 without a body',
      httpError(401, undefined, 'Unauthorized'),
      { kind: 'forbidden', status: 401, message: 'Unauthorized' },
    ],
    [
      'HTTP 503 (Thanos down) without JSON: status text',
      httpError(503, undefined, 'Service Unavailable'),
      { kind: 'unreachable', status: 503, message: 'Service Unavailable' },
    ],
    [
      'HTTP 502 from the bridge',
      httpError(502, undefined, 'Bad Gateway'),
      { kind: 'unreachable', status: 502, message: 'Bad Gateway' },
    ],
    [
      "the console's TimeoutError",
      timeoutError(url, 30000),
      { kind: 'timeout', message: `Call to ${url} timed out after 30000ms.` },
    ],
    ['a network TypeError', networkError(), { kind: 'unreachable', message: 'Failed to fetch' }],
    [
      'HTTP 404 (no such proxy path)',
      httpError(404, undefined, 'Not Found'),
      { kind: 'server', status: 404, message: 'Not Found' },
    ],
    [
      'an error with only a `status` field',
      { status: 500, message: 'boom' },
      { kind: 'server', status: 500, message: 'boom' },
    ],
    ['a bare string', 'socket hang up', { kind: 'unreachable', message: 'socket hang up' }],
  ])('%s', (_name, err, expected) => {
    expect(toPromError(err)).toEqual(expected);
  });
});

describe('errorFromBody: a 200 whose body is not a success', () => {
  test('success with data is no error', () => {
    expect(errorFromBody({ status: 'success', data: { resultType: 'vector', result: [] } })).toBeUndefined();
  });
  test.each<[string, unknown, PromError]>([
    [
      'error body, bad_data',
      promErrorBody('bad_data', 'invalid parameter "query"'),
      { kind: 'bad-query', message: 'invalid parameter "query"' },
    ],
    [
      'error body, other type',
      promErrorBody('internal', 'partial response: store down'),
      { kind: 'server', message: 'partial response: store down' },
    ],
    ['success without data', { status: 'success' }, { kind: 'server', message: 'Prometheus answered without data' }],
    [
      'an HTML login page parsed as text',
      '<html>login</html>',
      { kind: 'server', message: 'Prometheus answered with something that is not JSON' },
    ],
    ['null', null, { kind: 'server', message: 'Prometheus answered with something that is not JSON' }],
  ])('%s', (_name, body, expected) => {
    expect(errorFromBody(body)).toEqual(expected);
  });
});
