/**
 * The scrape jobs of the preview and the labels they leave on stored
 * series, in one place: the Prometheus configuration is generated from it and
 * the history backfill applies the same relabelling, so live and backfilled
 * series have identical label sets.
 *
 * - `catalog-svc` stands for user-workload monitoring scraping Kasten's
 *   catalog through a ServiceMonitor in the Kasten namespace: target labels
 *   namespace/service/pod/container/endpoint, honor_labels false, so Kasten's
 *   own `namespace` label is stored as `exported_namespace`.
 * - `prometheus-user-workload` stands for the platform Prometheus scraping the
 *   user-workload Prometheus (absent when user-workload monitoring is off).
 * - `kubelet` stands for the platform Prometheus scraping cAdvisor: the
 *   exporter's namespace/pod/container labels are kept (honor_labels true).
 */
import type { Scenario } from '../simulator/scenario';

export type Labels = Record<string, string>;

export interface ScrapeJob {
  job: string;
  metricsPath: string;
  honorLabels: boolean;
  /** Labels added to every series of the target (static_configs labels). */
  targetLabels: Labels;
  /** The address series show as `instance`, as on a cluster (pod IP and port). */
  instance: string;
  /** Whether the job reaches the simulator, or a closed port (a NetworkPolicy that blocks the scrape). */
  reachable: boolean;
}

export const CATALOG_POD = 'catalog-svc-6b8d9c7f5d-x2kqp';

/** Which jobs exist in a scenario: without UWM or without a ServiceMonitor nobody scrapes Kasten. */
export const scrapeJobs = (sc: Scenario): ScrapeJob[] => {
  const jobs: ScrapeJob[] = [];
  if (sc.scenario !== 'no-uwm' && sc.scenario !== 'no-servicemonitor') {
    jobs.push({
      job: 'catalog-svc',
      metricsPath: '/metrics',
      honorLabels: false,
      targetLabels: {
        namespace: sc.kastenNamespace,
        service: 'catalog-svc',
        pod: CATALOG_POD,
        container: 'catalog-svc',
        endpoint: 'http',
      },
      instance: '10.131.1.77:8000',
      reachable: sc.scenario !== 'no-networkpolicy',
    });
  }
  if (sc.scenario !== 'no-uwm') {
    // What the platform Prometheus sees of a running user-workload Prometheus (the Setup tab's evidence).
    jobs.push({
      job: 'prometheus-user-workload',
      metricsPath: '/metrics/user-workload-prometheus',
      honorLabels: false,
      targetLabels: {
        namespace: 'openshift-user-workload-monitoring',
        service: 'prometheus-user-workload',
        pod: 'prometheus-user-workload-0',
      },
      instance: '10.128.2.14:9091',
      reachable: true,
    });
  }
  jobs.push({
    job: 'kubelet',
    metricsPath: '/metrics/cadvisor',
    honorLabels: true,
    targetLabels: {
      service: 'kubelet',
      endpoint: 'https-metrics',
      metrics_path: '/metrics/cadvisor',
      node: 'preview-worker-0',
    },
    instance: '10.0.0.11:10250',
    reachable: true,
  });
  return jobs;
};

/** The label set Prometheus stores for an exposed series of a job (its relabelling rules, applied by hand). */
export const storedLabels = (job: ScrapeJob, exposed: Labels): Labels => {
  const target: Labels = { ...job.targetLabels, job: job.job, instance: job.instance };
  if (job.honorLabels) return { ...target, ...exposed };
  const out: Labels = { ...target };
  for (const [k, v] of Object.entries(exposed)) {
    if (k in target) out[`exported_${k}`] = v;
    else out[k] = v;
  }
  return out;
};

const yamlString = (v: string): string => JSON.stringify(v);

/** prometheus.yml for the preview. `simulator` is host:port; unreachable jobs point at `closedAddress`. */
export const prometheusConfig = (opts: {
  jobs: ScrapeJob[];
  simulator: string;
  closedAddress: string;
  scrapeInterval: number;
  ruleFiles: string[];
}): string => {
  const lines = [
    'global:',
    `  scrape_interval: ${opts.scrapeInterval}s`,
    `  scrape_timeout: ${Math.max(1, opts.scrapeInterval - 1)}s`,
    `  evaluation_interval: ${opts.scrapeInterval}s`,
    'rule_files:',
    ...(opts.ruleFiles.length ? opts.ruleFiles.map((f) => `  - ${yamlString(f)}`) : ['  []']),
    'scrape_configs:',
  ];
  for (const j of opts.jobs) {
    lines.push(
      `  - job_name: ${yamlString(j.job)}`,
      `    honor_labels: ${j.honorLabels}`,
      `    metrics_path: ${yamlString(j.metricsPath)}`,
      '    static_configs:',
      `      - targets: [${yamlString(j.reachable ? opts.simulator : opts.closedAddress)}]`,
      '        labels:',
      ...Object.entries(j.targetLabels).map(([k, v]) => `          ${k}: ${yamlString(v)}`),
      '    relabel_configs:',
      '      - target_label: instance',
      `        replacement: ${yamlString(j.instance)}`,
    );
  }
  return `${lines.join('\n')}\n`;
};
