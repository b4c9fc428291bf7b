import type { PromLabels, PromResult } from './prometheus/types';
import {
  catalogPresence,
  lastFailureLookbackNeeded,
  newFailureRows,
  policyAccessOf,
  recoveryRows,
  retainedFailureRows,
  statusCountRows,
  type FailureRow,
  type PolicyAccess,
  type RecoveryRow,
} from './overview';
import type { KastenPolicy } from './policy';
import { vectorRows } from './prometheus/parse';
import { RECORD_ROWS } from '../promql/recovery';

const AT = 1_700_000_000;
const vec = (...samples: Array<[PromLabels, number]>): PromResult => ({
  resultType: 'vector',
  result: samples.map(([metric, v]) => ({ metric, value: [AT, String(v)] })),
});
const EMPTY = vec();
const MAX_AGE = 26 * 3600;
const pol = (name: string, frequency?: string, paused?: boolean): KastenPolicy => ({
  metadata: { name },
  spec: { frequency, paused },
});

test.each<[string, PromResult | undefined, Array<{ status: string; count: number }>]>([
  ['no answer yet', undefined, []],
  ['empty', EMPTY, []],
  [
    'sorted by status, missing label as empty',
    vec([{ status: 'succeeded' }, 5], [{ status: 'failed' }, 2], [{}, 1]),
    [
      { status: '', count: 1 },
      { status: 'failed', count: 2 },
      { status: 'succeeded', count: 5 },
    ],
  ],
])('statusCountRows: %s', (_name, data, rows) => {
  expect(statusCountRows(data)).toEqual(rows);
});

test.each<[string, PromResult | undefined, boolean | undefined]>([
  ['no answer yet: unknown', undefined, undefined],
  ['empty answer: absent', EMPTY, false],
  ['a series: present', vec([{}, 1]), true],
])('catalogPresence: %s', (_name, data, present) => {
  expect(catalogPresence(data)).toBe(present);
});

describe('newFailureRows', () => {
  const catalogFailure = vec(
    [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 2.4],
    [{ policy: 'nightly', type: 'export', exported_namespace: 'shop' }, 0],
  );
  const lastFailure = vec([{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, AT - 60]);
  const counters = vec(
    [{ policy: 'hourly', type: 'backup', app: 'crm' }, 3],
    [{ policy: 'x', type: 'backup', app: 'y' }, 0],
  );

  test.each<[string, Parameters<typeof newFailureRows>[0], { rows: FailureRow[]; source: 'catalog' | 'counters' }]>([
    [
      'catalog present: rounded counts, zero rows dropped, last failure joined on policy/type/namespace',
      { newFailures: catalogFailure, lastFailure, counterFailures: counters, catalogPresent: true },
      {
        source: 'catalog',
        rows: [{ policy: 'nightly', type: 'backup', namespace: 'shop', count: 2, lastFailure: AT - 60 }],
      },
    ],
    [
      'catalog absent and counters answer: counters, namespace from the app label',
      { newFailures: EMPTY, lastFailure: EMPTY, counterFailures: counters, catalogPresent: false },
      { source: 'counters', rows: [{ policy: 'hourly', type: 'backup', namespace: 'crm', count: 3 }] },
    ],
    [
      'catalog absent and counters empty: the (empty) catalog answer stands',
      { newFailures: EMPTY, lastFailure: EMPTY, counterFailures: EMPTY, catalogPresent: false },
      { source: 'catalog', rows: [] },
    ],
    [
      'presence not known yet: never switches to counters',
      { newFailures: catalogFailure, lastFailure: undefined, counterFailures: counters, catalogPresent: undefined },
      {
        source: 'catalog',
        rows: [{ policy: 'nightly', type: 'backup', namespace: 'shop', count: 2, lastFailure: undefined }],
      },
    ],
    [
      "the records' time wins over the subquery's; a row without one takes the subquery's",
      {
        newFailures: vec(
          [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 1],
          [{ policy: 'weekly', type: 'export', exported_namespace: 'crm' }, 3],
        ),
        records: vec(
          [
            { kcp_row: RECORD_ROWS.lastFailure, policy: 'nightly', type: 'backup', exported_namespace: 'shop' },
            AT - 30,
          ],
          // Another kind of row with the same key is not a failure time.
          [{ kcp_row: RECORD_ROWS.age, policy: 'weekly', type: 'export', exported_namespace: 'crm' }, 99],
        ),
        lastFailure: vec(
          [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, AT - 90],
          [{ policy: 'weekly', type: 'export', exported_namespace: 'crm' }, AT - 600],
        ),
        counterFailures: EMPTY,
        catalogPresent: true,
      },
      {
        source: 'catalog',
        rows: [
          { policy: 'nightly', type: 'backup', namespace: 'shop', count: 1, lastFailure: AT - 30 },
          { policy: 'weekly', type: 'export', namespace: 'crm', count: 3, lastFailure: AT - 600 },
        ],
      },
    ],
    [
      'records only (the subquery not sent): every row its recorded time, keyed on all three labels',
      {
        newFailures: vec(
          [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 1],
          [{ policy: 'nightly', type: 'export', exported_namespace: 'shop' }, 1],
        ),
        records: vec([
          { kcp_row: RECORD_ROWS.lastFailure, policy: 'nightly', type: 'export', exported_namespace: 'shop' },
          AT - 5,
        ]),
        lastFailure: undefined,
        counterFailures: EMPTY,
        catalogPresent: true,
      },
      {
        source: 'catalog',
        rows: [
          { policy: 'nightly', type: 'backup', namespace: 'shop', count: 1, lastFailure: undefined },
          { policy: 'nightly', type: 'export', namespace: 'shop', count: 1, lastFailure: AT - 5 },
        ],
      },
    ],
  ])('%s', (_name, answers, expected) => {
    expect(newFailureRows(answers)).toEqual(expected);
  });
});

describe('lastFailureLookbackNeeded', () => {
  const failure = (policy: string, count: number): [PromLabels, number] => [
    { policy, type: 'backup', exported_namespace: 'shop' },
    count,
  ];
  const recorded = (policy: string): [PromLabels, number] => [
    { kcp_row: RECORD_ROWS.lastFailure, policy, type: 'backup', exported_namespace: 'shop' },
    AT - 60,
  ];
  test.each<[string, Parameters<typeof lastFailureLookbackNeeded>[0], boolean | undefined]>([
    [
      'no new-failures answer yet: undecided',
      { newFailures: undefined, records: EMPTY, catalogPresent: true },
      undefined,
    ],
    ['no records answer yet: undecided', { newFailures: EMPTY, records: undefined, catalogPresent: true }, undefined],
    ['no failures: not needed', { newFailures: EMPTY, records: EMPTY, catalogPresent: true }, false],
    [
      'every failure row has a recorded time: not needed',
      {
        newFailures: vec(failure('a', 1), failure('b', 2)),
        records: vec(recorded('a'), recorded('b')),
        catalogPresent: true,
      },
      false,
    ],
    [
      'one row without a recorded time (a failure older than the record): needed',
      { newFailures: vec(failure('a', 1), failure('b', 2)), records: vec(recorded('a')), catalogPresent: true },
      true,
    ],
    [
      'rules not installed: only the recent rows, the rest need the subquery',
      {
        newFailures: vec(failure('a', 1)),
        records: vec([{ kcp_row: RECORD_ROWS.known, policy: 'a', exported_namespace: 'shop' }, 1]),
        catalogPresent: undefined,
      },
      true,
    ],
    [
      'a zero row is no failure and needs no time',
      { newFailures: vec(failure('a', 0)), records: EMPTY, catalogPresent: true },
      false,
    ],
    [
      'a NaN count keeps its row, so it needs a time',
      { newFailures: vec(failure('a', NaN)), records: EMPTY, catalogPresent: true },
      true,
    ],
    [
      'failures from the counters carry no time: never needed',
      { newFailures: vec(failure('a', 1)), records: EMPTY, catalogPresent: false },
      false,
    ],
  ])('%s', (_name, answers, needed) => {
    expect(lastFailureLookbackNeeded(answers)).toBe(needed);
  });
});

test.each<[string, PromResult | undefined, FailureRow[]]>([
  ['no answer', undefined, []],
  [
    'positive counts kept, unrounded',
    vec([{ policy: 'p', type: 'backup', exported_namespace: 'a' }, 3], [{ policy: 'q', type: 'backup' }, 0]),
    [{ policy: 'p', type: 'backup', namespace: 'a', count: 3 }],
  ],
])('retainedFailureRows: %s', (_name, data, rows) => {
  expect(retainedFailureRows(data)).toEqual(rows);
});

test.each<[string, boolean, unknown, PolicyAccess]>([
  ['loading', false, undefined, 'loading'],
  ['loaded', true, undefined, 'ok'],
  ['403 in response.status', false, { response: { status: 403 } }, 'forbidden'],
  ['401 as code', true, { code: 401 }, 'forbidden'],
  ['500', false, { code: 500 }, 'error'],
  ['an error without status', false, new Error('boom'), 'error'],
  ['a string error', false, 'boom', 'error'],
])('policyAccessOf: %s', (_name, loaded, error, access) => {
  expect(policyAccessOf(loaded, error)).toBe(access);
});

describe('recoveryRows', () => {
  const shop = { policy: 'daily', exported_namespace: 'shop' };
  const crm = { policy: 'hourly', exported_namespace: 'crm' };
  const none = { policy: 'weekly', exported_namespace: 'new-app' };

  interface LookbackAnswers {
    backupAge: PromResult | undefined;
    exportAge: PromResult | undefined;
    known: PromResult | undefined;
  }
  // The look-back source: ages from the look-back answers, the pairs the catalog knows from the records query's rows.
  test.each<[string, LookbackAnswers, KastenPolicy[] | undefined, RecoveryRow[]]>([
    ['nothing', { backupAge: undefined, exportAge: undefined, known: undefined }, undefined, []],
    [
      'one row per policy/namespace, export age joined, oldest first, verdict from the policy frequency',
      {
        backupAge: vec([shop, 3600], [crm, 10_000]),
        exportAge: vec([shop, 7200], [{ policy: 'daily', exported_namespace: '' }, 5]),
        known: vec([{ ...none, kcp_row: RECORD_ROWS.known }, 1]),
      },
      [pol('daily', '@daily'), pol('hourly', '@hourly'), pol('weekly', '@weekly', true)],
      [
        { policy: 'weekly', namespace: 'new-app', frequency: '@weekly', verdict: 'paused', expectedSeconds: undefined },
        {
          policy: 'hourly',
          namespace: 'crm',
          backupAgeSeconds: 10_000,
          frequency: '@hourly',
          verdict: 'stale',
          expectedSeconds: 4560,
        },
        {
          policy: 'daily',
          namespace: 'shop',
          backupAgeSeconds: 3600,
          exportAgeSeconds: 7200,
          frequency: '@daily',
          verdict: 'ok',
          expectedSeconds: 95_640,
        },
      ],
    ],
    [
      'policies unreadable: the configured maximum age decides; never backed up is "never"',
      {
        backupAge: vec([shop, MAX_AGE + 1]),
        exportAge: EMPTY,
        known: vec([{ ...none, kcp_row: RECORD_ROWS.known }, 1]),
      },
      undefined,
      [
        { policy: 'weekly', namespace: 'new-app', frequency: undefined, verdict: 'never', expectedSeconds: MAX_AGE },
        {
          policy: 'daily',
          namespace: 'shop',
          backupAgeSeconds: MAX_AGE + 1,
          frequency: undefined,
          verdict: 'stale',
          expectedSeconds: MAX_AGE,
        },
      ],
    ],
    [
      'an export filed under an empty application namespace makes no row',
      { backupAge: EMPTY, exportAge: vec([{ policy: 'daily', exported_namespace: '' }, 5]), known: EMPTY },
      [],
      [],
    ],
  ])('%s', (_name, answers, policies, rows) => {
    const byName = new Map((policies ?? []).map((p) => [p.metadata?.name ?? '', p]));
    const { rows: got } = recoveryRows({
      source: 'lookback',
      records: vectorRows(answers.known),
      backupAge: vectorRows(answers.backupAge),
      exportAge: vectorRows(answers.exportAge),
      policies: byName,
      maxAgeSeconds: MAX_AGE,
    });
    expect(got).toEqual(rows);
  });
});
