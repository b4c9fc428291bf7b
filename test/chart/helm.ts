/**
 * The real helm v3 binary, run on the chart with values the tests choose. Rendering needs no
 * cluster: `--kube-version` satisfies the chart's kubeVersion and `--api-versions` stands in for
 * the CRDs (ConsolePlugin, ServiceMonitor, PrometheusRule) a cluster would list.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'js-yaml';

export const ROOT = path.resolve(__dirname, '../..');
export const CHART_DIR = path.join(ROOT, 'charts/kasten-console-plugin');
export const RELEASE = 'kcp';
export const RELEASE_NAMESPACE = 'kasten-console-plugin';
export const KUBE_VERSION = '1.35.0';
const API_VERSIONS = ['console.openshift.io/v1', 'monitoring.coreos.com/v1', 'operator.openshift.io/v1'];

/** .cache/bin (where scripts/ensure-deps.sh installs it) first, then PATH. */
export const helmBinary = (): string => {
  const cached = path.join(ROOT, '.cache/bin/helm');
  const candidates = [
    cached,
    ...(process.env.PATH ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((d) => path.join(d, 'helm')),
  ];
  for (const c of candidates) {
    const probe = spawnSync(c, ['version', '--short'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.startsWith('v3.')) return c;
  }
  throw new Error(
    `helm v3 not found in ${cached} or on PATH: run scripts/ensure-deps.sh (go install helm.sh/helm/v3/cmd/helm@v3.19.0 into .cache/bin)`,
  );
};

export type Values = Record<string, unknown>;

/** Enough to render: the plugin image is required and has no default. */
export const BASE_VALUES: Values = {
  plugin: { image: { repository: 'quay.io/example/kasten-console-plugin', tag: '0.1.0' } },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const merge = (a: Values, b: Values): Values => {
  const out: Values = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isObject(prev) && isObject(v) ? merge(prev, v) : v;
  }
  return out;
};

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

export const runHelm = (args: string[], values?: Values): HelmResult => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-helm-'));
  try {
    const valueArgs: string[] = [];
    if (values) {
      const file = path.join(dir, 'values.yaml');
      fs.writeFileSync(file, yaml.dump(values));
      valueArgs.push('-f', file);
    }
    const res = spawnSync(helmBinary(), [...args, ...valueArgs], {
      encoding: 'utf8',
      env: { ...process.env, HELM_CACHE_HOME: dir, HELM_CONFIG_HOME: dir, HELM_DATA_HOME: dir },
    });
    return { status: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

const templateArgs = (extra: string[] = [], chart = CHART_DIR): string[] => [
  'template',
  RELEASE,
  chart,
  '--namespace',
  RELEASE_NAMESPACE,
  '--kube-version',
  KUBE_VERSION,
  ...API_VERSIONS.flatMap((a) => ['--api-versions', a]),
  ...extra,
];

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [key: string]: unknown;
}

const rendered = new Map<string, string>();

/** `helm template` text for BASE_VALUES merged with `values`; throws with helm's message on failure. Same values, one helm run. */
export const renderText = (values: Values = {}, extra: string[] = []): string => {
  const key = JSON.stringify([values, extra]);
  const cached = rendered.get(key);
  if (cached !== undefined) return cached;
  const res = runHelm(templateArgs(extra), merge(BASE_VALUES, values));
  if (res.status !== 0) throw new Error(`helm template failed (${res.status}):\n${res.stderr}`);
  rendered.set(key, res.stdout);
  return res.stdout;
};

export const parseObjects = (text: string): K8sObject[] =>
  yaml.loadAll(text).filter((d): d is K8sObject => isObject(d) && typeof d.kind === 'string');

export const render = (values: Values = {}, extra: string[] = []): K8sObject[] =>
  parseObjects(renderText(values, extra));

/** helm template's exit status and stderr, for values that must be rejected. */
export const renderFailure = (values: Values): HelmResult => runHelm(templateArgs(), values);

export const only = (objects: K8sObject[], kind: string, name?: string): K8sObject => {
  const found = objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name ? ` ${name}` : ''}, found ${found.length}`);
  return found[0]!;
};

/** Every string anywhere in a value, for "no trace of X" assertions. */
export const allStrings = (v: unknown): string[] => {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(allStrings);
  if (isObject(v)) return [...Object.keys(v), ...Object.values(v).flatMap(allStrings)];
  return [];
};

/** Every object (at any depth) holding `key`, for "everywhere" assertions such as runAsUser. */
export const findKey = (v: unknown, key: string): unknown[] => {
  if (Array.isArray(v)) return v.flatMap((x) => findKey(x, key));
  if (!isObject(v)) return [];
  return [...(key in v ? [v[key]] : []), ...Object.values(v).flatMap((x) => findKey(x, key))];
};

export const helmVersion = (): string =>
  execFileSync(helmBinary(), ['version', '--short'], { encoding: 'utf8' }).trim();

/**
 * `helm template` of another chart (a package), with these values alone and the cluster's
 * Kubernetes version as given; throws with helm's message on failure.
 */
export const renderChart = (chart: string, values: Values = {}, kubeVersion = KUBE_VERSION): K8sObject[] => {
  const res = runHelm(templateArgs(['--kube-version', kubeVersion], chart), values);
  if (res.status !== 0) throw new Error(`helm template failed (${res.status}):\n${res.stderr}`);
  return parseObjects(res.stdout);
};

export const renderChartFailure = (chart: string, values: Values = {}, kubeVersion = KUBE_VERSION): HelmResult =>
  runHelm(templateArgs(['--kube-version', kubeVersion], chart), values);
