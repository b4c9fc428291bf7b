/**
 * The failed and cancelled actions behind a failure row: what the "why it failed" view lists.
 * Pure: the objects come from src/data/useFailedActions.ts (label-selected, never cluster-wide).
 */
import { errorCauseChain, type ErrorCause } from './action-error';

export const POLICY_NAME_LABEL = 'k10.kasten.io/policyName';
export const APP_NAMESPACE_LABEL = 'k10.kasten.io/appNamespace';

/** The kinds a policy run leaves behind: backups and exports in the application namespace, runs in Kasten's. */
export const FAILURE_ACTION_KINDS = ['BackupAction', 'ExportAction', 'RunAction'] as const;
export type FailureActionKind = (typeof FAILURE_ACTION_KINDS)[number];

export interface PolicyActionObject {
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string>; creationTimestamp?: string };
  status?: {
    state?: string;
    startTime?: string;
    endTime?: string;
    error?: unknown;
    restorePoint?: { name?: string };
  };
}

export interface FailedActionRow {
  kind: string;
  name: string;
  namespace: string;
  state: string;
  /** Unix seconds, when Kasten wrote them. */
  start?: number;
  end?: number;
  /** Innermost cause first; empty when Kasten wrote no error. */
  causes: ErrorCause[];
  restorePoint?: string;
  /** The action's page in the console. */
  href: string;
}

const FAILED_STATES = new Set(['Failed', 'Cancelled']);

const seconds = (iso: string | undefined): number | undefined => {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms / 1000;
};

/** The console's resource page of an action (group~version~kind), every part URL-encoded. */
export const actionHref = (kind: string, namespace: string, name: string): string =>
  `/k8s/ns/${encodeURIComponent(namespace)}/${encodeURIComponent(`actions.kio.kasten.io~v1alpha1~${kind}`)}/${encodeURIComponent(name)}`;

/** One action as the "why it failed" view shows it (also any action of the namespace fallback). */
export const failedActionRow = (o: PolicyActionObject): FailedActionRow => {
  const kind = o.kind ?? '';
  const name = o.metadata?.name ?? '';
  const namespace = o.metadata?.namespace ?? '';
  return {
    kind,
    name,
    namespace,
    state: o.status?.state ?? '',
    start: seconds(o.status?.startTime ?? o.metadata?.creationTimestamp),
    end: seconds(o.status?.endTime),
    causes: errorCauseChain(o.status?.error),
    restorePoint: o.status?.restorePoint?.name || undefined,
    href: actionHref(kind, namespace, name),
  };
};

/**
 * Failed and cancelled actions of `policy` for application namespace `appNamespace` that ended (or,
 * without an end, started) at or after `sinceSeconds`, newest first. RunActions carry no application
 * namespace of their own and are kept when labelled with none or with this one.
 */
export const failedActionRows = (
  objects: PolicyActionObject[],
  policy: string,
  appNamespace: string,
  sinceSeconds: number,
): FailedActionRow[] =>
  objects
    .filter((o) => FAILED_STATES.has(o.status?.state ?? ''))
    .filter((o) => (o.metadata?.labels?.[POLICY_NAME_LABEL] ?? '') === policy)
    .filter((o) => {
      const app = o.metadata?.labels?.[APP_NAMESPACE_LABEL];
      return o.kind === 'RunAction'
        ? app === undefined || app === appNamespace
        : (app ?? o.metadata?.namespace) === appNamespace;
    })
    .map(failedActionRow)
    .filter((r) => (r.end ?? r.start ?? Infinity) >= sinceSeconds)
    .sort((a, b) => (b.end ?? b.start ?? 0) - (a.end ?? a.start ?? 0));

/**
 * What an administrator of `namespace` runs so a user may list Kasten's actions there: Kasten's own
 * `k10-basic` ClusterRole (its actions, restore points and policies in one namespace), bound in it.
 */
export const k10BasicRoleBindingCommand = (namespace: string): string =>
  `oc create rolebinding k10-basic-<user> --clusterrole=k10-basic --user=<user> -n ${namespace}`;

/** The RBAC resource of Kasten's RunActions, which live in Kasten's own namespace. */
export const RUN_ACTIONS_RESOURCE = 'runactions.actions.kio.kasten.io';

/**
 * What an administrator of Kasten's namespace runs so a user may list RunActions there: a Role with
 * exactly that permission, bound to the user. Not k10-basic: Kasten's documentation lists what
 * k10-basic grants for actions in an application namespace and does not say it covers RunActions, and
 * bound in Kasten's namespace it would grant more than this list needs.
 */
export const runActionsReaderCommands = (kastenNamespace: string): string =>
  [
    `oc create role kasten-runactions-reader --verb=get,list,watch --resource=${RUN_ACTIONS_RESOURCE} -n ${kastenNamespace}`,
    `oc create rolebinding kasten-runactions-reader-<user> --role=kasten-runactions-reader --user=<user> -n ${kastenNamespace}`,
  ].join('\n');
