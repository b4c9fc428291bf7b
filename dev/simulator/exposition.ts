/**
 * What the simulator exposes, as metric families whose values are functions
 * of story time. One description serves both the live `/metrics` text and the
 * OpenMetrics history that promtool backfills, so the two never disagree.
 * Names, types and labels follow Kasten's catalog service and OpenShift's
 * cAdvisor as described in shared/research/kasten-metrics-and-semantics.md.
 */
import {
  catalogUsedPercent,
  CATALOG_PVC_BYTES,
  completeCounts,
  cpuSeconds,
  EXPORT_LAG,
  failedCounts,
  failureTimes,
  KASTEN_PODS,
  podMemoryBytes,
  successes,
  type Scenario,
} from './scenario';

export type Labels = Record<string, string>;

export interface SeriesDef {
  labels: Labels;
  value: (s: number) => number;
}

export interface FamilyDef {
  name: string;
  type: 'gauge' | 'counter';
  help: string;
  series: SeriesDef[];
}

const escapeLabelValue = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export const formatLabels = (labels: Labels): string => {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
};

const pvcFamilies = (prefix: 'catalog' | 'jobs' | 'logging', usedPercent: (s: number) => number): FamilyDef[] => [
  {
    name: `${prefix}_persistent_volume_free_space_percent`,
    type: 'gauge',
    help: `Free space on the ${prefix} PVC, in percent.`,
    series: [{ labels: {}, value: (s) => 100 - usedPercent(s) }],
  },
  {
    name: `${prefix}_persistent_volume_disk_space_used_bytes`,
    type: 'gauge',
    help: `Used bytes on the ${prefix} PVC.`,
    series: [{ labels: {}, value: (s) => Math.round((CATALOG_PVC_BYTES * usedPercent(s)) / 100) }],
  },
  {
    name: `${prefix}_persistent_volume_disk_space_available_bytes`,
    type: 'gauge',
    help: `Available bytes on the ${prefix} PVC.`,
    series: [{ labels: {}, value: (s) => Math.round((CATALOG_PVC_BYTES * (100 - usedPercent(s))) / 100) }],
  },
];

/** Kasten's own series, as its catalog service exposes them (scraped with honor_labels false). */
export const kastenFamilies = (sc: Scenario): FamilyDef[] => {
  const actions = sc.scenario !== 'no-actions-yet';
  const failing = sc.policies_.filter((p) => p.failing);
  const catalog: SeriesDef[] = [];
  const backupEnded: SeriesDef[] = [];
  const exportEnded: SeriesDef[] = [];
  if (actions) {
    for (const p of sc.policies_) {
      const base = { namespace: p.appNamespace, policy: p.name };
      catalog.push(
        {
          labels: { ...base, type: 'backup', status: 'complete', liveness: 'live' },
          value: (s) => completeCounts(p, s).live,
        },
        {
          labels: { ...base, type: 'backup', status: 'complete', liveness: 'retired' },
          value: (s) => completeCounts(p, s).retired,
        },
      );
      backupEnded.push({
        labels: { app: p.appNamespace, policy: p.name, state: 'succeeded' },
        value: (s) => successes(p, s),
      });
      if (p.exports) {
        catalog.push(
          {
            labels: { ...base, type: 'export', status: 'complete', liveness: 'live' },
            value: (s) => completeCounts(p, s, EXPORT_LAG).live,
          },
          {
            labels: { ...base, type: 'export', status: 'complete', liveness: 'retired' },
            value: (s) => completeCounts(p, s, EXPORT_LAG).retired,
          },
        );
        exportEnded.push({
          labels: { app: p.appNamespace, policy: p.name, state: 'succeeded' },
          value: (s) => successes(p, s, EXPORT_LAG),
        });
      }
      if (p.failing) {
        catalog.push(
          {
            labels: { ...base, type: 'backup', status: 'failed', liveness: 'live' },
            value: (s) => failedCounts(s).live,
          },
          {
            labels: { ...base, type: 'backup', status: 'failed', liveness: 'retired' },
            value: (s) => failedCounts(s).retired,
          },
        );
        backupEnded.push({
          labels: { app: p.appNamespace, policy: p.name, state: 'failed' },
          value: (s) => failureTimes(s).length,
        });
      }
    }
  }
  const sumOf = (defs: SeriesDef[], state: string) => (s: number) =>
    defs.filter((d) => d.labels.state === state).reduce((acc, d) => acc + d.value(s), 0);
  const overall = (name: string, defs: SeriesDef[]): FamilyDef => ({
    name,
    type: 'counter',
    help: `Cluster-wide ended ${name.split('_')[1]} actions by state.`,
    series: actions ? ['succeeded', 'failed'].map((state) => ({ labels: { state }, value: sumOf(defs, state) })) : [],
  });
  const covered = new Set(sc.policies_.map((p) => p.appNamespace));
  const exporting = sc.policies_.filter((p) => p.exports).length;
  const failingNamespaces = new Set(failing.map((p) => p.appNamespace));
  return [
    {
      name: 'catalog_actions_count',
      type: 'gauge',
      help: 'Number of actions in the catalog.',
      series: catalog,
    },
    { name: 'action_backup_ended_count', type: 'counter', help: 'Ended backup actions.', series: backupEnded },
    { name: 'action_export_ended_count', type: 'counter', help: 'Ended export actions.', series: exportEnded },
    overall('action_backup_ended_overall', backupEnded),
    overall('action_export_ended_overall', exportEnded),
    ...pvcFamilies('catalog', catalogUsedPercent),
    ...pvcFamilies('jobs', () => 12),
    ...pvcFamilies('logging', () => 18),
    {
      name: 'compliance_count',
      type: 'gauge',
      help: 'Applications by compliance state.',
      series: [
        {
          labels: { state: 'Compliant' },
          value: (s) => covered.size - (actions && s >= 0 ? failingNamespaces.size : 0),
        },
        { labels: { state: 'NotCompliant' }, value: (s) => (actions && s >= 0 ? failingNamespaces.size : 0) },
        { labels: { state: 'Unmanaged' }, value: () => sc.appNamespaces.length - covered.size },
      ],
    },
    {
      name: 'policies_count',
      type: 'gauge',
      help: 'Policies by action and validation status.',
      series: [
        { labels: { action: 'backup', chained: 'export', status: 'Success' }, value: () => exporting },
        { labels: { action: 'backup', chained: '', status: 'Success' }, value: () => sc.policies_.length - exporting },
        { labels: { action: 'k10dr', chained: '', status: 'Success' }, value: () => 1 },
      ],
    },
    {
      name: 'profiles_count',
      type: 'gauge',
      help: 'Location and infrastructure profiles by status.',
      series: [
        { labels: { type: 'Location', status: 'Success' }, value: () => 1 },
        { labels: { type: 'Location', status: 'Failed' }, value: () => 0 },
      ],
    },
    {
      name: 'metering_license_compliance_status',
      type: 'gauge',
      help: 'License compliance (1 = compliant).',
      series: [{ labels: {}, value: () => 1 }],
    },
  ];
};

/**
 * The platform's cAdvisor series for the Kasten namespace. They carry their
 * own `namespace`, `pod` and `container` labels (scraped with honor_labels
 * true, as the platform Prometheus scrapes the kubelet). `container=""` is the
 * pod-level cgroup, `container="POD"` the pause container: both exist on a
 * real node and both must be excluded by correct queries.
 */
export const platformFamilies = (sc: Scenario): FamilyDef[] => {
  const mem: SeriesDef[] = [];
  const cpu: SeriesDef[] = [];
  KASTEN_PODS.forEach((k, i) => {
    const base = { namespace: sc.kastenNamespace, pod: k.pod };
    mem.push(
      { labels: { ...base, container: '' }, value: (s) => podMemoryBytes(i, s) },
      { labels: { ...base, container: k.container }, value: (s) => Math.round(podMemoryBytes(i, s) * 0.97) },
      { labels: { ...base, container: 'POD' }, value: () => 430_080 },
    );
    cpu.push(
      { labels: { ...base, container: '' }, value: (s) => cpuSeconds(k.cpuBase * 1.02, s) },
      { labels: { ...base, container: k.container }, value: (s) => cpuSeconds(k.cpuBase, s) },
      { labels: { ...base, container: 'POD' }, value: (s) => cpuSeconds(0.0001, s) },
    );
  });
  return [
    {
      name: 'container_memory_working_set_bytes',
      type: 'gauge',
      help: 'Current working set of the container in bytes.',
      series: mem,
    },
    {
      name: 'container_cpu_usage_seconds_total',
      type: 'counter',
      help: 'Cumulative cpu time consumed in seconds.',
      series: cpu,
    },
  ];
};

const formatValue = (v: number): string =>
  Number.isInteger(v) ? String(v) : v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');

/** Prometheus text exposition format 0.0.4, values at story time s. */
export const renderText = (families: FamilyDef[], s: number): string => {
  const out: string[] = [];
  for (const f of families) {
    out.push(`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`);
    for (const series of f.series) out.push(`${f.name}${formatLabels(series.labels)} ${formatValue(series.value(s))}`);
  }
  return `${out.join('\n')}\n`;
};

/**
 * OpenMetrics lines for promtool, one series at a time in time order (promtool
 * silently drops out-of-order samples). Written through `write` so thousands
 * of policies never build one giant string.
 */
export const writeOpenMetrics = (
  families: FamilyDef[],
  times: Array<{ s: number; unix: number }>,
  write: (chunk: string) => void,
): number => {
  let samples = 0;
  for (const f of families) {
    write(`# HELP ${f.name} ${f.help}\n# TYPE ${f.name} ${f.type === 'counter' ? 'unknown' : 'gauge'}\n`);
    for (const series of f.series) {
      const prefix = `${f.name}${formatLabels(series.labels)} `;
      const lines: string[] = [];
      for (const { s, unix } of times) lines.push(`${prefix}${formatValue(series.value(s))} ${unix}`);
      samples += lines.length;
      write(`${lines.join('\n')}\n`);
    }
  }
  write('# EOF\n');
  return samples;
};
