/**
 * The objects the fake Kubernetes API holds, derived from the simulator's
 * scenario so the API and the metrics tell one story: Namespaces, the
 * user-workload monitoring switch, Kasten Policies and Profiles, the
 * monitoring wiring (NetworkPolicy, ServiceMonitor, PrometheusRule) in the
 * state the scenario asks for, and Kasten action objects whose times and
 * states follow the story clock.
 */
import {
  EXPORT_LAG,
  KASTEN_PODS,
  failedCounts,
  failureTimes,
  lastSuccessTime,
  wallClock,
  type Scenario,
  type SimPolicy,
} from '../simulator/scenario';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    uid?: string;
    creationTimestamp?: string;
    resourceVersion?: string;
  };
  [key: string]: unknown;
}

const ISO = (unix: number): string => new Date(unix * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const namespaceObject = (name: string, labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name,
    labels: { 'kubernetes.io/metadata.name': name, ...labels },
    uid: `ns-${name}`,
    creationTimestamp: '2025-01-15T09:00:00Z',
  },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});

const kastenPolicy = (sc: Scenario, p: SimPolicy): K8sObject => ({
  apiVersion: 'config.kio.kasten.io/v1alpha1',
  kind: 'Policy',
  metadata: {
    name: p.name,
    namespace: sc.kastenNamespace,
    uid: `policy-${p.name}`,
    creationTimestamp: '2025-02-01T10:00:00Z',
  },
  spec: {
    frequency: p.frequency,
    retention: p.frequency === '@hourly' ? { hourly: 24, daily: 7 } : { daily: 7, weekly: 4 },
    selector: { matchExpressions: [{ key: 'k10.kasten.io/appNamespace', operator: 'In', values: [p.appNamespace] }] },
    actions: [
      { action: 'backup' },
      ...(p.exports
        ? [
            {
              action: 'export',
              exportParameters: {
                frequency: p.frequency,
                profile: { name: 's3-export', namespace: sc.kastenNamespace },
                exportData: { enabled: true },
              },
            },
          ]
        : []),
    ],
  },
  status: { validation: 'Success', hash: 1 },
});

/** The Kasten chart's own policies: default-deny plus the internal allowances. */
const chartNetworkPolicies = (ns: string): K8sObject[] => [
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', namespace: ns, labels: { app: 'k10', release: 'k10' } },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'access-k10-services', namespace: ns, labels: { app: 'k10', release: 'k10' } },
    spec: {
      podSelector: { matchLabels: { release: 'k10', run: 'catalog-svc' } },
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { access: 'k10-services' } } }],
          ports: [{ port: 8000, protocol: 'TCP' }],
        },
      ],
      policyTypes: ['Ingress'],
    },
  },
];

const monitoringPolicy = (ns: string, seedBug: boolean): K8sObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'allow-openshift-monitoring', namespace: ns, labels: { app: 'k10' } },
  spec: seedBug
    ? {
        // The seed's policy as published: the second ingress item has no `from`, so port http is open to every source.
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { name: 'openshift-user-workload-monitoring' } } }] },
          { ports: [{ port: 'http', protocol: 'TCP' }] },
        ],
        podSelector: { matchLabels: { release: 'k10' } },
        policyTypes: ['Ingress'],
      }
    : {
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' },
                },
              },
            ],
            ports: [{ port: 'http', protocol: 'TCP' }],
          },
        ],
        podSelector: { matchLabels: { release: 'k10' } },
        policyTypes: ['Ingress'],
      },
});

/** Kasten's pods and Services as its chart labels them (`component`, `run`, `release`); gateway and Prometheus serve no `http` metrics port. */
const kastenWorkloads = (ns: string): K8sObject[] =>
  KASTEN_PODS.flatMap(({ pod, container }) => {
    const run = container;
    const component = run.replace(/-svc$/, '');
    const labels = { app: 'k10', release: 'k10', 'app.kubernetes.io/name': 'k10', component, run };
    const objs: K8sObject[] = [
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: pod, namespace: ns, labels },
        spec: { containers: [{ name: container, ports: [{ name: 'http', containerPort: 8000, protocol: 'TCP' }] }] },
        status: { phase: 'Running', podIP: '10.131.1.77' },
      },
    ];
    if (run.endsWith('-svc')) {
      objs.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: run, namespace: ns, labels },
        spec: {
          selector: { run },
          ports: [{ name: 'http', port: 8000, targetPort: 8000, protocol: 'TCP' }],
          type: 'ClusterIP',
        },
      });
    }
    return objs;
  });

/** The user-workload Prometheus pods, with the labels prometheus-operator gives them. */
const userWorkloadPrometheusPods = (): K8sObject[] =>
  [0, 1].map((i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `prometheus-user-workload-${i}`,
      namespace: 'openshift-user-workload-monitoring',
      labels: {
        'app.kubernetes.io/name': 'prometheus',
        'app.kubernetes.io/instance': 'user-workload',
        'app.kubernetes.io/component': 'prometheus',
        'app.kubernetes.io/managed-by': 'prometheus-operator',
        'app.kubernetes.io/part-of': 'openshift-monitoring',
        prometheus: 'user-workload',
        'operator.prometheus.io/name': 'user-workload',
      },
    },
    status: { phase: 'Running' },
  }));

/** Objects that do not depend on the story clock. */
export const staticObjects = (sc: Scenario): K8sObject[] => {
  const ns = sc.kastenNamespace;
  const objs: K8sObject[] = [
    namespaceObject(ns),
    namespaceObject('openshift-monitoring', {
      'openshift.io/cluster-monitoring': 'true',
      'network.openshift.io/policy-group': 'monitoring',
    }),
    ...sc.appNamespaces.map((n) => namespaceObject(n)),
    ...sc.policies_.map((p) => kastenPolicy(sc, p)),
    {
      apiVersion: 'config.kio.kasten.io/v1alpha1',
      kind: 'Profile',
      metadata: { name: 's3-export', namespace: ns },
      spec: {
        type: 'Location',
        locationSpec: {
          type: 'ObjectStore',
          objectStore: { objectStoreType: 'S3', name: 'kasten-exports', region: 'eu-west-1' },
        },
      },
      status: { validation: 'Success' },
    },
    ...chartNetworkPolicies(ns),
    ...kastenWorkloads(ns),
  ];
  if (sc.scenario !== 'no-uwm') {
    objs.push(
      namespaceObject('openshift-user-workload-monitoring', {
        name: 'openshift-user-workload-monitoring',
        'openshift.io/cluster-monitoring': 'true',
        'network.openshift.io/policy-group': 'monitoring',
      }),
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'cluster-monitoring-config', namespace: 'openshift-monitoring' },
        data: { 'config.yaml': 'enableUserWorkload: true\n' },
      },
      ...userWorkloadPrometheusPods(),
    );
  }
  if (sc.scenario !== 'no-networkpolicy') objs.push(monitoringPolicy(ns, sc.scenario === 'seed-networkpolicy'));
  if (sc.scenario !== 'no-servicemonitor') {
    objs.push({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'catalog', namespace: ns, labels: { 'k8s-app': 'kasten-io' } },
      spec: {
        endpoints: [{ interval: '30s', port: 'http', scheme: 'http' }],
        selector: { matchLabels: { component: 'catalog' } },
      },
    });
  }
  if (sc.scenario === 'healthy') {
    objs.push({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'kasten-alerts', namespace: ns },
      spec: {
        groups: [
          {
            name: 'kasten',
            rules: [
              {
                alert: 'KastenNewFailedActions',
                expr: 'sum by (policy) (catalog_actions_count{status="failed"}) > 0',
                labels: { severity: 'warning' },
              },
            ],
          },
        ],
      },
    });
  }
  return objs;
};

const actionName = (prefix: string, policy: string, unix: number): string => {
  let h = 2166136261;
  for (const ch of `${policy}@${unix}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return `${prefix}-${(h >>> 0).toString(36).padStart(5, '0').slice(-5)}`;
};

const actionObject = (
  sc: Scenario,
  p: SimPolicy,
  kind: 'BackupAction' | 'ExportAction',
  endUnix: number,
  state: 'Complete' | 'Failed',
): K8sObject => ({
  apiVersion: 'actions.kio.kasten.io/v1alpha1',
  kind,
  metadata: {
    name: actionName(kind === 'BackupAction' ? 'scheduled' : 'policy-export', p.name, endUnix),
    namespace: p.appNamespace,
    labels: {
      'k10.kasten.io/appName': p.appNamespace,
      'k10.kasten.io/appNamespace': p.appNamespace,
      'k10.kasten.io/policyName': p.name,
      'k10.kasten.io/policyNamespace': sc.kastenNamespace,
    },
    creationTimestamp: ISO(endUnix - 12),
  },
  spec: { subject: { kind: 'Namespace', name: p.appNamespace, namespace: p.appNamespace } },
  status: {
    state,
    startTime: ISO(endUnix - 12),
    endTime: ISO(endUnix),
    progress: state === 'Complete' ? 100 : 40,
    ...(state === 'Failed'
      ? {
          error: {
            message: 'Failed while waiting for workload to be ready',
            cause: `{"message":"Workload not ready","fields":[{"name":"workload","value":"${p.appNamespace}/failure"},{"name":"status","value":"CreateContainerError"}]}`,
          },
        }
      : { restorePoint: { name: actionName('rp', p.name, endUnix) } }),
  },
});

/** How many successful actions of each kind the API keeps per policy (older ones were garbage-collected). */
const KEPT_SUCCESSES = 3;

/** Kasten action objects at story time s, for the given application namespaces only. */
export const actionObjects = (sc: Scenario, storyStartMs: number, s: number, namespaces?: Set<string>): K8sObject[] => {
  if (sc.scenario === 'no-actions-yet') return [];
  const out: K8sObject[] = [];
  for (const p of sc.policies_) {
    // RunActions live in Kasten's namespace, so the failing runs are asked for whatever the namespace.
    if (p.failing) out.push(...failedRunObjects(sc, p, storyStartMs, s, namespaces));
    if (namespaces && !namespaces.has(p.appNamespace)) continue;
    const kinds: Array<['BackupAction' | 'ExportAction', number]> = [['BackupAction', 0]];
    if (p.exports) kinds.push(['ExportAction', EXPORT_LAG]);
    for (const [kind, lag] of kinds) {
      let t = lastSuccessTime(p, s, lag);
      for (let i = 0; i < KEPT_SUCCESSES; i++) {
        out.push(actionObject(sc, p, kind, wallClock(storyStartMs, t), 'Complete'));
        t = lastSuccessTime(p, t - lag - 1, lag);
        if (t < -24 * 3600) break;
      }
    }
  }
  return out;
};

/**
 * A long, multi-line error with a nested cause chain, as Kasten writes it: the outer `cause` is a JSON
 * string whose own `cause` is again a string, the innermost holding the real reason over several lines.
 */
export const NESTED_ACTION_ERROR = {
  message: 'Job failed to be executed',
  cause: JSON.stringify({
    message: 'Failed to snapshot volumes',
    function: 'kasten.io/k10/kio/exec/phases/phase.(*artifactManager).Snapshot',
    fields: [{ name: 'pvc', value: 'data-pacman-mongo-0' }],
    cause: JSON.stringify({
      message: [
        'Failed to create snapshot of volume pvc-6a1f "data-pacman-mongo-0":',
        'rpc error: code = FailedPrecondition desc = no VolumeSnapshotClass found for CSI driver ebs.csi.aws.com',
        `hint: annotate a VolumeSnapshotClass with k10.kasten.io/is-snapshot-class=true; see https://docs.kasten.io/latest/install/storage.html#${'csi-snapshot-class-requirements-'.repeat(4)}end`,
      ].join('\n'),
      function: 'kasten.io/k10/kio/kube/volume.CreateSnapshot',
    }),
  }),
};

/**
 * The failing policy's failed runs, one per live failure of the story (the metrics count the same
 * BackupActions): a Failed BackupAction in the application namespace and a Failed RunAction in Kasten's.
 * Failures alternate between two kinds, so any two in a row (what the garbage collector keeps) show
 * both: a hostile name (quotes, unicode) with the long nested error, and an action with no error at all.
 */
const failedRunObjects = (
  sc: Scenario,
  p: SimPolicy,
  storyStartMs: number,
  s: number,
  namespaces?: Set<string>,
): K8sObject[] => {
  const all = failureTimes(s);
  const out: K8sObject[] = [];
  for (const t of failedCounts(s).liveTimes) {
    const k = all.indexOf(t);
    const endUnix = wallClock(storyStartMs, t);
    const backup = actionObject(sc, p, 'BackupAction', endUnix, 'Failed');
    const hostile = k % 2 === 0;
    backup.metadata.name = hostile
      ? `${actionName('scheduled', p.name, endUnix)}-"quoted"-ünïcødé-漢字`
      : backup.metadata.name;
    const status = backup.status as Record<string, unknown>;
    if (hostile) status.error = NESTED_ACTION_ERROR;
    else delete status.error;
    if (!namespaces || namespaces.has(p.appNamespace)) out.push(backup);
    if (!namespaces || namespaces.has(sc.kastenNamespace))
      out.push({
        apiVersion: 'actions.kio.kasten.io/v1alpha1',
        kind: 'RunAction',
        metadata: {
          name: actionName('policy-run', p.name, endUnix),
          namespace: sc.kastenNamespace,
          labels: { 'k10.kasten.io/policyName': p.name, 'k10.kasten.io/policyNamespace': sc.kastenNamespace },
          creationTimestamp: ISO(endUnix - 15),
        },
        spec: { subject: { kind: 'Policy', name: p.name, namespace: sc.kastenNamespace } },
        status: {
          state: 'Failed',
          startTime: ISO(endUnix - 15),
          endTime: ISO(endUnix + 1),
          error: {
            message: 'Policy run failed',
            cause: JSON.stringify({ message: `1 of 1 actions failed: BackupAction ${backup.metadata.name}` }),
          },
        },
      });
  }
  return out;
};

/**
 * Kasten's RestorePoints at story time s: one per successful backup the policy still retains (the
 * newest KEPT_SUCCESSES here), in the application namespace, named as its BackupAction's
 * `status.restorePoint.name`, labelled like Kasten labels them, created when the backup ended.
 */
export const restorePointObjects = (
  sc: Scenario,
  storyStartMs: number,
  s: number,
  namespaces?: Set<string>,
): K8sObject[] => {
  if (sc.scenario === 'no-actions-yet') return [];
  const out: K8sObject[] = [];
  for (const p of sc.policies_) {
    if (namespaces && !namespaces.has(p.appNamespace)) continue;
    let t = lastSuccessTime(p, s);
    for (let i = 0; i < KEPT_SUCCESSES; i++) {
      const endUnix = wallClock(storyStartMs, t);
      const name = actionName('rp', p.name, endUnix);
      out.push({
        apiVersion: 'apps.kio.kasten.io/v1alpha1',
        kind: 'RestorePoint',
        metadata: {
          name,
          namespace: p.appNamespace,
          labels: {
            'k10.kasten.io/appName': p.appNamespace,
            'k10.kasten.io/appNamespace': p.appNamespace,
            'k10.kasten.io/policyName': p.name,
            'k10.kasten.io/policyNamespace': sc.kastenNamespace,
            'k10.kasten.io/isRunNow': 'false',
          },
          creationTimestamp: ISO(endUnix),
        },
        spec: { restorePointContentRef: { name: `${p.appNamespace}-${name}` } },
        status: { actionTime: ISO(endUnix - 12), logicalSize: 0, physicalSize: 0 },
      });
      t = lastSuccessTime(p, t - 1);
      if (t < -24 * 3600) break;
    }
  }
  return out;
};
