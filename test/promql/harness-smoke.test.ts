import { alignToBlock, pointsEvery, startPrometheus, steps, type PrometheusServer } from '../prometheus/harness';

const T0 = alignToBlock(1704067200);
let prom: PrometheusServer;

beforeAll(async () => {
  prom = await startPrometheus({
    fixtures: [
      {
        name: 'catalog_actions_count',
        type: 'gauge',
        series: [
          {
            labels: { namespace: 'kasten-io', exported_namespace: 'ns"1\\é', policy: 'p', status: 'failed', type: 'backup', liveness: 'live' },
            points: pointsEvery(T0, T0 + 3600, 30, steps(2, [[T0 + 1200, 3]])),
          },
        ],
      },
    ],
  });
}, 60_000);

afterAll(async () => {
  await prom?.stop();
});

test('backfilled fixture answers at the chosen evaluation time', async () => {
  expect((await prom.query('catalog_actions_count', T0 + 600))[0]?.value[1]).toBe('2');
  expect((await prom.query('catalog_actions_count', T0 + 1800))[0]?.value[1]).toBe('3');
});

test('hostile label values round-trip through the fixture', async () => {
  const [s] = await prom.query('catalog_actions_count', T0 + 600);
  expect(s?.metric.exported_namespace).toBe('ns"1\\é');
});
