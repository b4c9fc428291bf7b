/**
 * Whether the recovery-point recording rules are installed, as far as the user can see, for the
 * Overview's source note when their records have no sample (issue 11). Absent records alone do not say
 * the rules are missing: a PrometheusRule just applied (the chart, Setup's fix) records nothing until
 * Prometheus first evaluates it, within a minute of loading it for the carrying group and within an hour
 * for the look-back group. Only the PrometheusRule object itself can say "installed"; a user who may
 * not list PrometheusRules is told the page cannot tell, never "not installed".
 */
import { LAST_SUCCESS_RECORD } from '../promql';
import { readOutcome } from '../checks/k8s-access';
import type { PrometheusRuleObject, Watched } from '../checks/types';

/**
 * The label that opts a PrometheusRule out of user-workload monitoring (checks/kasten-namespace.ts has the
 * same constant; importing it would pull Setup's remediation builders into the page's first chunk, and a
 * test keeps the two equal).
 */
export const USER_MONITORING_LABEL = 'openshift.io/user-monitoring';

export type RecoveryRulesPresence =
  | { state: 'loading' }
  /** A PrometheusRule records the last success and user-workload monitoring evaluates it. */
  | { state: 'installed'; names: string[] }
  /** It exists but is labelled `openshift.io/user-monitoring=false`: Prometheus never evaluates it. */
  | { state: 'ignored'; names: string[] }
  /** The user may list PrometheusRules in the Kasten namespace and none records the last success. */
  | { state: 'absent' }
  | { state: 'forbidden' }
  | { state: 'error'; message: string };

const records = (rule: PrometheusRuleObject, record: string): boolean =>
  (rule.spec?.groups ?? []).some((g) => (g.rules ?? []).some((r) => r.record === record));

/** What the PrometheusRule list of the Kasten namespace says about the recovery-point rules. */
export const recoveryRulesPresence = (rules: Watched<PrometheusRuleObject[]>): RecoveryRulesPresence => {
  const read = readOutcome(rules);
  switch (read.state) {
    case 'loading':
      return { state: 'loading' };
    case 'forbidden':
      return { state: 'forbidden' };
    case 'error':
      return { state: 'error', message: read.message };
    default:
      break;
  }
  // A list the API says is not there (404: no PrometheusRule kind served) holds no rule either.
  const list = read.state === 'ok' && Array.isArray(read.data) ? read.data : [];
  const recording = list.filter((r) => r && records(r, LAST_SUCCESS_RECORD));
  const names = (rs: PrometheusRuleObject[]) => rs.map((r) => r.metadata?.name ?? '').sort();
  const evaluated = recording.filter((r) => r.metadata?.labels?.[USER_MONITORING_LABEL] !== 'false');
  if (evaluated.length) return { state: 'installed', names: names(evaluated) };
  if (recording.length) return { state: 'ignored', names: names(recording) };
  return { state: 'absent' };
};
