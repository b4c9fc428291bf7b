/** The namespace tab's body: metrics when they can be read, else Kasten's action resources with a note saying why. */
import { fireEvent, screen, within } from '@testing-library/react';
import { useK8sWatchResource, type WatchK8sResource } from '../console-sdk';
import { emptyVector, httpError, vector } from '../__fixtures__/prometheus';
import { DEFAULT_PLUGIN_CONFIG } from '../models/plugin-config';
import { actionCountsByStatus } from '../promql';
import { formatDateTime } from '../utils/format';
import {
  answerPrometheus,
  promRequests,
  renderWith,
  resetSdkMocks,
  settle,
  tableRows,
  type HarnessOptions,
} from '../../test/unit-helpers/render';
import type { KastenAction } from '../models/actions';
import { NamespaceTabBody } from './NamespaceTabBody';

const action = (
  name: string,
  state: string,
  endTime?: string,
  error?: string | { message?: string },
): KastenAction => ({
  metadata: { name, namespace: 'shop', labels: { 'k10.kasten.io/policyName': 'nightly' } },
  status: { state, endTime, error },
});

/** Answers the three action watches by kind. */
const watchActions = (byKind: Record<string, [KastenAction[] | undefined, boolean, unknown]>) =>
  jest.mocked(useK8sWatchResource).mockImplementation(((res: WatchK8sResource | null) => {
    const kind = res?.groupVersionKind?.kind ?? '';
    return byKind[kind] ?? [undefined, true, undefined];
  }) as typeof useK8sWatchResource);

beforeEach(() => {
  resetSdkMocks();
  answerPrometheus(() => emptyVector());
});

const show = async (namespace: string | undefined, opts: HarnessOptions) => {
  renderWith(<NamespaceTabBody namespace={namespace} />, opts);
  await settle();
};

test('access none: no metrics request, a note naming the missing permission, and the action resources instead', async () => {
  watchActions({
    BackupAction: [
      [
        action('backup-1', 'Complete', '2024-01-01T02:00:00Z'),
        action('backup-2', 'Failed', '2024-01-02T02:00:00Z', { message: 'snapshot timed out' }),
      ],
      true,
      undefined,
    ],
    ExportAction: [
      [action('export-1', 'AttemptFailed', '2024-01-01T03:00:00Z', 'location profile unreachable')],
      true,
      undefined,
    ],
    RestoreAction: [[], true, undefined],
  });
  await show('shop', { access: { mode: 'none', namespace: 'kasten-io' } });
  expect(promRequests()).toEqual([]);
  expect(screen.getByTestId('metrics-fallback-note')).toHaveTextContent(
    "Kasten's metrics live in namespace kasten-io, which you may not read (it needs cluster-monitoring-view, or view in kasten-io). Showing Kasten's action resources in shop from the Kubernetes API instead.",
  );
  expect(tableRows(screen.getByTestId('action-resources'))).toEqual([
    [
      'BackupAction',
      'backup-2',
      'nightly',
      'Failed',
      formatDateTime(Date.parse('2024-01-02T02:00:00Z') / 1000),
      'snapshot timed out',
    ],
    [
      'ExportAction',
      'export-1',
      'nightly',
      'AttemptFailed',
      formatDateTime(Date.parse('2024-01-01T03:00:00Z') / 1000),
      'location profile unreachable',
    ],
    ['BackupAction', 'backup-1', 'nightly', 'Complete', formatDateTime(Date.parse('2024-01-01T02:00:00Z') / 1000), ''],
  ]);
  const statuses = Array.from(screen.getByTestId('action-resources').querySelectorAll('[data-status]')).map((e) =>
    e.getAttribute('data-status'),
  );
  expect(statuses).toEqual(['fail', 'warning', 'pass']);
  // The three kinds are watched in this namespace, with the user's own rights.
  const watched = jest.mocked(useK8sWatchResource).mock.calls.map((c) => c[0]);
  for (const kind of ['BackupAction', 'ExportAction', 'RestoreAction']) {
    expect(watched).toContainEqual({
      groupVersionKind: { group: 'actions.kio.kasten.io', version: 'v1alpha1', kind },
      namespace: 'shop',
      isList: true,
    });
  }
});

test("access none and the action resources forbidden too: says so with the API's message", async () => {
  watchActions({
    BackupAction: [undefined, false, httpError(403, { message: 'backupactions.actions.kio.kasten.io is forbidden' })],
  });
  await show('shop', { access: { mode: 'none', namespace: 'kasten-io' } });
  expect(screen.getByTestId('actions-error')).toHaveTextContent(
    'Kasten action resources cannot be read here either: backupactions.actions.kio.kasten.io is forbidden',
  );
});

test('access none, no action in the namespace yet', async () => {
  watchActions({
    BackupAction: [[], true, undefined],
    ExportAction: [[], true, undefined],
    RestoreAction: [[], true, undefined],
  });
  await show('shop', { access: { mode: 'none', namespace: 'kasten-io' } });
  expect(screen.getByTestId('empty')).toHaveTextContent('No Kasten action resources in this namespace.');
});

test('access none, watches still loading: skeleton', async () => {
  watchActions({ BackupAction: [undefined, false, undefined] });
  await show('shop', { access: { mode: 'none', namespace: 'kasten-io' } });
  expect(screen.getByTestId('loading')).toBeInTheDocument();
});

test('metrics readable: the dashboard narrowed to this namespace, without a namespace filter field', async () => {
  await show('shop', {});
  expect(screen.queryByTestId('metrics-fallback-note')).toBeNull();
  expect(screen.queryByTestId('namespace-filter')).toBeNull();
  expect(promRequests().map((r) => r.query)).toContain(
    actionCountsByStatus(DEFAULT_PLUGIN_CONFIG, { exportedNamespace: 'shop' }),
  );
  expect(promRequests().map((r) => r.query)).not.toContain(actionCountsByStatus(DEFAULT_PLUGIN_CONFIG));
});

test('undecided access: skeleton, nothing sent', async () => {
  await show('shop', { access: { loading: true } });
  expect(screen.getByTestId('loading')).toBeInTheDocument();
  expect(promRequests()).toEqual([]);
});

test('no namespace given', async () => {
  await show(undefined, {});
  expect(screen.getByText('No namespace selected.')).toBeInTheDocument();
});

describe('why it failed, on the namespace tab', () => {
  const failedBackup: KastenAction = {
    kind: 'BackupAction',
    metadata: { name: 'backup-"2"', namespace: 'shop', labels: { 'k10.kasten.io/policyName': 'nightly' } },
    status: {
      state: 'Failed',
      endTime: new Date(Date.now() - 60_000).toISOString(),
      error: { message: 'Job failed', cause: '{"message":"no VolumeSnapshotClass for driver"}' } as unknown as {
        message?: string;
      },
    },
  };

  test('access none: a failed action opens to its details and cause chain; the reason column shows the innermost cause', async () => {
    watchActions({
      BackupAction: [[failedBackup], true, undefined],
      ExportAction: [[], true, undefined],
      RestoreAction: [[], true, undefined],
    });
    await show('shop', { access: { mode: 'none', namespace: 'kasten-io' } });
    expect(tableRows(screen.getByTestId('action-resources'))[0]?.[5]).toBe('no VolumeSnapshotClass for driver');
    fireEvent.click(screen.getByRole('button', { name: 'Details of BackupAction backup-"2"' }));
    const link = await screen.findByTestId('failed-action-link');
    expect(link).toHaveAttribute('href', `/k8s/ns/shop/actions.kio.kasten.io~v1alpha1~BackupAction/backup-%222%22`);
    expect(screen.getAllByTestId('action-cause-message').map((m) => m.textContent)).toEqual([
      'no VolumeSnapshotClass for driver',
      'Job failed',
    ]);
  });

  test('access none and actions forbidden: the k10-basic binding for this namespace', async () => {
    watchActions({
      BackupAction: [undefined, false, httpError(403, { message: 'backupactions.actions.kio.kasten.io is forbidden' })],
    });
    await show('shop', { access: { mode: 'none', namespace: 'kasten-io' } });
    expect(screen.getByTestId('k10-basic-hint')).toHaveTextContent(
      'oc create rolebinding k10-basic-<user> --clusterrole=k10-basic --user=<user> -n shop',
    );
  });

  test('metrics readable: a failure row of this namespace opens to its actions, watched in this namespace', async () => {
    answerPrometheus(() => vector([[{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 2]]));
    watchActions({
      BackupAction: [[failedBackup], true, undefined],
      ExportAction: [[], true, undefined],
      RunAction: [[], true, undefined],
    });
    await show('shop', {});
    fireEvent.click(
      within(screen.getByTestId('new-failures-table')).getByRole('button', {
        name: 'Failed actions of policy nightly in namespace shop',
      }),
    );
    // The first open row loads the view's chunk; on a loaded machine that import can take seconds.
    expect((await screen.findByTestId('failed-action-link', {}, { timeout: 20_000 })).textContent).toBe('backup-"2"');
    const watched = jest.mocked(useK8sWatchResource).mock.calls.map((c) => c[0]);
    expect(watched).toContainEqual(
      expect.objectContaining({
        groupVersionKind: expect.objectContaining({ kind: 'RunAction' }),
        namespace: 'kasten-io',
        selector: { matchLabels: { 'k10.kasten.io/policyName': 'nightly' } },
      }),
    );
  }, 30_000);
});
