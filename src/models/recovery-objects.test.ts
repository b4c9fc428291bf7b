import type { RecoveryRow } from './overview';
import { recoveryRows } from './overview';
import type { PolicyActionObject } from './failed-actions';
import { recoveryPointVerdict, type KastenPolicy } from './policy';
import {
  AGREE_SECONDS,
  CLOCK_SKEW_SECONDS,
  MAX_POLICIES_PER_SELECTOR,
  combineRecoveryRow,
  combineRecoveryRows,
  ageSources,
  forbiddenNamespaces,
  lastSuccessFromObjects,
  namespaceObjectsState,
  refusedLists,
  objectsTargets,
  selectableLabelValue,
  selectableNamespace,
  type AgeSourceEntry,
  type NamespaceObjectsState,
  type ObjectsAccess,
  type ObjectsCheck,
  type ObjectsList,
  type RestorePointObject,
} from './recovery-objects';

const NOW = Date.parse('2026-11-29T12:00:00Z') / 1000;
const iso = (ageSeconds: number) => new Date((NOW - ageSeconds) * 1000).toISOString();
const HOUR = 3600;
const DAY = 86400;
const WEEKLY_ALLOWED = Math.round(7 * DAY * 1.1) + 600;

const labels = (policy: string, ns: string) => ({
  'k10.kasten.io/policyName': policy,
  'k10.kasten.io/policyNamespace': 'kasten-io',
  'k10.kasten.io/appName': ns,
  'k10.kasten.io/appNamespace': ns,
});
const rp = (name: string, policy: string, ns: string, ageSeconds: number): RestorePointObject => ({
  metadata: { name, namespace: ns, labels: labels(policy, ns), creationTimestamp: iso(ageSeconds) },
});
const action = (
  name: string,
  policy: string,
  ns: string,
  ageSeconds: number,
  state = 'Complete',
  /** null: Kasten wrote no end time. */
  endTime: string | null = iso(ageSeconds),
): PolicyActionObject => ({
  metadata: { name, namespace: ns, labels: labels(policy, ns), creationTimestamp: iso(ageSeconds + 30) },
  status: { state, startTime: iso(ageSeconds + 30), ...(endTime === null ? {} : { endTime }) },
});

const row = (over: Partial<RecoveryRow> = {}): RecoveryRow => ({
  policy: 'weekly',
  namespace: 'shop',
  frequency: '@weekly',
  verdict: 'unknown',
  expectedSeconds: WEEKLY_ALLOWED,
  ...over,
});
const ok = (lists: Omit<NamespaceObjectsState, 'access'>): NamespaceObjectsState => ({ access: 'ok', ...lists });

describe('combineRecoveryRow', () => {
  test.each<
    [
      string,
      RecoveryRow,
      NamespaceObjectsState | 'not-read',
      {
        backupAgeSeconds?: number;
        backupSource: string;
        objectsCheck: string;
        verdict: string;
        backupAt?: number;
        exportAgeSeconds?: number;
        exportSource?: string;
      },
    ]
  >([
    [
      'metrics cannot tell (short history, no success seen): the restore point gives the exact age',
      row(),
      ok({ restorePoints: [rp('rp-1', 'weekly', 'shop', 3 * DAY)] }),
      {
        backupAgeSeconds: 3 * DAY,
        backupAt: NOW - 3 * DAY,
        backupSource: 'objects',
        objectsCheck: 'only-objects',
        verdict: 'ok',
      },
    ],
    [
      'metrics said never: an object older than the allowed age makes it stale, with the exact age',
      row({ verdict: 'never' }),
      ok({ backupActions: [action('b-1', 'weekly', 'shop', 9 * DAY)] }),
      { backupAgeSeconds: 9 * DAY, backupSource: 'objects', objectsCheck: 'only-objects', verdict: 'stale' },
    ],
    [
      'objects newer than metrics: the objects correct the age and the verdict',
      row({ backupAgeSeconds: 8 * DAY, verdict: 'stale' }),
      ok({ backupActions: [action('b-1', 'weekly', 'shop', HOUR)] }),
      { backupAgeSeconds: HOUR, backupSource: 'objects', objectsCheck: 'corrected', verdict: 'ok' },
    ],
    [
      'both agree within the allowance: confirmed, the exact time shown',
      row({ backupAgeSeconds: HOUR + 60, verdict: 'ok', exportAgeSeconds: 2 * HOUR }),
      ok({
        restorePoints: [rp('rp-1', 'weekly', 'shop', HOUR)],
        exportActions: [action('e-1', 'weekly', 'shop', 2 * HOUR - 10)],
      }),
      {
        backupAgeSeconds: HOUR,
        backupSource: 'objects',
        objectsCheck: 'confirmed',
        verdict: 'ok',
        exportAgeSeconds: 2 * HOUR - 10,
        exportSource: 'objects',
      },
    ],
    [
      'metrics newer than every object (restore points retired, actions collected): the metrics stand',
      row({ backupAgeSeconds: HOUR, verdict: 'ok' }),
      ok({ restorePoints: [rp('rp-old', 'weekly', 'shop', 5 * DAY)] }),
      { backupAgeSeconds: HOUR, backupSource: 'lookback', objectsCheck: 'metrics-newer', verdict: 'ok' },
    ],
    [
      'objects absent: the metrics answer stays, said so',
      row(),
      ok({ restorePoints: [], backupActions: [], exportActions: [] }),
      { backupSource: 'lookback', objectsCheck: 'none-found', verdict: 'unknown' },
    ],
    [
      'denied: the metrics answer stays, marked forbidden',
      row({ backupAgeSeconds: 100, verdict: 'ok' }),
      { access: 'forbidden' },
      { backupAgeSeconds: 100, backupSource: 'lookback', objectsCheck: 'forbidden', verdict: 'ok' },
    ],
    [
      'lists still loading: metrics meanwhile',
      row(),
      { access: 'loading' },
      { backupSource: 'lookback', objectsCheck: 'loading', verdict: 'unknown' },
    ],
    [
      'the kinds not served (no Kasten API): metrics, marked unavailable',
      row(),
      { access: 'no-api' },
      { backupSource: 'lookback', objectsCheck: 'unavailable', verdict: 'unknown' },
    ],
    [
      'a row outside the bound is not read',
      row(),
      'not-read',
      { backupSource: 'lookback', objectsCheck: 'not-read', verdict: 'unknown' },
    ],
    [
      'non-Complete actions never count (Running, Failed, Cancelled, AttemptFailed, Pending, no state)',
      row(),
      ok({
        backupActions: ['Running', 'Failed', 'Cancelled', 'AttemptFailed', 'Pending', ''].map((s, i) =>
          action(`b-${i}`, 'weekly', 'shop', HOUR, s),
        ),
        exportActions: [action('e-1', 'weekly', 'shop', HOUR, 'Failed')],
      }),
      { backupSource: 'lookback', objectsCheck: 'none-found', verdict: 'unknown' },
    ],
    [
      'a Complete action without an end time (or an unparsable one) gives no time',
      row(),
      ok({
        backupActions: [
          action('b-1', 'weekly', 'shop', HOUR, 'Complete', null),
          action('b-2', 'weekly', 'shop', HOUR, 'Complete', 'soon'),
        ],
        restorePoints: [
          {
            metadata: {
              name: 'x',
              namespace: 'shop',
              labels: labels('weekly', 'shop'),
              creationTimestamp: 'yesterday',
            },
          },
        ],
      }),
      { backupSource: 'lookback', objectsCheck: 'none-found', verdict: 'unknown' },
    ],
    [
      'clock skew within the allowance: a time slightly ahead is age 0',
      row(),
      ok({ backupActions: [action('b-1', 'weekly', 'shop', -(CLOCK_SKEW_SECONDS - 1))] }),
      { backupAgeSeconds: 0, backupSource: 'objects', objectsCheck: 'only-objects', verdict: 'ok' },
    ],
    [
      'a future time beyond the allowance is not trusted; an older honest object still counts',
      row(),
      ok({
        backupActions: [action('b-future', 'weekly', 'shop', -DAY)],
        restorePoints: [rp('rp-1', 'weekly', 'shop', 2 * DAY)],
      }),
      { backupAgeSeconds: 2 * DAY, backupSource: 'objects', objectsCheck: 'only-objects', verdict: 'ok' },
    ],
    [
      'only future times: flagged, the metrics stand',
      row({ backupAgeSeconds: 600, verdict: 'ok' }),
      ok({ backupActions: [action('b-future', 'weekly', 'shop', -DAY)] }),
      { backupAgeSeconds: 600, backupSource: 'lookback', objectsCheck: 'future', verdict: 'ok' },
    ],
    [
      "another policy's or namespace's objects never count",
      row(),
      ok({
        restorePoints: [rp('rp-1', 'weekly-2', 'shop', HOUR), rp('rp-2', 'weekly', 'other', HOUR)],
        backupActions: [action('b-1', 'weekl', 'shop', HOUR)],
      }),
      { backupSource: 'lookback', objectsCheck: 'none-found', verdict: 'unknown' },
    ],
    [
      'a paused policy stays paused whatever the age',
      row({ verdict: 'paused', expectedSeconds: undefined, frequency: '@weekly' }),
      ok({ restorePoints: [rp('rp-1', 'weekly', 'shop', 30 * DAY)] }),
      { backupAgeSeconds: 30 * DAY, backupSource: 'objects', objectsCheck: 'only-objects', verdict: 'paused' },
    ],
    [
      'an on-demand policy is in time with any success',
      row({ verdict: 'unknown', expectedSeconds: undefined, frequency: '@onDemand' }),
      ok({ restorePoints: [rp('rp-1', 'weekly', 'shop', 300 * DAY)] }),
      { backupAgeSeconds: 300 * DAY, backupSource: 'objects', objectsCheck: 'only-objects', verdict: 'ok' },
    ],
    [
      'records source: a row says records when the objects do not decide',
      row({ backupAgeSeconds: HOUR, verdict: 'ok' }),
      { access: 'forbidden' },
      { backupAgeSeconds: HOUR, backupSource: 'records', objectsCheck: 'forbidden', verdict: 'ok' },
    ],
  ])('%s', (name, input, state, expected) => {
    const source = name.startsWith('records') ? 'records' : 'lookback';
    const got = combineRecoveryRow(input, source, state, NOW);
    expect(got).toMatchObject(expected);
    if (expected.backupSource !== 'objects') {
      expect(got.backupAt).toBeUndefined();
      expect(got.backupAgeSeconds).toBe(input.backupAgeSeconds);
    }
  });

  test('the agreement allowance is a bound, not a guess: just past it the objects correct', () => {
    const metricsAge = 2 * HOUR;
    const at = (objectsAge: number) =>
      combineRecoveryRow(
        row({ backupAgeSeconds: metricsAge, verdict: 'ok' }),
        'lookback',
        ok({ restorePoints: [rp('rp', 'weekly', 'shop', objectsAge)] }),
        NOW,
      ).objectsCheck;
    expect(at(metricsAge - AGREE_SECONDS)).toBe('confirmed');
    expect(at(metricsAge - AGREE_SECONDS - 1)).toBe('corrected');
    expect(at(metricsAge + AGREE_SECONDS)).toBe('confirmed');
    expect(at(metricsAge + AGREE_SECONDS + 1)).toBe('metrics-newer');
  });

  test('hostile names and malformed objects: compared as exact strings, nothing thrown', () => {
    const hostile = 'we"ird\\pol\nicy</td><script>';
    const lists = ok({
      restorePoints: [
        rp('<img src=x onerror=alert(1)>', hostile, 'shop', HOUR),
        {} as RestorePointObject,
        null as unknown as RestorePointObject,
        { metadata: { labels: labels(hostile, 'shop') } },
      ],
      backupActions: [{ status: { state: 'Complete', endTime: iso(1) } }, {} as PolicyActionObject],
      exportActions: 'not a list' as unknown as PolicyActionObject[],
    });
    const got = lastSuccessFromObjects(lists, hostile, 'shop', NOW);
    expect(got.backup).toEqual({ atSeconds: NOW - HOUR, kind: 'RestorePoint', name: '<img src=x onerror=alert(1)>' });
    expect(got.export).toBeUndefined();
  });
});

describe('the verdict from an object age is recoveryPointVerdict on that age', () => {
  const policy = (name: string, spec: KastenPolicy['spec']): KastenPolicy => ({ metadata: { name }, spec });
  const policies = [
    policy('hourly', { frequency: '@hourly' }),
    policy('daily', { frequency: '@daily', subFrequency: { hours: [1, 5] } }),
    policy('weekly', { frequency: '@weekly' }),
    policy('monthly', { frequency: '@monthly' }),
    policy('cron', { frequency: '*/15 * * * *' }),
    policy('ondemand', { frequency: '@onDemand' }),
    policy('paused', { frequency: '@daily', paused: true }),
    policy('garbled', { frequency: '@sometimes' }),
  ];
  const MAX_AGE = 26 * HOUR;
  test.each(policies.flatMap((p) => [60, 2 * HOUR, 2 * DAY, 10 * DAY, 40 * DAY].map((age) => [p, age] as const)))(
    '%o at %i s',
    (p, age) => {
      const name = p.metadata?.name ?? '';
      const { rows } = recoveryRows({
        source: 'lookback',
        records: [{ labels: { kcp_row: 'known', policy: name, exported_namespace: 'shop' }, value: 1 } as never],
        backupAge: [],
        exportAge: [],
        catalogHistorySeconds: HOUR,
        policies: new Map([[name, p]]),
        maxAgeSeconds: MAX_AGE,
      });
      const base = rows[0]!;
      const got = combineRecoveryRow(base, 'lookback', ok({ restorePoints: [rp('rp', name, 'shop', age)] }), NOW);
      expect(got.verdict).toBe(recoveryPointVerdict(age, p, MAX_AGE, HOUR).verdict);
    },
  );
});

describe('objectsTargets: bounded, label-safe, least-answered first', () => {
  test('namespaces with rows the metrics cannot answer come first; the bound holds', () => {
    const rows: RecoveryRow[] = [
      row({ namespace: 'a-ok', policy: 'p', verdict: 'ok' }),
      row({ namespace: 'z-unknown', policy: 'p', verdict: 'unknown' }),
      row({ namespace: 'm-stale', policy: 'p', verdict: 'stale' }),
      row({ namespace: 'n-never', policy: 'p', verdict: 'never' }),
    ];
    expect(objectsTargets(rows, 2)).toEqual([
      { namespace: 'n-never', policies: ['p'] },
      { namespace: 'z-unknown', policies: ['p'] },
    ]);
    expect(objectsTargets(rows).map((t) => t.namespace)).toEqual(['a-ok', 'm-stale', 'n-never', 'z-unknown']);
  });

  test('hostile policy or namespace names are never put in a selector or a path', () => {
    const rows: RecoveryRow[] = [
      row({ namespace: 'shop', policy: 'good' }),
      row({ namespace: 'shop', policy: 'bad,name' }),
      row({ namespace: 'shop', policy: 'x) or (y' }),
      row({ namespace: 'shop', policy: 'a'.repeat(64) }),
      row({ namespace: 'shop', policy: '' }),
      row({ namespace: '../kube-system', policy: 'good' }),
      row({ namespace: 'Shop', policy: 'good' }),
      row({ namespace: '', policy: 'good' }),
    ];
    expect(objectsTargets(rows)).toEqual([{ namespace: 'shop', policies: ['good'] }]);
  });

  test('at most MAX_POLICIES_PER_SELECTOR policies per namespace', () => {
    const rows = Array.from({ length: MAX_POLICIES_PER_SELECTOR + 5 }, (_, i) =>
      row({ namespace: 'shop', policy: `p-${String(i).padStart(3, '0')}` }),
    );
    expect(objectsTargets(rows)[0]?.policies).toHaveLength(MAX_POLICIES_PER_SELECTOR);
  });

  test.each([
    ['daily-backup', true],
    ['a.b_c-d', true],
    ['-leading', false],
    ['trailing_', false],
    ['has space', false],
    ['☃', false],
    ['a'.repeat(63), true],
  ])('label value %s: %s', (v, expected) => expect(selectableLabelValue(v)).toBe(expected));

  test.each([
    ['shop', true],
    ['app-01', true],
    ['UPPER', false],
    ['a.b', false],
    ['-x', false],
  ])('namespace %s: %s', (v, expected) => expect(selectableNamespace(v)).toBe(expected));
});

describe('combineRecoveryRows', () => {
  test('each row reads its own namespace; unselected rows are not-read; the denied namespaces are listed', () => {
    const rows = [
      row({ namespace: 'shop', policy: 'weekly' }),
      row({ namespace: 'shop', policy: 'not-selected' }),
      row({ namespace: 'locked', policy: 'weekly' }),
    ];
    const states = new Map<string, NamespaceObjectsState>([
      ['shop', ok({ restorePoints: [rp('rp', 'weekly', 'shop', DAY), rp('rp2', 'not-selected', 'shop', DAY)] })],
      ['locked', { access: 'forbidden' }],
    ]);
    const targets = [
      { namespace: 'locked', policies: ['weekly'] },
      { namespace: 'shop', policies: ['weekly'] },
    ];
    const got = combineRecoveryRows(rows, 'lookback', targets, states, NOW);
    expect(got.map((r) => r.objectsCheck)).toEqual(['only-objects', 'not-read', 'forbidden']);
    expect(forbiddenNamespaces(states)).toEqual(['locked']);
  });
});

describe('one refused list leaves the others in use (per-list access)', () => {
  const all = (a: ObjectsAccess): Record<ObjectsList, ObjectsAccess> => ({
    restorePoints: a,
    backupActions: a,
    exportActions: a,
  });
  const LISTS = {
    restorePoints: [rp('rp', 'weekly', 'shop', 3 * DAY)],
    backupActions: [action('b', 'weekly', 'shop', 2 * DAY)],
    exportActions: [action('e', 'weekly', 'shop', 4 * DAY)],
  };
  const FORBIDDEN: ObjectsAccess = 'forbidden';
  test.each<
    [
      string,
      Partial<Record<ObjectsList, ObjectsAccess>>,
      RecoveryRow,
      { backupSource: string; objectsCheck: ObjectsCheck; exportSource: string; exportCheck: ObjectsCheck },
      number | undefined,
      number | undefined,
    ]
  >([
    [
      'all readable: the newest backup object (the BackupAction) and the export',
      {},
      row(),
      { backupSource: 'objects', objectsCheck: 'only-objects', exportSource: 'objects', exportCheck: 'only-objects' },
      2 * DAY,
      4 * DAY,
    ],
    [
      'RestorePoints refused: the BackupAction still gives the backup age',
      { restorePoints: FORBIDDEN },
      row(),
      { backupSource: 'objects', objectsCheck: 'only-objects', exportSource: 'objects', exportCheck: 'only-objects' },
      2 * DAY,
      4 * DAY,
    ],
    [
      'BackupActions refused: the RestorePoint gives it (older than the refused action)',
      { backupActions: FORBIDDEN },
      row(),
      { backupSource: 'objects', objectsCheck: 'only-objects', exportSource: 'objects', exportCheck: 'only-objects' },
      3 * DAY,
      4 * DAY,
    ],
    [
      'ExportActions refused: the backup from the objects, the export stays the metrics with the reason',
      { exportActions: FORBIDDEN },
      row({ exportAgeSeconds: 5 * HOUR }),
      { backupSource: 'objects', objectsCheck: 'only-objects', exportSource: 'lookback', exportCheck: 'forbidden' },
      2 * DAY,
      5 * HOUR,
    ],
    [
      'both backup lists refused, exports readable: the backup stays the metrics, the export from the objects',
      { restorePoints: FORBIDDEN, backupActions: FORBIDDEN },
      row(),
      { backupSource: 'lookback', objectsCheck: 'forbidden', exportSource: 'objects', exportCheck: 'only-objects' },
      undefined,
      4 * DAY,
    ],
    [
      'one backup list refused, the other failed otherwise: forbidden (k10-basic helps with part of it)',
      { restorePoints: FORBIDDEN, backupActions: 'error' },
      row(),
      { backupSource: 'lookback', objectsCheck: 'forbidden', exportSource: 'objects', exportCheck: 'only-objects' },
      undefined,
      4 * DAY,
    ],
    [
      'one backup list still loading: the backup waits, the export does not',
      { backupActions: 'loading' },
      row(),
      { backupSource: 'lookback', objectsCheck: 'loading', exportSource: 'objects', exportCheck: 'only-objects' },
      undefined,
      4 * DAY,
    ],
    [
      'no-api on the exports only: unavailable for the export',
      { exportActions: 'no-api' },
      row(),
      { backupSource: 'objects', objectsCheck: 'only-objects', exportSource: 'lookback', exportCheck: 'unavailable' },
      2 * DAY,
      undefined,
    ],
  ])('%s', (_name, refused, input, expected, backupAge, exportAge) => {
    const state = namespaceObjectsState({ ...all('ok'), ...refused }, LISTS);
    const got = combineRecoveryRow(input, 'lookback', state, NOW);
    expect(got).toMatchObject(expected);
    expect(got.backupAgeSeconds).toBe(backupAge);
    expect(got.exportAgeSeconds).toBe(exportAge);
  });

  test('a refused list and nothing in the readable one: "partial-none", never "none found"', () => {
    const state = namespaceObjectsState(
      { restorePoints: 'forbidden', backupActions: 'ok', exportActions: 'ok' },
      { backupActions: [action('other', 'another-policy', 'shop', HOUR)], exportActions: [] },
    );
    const got = combineRecoveryRow(row({ backupAgeSeconds: 2 * HOUR, verdict: 'ok' }), 'records', state, NOW);
    expect(got).toMatchObject({
      backupSource: 'records',
      objectsCheck: 'partial-none',
      exportCheck: 'none-found',
      backupAgeSeconds: 2 * HOUR,
    });
  });

  test("a refused list's data is never read, even if the watch handed some", () => {
    const state = namespaceObjectsState(
      { restorePoints: 'forbidden', backupActions: 'ok', exportActions: 'ok' },
      { restorePoints: [rp('stale-cache', 'weekly', 'shop', HOUR)], backupActions: [], exportActions: [] },
    );
    expect(state.restorePoints).toBeUndefined();
    expect(combineRecoveryRow(row(), 'lookback', state, NOW).objectsCheck).toBe('partial-none');
  });

  test.each<[string, Record<ObjectsList, ObjectsAccess>, ObjectsAccess]>([
    ['every list answered', all('ok'), 'ok'],
    [
      'one loading, one refused: still loading overall',
      { ...all('ok'), backupActions: 'loading', exportActions: 'forbidden' },
      'loading',
    ],
    ['one refused', { ...all('ok'), restorePoints: 'forbidden' }, 'forbidden'],
    ['one failed otherwise', { ...all('ok'), exportActions: 'error' }, 'error'],
  ])('namespaceObjectsState summary: %s', (_n, lists, access) => {
    expect(namespaceObjectsState(lists, {}).access).toBe(access);
  });

  test('refusedLists names exactly the refused lists, grouped by the same set, namespaces sorted', () => {
    const states = new Map<string, NamespaceObjectsState>([
      ['shop', namespaceObjectsState({ ...all('ok'), restorePoints: 'forbidden' }, {})],
      ['crm', namespaceObjectsState({ ...all('ok'), restorePoints: 'forbidden' }, {})],
      ['hr', namespaceObjectsState({ ...all('ok'), exportActions: 'forbidden', backupActions: 'error' }, {})],
      ['locked', { access: 'forbidden' }],
      ['open', namespaceObjectsState(all('ok'), {})],
      ['waiting', namespaceObjectsState(all('loading'), {})],
    ]);
    expect(refusedLists(states)).toEqual([
      { lists: ['restorePoints'], namespaces: ['crm', 'shop'] },
      { lists: ['restorePoints', 'backupActions', 'exportActions'], namespaces: ['locked'] },
      { lists: ['exportActions'], namespaces: ['hr'] },
    ]);
    expect(forbiddenNamespaces(states)).toEqual(['crm', 'hr', 'locked', 'shop']);
  });
});

describe("ageSources: what a row's Source cell names", () => {
  test.each<[string, Parameters<typeof ageSources>[0], AgeSourceEntry[]]>([
    ['untouched by the objects: the metrics source once', {}, [{ age: 'both', source: 'lookback' }]],
    [
      'both from the objects, same check: once',
      { backupSource: 'objects', exportSource: 'objects', objectsCheck: 'confirmed', exportCheck: 'confirmed' },
      [{ age: 'both', source: 'objects', check: 'confirmed' }],
    ],
    [
      'backup from the objects, export from the metrics: each named',
      { backupSource: 'objects', exportSource: 'lookback', objectsCheck: 'only-objects', exportCheck: 'none-found' },
      [
        { age: 'backup', source: 'objects', check: 'only-objects' },
        { age: 'export', source: 'lookback', check: 'none-found' },
      ],
    ],
    [
      'export from the objects, backup from the records: each named',
      { backupSource: 'records', exportSource: 'objects', objectsCheck: 'metrics-newer', exportCheck: 'corrected' },
      [
        { age: 'backup', source: 'records', check: 'metrics-newer' },
        { age: 'export', source: 'objects', check: 'corrected' },
      ],
    ],
    [
      'same source, different checks: each named, so neither check is put on the wrong age',
      { backupSource: 'records', exportSource: 'records', objectsCheck: 'metrics-newer', exportCheck: 'forbidden' },
      [
        { age: 'backup', source: 'records', check: 'metrics-newer' },
        { age: 'export', source: 'records', check: 'forbidden' },
      ],
    ],
    [
      'both metrics, both forbidden: once',
      { backupSource: 'records', exportSource: 'records', objectsCheck: 'forbidden', exportCheck: 'forbidden' },
      [{ age: 'both', source: 'records', check: 'forbidden' }],
    ],
  ])('%s', (_name, r, expected) => {
    expect(ageSources(r, 'lookback')).toEqual(expected);
  });
});
