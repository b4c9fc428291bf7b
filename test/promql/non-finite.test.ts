/**
 * NaN and ±Inf as the real Prometheus sends them: JSON strings "NaN", "+Inf"
 * and "-Inf" in the sample value. The plugin's parse path must keep them
 * non-finite (Number("+Inf") is NaN, so the sign would be lost), and the
 * threshold verdicts and formatters must call them "no value", never a number.
 */
import { DEFAULT_QUERY_CONFIG, kastenMemoryBytes, pvcUsedPercent } from '../../src/promql';
import { thresholdVerdict } from '../../src/models/threshold';
import { matrixSeries, nonFiniteReason, vectorRows } from '../../src/models/prometheus/parse';
import type { PromResponse } from '../../src/models/prometheus/types';
import { formatAge, formatBytes } from '../../src/utils/format';
import { alignToBlock, pointsEvery, startPrometheus, type PrometheusServer } from '../../dev/prometheus/harness';

const cfg = DEFAULT_QUERY_CONFIG;
const T0 = alignToBlock(1704067200);
const AT = T0 + 600;
let prom: PrometheusServer;

beforeAll(async () => {
  prom = await startPrometheus({
    fixtures: [
      {
        // Kasten exports NaN free space when it cannot stat the volume.
        name: 'catalog_persistent_volume_free_space_percent',
        type: 'gauge',
        series: [{ labels: { namespace: 'kasten-io' }, points: pointsEvery(T0, T0 + 1200, 30, () => Number.NaN) }],
      },
      {
        name: 'container_memory_working_set_bytes',
        type: 'gauge',
        series: [
          {
            labels: { namespace: 'kasten-io', pod: 'catalog-svc-0', container: '' },
            points: pointsEvery(T0, T0 + 1200, 30, (t) => (t < T0 + 300 ? 1e9 : Number.NaN)),
          },
        ],
      },
    ],
  });
}, 120_000);

afterAll(async () => {
  await prom?.stop();
});

const instant = async (query: string): Promise<PromResponse> => {
  const { status, body } = await prom.raw(`/api/v1/query?${new URLSearchParams({ query, time: String(AT) })}`);
  expect(status).toBe(200);
  return body as PromResponse;
};

test.each([
  ['vector(0) / 0', 'NaN'],
  ['vector(1) / 0', '+Inf'],
  ['vector(-1) / 0', '-Inf'],
] as const)('%s: Prometheus sends %p, the parse path keeps it as that reason', async (query, text) => {
  const body = await instant(query);
  const data = body.data;
  expect(data?.resultType).toBe('vector');
  if (data?.resultType !== 'vector') return;
  expect(data.result[0]?.value[1]).toBe(text);
  const [row] = vectorRows(data);
  expect(nonFiniteReason(row!.value)).toBe(text);
  expect(thresholdVerdict(row!.value, 50)).toEqual({ state: 'no-value', reason: text });
  expect(formatAge(row!.value)).toBe(text);
});

test("a NaN PVC free space through the plugin's own query is no value, never 'below the threshold'", async () => {
  const body = await instant(pvcUsedPercent(cfg, 'catalog'));
  expect(body.data?.resultType === 'vector' && body.data.result[0]?.value[1]).toBe('NaN');
  const [row] = vectorRows(body.data);
  expect(thresholdVerdict(row?.value, cfg.catalogPvcUsedPercentThreshold)).toEqual({
    state: 'no-value',
    reason: 'NaN',
  });
});

test("a NaN memory sample: the plugin's memory query gives NaN now, and the history chart leaves those points out", async () => {
  const now = await instant(kastenMemoryBytes(cfg));
  const [row] = vectorRows(now.data);
  expect(formatBytes(row!.value)).toBe('NaN');
  expect(thresholdVerdict(row?.value, cfg.memoryThresholdBytes)).toEqual({ state: 'no-value', reason: 'NaN' });
  const { body } = await prom.raw(
    `/api/v1/query_range?${new URLSearchParams({ query: kastenMemoryBytes(cfg), start: String(T0), end: String(AT), step: '60' })}`,
  );
  const range = body as PromResponse;
  const raw = range.data?.resultType === 'matrix' ? range.data.result[0]?.values.map(([, v]) => v) : [];
  expect(raw).toContain('NaN');
  expect(raw).toContain('1000000000');
  const [series] = matrixSeries(range.data);
  expect(series?.points.length).toBe(raw?.filter((v) => v !== 'NaN').length);
  expect(series?.points.every((p) => p.y === 1e9)).toBe(true);
});
