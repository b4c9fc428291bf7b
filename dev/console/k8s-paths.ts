/**
 * Kubernetes API paths as the console builds them, behind its proxy
 * (`/api/kubernetes`), and label selectors in both directions. Shared by the
 * stand-in's SDK (browser) and its fake API server (Node): no Node or DOM imports.
 */

export const K8S_PROXY = '/api/kubernetes';

/** Plurals that lowercase-plus-s gets wrong. */
const PLURAL_OVERRIDES: Record<string, string> = {
  NetworkPolicy: 'networkpolicies',
  Policy: 'policies',
  PrometheusRule: 'prometheusrules',
  Ingress: 'ingresses',
  StorageClass: 'storageclasses',
  Endpoints: 'endpoints',
  SecurityContextConstraints: 'securitycontextconstraints',
};

export const pluralFor = (kind: string): string => PLURAL_OVERRIDES[kind] ?? `${kind.toLowerCase()}s`;

export interface ResourceRef {
  /** '' or undefined for the core group. */
  group?: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
}

export const resourcePath = (r: ResourceRef): string => {
  const base =
    r.group && r.group !== 'core' ? `${K8S_PROXY}/apis/${r.group}/${r.version}` : `${K8S_PROXY}/api/${r.version}`;
  const ns = r.namespace ? `/namespaces/${encodeURIComponent(r.namespace)}` : '';
  const name = r.name ? `/${encodeURIComponent(r.name)}` : '';
  return `${base}${ns}/${r.plural}${name}`;
};

/** Inverse of resourcePath, for the fake API server. */
export const parseResourcePath = (pathname: string): ResourceRef | undefined => {
  if (!pathname.startsWith(`${K8S_PROXY}/`)) return undefined;
  const parts = pathname
    .slice(K8S_PROXY.length + 1)
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  let group = '';
  let rest: string[];
  let version: string | undefined;
  if (parts[0] === 'api') {
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    group = parts[1] ?? '';
    version = parts[2];
    rest = parts.slice(3);
  } else return undefined;
  if (!version || rest.length === 0) return undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    if (rest.length > 4) return undefined;
    return { group, version, namespace: rest[1], plural: rest[2]!, name: rest[3] };
  }
  if (rest.length > 2) return undefined;
  return { group, version, plural: rest[0]!, name: rest[1] };
};

export interface MatchExpression {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Equals' | 'NotEquals' | 'GreaterThan' | 'LessThan';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: MatchExpression[];
}

/** The `labelSelector` query parameter for a selector (the console's own conversion, restated). */
export const selectorToString = (sel: LabelSelector | undefined): string => {
  if (!sel) return '';
  const parts: string[] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else if (e.operator === 'Equals') parts.push(`${e.key}=${values}`);
    else if (e.operator === 'NotEquals') parts.push(`${e.key}!=${values}`);
  }
  return parts.join(',');
};

type Requirement = (labels: Record<string, string>) => boolean;

/** Parses a labelSelector string into a predicate; undefined when malformed (the API answers 400). */
export const parseLabelSelector = (s: string): Requirement | undefined => {
  const reqs: Requirement[] = [];
  // Split on commas that are not inside parentheses.
  const terms = s.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  for (const raw of terms.map((t) => t.trim()).filter(Boolean)) {
    let m: RegExpMatchArray | null;
    if ((m = raw.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const [, key, op, list] = m;
      const values = list!.split(',').map((v) => v.trim());
      reqs.push(
        op === 'in' ? (l) => values.includes(l[key!] ?? '\u0000') : (l) => !values.includes(l[key!] ?? '\u0000'),
      );
    } else if ((m = raw.match(/^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/))) {
      const [, key, op, value] = m;
      reqs.push(op === '!=' ? (l) => l[key!] !== value : (l) => l[key!] === value);
    } else if ((m = raw.match(/^!([\w./-]+)$/))) {
      const key = m[1]!;
      reqs.push((l) => !(key in l));
    } else if ((m = raw.match(/^([\w./-]+)$/))) {
      const key = m[1]!;
      reqs.push((l) => key in l);
    } else return undefined;
  }
  return (labels) => reqs.every((r) => r(labels));
};
