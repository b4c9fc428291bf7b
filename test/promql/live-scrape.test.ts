/**
 * Rise counting under live scraping. A failed scrape makes Prometheus write
 * staleness markers for every series of the target, something backfilled data
 * cannot contain; without care the series "vanish" for a scrape and then
 * "appear" again, replaying every retained failure as new. The target also
 * carries `namespace="kasten-io"` while the catalog reports the application
 * namespace as `namespace`, so Prometheus renames it to `exported_namespace`
 * exactly as user-workload monitoring does.
 */
import * as http from 'http';
import { DEFAULT_QUERY_CONFIG, catalogTargetDown, newFailedActions, type KastenQueryConfig } from '../../src/promql';
import {
  catalogScrapeConfig,
  freePort,
  startCounter,
  startPrometheus,
  type PrometheusServer,
} from '../../dev/prometheus/harness';

const cfg: KastenQueryConfig = { ...DEFAULT_QUERY_CONFIG, scrapeResolution: '1s' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => Date.now() / 1000;

let failed = 2;
let down = false;
let server: http.Server;
let prom: PrometheusServer;
const startsBefore = startCounter.starts;

beforeAll(async () => {
  const port = await freePort();
  server = http.createServer((_req, res) => {
    if (down) {
      res.writeHead(503).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(
      [
        '# TYPE catalog_actions_count gauge',
        `catalog_actions_count{namespace="app-ns",policy="live-policy",type="backup",status="failed",liveness="live"} ${failed}`,
        `catalog_actions_count{namespace="app-ns",policy="live-policy",type="backup",status="complete",liveness="live"} 7`,
        '',
      ].join('\n'),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  prom = await startPrometheus({
    fixtures: [],
    config: catalogScrapeConfig({ scrapeInterval: '1s', target: `127.0.0.1:${port}` }),
  });
}, 60_000);

afterAll(async () => {
  await prom?.stop();
  await new Promise((r) => server?.close(r));
  process.stdout.write(
    `promql: live-scrape.test.ts started Prometheus ${startCounter.starts - startsBefore} time(s)\n`,
  );
});

// Wall-clock phases at a 1 s scrape interval: ~9 s, the price of the only case backfilling cannot build.
test('a failed scrape neither replays retained failures nor hides a later one', async () => {
  const up = 'up{namespace="kasten-io",job="catalog-svc"}';
  while ((await prom.query(up, now()))[0]?.value[1] !== '1') await sleep(100);
  await sleep(2000);

  down = true;
  await sleep(2000);
  const duringOutage = now();
  await sleep(500);
  down = false;
  await sleep(2000);
  failed = 3;
  await sleep(2000);

  // The outage really wrote staleness markers: the plain series was gone and the target down.
  expect(await prom.query('catalog_actions_count', duringOutage)).toEqual([]);
  expect(await prom.query(catalogTargetDown(cfg), duringOutage)).toHaveLength(1);

  const rows = await prom.query(newFailedActions(cfg, '1m'), now());
  expect(rows).toEqual([
    {
      metric: { policy: 'live-policy', type: 'backup', exported_namespace: 'app-ns' },
      value: [expect.any(Number), '1'],
    },
  ]);
}, 30_000);
