/** Kasten's action resources (actions.kio.kasten.io) as the namespace fallback lists them. */
import type { K8sResourceCommon } from '../console-sdk';

export interface KastenAction extends K8sResourceCommon {
  status?: { state?: string; startTime?: string; endTime?: string; error?: { message?: string } | string };
}

export const ACTION_KINDS = ['BackupAction', 'ExportAction', 'RestoreAction'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const actionErrorText = (a: KastenAction): string => {
  const e = a.status?.error;
  if (!e) return '';
  return typeof e === 'string' ? e : (e.message ?? '');
};

export const actionStateStatus = (state: string | undefined): 'pass' | 'fail' | 'warning' | 'unknown' =>
  state === 'Complete'
    ? 'pass'
    : state === 'Failed' || state === 'Cancelled'
      ? 'fail'
      : state === 'AttemptFailed'
        ? 'warning'
        : 'unknown';

/** One list of the three kinds; a list item may omit its kind, so the watch's kind fills it in. */
export const mergeActionLists = (lists: Record<ActionKind, KastenAction[] | undefined>): KastenAction[] =>
  ACTION_KINDS.flatMap((kind) => (lists[kind] ?? []).map((a) => ({ ...a, kind: a.kind ?? kind })));
