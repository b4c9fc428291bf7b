import { renderHook } from '@testing-library/react';
import { useK8sWatchResource } from '../console-sdk';
import { resetSdkMocks, watchResult } from '../../test/unit-helpers/render';
import { useFailedActions } from './useFailedActions';

const SINCE = Date.parse('2026-11-29T00:00:00Z') / 1000;

beforeEach(() => resetSdkMocks());

test('watches only the policy-labelled actions of the two namespaces, never the whole cluster', () => {
  renderHook(() => useFailedActions(true, 'daily', 'shop', 'kasten-io', SINCE));
  const calls = jest.mocked(useK8sWatchResource).mock.calls.map(([r]) => r);
  expect(calls).toEqual([
    expect.objectContaining({
      groupVersionKind: { group: 'actions.kio.kasten.io', version: 'v1alpha1', kind: 'BackupAction' },
      namespace: 'shop',
      selector: { matchLabels: { 'k10.kasten.io/policyName': 'daily' } },
    }),
    expect.objectContaining({ namespace: 'shop', groupVersionKind: expect.objectContaining({ kind: 'ExportAction' }) }),
    expect.objectContaining({
      namespace: 'kasten-io',
      groupVersionKind: expect.objectContaining({ kind: 'RunAction' }),
    }),
  ]);
  for (const c of calls) expect(c?.namespace).toBeTruthy();
});

test('nothing is watched until a row is opened', () => {
  const { result } = renderHook(() => useFailedActions(false, 'daily', 'shop', 'kasten-io', SINCE));
  expect(jest.mocked(useK8sWatchResource).mock.calls.every(([r]) => r === null)).toBe(true);
  expect(result.current.access).toBe('loading');
});

test.each([
  ['forbidden', { response: { status: 403 }, message: 'forbidden' }],
  ['no-api', { message: 'Model does not exist' }],
  ['error', { message: 'boom' }],
])('a watch error is reported as %s', (access, error) => {
  jest.mocked(useK8sWatchResource).mockReturnValue(watchResult(undefined, false, error));
  const { result } = renderHook(() => useFailedActions(true, 'daily', 'shop', 'kasten-io', SINCE));
  expect(result.current.access).toBe(access);
  expect(result.current.rows).toEqual([]);
});

test('rows from the three lists, the watch kind filling in a missing kind', () => {
  jest.mocked(useK8sWatchResource).mockReturnValue(
    watchResult(
      [
        {
          metadata: { name: 'x', namespace: 'shop', labels: { 'k10.kasten.io/policyName': 'daily' } },
          status: { state: 'Failed', endTime: '2026-11-29T10:00:00Z' },
        },
      ],
      true,
    ),
  );
  const { result } = renderHook(() => useFailedActions(true, 'daily', 'shop', 'kasten-io', SINCE));
  expect(result.current.access).toBe('ok');
  expect(result.current.rows.map((r) => r.kind)).toEqual(['BackupAction', 'ExportAction', 'RunAction']);
});

test('a list refused in Kasten namespace keeps the rows of the lists that answered, and says which was refused', () => {
  const backup = {
    kind: 'BackupAction',
    metadata: { name: 'b', namespace: 'shop', labels: { 'k10.kasten.io/policyName': 'daily' } },
    status: { state: 'Failed', endTime: '2026-11-29T10:00:00Z' },
  };
  jest
    .mocked(useK8sWatchResource)
    .mockImplementation((r) =>
      r?.groupVersionKind?.kind === 'RunAction'
        ? watchResult([], false, { response: { status: 403 }, message: 'runactions is forbidden' })
        : watchResult(r?.groupVersionKind?.kind === 'BackupAction' ? [backup] : [], true),
    );
  const { result } = renderHook(() => useFailedActions(true, 'daily', 'shop', 'kasten-io', SINCE));
  expect(result.current.access).toBe('forbidden');
  expect(result.current.rows.map((r) => r.name)).toEqual(['b']);
  expect(result.current.lists).toEqual([
    { kind: 'BackupAction', namespace: 'shop', access: 'ok' },
    { kind: 'ExportAction', namespace: 'shop', access: 'ok' },
    expect.objectContaining({ kind: 'RunAction', namespace: 'kasten-io', access: 'forbidden' }),
  ]);
});

test('rows wait until every list has answered', () => {
  jest
    .mocked(useK8sWatchResource)
    .mockImplementation((r) =>
      r?.groupVersionKind?.kind === 'RunAction' ? watchResult([], false) : watchResult([], true),
    );
  const { result } = renderHook(() => useFailedActions(true, 'daily', 'shop', 'kasten-io', SINCE));
  expect(result.current.access).toBe('loading');
  expect(result.current.lists.map((l) => l.access)).toEqual(['ok', 'ok', 'loading']);
});
