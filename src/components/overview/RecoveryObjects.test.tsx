/**
 * The recovery table with Kasten's objects as its second source, through the Overview's container:
 * the watches it opens (one label-selected list per kind and application namespace, never
 * cluster-wide), the exact age and source it shows, and the denied path.
 */
import { renderHook, screen, within } from '@testing-library/react';
import { consoleFetchJSON, useK8sWatchResource, type WatchK8sResource } from '../../console-sdk';
import { httpError, vector } from '../../__fixtures__/prometheus';
import { useOverviewData } from '../../data/useOverviewData';
import { overviewQueries, type OverviewKey } from '../../models/overview';
import { DEFAULT_PLUGIN_CONFIG } from '../../models/plugin-config';
import type { KastenPolicy } from '../../models/policy';
import {
  answerPrometheus,
  byKey,
  harness,
  renderWith,
  resetSdkMocks,
  settle,
  tableRows,
  watchResult,
} from '../../../test/unit-helpers/render';
import { OverviewTab } from '../../pages/tabs';

const DAY = 86400;
const policies: KastenPolicy[] = [
  { metadata: { name: 'weekly' }, spec: { frequency: '@weekly' } },
  { metadata: { name: 'nightly' }, spec: { frequency: '@daily' } },
];
const labels = (policy: string, ns: string) => ({
  'k10.kasten.io/policyName': policy,
  'k10.kasten.io/appNamespace': ns,
});

const queries = (namespace?: string): Record<OverviewKey, string> => {
  jest.mocked(consoleFetchJSON).mockImplementation(() => new Promise(() => undefined));
  const h = harness();
  const { result, unmount } = renderHook(() => useOverviewData('1h', namespace), { wrapper: h.Wrapper });
  const q = result.current.queries;
  unmount();
  jest.mocked(consoleFetchJSON).mockClear();
  // The ages' look-back is sent once the history is measured, clipped to it (SHORT_HISTORY's day).
  const clipped = overviewQueries(DEFAULT_PLUGIN_CONFIG, '1h', namespace, DAY);
  return { ...q, backupAge: clipped.backupAge, exportAge: clipped.exportAge };
};

/** 24 h of metrics, no recording rules: the weekly policy's last success is older than all of it. */
const SHORT_HISTORY: Partial<Record<OverviewKey, unknown>> = {
  recoveryRecords: vector([
    [{ policy: 'weekly', exported_namespace: 'hr', kcp_row: 'known' }, 1],
    [{ policy: 'nightly', exported_namespace: 'shop', kcp_row: 'known' }, 1],
  ]),
  backupAge: vector([[{ policy: 'nightly', exported_namespace: 'shop' }, 3000]]),
  exportAge: vector([]),
  catalogHistory: vector([[{}, DAY]]),
  catalogPresent: vector([[{}, 1]]),
};

const iso = (ageSeconds: number) => new Date(Date.now() - ageSeconds * 1000).toISOString();
const weeklyAt = iso(3 * DAY + 100);

type Lists = Partial<Record<string, unknown[]>>;
/** The API as a namespace-scoped watch sees it: Policies in Kasten's namespace, `lists[kind/ns]` elsewhere. */
const api = (lists: Lists, error?: unknown) =>
  jest.mocked(useK8sWatchResource).mockImplementation(((res: WatchK8sResource | null) => {
    if (!res) return [undefined, true, undefined];
    const kind = res.groupVersionKind?.kind ?? '';
    if (kind === 'Policy') return watchResult(policies, true);
    if (error) return watchResult(undefined, false, error);
    return watchResult(lists[`${kind}/${res.namespace ?? ''}`] ?? [], true);
  }) as unknown as typeof useK8sWatchResource);

const objectWatches = () =>
  jest
    .mocked(useK8sWatchResource)
    .mock.calls.map(([r]) => r)
    .filter(
      (r): r is WatchK8sResource =>
        !!r && r.groupVersionKind?.kind !== 'Policy' && r.groupVersionKind?.kind !== 'PrometheusRule',
    );

const show = async (namespace?: string, answers = SHORT_HISTORY) => {
  answerPrometheus(byKey(queries(namespace), answers));
  renderWith(<OverviewTab windowDuration="1h" windowLabel="1h" windowSeconds={3600} namespace={namespace} />);
  await settle();
  await settle();
};

const row = (policy: string) => tableRows(screen.getByTestId('recovery-table')).find((r) => r[0] === policy);

beforeEach(() => resetSdkMocks());

test('metrics cannot tell a weekly policy: the restore point gives the exact age, the source and the verdict', async () => {
  api({
    'RestorePoint/hr': [
      { metadata: { name: 'weekly-rp', namespace: 'hr', labels: labels('weekly', 'hr'), creationTimestamp: weeklyAt } },
    ],
    'BackupAction/shop': [
      {
        metadata: { name: 'nightly-b', namespace: 'shop', labels: labels('nightly', 'shop') },
        status: { state: 'Complete', endTime: iso(3000) },
      },
    ],
  });
  await show();
  expect(row('weekly')).toEqual([
    'weekly',
    'hr',
    '@weekly',
    '3d ago',
    'no success in the last 24 h of metrics',
    'Within expected interval (7d 16h)',
    // The export age is the look-back's (no export seen), and the cell says so.
    'Backup: Kasten objects (older than the metrics history); export: Metrics look-back (no Complete Kasten object of this policy)',
  ]);
  const time = within(screen.getByTestId('recovery-table')).getAllByTestId('backup-time');
  expect(time.map((t) => t.getAttribute('dateTime'))).toContain(new Date(Date.parse(weeklyAt)).toISOString());
  // The metrics' 3000 s and the action's end agree: the exact time is shown, said confirmed.
  expect(row('nightly')?.[6]).toBe(
    'Backup: Kasten objects (the metrics agree); export: Metrics look-back (no Complete Kasten object of this policy)',
  );
  expect(screen.queryByTestId('recovery-objects-denied')).toBeNull();
});

test('the watches: one list per kind in each application namespace on screen, selected by the policies of its rows', async () => {
  api({});
  await show();
  const watches = objectWatches();
  expect(watches.length).toBeGreaterThan(0);
  for (const w of watches) {
    // Never the whole cluster: every list is namespaced and label-selected.
    expect(w.namespace).toBeTruthy();
    expect(w.isList).toBe(true);
    expect(w.selector?.matchExpressions?.[0]).toMatchObject({ key: 'k10.kasten.io/policyName', operator: 'In' });
  }
  const last = new Map(watches.map((w) => [`${w.groupVersionKind?.kind}/${w.namespace}`, w.selector]));
  expect([...last.keys()].sort()).toEqual([
    'BackupAction/hr',
    'BackupAction/shop',
    'ExportAction/hr',
    'ExportAction/shop',
    'RestorePoint/hr',
    'RestorePoint/shop',
  ]);
  expect(last.get('RestorePoint/hr')?.matchExpressions?.[0]?.values).toEqual(['weekly']);
  expect(watches.find((w) => w.groupVersionKind?.kind === 'RestorePoint')?.groupVersionKind).toEqual({
    group: 'apps.kio.kasten.io',
    version: 'v1alpha1',
    kind: 'RestorePoint',
  });
  expect(row('weekly')?.[5]).toBe('Cannot tell: less history than the expected interval (7d 16h)');
  expect(row('weekly')?.[6]).toBe('Metrics look-back (no Complete Kasten object of this policy)');
});

test('denied (403 on the lists): the metrics answer stays and a note names the permission that would add the exact one', async () => {
  api({}, httpError(403, { message: 'restorepoints.apps.kio.kasten.io is forbidden' }));
  await show();
  expect(row('weekly')?.[5]).toBe('Cannot tell: less history than the expected interval (7d 16h)');
  expect(row('weekly')?.[6]).toBe('Metrics look-back (Kasten objects not readable: needs k10-basic)');
  expect(screen.getByTestId('recovery-objects-denied')).toHaveTextContent(
    "You may not list restorepoints.apps.kio.kasten.io, backupactions.actions.kio.kasten.io, exportactions.actions.kio.kasten.io in hr, shop. Those rows use the metrics and whichever of Kasten's RestorePoints, BackupActions and ExportActions you may list. Kasten's k10-basic role, bound in the namespace, grants list on all three",
  );
});

/** Like `api`, with the kinds in `refused` answering 403 everywhere. */
const apiRefusing = (lists: Lists, refused: string[]) =>
  jest.mocked(useK8sWatchResource).mockImplementation(((res: WatchK8sResource | null) => {
    if (!res) return [undefined, true, undefined];
    const kind = res.groupVersionKind?.kind ?? '';
    if (kind === 'Policy') return watchResult(policies, true);
    if (refused.includes(kind))
      return watchResult(undefined, false, httpError(403, { message: `${kind} is forbidden` }));
    return watchResult(lists[`${kind}/${res.namespace ?? ''}`] ?? [], true);
  }) as unknown as typeof useK8sWatchResource);

test('RestorePoints refused, actions allowed: the BackupActions still give the age, and the note names only RestorePoints', async () => {
  apiRefusing(
    {
      'BackupAction/hr': [
        {
          metadata: { name: 'weekly-b', namespace: 'hr', labels: labels('weekly', 'hr') },
          status: { state: 'Complete', endTime: weeklyAt },
        },
      ],
      'ExportAction/shop': [
        {
          metadata: { name: 'nightly-e', namespace: 'shop', labels: labels('nightly', 'shop') },
          status: { state: 'Complete', endTime: iso(7200) },
        },
      ],
    },
    ['RestorePoint'],
  );
  await show();
  expect(row('weekly')?.slice(3)).toEqual([
    '3d ago',
    'no success in the last 24 h of metrics',
    'Within expected interval (7d 16h)',
    'Backup: Kasten objects (older than the metrics history); export: Metrics look-back (no Complete Kasten object of this policy)',
  ]);
  // nightly's backup: no Complete BackupAction, RestorePoints refused: not "none found", the metrics stand.
  expect(row('nightly')?.slice(3)).toEqual([
    '50m ago',
    '2h ago',
    'Within expected interval (1d 2h)',
    'Backup: Metrics look-back (no Complete object in the Kasten lists you may read); export: Kasten objects (older than the metrics history)',
  ]);
  const refused = screen.getAllByTestId('recovery-objects-refused');
  expect(refused.map((e) => e.textContent?.trim())).toEqual([
    'You may not list restorepoints.apps.kio.kasten.io in hr, shop.',
  ]);
  expect(screen.getByTestId('recovery-objects-denied')).toHaveTextContent("Kasten's k10-basic role");
});

test('ExportActions refused only: the backup age still comes from the objects, the export stays the metrics', async () => {
  apiRefusing(
    {
      'RestorePoint/hr': [
        {
          metadata: { name: 'weekly-rp', namespace: 'hr', labels: labels('weekly', 'hr'), creationTimestamp: weeklyAt },
        },
      ],
    },
    ['ExportAction'],
  );
  await show();
  expect(row('weekly')?.slice(3)).toEqual([
    '3d ago',
    'no success in the last 24 h of metrics',
    'Within expected interval (7d 16h)',
    'Backup: Kasten objects (older than the metrics history); export: Metrics look-back (Kasten objects not readable: needs k10-basic)',
  ]);
  expect(screen.getAllByTestId('recovery-objects-refused').map((e) => e.textContent?.trim())).toEqual([
    'You may not list exportactions.actions.kio.kasten.io in hr, shop.',
  ]);
});

test("the namespace tab reads only its own namespace's lists", async () => {
  api({
    'RestorePoint/hr': [
      { metadata: { name: 'weekly-rp', namespace: 'hr', labels: labels('weekly', 'hr'), creationTimestamp: weeklyAt } },
    ],
  });
  await show('hr', {
    ...SHORT_HISTORY,
    recoveryRecords: vector([[{ policy: 'weekly', exported_namespace: 'hr', kcp_row: 'known' }, 1]]),
    backupAge: vector([]),
  });
  expect(new Set(objectWatches().map((w) => w.namespace))).toEqual(new Set(['hr']));
  expect(row('weekly')?.slice(3)).toEqual([
    '3d ago',
    'no success in the last 24 h of metrics',
    'Within expected interval (7d 16h)',
    'Backup: Kasten objects (older than the metrics history); export: Metrics look-back (no Complete Kasten object of this policy)',
  ]);
});
