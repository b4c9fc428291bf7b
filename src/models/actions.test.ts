import { actionErrorText, actionStateStatus, mergeActionLists, type KastenAction } from './actions';

test.each<[string | undefined, ReturnType<typeof actionStateStatus>]>([
  ['Complete', 'pass'],
  ['Failed', 'fail'],
  ['Cancelled', 'fail'],
  ['AttemptFailed', 'warning'],
  ['Running', 'unknown'],
  [undefined, 'unknown'],
])('actionStateStatus(%p) = %p', (state, status) => {
  expect(actionStateStatus(state)).toBe(status);
});

test.each<[string, KastenAction, string]>([
  ['no error', { status: { state: 'Complete' } }, ''],
  ['error as text', { status: { error: 'quota exceeded' } }, 'quota exceeded'],
  ['error object', { status: { error: { message: 'snapshot failed' } } }, 'snapshot failed'],
  ['error object without message', { status: { error: {} } }, ''],
])('actionErrorText: %s', (_name, action, text) => {
  expect(actionErrorText(action)).toBe(text);
});

test('mergeActionLists fills a missing kind from its watch, keeps a given one, and skips lists not loaded', () => {
  const merged = mergeActionLists({
    BackupAction: [{ metadata: { name: 'b1' } }],
    ExportAction: undefined,
    RestoreAction: [{ kind: 'RestoreAction', metadata: { name: 'r1' } }],
  });
  expect(merged.map((a) => `${a.kind}/${a.metadata?.name}`)).toEqual(['BackupAction/b1', 'RestoreAction/r1']);
});
