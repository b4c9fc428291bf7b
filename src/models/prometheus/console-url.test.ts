import { metricsConsoleUrl } from './console-url';

describe('metricsConsoleUrl', () => {
  it.each([
    ['up', '/monitoring/query-browser?query0=up'],
    ['up{namespace="kasten-io"} > 0', '/monitoring/query-browser?query0=up%7Bnamespace%3D%22kasten-io%22%7D%20%3E%200'],
    ['a & b # ☃', '/monitoring/query-browser?query0=a%20%26%20b%20%23%20%E2%98%83'],
  ])('%s', (query, expected) => {
    expect(metricsConsoleUrl(query)).toBe(expected);
  });
});
