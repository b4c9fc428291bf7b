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
  forbiddenNamespaces,
  lastSuccessFromObjects,
  objectsTargets,
  selectableLabelValue,
  selectableNamespace,
  type NamespaceObjectsState,
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
