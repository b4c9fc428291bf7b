/**
 * What Prometheus actually has: Kasten's scrape targets (`up` in the Kasten
 * namespace) and the catalog's action metric. The seed warns that
 * `catalog_actions_count` stays absent until the first action runs, so
 * "scraped but no action yet" is told apart from "not scraped".
 */
import type { PromQueryState, PromVectorSample } from '../models/prometheus/types';
import { describePromError, promOutcome } from './prom-results';
import type { CheckResult, Translate } from './types';

export const CATALOG_ACTIONS_METRIC = 'catalog_actions_count';

export interface ScrapeInputs {
  kastenNamespace: string;
  /** `job` of the catalog target (its Service name). */
  catalogJob: string;
  kastenTargetsUp?: PromQueryState;
  catalogActionsPresent?: PromQueryState;
}

const jobOf = (s: PromVectorSample): string => s.metric.job ?? s.metric.service ?? s.metric.instance ?? '?';
const isUp = (s: PromVectorSample): boolean => Number(s.value[1]) === 1;
const unique = (xs: string[]): string[] => [...new Set(xs)].sort();

type CatalogTarget = 'up' | 'down' | 'absent' | 'unknown';

const catalogTarget = (inputs: ScrapeInputs): CatalogTarget => {
  const targets = promOutcome(inputs.kastenTargetsUp);
  if (targets.state !== 'ok') return 'unknown';
  const catalog = targets.samples.filter((s) => jobOf(s) === inputs.catalogJob);
  if (!catalog.length) return 'absent';
  return catalog.some(isUp) ? 'up' : 'down';
};

export const checkScrapeTargets = (inputs: ScrapeInputs, t: Translate): CheckResult | undefined => {
  const ns = inputs.kastenNamespace;
  const base = {
    id: 'scrape-targets',
    title: t('Kasten scrape targets up'),
    lookedAt: t(
      'Prometheus: up{namespace="{{namespace}}"}, one series per scraped target; the catalog is job {{job}}.',
      {
        namespace: ns,
        job: inputs.catalogJob,
      },
    ),
  };
  const targets = promOutcome(inputs.kastenTargetsUp);
  if (targets.state === 'loading') return undefined;
  if (targets.state === 'error') return { ...base, status: 'unknown', detail: describePromError(t, targets.error, ns) };
  const samples = targets.samples;
  if (!samples.length) {
    return {
      ...base,
      status: 'fail',
      detail: t(
        'Prometheus scrapes no target in {{namespace}}. The ServiceMonitor and NetworkPolicy checks above say which piece is missing.',
        {
          namespace: ns,
        },
      ),
    };
  }
  const down = unique(samples.filter((s) => !isUp(s)).map(jobOf));
  const up = unique(samples.filter(isUp).map(jobOf));
  const catalog = catalogTarget(inputs);
  if (catalog === 'absent') {
    return {
      ...base,
      status: 'fail',
      detail: t('The catalog ({{job}}) is not among the scraped targets ({{jobs}}): no ServiceMonitor selects it.', {
        job: inputs.catalogJob,
        jobs: unique(samples.map(jobOf)).join(', '),
      }),
    };
  }
  if (catalog === 'down') {
    return {
      ...base,
      status: 'fail',
      detail: t(
        'The catalog target ({{job}}) is down: Prometheus cannot reach it. A NetworkPolicy blocking {{source}}, or a catalog pod that is not ready, are the usual causes.',
        {
          job: inputs.catalogJob,
          source: 'openshift-user-workload-monitoring',
        },
      ),
    };
  }
  if (down.length) {
    return {
      ...base,
      status: 'warning',
      detail: t('The catalog is up, but these targets are down: {{down}}.', { down: down.join(', ') }),
    };
  }
  return {
    ...base,
    status: 'pass',
    detail: t('All {{n}} targets are up: {{jobs}}.', { n: samples.length, jobs: up.join(', ') }),
  };
};

export const checkCatalogMetrics = (inputs: ScrapeInputs, t: Translate): CheckResult | undefined => {
  const ns = inputs.kastenNamespace;
  const base = {
    id: 'catalog-metrics',
    title: t('Kasten action metrics present'),
    lookedAt: t('Prometheus: series of {{metric}} in {{namespace}}.', {
      metric: CATALOG_ACTIONS_METRIC,
      namespace: ns,
    }),
  };
  const metric = promOutcome(inputs.catalogActionsPresent);
  if (metric.state === 'loading') return undefined;
  if (metric.state === 'error') return { ...base, status: 'unknown', detail: describePromError(t, metric.error, ns) };
  const series = metric.samples.reduce((n, s) => n + Number(s.value[1]), 0);
  if (series > 0) {
    return {
      ...base,
      status: 'pass',
      detail: t('{{metric}} has {{n}} series.', { metric: CATALOG_ACTIONS_METRIC, n: series }),
    };
  }
  const catalog = catalogTarget(inputs);
  if (catalog === 'up') {
    return {
      ...base,
      status: 'warning',
      detail: t(
        'The catalog is scraped, but {{metric}} has no series yet: Kasten publishes it once an action (backup, export, restore...) has run.',
        {
          metric: CATALOG_ACTIONS_METRIC,
        },
      ),
      fix: {
        description: t("Run any policy once (Run Once in Kasten's dashboard); the metric appears at the next scrape."),
      },
    };
  }
  if (catalog === 'unknown') {
    return {
      ...base,
      status: 'unknown',
      detail: t('Cannot tell: {{metric}} has no series, and whether the catalog is scraped is not known.', {
        metric: CATALOG_ACTIONS_METRIC,
      }),
    };
  }
  return {
    ...base,
    status: 'fail',
    detail: t('{{metric}} has no series because the catalog is not scraped (see the scrape-target check).', {
      metric: CATALOG_ACTIONS_METRIC,
    }),
  };
};
