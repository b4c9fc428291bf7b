import { load } from 'js-yaml';
import { checkServiceMonitors, type ServiceMonitorInputs } from './service-monitors';
import { forbidden, t } from './test-helpers';
import type { ServiceMonitorObject, ServiceObject } from './types';

const NS = 'kasten-io';
const svc = (component: string): ServiceObject => ({
  metadata: {
    name: `${component}-svc`,
    namespace: NS,
    labels: { app: 'k10', component, release: 'k10', run: `${component}-svc` },
  },
  spec: {
    selector: { run: `${component}-svc` },
    ports: [{ name: 'http', port: 8000, targetPort: 8000, protocol: 'TCP' }],
  },
});
const allServices = ['catalog', 'controllermanager', 'metering', 'dashboardbff', 'crypto', 'frontend'].map(svc);

/** The seed tutorial's ServiceMonitor. */
const seedMonitor: ServiceMonitorObject = {
  metadata: { name: 'catalog', namespace: NS, labels: { 'k8s-app': 'kasten-io' } },
  spec: {
    endpoints: [{ interval: '30s', port: 'http', scheme: 'http' }],
    selector: { matchLabels: { component: 'catalog' } },
  },
};
const monitor = (
  name: string,
  spec: ServiceMonitorObject['spec'],
  labels?: Record<string, string>,
): ServiceMonitorObject => ({
  metadata: { name, namespace: NS, labels },
  spec,
});
const others = monitor('kasten-services', {
  endpoints: [{ port: 'http' }],
  selector: {
    matchExpressions: [
      { key: 'component', operator: 'In', values: ['controllermanager', 'metering', 'dashboardbff', 'crypto'] },
    ],
  },
});

const inputs = (
  monitors: ServiceMonitorObject[] | undefined,
  extra: Partial<ServiceMonitorInputs> = {},
): ServiceMonitorInputs => ({
  kastenNamespace: NS,
  serviceMonitors: { loaded: true, data: monitors },
  services: { loaded: true, data: allServices },
  ...extra,
});

describe('checkServiceMonitors', () => {
  it('passes when the catalog and the other services are scraped', () => {
    const r = checkServiceMonitors(inputs([seedMonitor, others]), t);
    expect(r).toMatchObject({ status: 'pass', detail: 'The catalog is scraped through catalog.' });
  });

  it("fails without a catalog monitor and offers the seed's, in the user's namespace", () => {
    const r = checkServiceMonitors(inputs([others], { kastenNamespace: 'backup' }), t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toMatch(/^No ServiceMonitor in backup selects the catalog Service/);
    const parsed = load(r?.fix?.yaml ?? '') as ServiceMonitorObject;
    expect(parsed).toEqual(r?.fix?.resource?.data);
    expect(parsed.metadata?.namespace).toBe('backup');
    expect(parsed.spec).toEqual({
      endpoints: [{ interval: '30s', port: 'http', scheme: 'http' }],
      selector: { matchLabels: { component: 'catalog' } },
    });
  });

  it('fails when the catalog monitor is opted out of user-workload monitoring', () => {
    const optedOut = {
      ...seedMonitor,
      metadata: { ...seedMonitor.metadata, labels: { 'openshift.io/user-monitoring': 'false' } },
    };
    const r = checkServiceMonitors(inputs([optedOut, others]), t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toMatch(/labelled openshift.io\/user-monitoring=false/);
  });

  it('fails when the monitor uses a port the Service does not have', () => {
    const wrongPort = monitor('catalog', {
      endpoints: [{ port: 'metrics' }],
      selector: { matchLabels: { component: 'catalog' } },
    });
    expect(checkServiceMonitors(inputs([wrongPort, others]), t)?.detail).toMatch(
      /none of its endpoints uses the Service's port http/,
    );
    const byTargetPort = monitor('catalog', {
      endpoints: [{ targetPort: 8000 }],
      selector: { matchLabels: { component: 'catalog' } },
    });
    expect(checkServiceMonitors(inputs([byTargetPort, others]), t)?.status).toBe('pass');
  });

  it('warns when only the catalog is scraped, offering one monitor for the rest', () => {
    const r = checkServiceMonitors(inputs([seedMonitor]), t);
    expect(r?.status).toBe('warning');
    expect(r?.detail).toContain('Not scraped: controllermanager, metering, dashboardbff, crypto.');
    const parsed = load(r?.fix?.yaml ?? '') as ServiceMonitorObject;
    expect(parsed.spec?.selector).toEqual({
      matchExpressions: [
        { key: 'component', operator: 'In', values: ['controllermanager', 'metering', 'dashboardbff', 'crypto'] },
      ],
    });
    // A component without a Service (not installed in this Kasten version) is not asked for.
    const fewer = checkServiceMonitors(
      inputs([seedMonitor], { services: { loaded: true, data: [svc('catalog'), svc('metering')] } }),
      t,
    );
    expect(fewer?.detail).toContain('Not scraped: metering.');
    expect((load(fewer?.fix?.yaml ?? '') as ServiceMonitorObject).metadata?.name).toBe('kasten-metering');
  });

  it('cannot tell without permission to list ServiceMonitors', () => {
    const r = checkServiceMonitors(inputs(undefined, { serviceMonitors: { loaded: true, error: forbidden } }), t);
    expect(r).toMatchObject({
      status: 'unknown',
      detail: 'Cannot tell: needs list on servicemonitors.monitoring.coreos.com in kasten-io.',
    });
  });

  it("assumes the chart's labels when Services cannot be read, and then checks only the catalog", () => {
    const noServices = { loaded: true, error: forbidden };
    const r = checkServiceMonitors(inputs([seedMonitor], { services: noServices }), t);
    expect(r?.status).toBe('pass');
    expect(r?.detail).toMatch(/Services could not be read/);
    const byInstance = monitor('catalog', {
      endpoints: [{ port: 'http' }],
      selector: { matchLabels: { 'app.kubernetes.io/instance': 'k10', component: 'catalog' } },
    });
    expect(checkServiceMonitors(inputs([byInstance], { services: noServices }), t)?.status).toBe('unknown');
  });

  it('fails when Kasten has no catalog Service in the namespace', () => {
    const r = checkServiceMonitors(inputs([seedMonitor], { services: { loaded: true, data: [] } }), t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toMatch(/No Service labelled component=catalog/);
  });

  it('waits while either list loads', () => {
    expect(checkServiceMonitors(inputs(undefined, { serviceMonitors: { loaded: false } }), t)).toBeUndefined();
    expect(checkServiceMonitors(inputs([], { services: { loaded: false } }), t)).toBeUndefined();
  });
});
