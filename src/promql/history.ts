/**
 * Range-vector queries for the History and Resources charts. Chart series stay
 * bounded whatever the number of policies: per-policy series are limited with
 * topk, and one policy can be isolated with a filter instead.
 */
import { type ActionFilter, type KastenQueryConfig } from './config';
import { actionCountsByStatus, retainedFailedActions, catalogActionsSelector, newFailedActions } from './actions';
import { checkDuration } from './escape';

/** Failed/cancelled actions held per policy, the `limit` policies with the most at each step. */
export const retainedFailuresTopPolicies = (cfg: KastenQueryConfig, limit: number, filter?: ActionFilter): string => {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit must be a positive integer: ${limit}`);
  return `topk(${limit}, sum by (policy) (${retainedFailedActions(cfg, filter)}))`;
};

/** Held actions per status over time (the Overview's counts, as a range query). */
export const actionsByStatusHistory = (cfg: KastenQueryConfig, filter?: ActionFilter): string =>
  actionCountsByStatus(cfg, filter);

/** New failed/cancelled actions in each `step`-long interval, summed over policies: one bar per step. */
export const newFailuresPerStep = (cfg: KastenQueryConfig, step: string, filter?: ActionFilter): string =>
  `sum(${newFailedActions(cfg, checkDuration(step), filter)})`;

/** Policy names the catalog knows, for the isolate-a-policy picker. */
export const knownPolicies = (cfg: KastenQueryConfig, filter?: ActionFilter): string =>
  `group by (policy) (${catalogActionsSelector(cfg, [], filter)})`;
