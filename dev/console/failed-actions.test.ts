/**
 * The stand-in's Kasten action objects behind the failing policy's failures: the same number of Failed
 * BackupActions as the simulator's live failed count, their RunActions in Kasten's namespace, a hostile
 * name and a nested multi-line error next to an action with no error, all selected by the policy label;
 * and a user with cluster-monitoring-view but no Kasten role, who is refused.
 */
import {
  buildScenario,
  DEFAULT_SCENARIO,
  FAILING_NAMESPACE,
  FAILING_POLICY,
  failedCounts,
} from '../simulator/scenario';
import { errorCauseChain } from '../../src/models/action-error';
import { NESTED_ACTION_ERROR } from './cluster-objects';
import { kubeApiConsole } from './kube-api-console';
import { parseUser } from './users';

const storyStartMs = Date.now();
const kube = kubeApiConsole(buildScenario(DEFAULT_SCENARIO), storyStartMs);

interface ActionItem {
  kind?: string;
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  status: { state: string; error?: unknown; endTime?: string };
}

const list = (namespace: string, plural: string, policy: string) =>
  kube.list<ActionItem>('actions.kio.kasten.io', plural, namespace, `k10.kasten.io/policyName=${policy}`);

test("the failing policy's failed backups match the simulator's live count, with a RunAction each in Kasten's namespace", async () => {
  kube.server.setUser(parseUser('admin'));
  const backups = await list(FAILING_NAMESPACE, 'backupactions', FAILING_POLICY);
  const runs = await list('kasten-io', 'runactions', FAILING_POLICY);
  const live = failedCounts((Date.now() - storyStartMs) / 1000).live;
  const failed = backups.body.items!.filter((a) => a.status.state === 'Failed');
  expect(failed).toHaveLength(live);
  expect(runs.body.items!.filter((a) => a.status.state === 'Failed')).toHaveLength(live);
  for (const r of runs.body.items!) {
    expect(r.metadata.namespace).toBe('kasten-io');
    expect(r.metadata.labels['k10.kasten.io/policyName']).toBe(FAILING_POLICY);
  }
  // Both kinds of failure are present: a hostile name with the nested error, and one with no error.
  const hostile = failed.find((a) => a.metadata.name.includes('"quoted"-ünïcødé-漢字'));
  expect(hostile?.status.error).toEqual(NESTED_ACTION_ERROR);
  const chain = errorCauseChain(hostile?.status.error);
  expect(chain.map((c) => c.message.split('\n').length)).toEqual([3, 1, 1]);
  expect(chain[0]?.message).toContain('no VolumeSnapshotClass found');
  expect(failed.some((a) => a.status.error === undefined)).toBe(true);
});

test('another policy has no failed actions, and the selector keeps its objects apart', async () => {
  kube.server.setUser(parseUser('admin'));
  const other = buildScenario(DEFAULT_SCENARIO).policies_.find((p) => !p.failing)!;
  const backups = await list(other.appNamespace, 'backupactions', other.name);
  expect(backups.body.items!.length).toBeGreaterThan(0);
  expect(backups.body.items!.every((a) => a.status.state === 'Complete')).toBe(true);
  expect((await list('kasten-io', 'runactions', other.name)).body.items).toEqual([]);
});

test('monitoring-viewer reads every metric but may not list Kasten actions: 403 with the API server message', async () => {
  kube.server.setUser(parseUser('monitoring-viewer'));
  const denied = await list(FAILING_NAMESPACE, 'backupactions', FAILING_POLICY);
  expect(denied.status).toBe(403);
  expect(denied.body).toMatchObject({
    reason: 'Forbidden',
    message: `backupactions.actions.kio.kasten.io is forbidden: User "monitoring-viewer" cannot list resource "backupactions" in API group "actions.kio.kasten.io" in the namespace "${FAILING_NAMESPACE}"`,
  });
  expect((await list('kasten-io', 'runactions', FAILING_POLICY)).status).toBe(403);
  expect(
    await kube.allowed({ verb: 'get', group: 'monitoring.coreos.com', resource: 'prometheuses', subresource: 'api' }),
  ).toBe(true);
  expect(() => parseUser('monitoring-viewer:x')).toThrow('monitoring-viewer');
});
