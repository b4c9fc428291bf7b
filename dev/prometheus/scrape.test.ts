import { startPreviewPrometheus, type PreviewPrometheus } from './launcher';
import { scrapeJobs, storedLabels } from './targets';
import { startSimulator, type Simulator } from '../simulator/server';
import { buildScenario, DEFAULT_SCENARIO, FAILING_NAMESPACE, FAILING_POLICY } from '../simulator/scenario';

type Result = Array<{ metric: Record<string, string>; value: [number, string] }>;

let sim: Simulator;
let prom: PreviewPrometheus;
const sc = buildScenario(DEFAULT_SCENARIO);

const query = async (q: string, time?: number): Promise<Result> => {
  const params = new URLSearchParams({ query: q, ...(time ? { time: String(time) } : {}) });
  const body = (await (await fetch(`${prom.url}/api/v1/query?${params.toString()}`)).json()) as {
    data: { result: Result };
  };
  return body.data.result;
};

const eventually = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
};

beforeAll(async () => {
  sim = await startSimulator({ scenario: sc });
  prom = await startPreviewPrometheus({
    scenario: sc,
    simulatorPort: sim.port,
    storyStartMs: sim.storyStartMs,
    scrapeInterval: 1,
    backfillHours: 1,
    backfillStep: 30,
  });
}, 60_000);

afterAll(async () => {
  await prom?.dispose();
  await sim?.stop();
});

test('Kasten series are stored as user-workload monitoring stores them', async () => {
  const live = await eventually(
    () => query(`catalog_actions_count{policy="${FAILING_POLICY}",status="failed",liveness="live"}`),
    (r) => r.length > 0,
  );
  expect(live[0]?.metric).toMatchObject({
    namespace: 'kasten-io',
    exported_namespace: FAILING_NAMESPACE,
    job: 'catalog-svc',
    service: 'catalog-svc',
    endpoint: 'http',
    container: 'catalog-svc',
    instance: '10.131.1.77:8000',
  });
  expect(live[0]?.metric.pod).toMatch(/^catalog-svc-/);
  expect((await query('up{namespace="kasten-io",job="catalog-svc"}'))[0]?.value[1]).toBe('1');
}, 30_000);

test('platform series keep namespace="kasten-io" and feed the OpenShift CPU recording rule', async () => {
  const mem = await eventually(
    () => query('sum(container_memory_working_set_bytes{namespace="kasten-io",container="",pod!=""})'),
    (r) => r.length > 0,
  );
  expect(Number(mem[0]?.value[1])).toBeGreaterThan(2 * 1024 ** 3);
  expect(await query('count(container_memory_working_set_bytes{exported_namespace!=""})')).toEqual([]);
  const cpu = await eventually(
    () => query('namespace:container_cpu_usage:sum{namespace="kasten-io"}'),
    (r) => r.length > 0,
  );
  expect(Number(cpu[0]?.value[1])).toBeGreaterThan(0);
}, 30_000);

test('backfilled history answers at once, with the same labels and the recording rule over it', async () => {
  const halfAnHourAgo = Math.floor(sim.storyStartMs / 1000) - 1800;
  const past = await query(
    `catalog_actions_count{policy="${FAILING_POLICY}",status="failed",liveness="live"}`,
    halfAnHourAgo,
  );
  expect(past[0]?.value[1]).toBe('0');
  expect(past[0]?.metric.exported_namespace).toBe(FAILING_NAMESPACE);
  const rule = await query('namespace:container_cpu_usage:sum{namespace="kasten-io"}', halfAnHourAgo);
  expect(Number(rule[0]?.value[1])).toBeGreaterThan(0);
});

test('stop and start keep the same URL and data', async () => {
  await prom.stop();
  expect(prom.running()).toBe(false);
  await expect(fetch(`${prom.url}/-/ready`)).rejects.toThrow();
  await prom.start();
  expect(prom.running()).toBe(true);
  expect((await query('count(catalog_actions_count)')).length).toBe(1);
}, 30_000);

test('scenarios change what is scraped: no ServiceMonitor or UWM means no Kasten job; a blocking NetworkPolicy means up == 0', () => {
  const jobs = (s: typeof DEFAULT_SCENARIO.scenario) =>
    scrapeJobs(buildScenario({ ...DEFAULT_SCENARIO, scenario: s })).map((j) => `${j.job}:${j.reachable}`);
  expect(jobs('healthy')).toEqual(['catalog-svc:true', 'prometheus-user-workload:true', 'kubelet:true']);
  expect(jobs('no-servicemonitor')).toEqual(['prometheus-user-workload:true', 'kubelet:true']);
  expect(jobs('no-uwm')).toEqual(['kubelet:true']);
  expect(jobs('no-networkpolicy')).toEqual(['catalog-svc:false', 'prometheus-user-workload:true', 'kubelet:true']);
  const [catalog] = scrapeJobs(sc);
  expect(storedLabels(catalog!, { namespace: 'app', policy: 'p' })).toMatchObject({
    namespace: 'kasten-io',
    exported_namespace: 'app',
    policy: 'p',
  });
});
