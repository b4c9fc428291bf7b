import type { LabelSelector, LabelSelectorRequirement, Labels } from './types';

/** Three answers, because a namespace or pod the user may not read has labels we only partly know. */
export type Tri = 'yes' | 'no' | 'unknown';

export interface KnownLabels {
  labels: Labels;
  /** False when only some labels are known (e.g. `kubernetes.io/metadata.name`, which always exists). */
  complete: boolean;
}

export const allOf = (answers: Tri[]): Tri => {
  if (answers.includes('no')) return 'no';
  return answers.includes('unknown') ? 'unknown' : 'yes';
};

export const anyOf = (answers: Tri[]): Tri => {
  if (answers.includes('yes')) return 'yes';
  return answers.includes('unknown') ? 'unknown' : 'no';
};

const requirementMatches = (req: LabelSelectorRequirement, known: KnownLabels): Tri => {
  const has = Object.prototype.hasOwnProperty.call(known.labels, req.key);
  if (!has && !known.complete) return 'unknown';
  const value = has ? known.labels[req.key] : undefined;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value) ? 'yes' : 'no';
    case 'NotIn':
      return value === undefined || !values.includes(value) ? 'yes' : 'no';
    case 'Exists':
      return has ? 'yes' : 'no';
    case 'DoesNotExist':
      return has ? 'no' : 'yes';
    default:
      // The API server rejects other operators, so such a selector never selects anything.
      return 'no';
  }
};

/** Kubernetes label-selector semantics; an empty or absent selector selects everything. */
export const selectorMatches = (selector: LabelSelector | undefined, known: KnownLabels): Tri => {
  const fromLabels: LabelSelectorRequirement[] = Object.entries(selector?.matchLabels ?? {}).map(([key, v]) => ({
    key,
    operator: 'In',
    values: [v],
  }));
  const requirements = [...fromLabels, ...(selector?.matchExpressions ?? [])];
  return allOf(requirements.map((r) => requirementMatches(r, known)));
};

export const isEmptySelector = (selector: LabelSelector | undefined): boolean =>
  Object.keys(selector?.matchLabels ?? {}).length === 0 && (selector?.matchExpressions ?? []).length === 0;

/** `component=catalog,release=k10` for messages; matchExpressions in kubectl's set notation. */
export const describeSelector = (selector: LabelSelector | undefined): string => {
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of selector?.matchExpressions ?? []) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator === 'NotIn' ? 'notin' : 'in'} (${(r.values ?? []).join(',')})`);
  }
  return parts.length ? parts.join(',') : '{}';
};
