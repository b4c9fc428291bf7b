/**
 * ServiceMonitors that make user-workload monitoring scrape Kasten. Only
 * monitors in the Kasten namespace count: OpenShift's user-workload
 * Prometheus ignores a ServiceMonitor's namespaceSelector and one labelled
 * `openshift.io/user-monitoring=false`.
 */
import { describeSelector, selectorMatches, type KnownLabels, type Tri } from './label-selector';
import { permissionNeeded, readOutcome } from './k8s-access';
import { USER_MONITORING_LABEL } from './kasten-namespace';
import {
  catalogServiceMonitorFix,
  componentsSelector,
  servicesMonitorFix,
  METRICS_PORT_NAME,
  METRICS_PORT_NUMBER,
} from './remediation';
import type { CheckResult, ServiceMonitorObject, ServiceObject, ServicePort, Translate, Watched } from './types';

export const CATALOG_COMPONENT = 'catalog';

/**
 * Kasten services besides the catalog whose metrics some panels use (the
 * set Kasten's own OpenShift monitoring blueprint scrapes).
 */
export const OTHER_KASTEN_COMPONENTS = ['controllermanager', 'metering', 'dashboardbff', 'crypto'];

export interface ServiceMonitorInputs {
  kastenNamespace: string;
  serviceMonitors: Watched<ServiceMonitorObject[]>;
  services: Watched<ServiceObject[]>;
  otherComponents?: string[];
}

type Coverage =
  | { state: 'covered'; by: string[] }
  | { state: 'unknown'; by: string[] }
  | { state: 'ignored'; by: string[] }
  | { state: 'wrong-port'; by: string[] }
  | { state: 'missing' };

const assumedService = (component: string): { labels: KnownLabels; ports: ServicePort[] } => ({
  labels: { labels: { app: 'k10', component, release: 'k10', run: `${component}-svc` }, complete: false },
  ports: [{ name: METRICS_PORT_NAME, port: METRICS_PORT_NUMBER, targetPort: METRICS_PORT_NUMBER }],
});

/** Whether one of the monitor's endpoints reaches the service's metrics port. */
const scrapesMetricsPort = (sm: ServiceMonitorObject, ports: ServicePort[]): boolean => {
  const metrics = ports.filter((p) => p.name === METRICS_PORT_NAME || p.port === METRICS_PORT_NUMBER);
  return (sm.spec?.endpoints ?? []).some((e) => {
    if (e.port !== undefined) return metrics.some((p) => p.name === e.port);
    if (e.targetPort !== undefined) return metrics.some((p) => (p.targetPort ?? p.port) === e.targetPort);
    return false;
  });
};

const coverage = (monitors: ServiceMonitorObject[], labels: KnownLabels, ports: ServicePort[]): Coverage => {
  const selecting = monitors
    .map((sm) => ({ sm, match: selectorMatches(sm.spec?.selector, labels) }))
    .filter((x): x is { sm: ServiceMonitorObject; match: Tri } => x.match !== 'no');
  const name = (sm: ServiceMonitorObject) => sm.metadata?.name ?? '';
  const counted = selecting.filter((x) => x.sm.metadata?.labels?.[USER_MONITORING_LABEL] !== 'false');
  const onPort = counted.filter((x) => scrapesMetricsPort(x.sm, ports));
  const sure = onPort.filter((x) => x.match === 'yes');
  if (sure.length) return { state: 'covered', by: sure.map((x) => name(x.sm)) };
  if (onPort.length) return { state: 'unknown', by: onPort.map((x) => name(x.sm)) };
  if (counted.length) return { state: 'wrong-port', by: counted.map((x) => name(x.sm)) };
  if (selecting.length) return { state: 'ignored', by: selecting.map((x) => name(x.sm)) };
  return { state: 'missing' };
};

export const checkServiceMonitors = (inputs: ServiceMonitorInputs, t: Translate): CheckResult | undefined => {
  const ns = inputs.kastenNamespace;
  const others = inputs.otherComponents ?? OTHER_KASTEN_COMPONENTS;
  const base = {
    id: 'service-monitors',
    title: t('ServiceMonitors for Kasten services'),
    lookedAt: t(
      "ServiceMonitors in {{namespace}} whose selector matches the labels of Kasten's Services (catalog, then {{others}}) with an endpoint on port http.",
      {
        namespace: ns,
        others: others.join(', '),
      },
    ),
  };
  const catalogRemedy = catalogServiceMonitorFix(ns);
  const catalogFix = {
    description: t(
      "Create the seed's ServiceMonitor for the catalog (selector component: catalog, port http, every 30s).",
    ),
    yaml: catalogRemedy.yaml,
    resource: catalogRemedy.resource,
  };

  const monitorsRead = readOutcome(inputs.serviceMonitors);
  const servicesRead = readOutcome(inputs.services);
  if (monitorsRead.state === 'loading' || servicesRead.state === 'loading') return undefined;
  if (monitorsRead.state === 'forbidden' || monitorsRead.state === 'error') {
    return {
      ...base,
      status: 'unknown',
      detail:
        monitorsRead.state === 'forbidden'
          ? permissionNeeded(t, 'list', 'servicemonitors.monitoring.coreos.com', ns)
          : t('Cannot tell: reading ServiceMonitors failed: {{message}}', { message: monitorsRead.message }),
      fix: catalogFix,
    };
  }
  const monitors = monitorsRead.state === 'ok' ? monitorsRead.data : [];
  const services = servicesRead.state === 'ok' ? servicesRead.data : undefined;
  const servicesNote = services
    ? ''
    : ` ${t("(Services could not be read: Kasten's chart labels are assumed, and only the catalog is checked.)")}`;

  const serviceOf = (component: string): { labels: KnownLabels; ports: ServicePort[] } | undefined => {
    if (!services) return assumedService(component);
    const svc = services.find((s) => s.metadata?.labels?.component === component);
    return svc
      ? { labels: { labels: svc.metadata?.labels ?? {}, complete: true }, ports: svc.spec?.ports ?? [] }
      : undefined;
  };

  const catalogService = serviceOf(CATALOG_COMPONENT);
  if (!catalogService) {
    return {
      ...base,
      status: 'fail',
      detail: t('No Service labelled component=catalog in {{namespace}}: is Kasten installed there?', {
        namespace: ns,
      }),
    };
  }
  const catalog = coverage(monitors, catalogService.labels, catalogService.ports);
  if (catalog.state !== 'covered') {
    const detail =
      catalog.state === 'missing'
        ? t(
            'No ServiceMonitor in {{namespace}} selects the catalog Service, so its metrics (catalog_actions_count) are never scraped.',
            { namespace: ns },
          )
        : catalog.state === 'ignored'
          ? t(
              'ServiceMonitor {{names}} selects the catalog but is labelled {{label}}=false, so user-workload monitoring ignores it.',
              {
                names: catalog.by.join(', '),
                label: USER_MONITORING_LABEL,
              },
            )
          : catalog.state === 'wrong-port'
            ? t(
                "ServiceMonitor {{names}} selects the catalog, but none of its endpoints uses the Service's port http.",
                {
                  names: catalog.by.join(', '),
                },
              )
            : t(
                'Cannot tell whether ServiceMonitor {{names}} selects the catalog Service: its selector uses labels that could not be read.',
                {
                  names: catalog.by.join(', '),
                },
              );
    return {
      ...base,
      status: catalog.state === 'unknown' ? 'unknown' : 'fail',
      detail: detail + servicesNote,
      fix: catalogFix,
    };
  }

  const present = services ? others.filter((c) => serviceOf(c) !== undefined) : [];
  const uncovered = present.filter((c) => {
    const svc = serviceOf(c);
    return svc !== undefined && coverage(monitors, svc.labels, svc.ports).state !== 'covered';
  });
  const catalogLine = t('The catalog is scraped through {{names}}.', { names: catalog.by.join(', ') });
  if (uncovered.length) {
    const remedy = servicesMonitorFix(ns, uncovered);
    return {
      ...base,
      status: 'warning',
      detail: `${catalogLine} ${t(
        'Not scraped: {{components}}. Panels built on their metrics (for example compliance, policy and profile validity, licence) stay empty until they are.',
        {
          components: uncovered.join(', '),
        },
      )}`,
      fix: {
        description: t('Create one ServiceMonitor for the Kasten services not yet scraped ({{selector}}).', {
          selector: describeSelector(componentsSelector(uncovered)),
        }),
        yaml: remedy.yaml,
        resource: remedy.resource,
      },
    };
  }
  return { ...base, status: 'pass', detail: catalogLine + servicesNote };
};
