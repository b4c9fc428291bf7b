/**
 * Kasten's own objects as the second source of a policy's last success (issue 11, item 3): the
 * newest RestorePoint and the newest Complete BackupAction give the exact time of the last backup,
 * the newest Complete ExportAction that of the last export. Pure: the lists come from
 * src/data/useRecoveryObjects.ts (one label-selected list per kind and application namespace).
 *
 * What is relied on, from Kasten's API reference (docs.kasten.io, "Restore Points" and "Actions",
 * 7.x-8.5) and objects seen on clusters:
 * - RestorePoint, `apps.kio.kasten.io/v1alpha1`, lives in the application's namespace and carries the
 *   labels `k10.kasten.io/policyName`, `k10.kasten.io/policyNamespace`, `k10.kasten.io/appName` and
 *   `k10.kasten.io/appNamespace` when a policy made it. Its `metadata.creationTimestamp` (set by the
 *   API server when the backup that produced it finished) is the time used; `status.actionTime` is
 *   Kasten's own field and is not relied on.
 * - BackupAction and ExportAction, `actions.kio.kasten.io/v1alpha1`, live in the application's
 *   namespace with the same labels; `status.state` is Pending, Running, AttemptFailed, Complete,
 *   Failed or Cancelled, and `status.endTime` is when the action ended. Only `Complete` counts.
 * Kasten retires restore points past the policy's retention and garbage-collects old actions, so
 * the objects can be OLDER than the metrics' answer: the newer answer wins (see combineRecoveryRow).
 */
import type { RecoveryRow, RecoverySource } from './overview';
import { APP_NAMESPACE_LABEL, POLICY_NAME_LABEL, type PolicyActionObject } from './failed-actions';
import type { RecoveryPointVerdict } from './policy';

export { APP_NAMESPACE_LABEL, POLICY_NAME_LABEL };

export const RESTORE_POINT_GVK = { group: 'apps.kio.kasten.io', version: 'v1alpha1', kind: 'RestorePoint' } as const;

export interface RestorePointObject {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; creationTimestamp?: string };
}

/** The three lists of one application namespace, as the watches returned them (undefined: not there). */
export interface NamespaceObjects {
  restorePoints?: RestorePointObject[];
  backupActions?: PolicyActionObject[];
  exportActions?: PolicyActionObject[];
}

/** Whether a list could be read: the view turns 'forbidden' into the k10-basic hint. */
export type ObjectsAccess = 'loading' | 'ok' | 'forbidden' | 'no-api' | 'error';

/** The three lists of a namespace, by the key their objects are held under. */
export type ObjectsList = keyof NamespaceObjects;
export const OBJECTS_LISTS: readonly ObjectsList[] = ['restorePoints', 'backupActions', 'exportActions'];

export interface NamespaceObjectsState extends NamespaceObjects {
  /** All lists at once: 'ok' when every list answered, else the first list's problem. */
  access: ObjectsAccess;
  /**
   * Each list's own outcome, so one refused list does not hide the others (a role may grant actions
   * and not RestorePoints). Missing: every list has `access`.
   */
  lists?: Partial<Record<ObjectsList, ObjectsAccess>>;
}

/** One list's outcome. */
export const listAccess = (state: NamespaceObjectsState, list: ObjectsList): ObjectsAccess =>
  state.lists?.[list] ?? state.access;

/** The state of a namespace from its lists' outcomes: waits for every list, keeps each refusal apart. */
export const namespaceObjectsState = (
  lists: Record<ObjectsList, ObjectsAccess>,
  objects: NamespaceObjects,
): NamespaceObjectsState => {
  const accesses = OBJECTS_LISTS.map((l) => lists[l]);
  const problem = accesses.find((a) => a !== 'ok' && a !== 'loading');
  const access: ObjectsAccess = accesses.every((a) => a === 'ok')
    ? 'ok'
    : accesses.some((a) => a === 'loading')
      ? 'loading'
      : (problem ?? 'error');
  const readable: NamespaceObjects = {};
  for (const l of OBJECTS_LISTS) if (lists[l] === 'ok') (readable as Record<ObjectsList, unknown>)[l] = objects[l];
  return { access, lists: { ...lists }, ...readable };
};

/** Where a row's age came from: the recording rules, the metrics look-back, or Kasten's objects. */
export type AgeSource = RecoverySource | 'objects';

/**
 * How Kasten's objects bear on the metrics' answer for one row:
 * - `confirmed`: both agree within AGREE_SECONDS; the objects' exact time is shown;
 * - `corrected`: the objects saw a later success than the metrics; their time is shown;
 * - `only-objects`: the metrics had no success in their history; the objects' time is shown;
 * - `metrics-newer`: the newest object is older than the metrics' success (retired or collected); the metrics stand;
 * - `none-found`: readable, but no Complete object of this policy; the metrics stand;
 * - `future`: the only objects are dated in the future beyond CLOCK_SKEW_SECONDS; not trusted, the metrics stand;
 * - `partial-none`: no Complete object in the lists the user may read, while another list of this age was
 *   refused (RestorePoints, say); the metrics stand. A success found in a readable list is still used: any
 *   Complete object is a real success, and the newer answer wins, so a refused list can only hide a newer one;
 * - `forbidden`, `unavailable`, `loading`, `not-read` (outside the bound, or a name no label can hold).
 */
export type ObjectsCheck =
  | 'confirmed'
  | 'corrected'
  | 'only-objects'
  | 'metrics-newer'
  | 'none-found'
  | 'future'
  | 'partial-none'
  | 'forbidden'
  | 'unavailable'
  | 'loading'
  | 'not-read';

/** A last success seen in Kasten's objects: unix seconds, and which object says so. */
export interface ObjectSuccess {
  atSeconds: number;
  kind: 'RestorePoint' | 'BackupAction' | 'ExportAction';
  name: string;
}

export interface CombinedRecoveryRow extends RecoveryRow {
  backupSource: AgeSource;
  exportSource: AgeSource;
  /** The check of the backup age (the verdict's basis). */
  objectsCheck: ObjectsCheck;
  /** The check of the export age (ExportActions only). */
  exportCheck: ObjectsCheck;
  /** Unix seconds of the last backup/export when Kasten's objects gave it (exact, shown as a time). */
  backupAt?: number;
  exportAt?: number;
}

/**
 * Metrics ages carry up to one scrape (look-back) or one rule evaluation (records) of error, and
 * were measured when the query ran, not when the objects were read: within this, the two agree.
 */
export const AGREE_SECONDS = 300;
/** A time this far ahead of the browser's clock is a skewed or wrong clock, not a success; nearer, age 0. */
export const CLOCK_SKEW_SECONDS = 120;
/** Application namespaces whose objects the Overview reads at most; the namespace tab reads its own. */
export const MAX_OBJECT_NAMESPACES = 10;
/** Policy names in one set-based selector at most (the selector goes into a URL). */
export const MAX_POLICIES_PER_SELECTOR = 50;

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A policy name a label selector can carry: Kubernetes label values are 63 characters of [A-Za-z0-9_.-]. */
export const selectableLabelValue = (v: string): boolean => v.length > 0 && v.length <= 63 && LABEL_VALUE.test(v);
/** A namespace the API can be asked about (a DNS label). */
export const selectableNamespace = (v: string): boolean => v.length > 0 && v.length <= 63 && DNS_LABEL.test(v);

const seconds = (iso: string | undefined): number | undefined => {
  if (typeof iso !== 'string' || iso === '') return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms / 1000 : undefined;
};

const belongs = (
  o: { metadata?: { namespace?: string; labels?: Record<string, string> } },
  policy: string,
  appNamespace: string,
): boolean => {
  const labels = o.metadata?.labels ?? {};
  if (labels[POLICY_NAME_LABEL] !== policy) return false;
  // The objects sit in the application namespace; the label, when there, must agree.
  return (labels[APP_NAMESPACE_LABEL] ?? o.metadata?.namespace) === appNamespace;
};

/** The newest candidate at or before now + skew; `future` says a later one was dropped for the clock. */
const newest = (candidates: ObjectSuccess[], nowSeconds: number): { success?: ObjectSuccess; future: boolean } => {
  let best: ObjectSuccess | undefined;
  let future = false;
  for (const c of candidates) {
    if (c.atSeconds > nowSeconds + CLOCK_SKEW_SECONDS) {
      future = true;
      continue;
    }
    if (!best || c.atSeconds > best.atSeconds) best = c;
  }
  return { success: best, future };
};

const completeActions = (
  list: PolicyActionObject[] | undefined,
  kind: 'BackupAction' | 'ExportAction',
  policy: string,
  appNamespace: string,
): ObjectSuccess[] =>
  (Array.isArray(list) ? list : [])
    .filter((o) => o?.status?.state === 'Complete' && belongs(o, policy, appNamespace))
    .flatMap((o) => {
      const at = seconds(o.status?.endTime);
      return at === undefined ? [] : [{ atSeconds: at, kind, name: o.metadata?.name ?? '' }];
    });

/** The newest successful backup and export of one policy in one application namespace, from the lists. */
export const lastSuccessFromObjects = (
  objects: NamespaceObjects,
  policy: string,
  appNamespace: string,
  nowSeconds: number,
): {
  backup?: ObjectSuccess;
  export?: ObjectSuccess;
  backupFuture: boolean;
  exportFuture: boolean;
} => {
  const restorePoints = (Array.isArray(objects.restorePoints) ? objects.restorePoints : [])
    .filter((o) => o && belongs(o, policy, appNamespace))
    .flatMap((o): ObjectSuccess[] => {
      const at = seconds(o.metadata?.creationTimestamp);
      return at === undefined ? [] : [{ atSeconds: at, kind: 'RestorePoint', name: o.metadata?.name ?? '' }];
    });
  const backup = newest(
    [...restorePoints, ...completeActions(objects.backupActions, 'BackupAction', policy, appNamespace)],
    nowSeconds,
  );
  const exp = newest(completeActions(objects.exportActions, 'ExportAction', policy, appNamespace), nowSeconds);
  return { backup: backup.success, export: exp.success, backupFuture: backup.future, exportFuture: exp.future };
};

/**
 * The verdict for an age the objects gave, from the row's own expectation (computed by
 * recoveryPointVerdict from the Policy): the same comparison, so page and alert still agree.
 */
const verdictFor = (row: RecoveryRow, ageSeconds: number): RecoveryPointVerdict => {
  if (row.verdict === 'paused') return 'paused';
  // On demand: no schedule, so any success is in time.
  if (row.expectedSeconds === undefined) return 'ok';
  return ageSeconds > row.expectedSeconds ? 'stale' : 'ok';
};

/** One age: the metrics' answer against the objects' newest success. */
const combineAge = (
  metricsAge: number | undefined,
  success: ObjectSuccess | undefined,
  future: boolean,
  nowSeconds: number,
): { age?: number; at?: number; fromObjects: boolean; check: ObjectsCheck } => {
  if (!success) return { age: metricsAge, fromObjects: false, check: future ? 'future' : 'none-found' };
  // Within the skew allowance a time slightly ahead of this clock is "just now".
  const objectsAge = Math.max(0, nowSeconds - success.atSeconds);
  if (metricsAge === undefined || !Number.isFinite(metricsAge))
    return { age: objectsAge, at: success.atSeconds, fromObjects: true, check: 'only-objects' };
  if (Math.abs(objectsAge - metricsAge) <= AGREE_SECONDS)
    return { age: objectsAge, at: success.atSeconds, fromObjects: true, check: 'confirmed' };
  if (objectsAge < metricsAge) return { age: objectsAge, at: success.atSeconds, fromObjects: true, check: 'corrected' };
  return { age: metricsAge, fromObjects: false, check: 'metrics-newer' };
};

/** The lists each age is read from: a backup from RestorePoints and BackupActions, an export from ExportActions. */
const BACKUP_LISTS: readonly ObjectsList[] = ['restorePoints', 'backupActions'];
const EXPORT_LISTS: readonly ObjectsList[] = ['exportActions'];

/** Why the lists of one age give nothing, or undefined when at least one of them can be read (and none loads). */
const listsProblem = (state: NamespaceObjectsState, lists: readonly ObjectsList[]): ObjectsCheck | undefined => {
  const accesses = lists.map((l) => listAccess(state, l));
  if (accesses.some((a) => a === 'loading')) return 'loading';
  if (accesses.some((a) => a === 'ok')) return undefined;
  return accesses.some((a) => a === 'forbidden') ? 'forbidden' : 'unavailable';
};

/**
 * A recovery row with Kasten's objects taken into account. `metricsSource` is where the row's ages
 * came from; `state` is the namespace's lists, or why there are none for this row. Each age uses the
 * lists it is read from that the user may read: a refused RestorePoint list leaves the BackupActions,
 * a refused ExportAction list leaves the backup age to the objects.
 */
export const combineRecoveryRow = (
  row: RecoveryRow,
  metricsSource: RecoverySource,
  state: NamespaceObjectsState | 'not-read',
  nowSeconds: number,
): CombinedRecoveryRow => {
  if (state === 'not-read')
    return {
      ...row,
      backupSource: metricsSource,
      exportSource: metricsSource,
      objectsCheck: 'not-read',
      exportCheck: 'not-read',
    };
  // Only the readable lists are looked at; a refused one holds nothing here.
  const readable: NamespaceObjects = {};
  for (const l of OBJECTS_LISTS)
    if (listAccess(state, l) === 'ok') (readable as Record<ObjectsList, unknown>)[l] = state[l];
  const found = lastSuccessFromObjects(readable, row.policy, row.namespace, nowSeconds);
  const age = (
    metricsAge: number | undefined,
    lists: readonly ObjectsList[],
    success: ObjectSuccess | undefined,
    future: boolean,
  ): { age?: number; at?: number; fromObjects: boolean; check: ObjectsCheck } => {
    const problem = listsProblem(state, lists);
    if (problem) return { age: metricsAge, fromObjects: false, check: problem };
    const got = combineAge(metricsAge, success, future, nowSeconds);
    const partial = lists.some((l) => listAccess(state, l) !== 'ok');
    return partial && got.check === 'none-found' ? { ...got, check: 'partial-none' } : got;
  };
  const backup = age(row.backupAgeSeconds, BACKUP_LISTS, found.backup, found.backupFuture);
  const exp = age(row.exportAgeSeconds, EXPORT_LISTS, found.export, found.exportFuture);
  const out: CombinedRecoveryRow = {
    ...row,
    backupSource: backup.fromObjects ? 'objects' : metricsSource,
    exportSource: exp.fromObjects ? 'objects' : metricsSource,
    objectsCheck: backup.check,
    exportCheck: exp.check,
  };
  if (exp.fromObjects) {
    out.exportAgeSeconds = exp.age;
    out.exportAt = exp.at;
  }
  if (backup.fromObjects && backup.age !== undefined) {
    out.backupAgeSeconds = backup.age;
    out.backupAt = backup.at;
    out.verdict = verdictFor(row, backup.age);
  }
  return out;
};

/** What one application namespace's watches select: the policies of its rows that a label can carry. */
export interface ObjectsTarget {
  namespace: string;
  policies: string[];
}

const NEEDS_OBJECTS: Record<RecoveryPointVerdict, number> = { unknown: 0, never: 1, stale: 2, ok: 3, paused: 4 };

/**
 * The application namespaces to read, bounded: the rows the metrics can least answer first (no age,
 * then stale), at most MAX_OBJECT_NAMESPACES namespaces and MAX_POLICIES_PER_SELECTOR policies
 * each; names no label or path can hold are left out (their rows keep the metrics' answer).
 * Sorted, so the watches stay the same while the rows do.
 */
export const objectsTargets = (rows: RecoveryRow[], maxNamespaces = MAX_OBJECT_NAMESPACES): ObjectsTarget[] => {
  const ranked = [...rows].sort(
    (a, b) =>
      NEEDS_OBJECTS[a.verdict] - NEEDS_OBJECTS[b.verdict] ||
      a.namespace.localeCompare(b.namespace) ||
      a.policy.localeCompare(b.policy),
  );
  const byNamespace = new Map<string, Set<string>>();
  for (const r of ranked) {
    if (!selectableNamespace(r.namespace) || !selectableLabelValue(r.policy)) continue;
    let set = byNamespace.get(r.namespace);
    if (!set) {
      if (byNamespace.size >= maxNamespaces) continue;
      set = new Set();
      byNamespace.set(r.namespace, set);
    }
    if (set.size < MAX_POLICIES_PER_SELECTOR) set.add(r.policy);
  }
  return [...byNamespace.entries()]
    .map(([namespace, set]) => ({ namespace, policies: [...set].sort() }))
    .sort((a, b) => a.namespace.localeCompare(b.namespace));
};

/** Every row combined with its namespace's lists; a row outside the targets is 'not-read'. */
export const combineRecoveryRows = (
  rows: RecoveryRow[],
  metricsSource: RecoverySource,
  targets: ObjectsTarget[],
  states: Map<string, NamespaceObjectsState>,
  nowSeconds: number,
): CombinedRecoveryRow[] => {
  const selected = new Map(targets.map((t) => [t.namespace, new Set(t.policies)]));
  return rows.map((row) => {
    const state = states.get(row.namespace);
    const read = selected.get(row.namespace)?.has(row.policy) && state !== undefined;
    return combineRecoveryRow(row, metricsSource, read ? state : 'not-read', nowSeconds);
  });
};

/** One entry of a row's Source cell: which age(s) it is about, where that age came from, and the objects' check. */
export interface AgeSourceEntry {
  age: 'both' | 'backup' | 'export';
  source: AgeSource;
  check?: ObjectsCheck;
}

/**
 * What a row's Source cell names: one entry when both ages came from the same source with the same
 * check, else one per age, backup first. `metricsSource` stands in for a row the objects did not touch.
 */
export const ageSources = (
  row: Partial<Pick<CombinedRecoveryRow, 'backupSource' | 'exportSource' | 'objectsCheck' | 'exportCheck'>>,
  metricsSource: RecoverySource,
): AgeSourceEntry[] => {
  const backup = row.backupSource ?? metricsSource;
  const exp = row.exportSource ?? metricsSource;
  const withCheck = (e: AgeSourceEntry, check: ObjectsCheck | undefined): AgeSourceEntry =>
    check === undefined ? e : { ...e, check };
  if (backup === exp && row.objectsCheck === row.exportCheck)
    return [withCheck({ age: 'both', source: backup }, row.objectsCheck)];
  return [
    withCheck({ age: 'backup', source: backup }, row.objectsCheck),
    withCheck({ age: 'export', source: exp }, row.exportCheck),
  ];
};

/** Namespaces where the same lists were refused, for the k10-basic hint: which lists, exactly, and where. */
export interface RefusedLists {
  lists: ObjectsList[];
  namespaces: string[];
}

/**
 * The refused lists, grouped by the exact set refused (one group when every namespace refuses the same
 * lists), namespaces sorted; groups in the order of OBJECTS_LISTS.
 */
export const refusedLists = (states: Map<string, NamespaceObjectsState>): RefusedLists[] => {
  const groups = new Map<string, RefusedLists>();
  for (const [ns, state] of [...states.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const lists = OBJECTS_LISTS.filter((l) => listAccess(state, l) === 'forbidden');
    if (lists.length === 0) continue;
    const key = lists.join(',');
    const group = groups.get(key) ?? { lists, namespaces: [] };
    group.namespaces.push(ns);
    groups.set(key, group);
  }
  const rank = (g: RefusedLists) => g.lists.map((l) => OBJECTS_LISTS.indexOf(l)).join(',');
  return [...groups.values()].sort((a, b) => rank(a).localeCompare(rank(b)));
};

/** Namespaces where any list was refused. */
export const forbiddenNamespaces = (states: Map<string, NamespaceObjectsState>): string[] =>
  refusedLists(states)
    .flatMap((g) => g.namespaces)
    .sort();
