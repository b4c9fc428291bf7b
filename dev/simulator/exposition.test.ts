import { spawnSync } from 'child_process';
import { kastenFamilies, platformFamilies, renderText } from './exposition';
import {
  buildScenario,
  DEFAULT_SCENARIO,
  FAILING_POLICY,
  failedCounts,
  failureTimes,
  GC_FIRST,
  memoryTotalBytes,
  catalogUsedPercent,
  storySecondsAt,
  type ScenarioOptions,
} from './scenario';
import { startSimulator } from './server';

const scenario = (o: Partial<ScenarioOptions> = {}) => buildScenario({ ...DEFAULT_SCENARIO, ...o });

/** promtool's parser is Prometheus's own: exit 1 is a parse error, 3 only lint findings. */
const promtoolCheck = (text: string) => spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reader for the simulator's own lines (no escapes needed: its label values are plain). */
const parse = (text: string): { types: Record<string, string>; samples: Sample[] } => {
  const types: Record<string, string> = {};
  const samples: Sample[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    const t = line.match(/^# TYPE (\S+) (\S+)$/);
    if (t) types[t[1]!] = t[2]!;
    if (line.startsWith('#')) continue;
    const m = line.match(/^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/);
    if (!m) throw new Error(`bad line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[4]) });
  }
  return { types, samples };
};

const failedLive = (text: string) =>
  parse(text).samples.find(
    (s) =>
      s.name === 'catalog_actions_count' &&
      s.labels.policy === FAILING_POLICY &&
      s.labels.status === 'failed' &&
      s.labels.liveness === 'live',
  )?.value;

test('Kasten and platform exposition parse with Prometheus own parser', () => {
  const sc = scenario();
  for (const text of [renderText(kastenFamilies(sc), 42), renderText(platformFamilies(sc), 42)]) {
    const r = promtoolCheck(text);
    expect(r.stdout + r.stderr).not.toMatch(/error while linting|parsing error/);
    expect([0, 3]).toContain(r.status);
  }
  // A broken line must be caught, or the check above proves nothing.
  expect(promtoolCheck('catalog_actions_count{policy="x" 1\n').status).toBe(1);
});

test('metric names, types and labels are the ones Kasten exposes', () => {
  const { types, samples } = parse(renderText(kastenFamilies(scenario()), 10));
  expect(types).toMatchObject({
    catalog_actions_count: 'gauge',
    action_backup_ended_count: 'counter',
    action_export_ended_count: 'counter',
    catalog_persistent_volume_free_space_percent: 'gauge',
    jobs_persistent_volume_free_space_percent: 'gauge',
    logging_persistent_volume_free_space_percent: 'gauge',
    compliance_count: 'gauge',
    policies_count: 'gauge',
    profiles_count: 'gauge',
  });
  const catalog = samples.filter((s) => s.name === 'catalog_actions_count');
  expect(catalog.length).toBeGreaterThan(0);
  for (const s of catalog)
    expect(Object.keys(s.labels).sort()).toEqual(['liveness', 'namespace', 'policy', 'status', 'type']);
  expect(new Set(catalog.map((s) => s.labels.type))).toEqual(new Set(['backup', 'export']));
  expect(new Set(catalog.map((s) => s.labels.liveness))).toEqual(new Set(['live', 'retired']));
  for (const s of samples.filter((x) => x.name === 'action_backup_ended_count'))
    expect(Object.keys(s.labels).sort()).toEqual(['app', 'policy', 'state']);
  expect(samples.filter((s) => s.name === 'compliance_count').map((s) => s.labels.state)).toEqual([
    'Compliant',
    'NotCompliant',
    'Unmanaged',
  ]);
});

test('platform series carry the Kasten namespace, pod and container (pod-level container="" included)', () => {
  const { samples } = parse(renderText(platformFamilies(scenario({ kastenNamespace: 'k10' })), 0));
  const mem = samples.filter((s) => s.name === 'container_memory_working_set_bytes');
  expect(new Set(mem.map((s) => s.labels.namespace))).toEqual(new Set(['k10']));
  expect(mem.some((s) => s.labels.container === '')).toBe(true);
  expect(
    samples.some((s) => s.name === 'container_cpu_usage_seconds_total' && s.labels.container === 'catalog-svc'),
  ).toBe(true);
});

test('the story: failures 2 -> 3 -> 4 in the first minute, then the garbage collector retires old ones', () => {
  const sc = scenario();
  const at = (s: number) => failedLive(renderText(kastenFamilies(sc), s));
  expect([at(5), at(20), at(40), at(170)]).toEqual([2, 3, 4, 4]);
  expect(failedCounts(185)).toMatchObject({ live: 2, retired: 2 });
  expect(at(185)).toBe(2);
  expect(at(255)).toBe(3);
});

test('the story: backups succeed every ~20 s, memory crosses 3 GiB and the catalog PVC 50 % within 2 minutes', () => {
  const sc = scenario();
  const healthy = sc.policies_.find((p) => !p.failing)!;
  const ended = (s: number) =>
    parse(renderText(kastenFamilies(sc), s)).samples.find(
      (x) => x.name === 'action_backup_ended_count' && x.labels.policy === healthy.name,
    )!.value;
  expect(ended(60) - ended(0)).toBe(3);
  expect(memoryTotalBytes(0)).toBeLessThan(3 * 1024 ** 3);
  expect(memoryTotalBytes(120)).toBeGreaterThan(3 * 1024 ** 3);
  expect(catalogUsedPercent(0)).toBeLessThan(50);
  expect(catalogUsedPercent(120)).toBeGreaterThan(50);
});

test('no-actions-yet exposes no action series; size scales to 5000 policies', () => {
  expect(
    parse(renderText(kastenFamilies(scenario({ scenario: 'no-actions-yet' })), 30)).samples.filter(
      (s) => s.name === 'catalog_actions_count',
    ),
  ).toEqual([]);
  const big = scenario({ policies: 5000, namespaces: 1000 });
  const { samples } = parse(renderText(kastenFamilies(big), 30));
  expect(new Set(samples.filter((s) => s.name === 'catalog_actions_count').map((s) => s.labels.policy)).size).toBe(
    5000,
  );
  expect(new Set(samples.filter((s) => s.name === 'catalog_actions_count').map((s) => s.labels.namespace)).size).toBe(
    1000,
  );
});

test('a frozen story stops at its second, whatever the wall clock says; an unfrozen one runs on', () => {
  const start = 1_800_000_000_000;
  expect(storySecondsAt(start, start + 60_000)).toBe(60);
  expect(storySecondsAt(start, start + 500_000)).toBe(500);
  expect(storySecondsAt(start, start + 60_000, 95)).toBe(60);
  expect(storySecondsAt(start, start + 500_000, 95)).toBe(95);
});

test('the simulator frozen before the garbage collector exposes that moment, however long ago the story started', async () => {
  const sc = scenario();
  // Started 400 s ago: running on, the collector would have retired failures at 180 s and a new one come at 250 s.
  const sim = await startSimulator({ scenario: sc, storyStartMs: Date.now() - 400_000, freezeAtSeconds: 95 });
  try {
    expect(sim.storyTime()).toBe(95);
    const story = (await (await fetch(`${sim.url}/story`)).json()) as { storySeconds: number; frozen: boolean };
    expect(story).toMatchObject({ storySeconds: 95, frozen: true });
    const text = await (await fetch(`${sim.url}/metrics`)).text();
    expect(failedLive(text)).toBe(failedCounts(95).live);
    expect(failedLive(text)).toBe(4);
    expect(text).toBe(renderText(kastenFamilies(sc), 95));
  } finally {
    await sim.stop();
  }
});

test("from the tests' frozen start, a 10-minute window holds only live failures and a 1-hour one all four, for 8 minutes", () => {
  const frozen = 95;
  expect(frozen).toBeLessThan(GC_FIRST);
  const inWindow = (wall: number, window: number) => failureTimes(frozen).filter((t) => t > wall - window).length;
  for (let wall = frozen; wall < frozen + 480; wall += 5) {
    expect(inWindow(wall, 600)).toBe(2);
    expect(inWindow(wall, 3600)).toBe(4);
  }
});
