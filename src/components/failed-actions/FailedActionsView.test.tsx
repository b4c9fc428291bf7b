import { render, screen, within } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import { MemoryRouter } from 'react-router';
import type { FailedActionsList, FailedActionsState } from '../../data/useFailedActions';
import { failedActionRows, type PolicyActionObject } from '../../models/failed-actions';
import { formatDateTime } from '../../utils/format';
import { FailedActionsView } from './FailedActionsView';

const HOSTILE = 'scheduled-"x"-<b>é漢字';
const LONG_LINE = `could not reach https://s3.example.com/${'very-long-bucket-path/'.repeat(20)}`;
const objects: PolicyActionObject[] = [
  {
    kind: 'BackupAction',
    metadata: { name: HOSTILE, namespace: 'shop', labels: { 'k10.kasten.io/policyName': 'daily' } },
    status: {
      state: 'Failed',
      startTime: '2026-11-29T10:00:00Z',
      endTime: '2026-11-29T10:05:00Z',
      error: {
        message: 'Job failed to be executed',
        cause: JSON.stringify({
          message: 'Failed to snapshot volumes',
          function: 'kasten.io/k10/kio/exec/phases/backup.(*SnapshotPhase).Run',
          cause: JSON.stringify({
            message: `line one\nline two\n${LONG_LINE}`,
            fields: [{ name: 'pvc', value: 'data-0' }],
          }),
        }),
      },
    },
  },
  {
    kind: 'ExportAction',
    metadata: { name: 'export-empty', namespace: 'shop', labels: { 'k10.kasten.io/policyName': 'daily' } },
    status: { state: 'Cancelled', startTime: '2026-11-29T09:00:00Z', restorePoint: { name: 'rp-1' } },
  },
];
const rows = failedActionRows(objects, 'daily', 'shop', 0);
const ok = (kind: FailedActionsList['kind'], namespace: string): FailedActionsList => ({
  kind,
  namespace,
  access: 'ok',
});
const LISTS_OK = [ok('BackupAction', 'shop'), ok('ExportAction', 'shop'), ok('RunAction', 'kasten-io')];

const show = (state: FailedActionsState) =>
  render(
    <MemoryRouter>
      <FailedActionsView state={state} policy="daily" appNamespace="shop" windowText="ended in the last 1h" />
    </MemoryRouter>,
  );

test('loading: a busy skeleton, no list and no empty message', () => {
  show({ rows: [], access: 'loading', lists: [] });
  expect(screen.getByTestId('loading')).toHaveAttribute('aria-busy', 'true');
  expect(screen.queryByTestId('failed-actions-empty')).toBeNull();
});

test('each action: kind, verbatim name linking to its console page, times, restore point and the cause chain innermost first', () => {
  show({ rows, access: 'ok', lists: LISTS_OK });
  const items = screen.getAllByTestId('failed-action');
  expect(items).toHaveLength(2);
  const first = within(items[0]!);
  expect(first.getByTestId('failed-action-kind')).toHaveTextContent('BackupAction');
  const link = first.getByTestId('failed-action-link');
  expect(link.textContent).toBe(HOSTILE);
  expect(link).toHaveAttribute(
    'href',
    `/k8s/ns/shop/actions.kio.kasten.io~v1alpha1~BackupAction/${encodeURIComponent(HOSTILE)}`,
  );
  // The namespace is the console's link to its Namespace page.
  expect(first.getByRole('link', { name: 'shop' })).toHaveAttribute('href', '/k8s/cluster/namespaces/shop');
  expect(first.getByTestId('failed-action-start')).toHaveTextContent(
    formatDateTime(Date.parse('2026-11-29T10:00:00Z') / 1000, 'en'),
  );
  expect(first.getByTestId('failed-action-end').querySelector('time')).toHaveAttribute(
    'dateTime',
    '2026-11-29T10:05:00.000Z',
  );
  expect(first.getByTestId('failed-action-restore-point')).toHaveTextContent('None (status.restorePoint is not set)');
  const messages = first.getAllByTestId('action-cause-message').map((m) => m.textContent);
  // Innermost first, line breaks kept as text (CSS pre-wrap shows them), the long line whole.
  expect(messages).toEqual([
    `line one\nline two\n${LONG_LINE}`,
    'Failed to snapshot volumes',
    'Job failed to be executed',
  ]);
  expect(first.getAllByTestId('action-cause')[0]).toHaveTextContent('Reason');
  expect(first.getAllByTestId('action-cause')[1]).toHaveTextContent('Wrapped by (cause 2 of 3)');
  expect(first.getByText('kasten.io/k10/kio/exec/phases/backup.(*SnapshotPhase).Run')).toBeInTheDocument();
  expect(first.getByText('data-0')).toBeInTheDocument();
  // No markup was interpreted from the name.
  expect(items[0]!.querySelector('b')).toBeNull();

  const second = within(items[1]!);
  expect(second.getByTestId('action-error-empty')).toHaveTextContent(
    'Kasten recorded no error message for this action (status.error is empty).',
  );
  expect(second.getByTestId('failed-action-restore-point')).toHaveTextContent('Yes: rp-1 (status.restorePoint.name)');
  expect(second.getByTestId('failed-action-end')).toHaveTextContent('—');
});

test('empty: says no object remains and that Kasten may have garbage-collected them', () => {
  show({ rows: [], access: 'ok', lists: LISTS_OK });
  expect(screen.getByTestId('failed-actions-empty')).toHaveTextContent(
    'No failed or cancelled action object of policy daily for namespace shop remains (ended in the last 1h). Kasten may have garbage-collected them',
  );
});

test('forbidden in the application namespace: no list, the k10-basic role binding command for that namespace', () => {
  const forbidden = { response: { status: 403 }, message: 'forbidden' };
  show({
    rows: [],
    access: 'forbidden',
    error: forbidden,
    lists: [
      { kind: 'BackupAction', namespace: 'shop', access: 'forbidden', error: forbidden },
      { kind: 'ExportAction', namespace: 'shop', access: 'forbidden', error: forbidden },
      { kind: 'RunAction', namespace: 'kasten-io', access: 'forbidden', error: forbidden },
    ],
  });
  const notes = screen.getAllByTestId('failed-actions-forbidden');
  expect(notes).toHaveLength(2);
  expect(notes[0]).toHaveTextContent('You may not list BackupAction, ExportAction in namespace shop.');
  expect(within(notes[0]!).getByTestId('k10-basic-hint')).toHaveTextContent(
    'oc create rolebinding k10-basic-<user> --clusterrole=k10-basic --user=<user> -n shop',
  );
  // RunActions live in Kasten's namespace: the note there names that permission, not k10-basic.
  expect(notes[1]).toHaveTextContent('You may not list RunAction in namespace kasten-io.');
  expect(within(notes[1]!).queryByTestId('k10-basic-hint')).toBeNull();
  expect(within(notes[1]!).getByTestId('runactions-permission')).toHaveTextContent(
    'list (and watch) on runactions.actions.kio.kasten.io in kasten-io',
  );
  expect(within(notes[1]!).getByTestId('runactions-hint')).toHaveTextContent(
    '--resource=runactions.actions.kio.kasten.io -n kasten-io',
  );
  expect(screen.queryByTestId('failed-actions-empty')).toBeNull();
  expect(screen.queryByTestId('failed-action')).toBeNull();
});

test('RunActions refused in Kasten namespace: the application namespace rows still show, with a note for the rest', () => {
  show({
    rows,
    access: 'forbidden',
    lists: [
      ok('BackupAction', 'shop'),
      ok('ExportAction', 'shop'),
      { kind: 'RunAction', namespace: 'kasten-io', access: 'forbidden', error: { response: { status: 403 } } },
    ],
  });
  expect(screen.getAllByTestId('failed-action')).toHaveLength(2);
  expect(screen.getByTestId('failed-actions-forbidden')).toHaveTextContent(
    'You may not list RunAction in namespace kasten-io.',
  );
});

test('no API and other errors are said, with the message', () => {
  const { unmount } = show({
    rows: [],
    access: 'no-api',
    lists: [{ kind: 'BackupAction', namespace: 'shop', access: 'no-api', error: new Error('Model does not exist') }],
  });
  expect(screen.getByTestId('failed-actions-error')).toHaveTextContent(
    "This cluster does not serve Kasten's action resources (actions.kio.kasten.io/v1alpha1 BackupAction).",
  );
  unmount();
  show({
    rows: [],
    access: 'error',
    lists: [{ kind: 'RunAction', namespace: 'kasten-io', access: 'error', error: new Error('etcd timed out') }],
  });
  expect(screen.getByTestId('failed-actions-error')).toHaveTextContent(
    'RunAction in namespace kasten-io could not be read: etcd timed out',
  );
});

test('an application in the Kasten namespace itself: one note, k10-basic for its actions and the RunAction permission', () => {
  const forbidden = { response: { status: 403 }, message: 'forbidden' };
  show({
    rows: [],
    access: 'forbidden',
    error: forbidden,
    lists: [
      { kind: 'BackupAction', namespace: 'kasten-io', access: 'forbidden', error: forbidden },
      { kind: 'ExportAction', namespace: 'kasten-io', access: 'forbidden', error: forbidden },
      { kind: 'RunAction', namespace: 'kasten-io', access: 'forbidden', error: forbidden },
    ],
  });
  const notes = screen.getAllByTestId('failed-actions-forbidden');
  expect(notes).toHaveLength(1);
  expect(within(notes[0]!).getByTestId('k10-basic-hint')).toHaveTextContent('-n kasten-io');
  expect(within(notes[0]!).getByTestId('runactions-hint')).toHaveTextContent('-n kasten-io');
});
