import * as http from 'http';
import type { AddressInfo } from 'net';
import { consoleFetchJSON, HttpError } from './console-fetch';

let server: http.Server;
let base: string;
const seen: Array<{ method?: string; accept?: string; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, accept: req.headers.accept, body });
      if (req.url === '/ok') res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":1}');
      else if (req.url === '/status')
        res
          .writeHead(404, { 'Content-Type': 'application/json' })
          .end('{"kind":"Status","message":"policies \\"x\\" not found","code":404}');
      else if (req.url === '/prom')
        res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"status":"error","error":"parse error"}');
      else if (req.url === '/text') res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden (user=u)');
      // '/hang' never answers.
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test('GET parses JSON with JSON headers; post sends the body', async () => {
  await expect(consoleFetchJSON(`${base}/ok`)).resolves.toEqual({ a: 1 });
  expect(seen.at(-1)).toMatchObject({ method: 'GET', accept: 'application/json' });
  await consoleFetchJSON.post(`${base}/ok`, { b: 2 });
  expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"b":2}' });
});

test('non-2xx throws an HttpError with the Response and the message the console would show', async () => {
  const err = (await consoleFetchJSON(`${base}/status`).catch((e: unknown) => e)) as HttpError;
  expect(err).toBeInstanceOf(HttpError);
  expect(err.response.status).toBe(404);
  expect(err.message).toBe('policies "x" not found');
  expect(((await consoleFetchJSON(`${base}/prom`).catch((e: unknown) => e)) as HttpError).message).toBe('parse error');
  expect(((await consoleFetchJSON(`${base}/text`).catch((e: unknown) => e)) as HttpError).response.status).toBe(403);
});

test('the timeout aborts, and so does the caller signal', async () => {
  const started = Date.now();
  await expect(consoleFetchJSON(`${base}/hang`, 'GET', {}, 150)).rejects.toThrow(/timed out after 150ms/);
  expect(Date.now() - started).toBeLessThan(2000);
  const controller = new AbortController();
  const pending = consoleFetchJSON(`${base}/hang`, 'GET', { signal: controller.signal });
  controller.abort();
  await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
});
