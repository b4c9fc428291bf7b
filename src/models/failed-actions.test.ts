import { actionHref, failedActionRows, type PolicyActionObject } from './failed-actions';

const action = (
  kind: string,
  name: string,
  namespace: string,
  state: string,
  endTime: string | undefined,
  labels: Record<string, string>,
  extra: PolicyActionObject['status'] = {},
): PolicyActionObject => ({
  kind,
  metadata: { name, namespace, labels },
  status: { state, startTime: '2026-11-29T10:00:00Z', endTime, ...extra },
});
const labels = (policy: string, app?: string) => ({
  'k10.kasten.io/policyName': policy,
  ...(app ? { 'k10.kasten.io/appNamespace': app } : {}),
});
const SINCE = Date.parse('2026-11-29T09:00:00Z') / 1000;

test('keeps the failed and cancelled actions of that policy and namespace in the window, newest first', () => {
  const rows = failedActionRows(
    [
      action('BackupAction', 'b-old', 'shop', 'Failed', '2026-11-28T10:00:00Z', labels('daily', 'shop')),
      action('BackupAction', 'b-ok', 'shop', 'Complete', '2026-11-29T10:05:00Z', labels('daily', 'shop')),
      action('BackupAction', 'b-failed', 'shop', 'Failed', '2026-11-29T10:05:00Z', labels('daily', 'shop'), {
        error: { message: 'Job failed to be executed', cause: '{"message":"no snapshot class"}' },
        restorePoint: { name: '' },
      }),
      action('ExportAction', 'e-cancelled', 'shop', 'Cancelled', '2026-11-29T11:00:00Z', labels('daily', 'shop'), {
        restorePoint: { name: 'rp-1' },
      }),
      action('BackupAction', 'other-policy', 'shop', 'Failed', '2026-11-29T10:05:00Z', labels('weekly', 'shop')),
      action('BackupAction', 'other-app', 'crm', 'Failed', '2026-11-29T10:05:00Z', labels('daily', 'crm')),
      action('RunAction', 'run-1', 'kasten-io', 'Failed', '2026-11-29T10:06:00Z', labels('daily')),
      action('BackupAction', 'retrying', 'shop', 'AttemptFailed', undefined, labels('daily', 'shop')),
    ],
    'daily',
    'shop',
    SINCE,
  );
  expect(rows.map((r) => [r.kind, r.name, r.state, r.restorePoint])).toEqual([
    ['ExportAction', 'e-cancelled', 'Cancelled', 'rp-1'],
    ['RunAction', 'run-1', 'Failed', undefined],
    ['BackupAction', 'b-failed', 'Failed', undefined],
  ]);
  expect(rows[2]?.causes.map((c) => c.message)).toEqual(['no snapshot class', 'Job failed to be executed']);
  expect(rows[2]?.end).toBe(Date.parse('2026-11-29T10:05:00Z') / 1000);
});

test('hostile names reach the link only encoded', () => {
  expect(actionHref('BackupAction', 'shop', 'a/../b?c=<x>#y')).toBe(
    '/k8s/ns/shop/actions.kio.kasten.io~v1alpha1~BackupAction/a%2F..%2Fb%3Fc%3D%3Cx%3E%23y',
  );
});

test('an action without times or error still shows, with no causes', () => {
  const [row] = failedActionRows(
    [
      {
        kind: 'BackupAction',
        metadata: { name: 'bare', namespace: 'shop', labels: labels('daily') },
        status: { state: 'Failed' },
      },
    ],
    'daily',
    'shop',
    SINCE,
  );
  expect(row).toMatchObject({ name: 'bare', causes: [], start: undefined, end: undefined });
});
