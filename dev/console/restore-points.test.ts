/**
 * The stand-in's RestorePoints and Complete actions tell the simulator's story: the newest restore
 * point of each policy is its last success, the weekly policy's is older than any history the
 * preview backfills, and a user without Kasten's k10-basic is refused them (403) but not the metrics.
 */
import {
  buildScenario,
  completeCounts,
  DEFAULT_SCENARIO,
  lastSuccessTime,
  wallClock,
  WEEKLY_LAST_SUCCESS,
} from '../simulator/scenario';
import { kubeApiConsole } from './kube-api-console';
import { parseUser } from './users';

const scenario = buildScenario(DEFAULT_SCENARIO);
const weekly = scenario.policies_.find((p) => p.frequency === '@weekly')!;
/** The story started 95 s ago, as in the browser tests. */
const storyStartMs = Date.now() - 95_000;
const kube = kubeApiConsole(scenario, storyStartMs);

interface Obj {
  metadata: { name: string; namespace: string; labels: Record<string, string>; creationTimestamp: string };
  status?: { state?: string; endTime?: string; restorePoint?: { name?: string } };
}

const list = (group: string, plural: string, ns: string, selector?: string) =>
  kube.list<Obj>(group, plural, ns, selector);
const restorePoints = (ns: string, selector?: string) => list('apps.kio.kasten.io', 'restorepoints', ns, selector);
const backupActions = (ns: string, selector?: string) => list('actions.kio.kasten.io', 'backupactions', ns, selector);
const newest = (items: Obj[], time: (o: Obj) => string | undefined) =>
  Math.max(...items.map((o) => Date.parse(time(o) ?? '') / 1000));

describe('the simulator story', () => {
  test('the default scenario has one weekly policy, never the failing one, its last success before the story', () => {
    expect(scenario.policies_.filter((p) => p.frequency === '@weekly')).toEqual([weekly]);
    expect(weekly.failing).toBe(false);
    expect(DEFAULT_SCENARIO.policies).toBe(scenario.policies_.length);
    for (const s of [-7200, 0, 95, 600]) expect(lastSuccessTime(weekly, s)).toBe(WEEKLY_LAST_SUCCESS);
    // The catalog's counts never rise in the preview's window: metrics see no success of it.
    expect(completeCounts(weekly, 600)).toEqual(completeCounts(weekly, -7200));
  });

  test('without the option every policy keeps its hourly or daily schedule', () => {
    const plain = buildScenario({ ...DEFAULT_SCENARIO, weeklyPolicy: false });
    expect(plain.policies_.map((p) => p.frequency)).not.toContain('@weekly');
    expect(buildScenario({ ...DEFAULT_SCENARIO, policies: 1 }).policies_[0]?.frequency).toBe('@hourly');
  });
});

describe('RestorePoints and Complete actions', () => {
  beforeEach(() => kube.server.setUser(parseUser('admin')));

  test.each(scenario.policies_.map((p) => [p.name, p] as const))(
    "%s: the newest restore point is the last success, and is the Complete BackupAction's",
    async (_name, p) => {
      const selector = `k10.kasten.io/policyName in (${p.name},not-a-policy)`;
      const [rps, actions] = await Promise.all([
        restorePoints(p.appNamespace, selector),
        backupActions(p.appNamespace, selector),
      ]);
      expect(rps.status).toBe(200);
      const points = rps.body.items ?? [];
      expect(points.length).toBeGreaterThan(0);
      for (const rp of points) {
        expect(rp.metadata.namespace).toBe(p.appNamespace);
        expect(rp.metadata.labels).toMatchObject({
          'k10.kasten.io/policyName': p.name,
          'k10.kasten.io/appNamespace': p.appNamespace,
          'k10.kasten.io/policyNamespace': scenario.kastenNamespace,
        });
      }
      const complete = (actions.body.items ?? []).filter((a) => a.status?.state === 'Complete');
      const s = (Date.now() - storyStartMs) / 1000;
      // Read after both answers: a success may land between the two lists (every 20 s live), never two.
      const expected = [
        wallClock(storyStartMs, lastSuccessTime(p, s)),
        wallClock(storyStartMs, lastSuccessTime(p, s - 5)),
      ];
      expect(expected).toContain(newest(points, (o) => o.metadata.creationTimestamp));
      expect(expected).toContain(newest(complete, (o) => o.status?.endTime));
      const fromActions = new Set(complete.map((a) => a.status?.restorePoint?.name));
      expect(points.filter((rp) => fromActions.has(rp.metadata.name)).length).toBeGreaterThan(0);
    },
  );

  test('the weekly policy: one restore point, older than the 2 h of history the browser tests backfill', async () => {
    const rps = await restorePoints(weekly.appNamespace, `k10.kasten.io/policyName=${weekly.name}`);
    const times = (rps.body.items ?? []).map((o) => Date.parse(o.metadata.creationTimestamp) / 1000);
    expect(times).toEqual([wallClock(storyStartMs, WEEKLY_LAST_SUCCESS)]);
    expect(Date.now() / 1000 - times[0]!).toBeGreaterThan(3 * 86400);
  });

  test('a label selector for another policy selects nothing', async () => {
    const rps = await restorePoints(weekly.appNamespace, 'k10.kasten.io/policyName in (someone-else)');
    expect(rps.body.items).toEqual([]);
  });

  test("metrics-only (no k10-basic): 403 on restore points and actions, but Policies and Prometheus's API are allowed", async () => {
    kube.server.setUser(parseUser('metrics-only'));
    const denied = await restorePoints(weekly.appNamespace);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });
    expect(denied.body.message).toContain('restorepoints.apps.kio.kasten.io is forbidden: User "metrics-reader"');
    expect((await backupActions(weekly.appNamespace)).status).toBe(403);
    expect((await list('actions.kio.kasten.io', 'exportactions', weekly.appNamespace)).status).toBe(403);
    expect((await list('config.kio.kasten.io', 'policies', scenario.kastenNamespace)).status).toBe(200);
    expect(
      await kube.allowed({
        verb: 'get',
        group: 'monitoring.coreos.com',
        resource: 'prometheuses',
        subresource: 'api',
        name: 'k8s',
      }),
    ).toBe(true);
  });

  test('actions-reader: 403 on restore points only; BackupActions and ExportActions answer', async () => {
    kube.server.setUser(parseUser('actions-reader'));
    const denied = await restorePoints(weekly.appNamespace);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('restorepoints.apps.kio.kasten.io is forbidden: User "actions-reader"');
    const backups = await backupActions(weekly.appNamespace);
    expect(backups.status).toBe(200);
    // The weekly policy's last Complete BackupAction is there: the recovery table can still use it.
    expect(
      (backups.body.items ?? []).some((o) => o.metadata.labels?.['k10.kasten.io/policyName'] === weekly.name),
    ).toBe(true);
    expect((await list('actions.kio.kasten.io', 'exportactions', weekly.appNamespace)).status).toBe(200);
  });
});
