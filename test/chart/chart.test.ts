/**
 * The Helm chart, rendered by the real helm v3 over a matrix of values: secure defaults on every
 * container, TLS wiring, the ConsolePlugin, enabling in the console, the settings passed to the
 * plugin, and the Kasten wiring and alerts present only when asked for, in Kasten's namespace.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { chartQueriesText, CHART_QUERIES_FILE } from '../../scripts/gen-chart-rules';
import { actionCountsByStatus, newFailedActions } from '../../src/promql/actions';
import {
  LEAF_PROMETHEUS_LABELS,
  kastenAlertRules,
  recoveryPointRules,
  type KastenAlertRule,
  type KastenRecordingRuleSpec,
} from '../../src/promql/alerts';
import { DEFAULT_QUERY_CONFIG, type KastenQueryConfig } from '../../src/promql/config';
import { kastenTargetsUp } from '../../src/promql/health';
import { kastenCpuCores, kastenMemoryBytes, pvcUsedPercent } from '../../src/promql/resources';
import { networkPolicyFix } from '../../src/checks/remediation';
import {
  allStrings,
  BASE_VALUES,
  CHART_DIR,
  findKey,
  helmVersion,
  merge,
  only,
  parseObjects,
  RELEASE_NAMESPACE,
  render,
  renderText,
  ROOT,
  runHelm,
  type K8sObject,
  type Values,
} from './helm';

// Each case runs the helm binary; a busy machine makes that slow, not wrong.
jest.setTimeout(60_000);

const PLUGIN = 'kasten-console-plugin';

const ALL_ON: Values = {
  monitoring: {
    networkPolicy: { enabled: true },
    serviceMonitors: { enabled: true, components: ['catalog', 'controllermanager', 'metering'] },
    servicemonitorEditor: { enabled: true, users: ['alice'], groups: ['backup-admins'] },
    prometheusRule: { enabled: true, additionalLabels: { team: 'storage' } },
    dashboard: { enabled: true },
  },
};

const CUSTOM_NS = 'backup-system';
const CUSTOM: Values = {
  ...ALL_ON,
  kasten: { namespace: CUSTOM_NS },
  thresholds: {
    memoryThresholdBytes: 4294967296,
    catalogPvcUsedPercentThreshold: 75.5,
    cpuThresholdCores: 1.5,
    newFailuresWindow: '1h',
    recoveryPointMaxAgeSeconds: 86400,
  },
  monitoring: { ...(ALL_ON.monitoring as Values), scrapeInterval: '1m' },
};

interface PodOwner {
  obj: K8sObject;
  pod: {
    securityContext?: Record<string, unknown>;
    containers: Array<Record<string, unknown>>;
    volumes?: Array<Record<string, unknown>>;
  };
}

/** Deployments, Jobs and bare Pods with their pod spec. */
const podSpecs = (objects: K8sObject[]): PodOwner[] =>
  objects.flatMap((obj) => {
    if (obj.kind === 'Pod') return [{ obj, pod: obj.spec as PodOwner['pod'] }];
    if (obj.kind === 'Deployment' || obj.kind === 'Job') {
      const template = (obj.spec as { template: { spec: PodOwner['pod'] } }).template;
      return [{ obj, pod: template.spec }];
    }
    return [];
  });

const deployment = (objects: K8sObject[]) => only(objects, 'Deployment', PLUGIN);
const nginx = (objects: K8sObject[]) => podSpecs([deployment(objects)])[0]!.pod.containers[0]!;
const pluginConfig = (objects: K8sObject[]): unknown =>
  JSON.parse(only(objects, 'ConfigMap', `${PLUGIN}-config`).data!['plugin-config.json']!);
const nginxConf = (objects: K8sObject[]): string => only(objects, 'ConfigMap', `${PLUGIN}-nginx`).data!['nginx.conf']!;

const MATRIX: Array<[string, Values]> = [
  ['default values', {}],
  ['all options on', ALL_ON],
  ['custom namespace and thresholds', CUSTOM],
  [
    'not enabled in the console, no plugin NetworkPolicy',
    { plugin: { enableInConsole: false, networkPolicy: { enabled: false } } },
  ],
];

describe('helm', () => {
  test('is helm v3 (the binary the tests run)', () => {
    expect(helmVersion()).toMatch(/^v3\./);
  });

  // The source chart carries no build (scripts/package-chart.sh adds it), so it is linted in its image mode here;
  // test/chart/package.test.ts lints the package with default values.
  test.each([
    ['an image', BASE_VALUES],
    ['an image and all options on', merge(BASE_VALUES, ALL_ON)],
  ])('helm lint --strict passes with %s', (_name, values) => {
    const res = runHelm(['lint', '--strict', '--kube-version', '1.35.0', CHART_DIR], values);
    expect(res.stderr + res.stdout).toContain('0 chart(s) failed');
    expect(res.status).toBe(0);
  });

  test('Chart.yaml has the certification basics: kubeVersion, name annotation, schema, test pod, NOTES', () => {
    const chart = fs.readFileSync(path.join(CHART_DIR, 'Chart.yaml'), 'utf8');
    expect(chart).toMatch(/^apiVersion: v2$/m);
    expect(chart).toMatch(/^kubeVersion: ">=1\.35\.0-0"$/m);
    expect(chart).toMatch(/^ {2}charts\.openshift\.io\/name: \S/m);
    for (const f of ['values.schema.json', 'templates/NOTES.txt', 'README.md'])
      expect(fs.existsSync(path.join(CHART_DIR, f))).toBe(true);
    const testPod = render().filter((o) => o.metadata.annotations?.['helm.sh/hook'] === 'test');
    expect(testPod.map((o) => o.kind)).toEqual(['Pod']);
  });

  test('refuses a cluster older than OpenShift 4.22 (Kubernetes 1.35)', () => {
    const res = runHelm([
      'template',
      'kcp',
      CHART_DIR,
      '--kube-version',
      '1.34.0',
      '--set',
      'plugin.image.repository=quay.io/x/y',
    ]);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/kubeVersion/);
  });
});

describe.each(MATRIX)('rendered with %s', (_name, values) => {
  const objects = render(values);

  test('every container runs non-root, read-only, without capabilities, under RuntimeDefault seccomp, with requests and limits', () => {
    const owners = podSpecs(objects);
    expect(owners.length).toBeGreaterThanOrEqual(2);
    for (const { obj, pod } of owners) {
      expect({ kind: obj.kind, sc: pod.securityContext }).toEqual({
        kind: obj.kind,
        sc: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      });
      for (const c of pod.containers) {
        expect(c.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          runAsNonRoot: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        });
        const res = c.resources as { requests: Record<string, unknown>; limits: Record<string, unknown> };
        expect(Object.keys(res.requests).sort()).toEqual(['cpu', 'memory']);
        expect(res.limits.memory).toBeDefined();
      }
    }
  });

  test('no fixed UID or GID anywhere (restricted-v2 assigns them)', () => {
    for (const key of ['runAsUser', 'runAsGroup', 'fsGroup', 'privileged', 'hostNetwork', 'hostPath'])
      expect(findKey(objects, key)).toEqual([]);
  });

  test('nginx serves TLS on 9443 with the service-serving certificate, probed over HTTPS', () => {
    const svc = only(objects, 'Service', PLUGIN);
    const secretName = svc.metadata.annotations?.['service.beta.openshift.io/serving-cert-secret-name'];
    expect(secretName).toBe(`${PLUGIN}-cert`);
    expect((svc.spec as { ports: unknown[] }).ports).toEqual([
      { name: 'https', port: 9443, targetPort: 'https', protocol: 'TCP' },
    ]);

    const pod = podSpecs([deployment(objects)])[0]!.pod;
    expect(pod.volumes).toContainEqual({ name: 'serving-cert', secret: { secretName, defaultMode: 0o440 } });
    const c = nginx(objects);
    expect(c.ports).toEqual([{ name: 'https', containerPort: 9443, protocol: 'TCP' }]);
    expect(c.volumeMounts).toContainEqual({ name: 'serving-cert', mountPath: '/var/cert', readOnly: true });
    // Read-only root: nginx writes its pid and temp files into this emptyDir only.
    expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    for (const probe of ['readinessProbe', 'livenessProbe']) {
      expect(c[probe]).toMatchObject({ httpGet: { path: '/plugin-manifest.json', port: 'https', scheme: 'HTTPS' } });
    }
    const conf = nginxConf(objects);
    expect(conf).toMatch(/^\s*listen 9443 ssl;$/m);
    expect(conf).toContain('ssl_certificate /var/cert/tls.crt;');
    expect(conf).toContain('ssl_certificate_key /var/cert/tls.key;');
    expect(conf).toMatch(/^\s*pid \/tmp\/nginx\.pid;$/m);
    expect(conf).not.toContain('__PORT__');
    // `auto` counts the node's cores, not the pod's: a big node would push nginx past its memory limit.
    expect(conf).toMatch(/^worker_processes [1-4];$/m);
  });

  test('nginx serves the stored .gz files to every client, caches hashed bundles for long and never the rest', () => {
    const conf = nginxConf(objects);
    expect(conf).toMatch(/^\s*gzip on;$/m);
    expect(conf).toMatch(/^\s*gzip_static always;$/m);
    expect(conf).toMatch(/^\s*gunzip on;$/m);
    const types = conf.match(/^\s*gzip_types (.*);$/m)?.[1]?.split(/\s+/) ?? [];
    expect(types).toEqual(expect.arrayContaining(['application/javascript', 'application/json']));
    expect(conf).toContain('~\\.min\\.js$ "public, max-age=31536000, immutable";');
    expect(conf).toContain('default "no-cache";');
    const block = (loc: string): string => conf.slice(conf.indexOf(`location ${loc}`)).split('}')[0] ?? '';
    expect(block('= /plugin-config.json')).toContain('alias /etc/kasten-console-plugin/config/plugin-config.json;');
    expect(nginx(objects).volumeMounts).toContainEqual({
      name: 'plugin-config',
      mountPath: '/etc/kasten-console-plugin/config',
      readOnly: true,
    });
  });

  test('the ConsolePlugin points at the Service on 9443 with Preload i18n, under the name the build uses', () => {
    const cp = only(objects, 'ConsolePlugin');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      consolePlugin: { name: string; displayName: string };
    };
    expect(cp.apiVersion).toBe('console.openshift.io/v1');
    expect(cp.metadata.name).toBe(pkg.consolePlugin.name);
    expect(cp.metadata.namespace).toBeUndefined();
    expect(cp.spec).toEqual({
      displayName: 'Kasten',
      i18n: { loadType: 'Preload' },
      backend: { type: 'Service', service: { name: PLUGIN, namespace: RELEASE_NAMESPACE, port: 9443, basePath: '/' } },
    });
    expect(pkg.consolePlugin.displayName).toBe('Kasten');
  });

  test('namespaced plugin objects live in the release namespace', () => {
    for (const kind of ['Deployment', 'Service', 'ConfigMap']) {
      for (const o of objects.filter((x) => x.kind === kind && x.metadata.namespace !== 'openshift-config-managed')) {
        expect(`${kind}/${o.metadata.name} in ${o.metadata.namespace}`).toBe(
          `${kind}/${o.metadata.name} in ${RELEASE_NAMESPACE}`,
        );
      }
    }
  });

  test('a change of settings rolls the pods (config checksum on the pod template)', () => {
    const annotations = (
      deployment(objects).spec as { template: { metadata: { annotations: Record<string, string> } } }
    ).template.metadata.annotations;
    expect(annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('enabling the plugin in the console', () => {
  const objects = render();
  const jobs = objects.filter((o) => o.kind === 'Job');

  test('a post-install/post-upgrade Job adds it and a pre-delete Job removes it, both deleted when they succeed', () => {
    const byHook = Object.fromEntries(jobs.map((j) => [j.metadata.annotations?.['helm.sh/hook'], j]));
    expect(Object.keys(byHook).sort()).toEqual(['post-install,post-upgrade', 'pre-delete']);
    for (const j of jobs)
      expect(j.metadata.annotations?.['helm.sh/hook-delete-policy']).toBe('before-hook-creation,hook-succeeded');
    const command = (j: K8sObject) => podSpecs([j])[0]!.pod.containers[0]!.command as string[];
    expect(command(byHook['post-install,post-upgrade']!).slice(-2)).toEqual(['enable', PLUGIN]);
    expect(command(byHook['pre-delete']!).slice(-2)).toEqual(['disable', PLUGIN]);
    // The script the Jobs run is the one test/chart/console-plugins.test.ts exercises.
    expect(command(jobs[0]!)[2]).toBe(fs.readFileSync(path.join(CHART_DIR, 'files/console-plugins.sh'), 'utf8'));
  });

  test('the Jobs run as a ServiceAccount that may only get and patch consoles.operator.openshift.io/cluster', () => {
    const sa = only(objects, 'ServiceAccount');
    for (const j of jobs) expect(podSpecs([j])[0]!.pod).toMatchObject({ serviceAccountName: sa.metadata.name });
    const role = only(objects, 'ClusterRole');
    expect(role.rules).toEqual([
      {
        apiGroups: ['operator.openshift.io'],
        resources: ['consoles'],
        resourceNames: ['cluster'],
        verbs: ['get', 'patch'],
      },
    ]);
    const binding = only(objects, 'ClusterRoleBinding');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: sa.metadata.name, namespace: RELEASE_NAMESPACE },
    ]);
  });

  test('the ServiceAccount and its RBAC are hook objects: created before each Job, deleted once the hooks ran', () => {
    const weight = (o: K8sObject) => Number(o.metadata.annotations?.['helm.sh/hook-weight'] ?? '0');
    const events = (o: K8sObject) => (o.metadata.annotations?.['helm.sh/hook'] ?? '').split(',').sort();
    const rbac = ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding'].map((k) => only(objects, k));
    for (const o of rbac) {
      // Every event that runs a Job: the objects exist only while those hooks run.
      expect(`${o.kind} ${events(o).join(',')}`).toBe(`${o.kind} post-install,post-upgrade,pre-delete`);
      // Helm deletes hook-succeeded objects after the event's hooks, and also when a later hook failed.
      expect(o.metadata.annotations?.['helm.sh/hook-delete-policy']).toBe('before-hook-creation,hook-succeeded');
      for (const j of jobs) expect(weight(o)).toBeLessThan(weight(j));
    }
    // The binding names the ServiceAccount and the ClusterRole, so both come first.
    const [sa, role, binding] = rbac as [K8sObject, K8sObject, K8sObject];
    expect(weight(sa)).toBeLessThan(weight(binding));
    expect(weight(role)).toBeLessThan(weight(binding));
    // Nothing that may patch the console is a plain release object.
    expect(
      objects.filter(
        (o) =>
          ['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Job'].includes(o.kind) &&
          !o.metadata.annotations?.['helm.sh/hook'],
      ),
    ).toEqual([]);
  });

  test('plugin.enableInConsole=false renders no Job, ServiceAccount or cluster RBAC', () => {
    const off = render({ plugin: { enableInConsole: false } });
    expect(off.filter((o) => ['Job', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding'].includes(o.kind))).toEqual(
      [],
    );
  });
});

describe('availability and images', () => {
  test('a PodDisruptionBudget keeps one of the two replicas serving while a node drains', () => {
    const objects = render();
    const pdb = only(objects, 'PodDisruptionBudget');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.metadata.namespace).toBe(RELEASE_NAMESPACE);
    expect((deployment(objects).spec as { replicas: number }).replicas).toBe(2);
    expect(pdb.spec).toEqual({
      minAvailable: 1,
      selector: (deployment(objects).spec as { selector: unknown }).selector,
    });
  });

  test('a single replica gets no PodDisruptionBudget (it would block every drain)', () => {
    expect(render({ plugin: { replicas: 1 } }).filter((o) => o.kind === 'PodDisruptionBudget')).toEqual([]);
  });

  // A pinned reference: a digest, or a numbered Red Hat build tag; never a moving tag such as latest.
  const PINNED =
    /^[a-z0-9.\/_-]+(:[0-9][A-Za-z0-9_.-]*-[0-9]{6,}(@sha256:[a-f0-9]{64})?|(:[A-Za-z0-9_.-]+)?@sha256:[a-f0-9]{64})$/;

  test('the default images are pinned: the hook image and the stock nginx by digest, no :latest', () => {
    const values = yaml.load(fs.readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8')) as {
      plugin: { cliImage: string; nginxImage: string };
    };
    expect(values.plugin.cliImage).toMatch(
      /^registry\.redhat\.io\/openshift4\/ose-cli-rhel9:v4\.22@sha256:[a-f0-9]{64}$/,
    );
    expect(values.plugin.nginxImage).toMatch(
      /^registry\.access\.redhat\.com\/ubi9\/nginx-124:[0-9.]+-[0-9]+@sha256:[a-f0-9]{64}$/,
    );
    const jobImages = render()
      .filter((o) => o.kind === 'Job')
      .map((j) => podSpecs([j])[0]!.pod.containers[0]!.image);
    expect(jobImages).toEqual([values.plugin.cliImage, values.plugin.cliImage]);
    for (const image of [values.plugin.cliImage, values.plugin.nginxImage]) expect(image).toMatch(PINNED);
  });

  test('the Dockerfile bases are pinned, the nginx base to the image the chart runs by default', () => {
    const froms = [...fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^FROM (\S+)/gm)].map(
      (m) => m[1]!,
    );
    expect(froms).toHaveLength(2);
    for (const image of froms) {
      expect(image).not.toMatch(/:latest\b/);
      expect(image).toMatch(PINNED);
    }
    const values = yaml.load(fs.readFileSync(path.join(CHART_DIR, 'values.yaml'), 'utf8')) as {
      plugin: { nginxImage: string };
    };
    expect(froms[1]).toBe(values.plugin.nginxImage);
  });

  test('nginx sends X-Content-Type-Options: nosniff and the cache headers from the server level only', () => {
    const conf = nginxConf(render());
    expect(conf).toMatch(/^ {4}add_header X-Content-Type-Options nosniff always;$/m);
    // A location with its own add_header would silently drop the server's headers for its files.
    expect(conf.match(/^\s*add_header /gm)).toHaveLength(2);
  });
});

describe('plugin NetworkPolicy', () => {
  test('admits only the console namespace (and the chart test pod) to the plugin port', () => {
    const np = only(render(), 'NetworkPolicy');
    expect(np.metadata.namespace).toBe(RELEASE_NAMESPACE);
    expect(np.spec).toEqual({
      podSelector: {
        matchLabels: {
          'app.kubernetes.io/name': PLUGIN,
          'app.kubernetes.io/instance': 'kcp',
          'app.kubernetes.io/component': 'plugin',
        },
      },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-console' } } },
            {
              podSelector: {
                matchLabels: { 'app.kubernetes.io/instance': 'kcp', 'app.kubernetes.io/component': 'chart-test' },
              },
            },
          ],
          ports: [{ port: 'https', protocol: 'TCP' }],
        },
      ],
    });
    const testPod = only(render(), 'Pod');
    expect(testPod.metadata.labels).toMatchObject({
      'app.kubernetes.io/instance': 'kcp',
      'app.kubernetes.io/component': 'chart-test',
    });
  });
});

describe('settings passed to the plugin (/plugin-config.json)', () => {
  test('defaults: the exact shape the plugin reads', () => {
    const text = only(render(), 'ConfigMap', `${PLUGIN}-config`).data!['plugin-config.json'];
    expect(text).toBe(
      '{"kastenNamespace":"kasten-io","memoryThresholdBytes":3221225472,"catalogPvcUsedPercentThreshold":50,"cpuThresholdCores":2,"newFailuresWindow":"10m","recoveryPointMaxAgeSeconds":93600,"scrapeResolution":"30s"}',
    );
  });

  test('values flow through with their types', () => {
    expect(pluginConfig(render(CUSTOM))).toEqual({
      kastenNamespace: CUSTOM_NS,
      memoryThresholdBytes: 4294967296,
      catalogPvcUsedPercentThreshold: 75.5,
      cpuThresholdCores: 1.5,
      newFailuresWindow: '1h',
      recoveryPointMaxAgeSeconds: 86400,
      // The page counts rises at the same step as the alerts, so both agree on what is new.
      scrapeResolution: '1m',
    });
  });
});

describe('Kasten wiring', () => {
  const KASTEN_KINDS = ['ServiceMonitor', 'PrometheusRule', 'RoleBinding'];

  test('by default nothing is created in the Kasten namespace, and no alerts, RBAC or dashboard', () => {
    const objects = render();
    expect(objects.filter((o) => o.metadata.namespace === 'kasten-io')).toEqual([]);
    expect(objects.filter((o) => [...KASTEN_KINDS, 'Role'].includes(o.kind))).toEqual([]);
    expect(
      objects.filter(
        (o) => o.metadata.name === 'servicemonitor-editor' || o.metadata.namespace === 'openshift-config-managed',
      ),
    ).toEqual([]);
  });

  test('the monitoring NetworkPolicy admits only the user-workload Prometheus pods to the scraped components, from and ports in ONE ingress item', () => {
    const np = only(render(ALL_ON), 'NetworkPolicy', 'allow-openshift-user-workload-monitoring');
    expect(np.metadata.namespace).toBe('kasten-io');
    expect(np.spec).toEqual({
      podSelector: {
        matchExpressions: [{ key: 'component', operator: 'In', values: ['catalog', 'controllermanager', 'metering'] }],
      },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' },
              },
              podSelector: {
                matchLabels: { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/instance': 'user-workload' },
              },
            },
          ],
          ports: [{ port: 'http', protocol: 'TCP' }],
        },
      ],
    });
    // The manual procedure's bug: an item with ports and no `from` admits every source.
    for (const item of (np.spec as { ingress: Array<Record<string, unknown>> }).ingress)
      expect(item.from).toBeDefined();
  });

  test.each([[['catalog']], [['catalog', 'executor']], [['catalog', 'controllermanager', 'metering']]])(
    'the chart and the Setup fix make one choice of pods and peers (components %j)',
    (components) => {
      const np = only(
        render({
          kasten: { namespace: CUSTOM_NS },
          monitoring: { networkPolicy: { enabled: true }, serviceMonitors: { enabled: false, components } },
        }),
        'NetworkPolicy',
        'allow-openshift-user-workload-monitoring',
      );
      const fix = networkPolicyFix(CUSTOM_NS, components).resource.data as K8sObject;
      expect(np.spec).toEqual(fix.spec);
      expect([np.metadata.name, np.metadata.namespace]).toEqual([fix.metadata.name, fix.metadata.namespace]);
    },
  );

  test('one ServiceMonitor per listed component, port http, at the scrape interval', () => {
    const sms = render(ALL_ON).filter((o) => o.kind === 'ServiceMonitor');
    expect(sms.map((s) => [s.metadata.name, s.metadata.namespace, s.spec])).toEqual(
      ['catalog', 'controllermanager', 'metering'].map((c) => [
        `kasten-${c}`,
        'kasten-io',
        { selector: { matchLabels: { component: c } }, endpoints: [{ port: 'http', scheme: 'http', interval: '30s' }] },
      ]),
    );
    expect(
      render({ monitoring: { serviceMonitors: { enabled: true } } })
        .filter((o) => o.kind === 'ServiceMonitor')
        .map((s) => s.metadata.name),
    ).toEqual(['kasten-catalog']);
  });

  test('servicemonitor-editor: ServiceMonitor verbs only, bound in the Kasten namespace to the listed users and groups', () => {
    const objects = render(ALL_ON);
    const role = only(objects, 'ClusterRole', 'servicemonitor-editor');
    expect(role.rules).toEqual([
      {
        apiGroups: ['monitoring.coreos.com'],
        resources: ['servicemonitors'],
        verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
      },
    ]);
    const binding = only(objects, 'RoleBinding', 'servicemonitor-editor');
    expect(binding.metadata.namespace).toBe('kasten-io');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'servicemonitor-editor',
    });
    expect(binding.subjects).toEqual([
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' },
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'backup-admins' },
    ]);
  });

  test('each switch turns on only its own objects', () => {
    const base = render().length;
    const cases: Array<[Values, string[]]> = [
      [
        { monitoring: { networkPolicy: { enabled: true } } },
        ['NetworkPolicy/allow-openshift-user-workload-monitoring'],
      ],
      [{ monitoring: { serviceMonitors: { enabled: true } } }, ['ServiceMonitor/kasten-catalog']],
      [
        { monitoring: { servicemonitorEditor: { enabled: true, groups: ['g'] } } },
        ['ClusterRole/servicemonitor-editor', 'RoleBinding/servicemonitor-editor'],
      ],
      [
        { monitoring: { prometheusRule: { enabled: true } } },
        [`PrometheusRule/${PLUGIN}`, `PrometheusRule/${PLUGIN}-recovery-points`],
      ],
      [{ monitoring: { dashboard: { enabled: true } } }, ['ConfigMap/kasten-dashboard-kcp']],
    ];
    const names = new Set(render().map((o) => `${o.kind}/${o.metadata.name}`));
    for (const [values, added] of cases) {
      const objects = render(values);
      expect(objects.length).toBe(base + added.length);
      expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).filter((n) => !names.has(n))).toEqual(added);
    }
  });

  test('the Kasten namespace value is honoured everywhere: no trace of kasten-io when it is changed', () => {
    const objects = render(CUSTOM);
    expect(allStrings(objects).filter((s) => s.includes('kasten-io'))).toEqual([]);
    for (const kind of KASTEN_KINDS) {
      const found = objects.filter((o) => o.kind === kind);
      expect(found.length).toBeGreaterThan(0);
      for (const o of found) expect(o.metadata.namespace).toBe(CUSTOM_NS);
    }
    expect(only(objects, 'NetworkPolicy', 'allow-openshift-user-workload-monitoring').metadata.namespace).toBe(
      CUSTOM_NS,
    );
    for (const rule of objects.filter((o) => o.kind === 'PrometheusRule'))
      for (const expr of findKey(rule.spec, 'expr')) expect(expr).toContain(`namespace="${CUSTOM_NS}"`);
    expect(pluginConfig(objects)).toMatchObject({ kastenNamespace: CUSTOM_NS });
    const dashboard = JSON.parse(only(objects, 'ConfigMap', 'kasten-dashboard-kcp').data!['kasten.json']!) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    for (const p of dashboard.panels) expect(p.targets[0]!.expr).toContain(`namespace="${CUSTOM_NS}"`);
  });
});

describe('alert rules come from src/promql', () => {
  test('files/kasten-queries.json is what scripts/gen-chart-rules.ts generates now (no drift)', () => {
    expect(fs.readFileSync(CHART_QUERIES_FILE, 'utf8')).toBe(chartQueriesText());
  });

  const ruleCases: Array<[string, Values, KastenQueryConfig, string, number]> = [
    ['defaults', {}, DEFAULT_QUERY_CONFIG, '10m', 93600],
    [
      'custom values',
      CUSTOM,
      {
        ...DEFAULT_QUERY_CONFIG,
        kastenNamespace: CUSTOM_NS,
        scrapeResolution: '1m',
        memoryThresholdBytes: 4294967296,
        catalogPvcUsedPercentThreshold: 75.5,
        cpuThresholdCores: 1.5,
      },
      '1h',
      86400,
    ],
    [
      'a max age in weeks',
      { thresholds: { recoveryPointMaxAgeSeconds: 1209600 } },
      DEFAULT_QUERY_CONFIG,
      '10m',
      1209600,
    ],
    [
      'a max age in odd seconds',
      { thresholds: { recoveryPointMaxAgeSeconds: 90061 } },
      DEFAULT_QUERY_CONFIG,
      '10m',
      90061,
    ],
    [
      'a max age in minutes',
      { thresholds: { recoveryPointMaxAgeSeconds: 5400, newFailuresWindow: '90s' } },
      DEFAULT_QUERY_CONFIG,
      '90s',
      5400,
    ],
  ];

  test.each(ruleCases)(
    'the PrometheusRule equals kastenAlertRules(cfg) for %s',
    (_name, values, cfg, window, maxAge) => {
      const objects = render({
        ...values,
        monitoring: {
          ...((values.monitoring as Values | undefined) ?? {}),
          prometheusRule: { enabled: true, recoveryPoint: { policies: { 'weekly-policy': 665880, 'on-demand': 0 } } },
        },
      });
      const rule = only(objects, 'PrometheusRule', PLUGIN);
      expect(rule.metadata.namespace).toBe(cfg.kastenNamespace);
      const groups = (rule.spec as { groups: Array<{ name: string; rules: Array<Record<string, unknown>> }> }).groups;
      expect(groups.map((g) => g.name)).toEqual(['kasten']);
      const recovery = only(objects, 'PrometheusRule', `${PLUGIN}-recovery-points`);
      expect(recovery.metadata.namespace).toBe(cfg.kastenNamespace);
      expect(recovery.metadata.labels).toMatchObject(LEAF_PROMETHEUS_LABELS);
      const asRendered = (r: KastenAlertRule | KastenRecordingRuleSpec) =>
        'alert' in r
          ? {
              alert: r.alert,
              expr: r.expr,
              for: r.for,
              labels: { severity: r.severity },
              annotations: { summary: r.summary, description: r.description },
            }
          : r;
      expect(recovery.spec).toEqual({
        groups: recoveryPointRules(cfg, maxAge, { 'weekly-policy': 665880, 'on-demand': 0 }).map((g) => ({
          ...g,
          rules: g.rules.map(asRendered),
        })),
      });
      const expected = kastenAlertRules(cfg, window).map((r) => ({
        alert: r.alert,
        expr: r.expr,
        for: r.for,
        labels: { severity: r.severity },
        annotations: { summary: r.summary, description: r.description },
      }));
      expect(groups[0]!.rules).toEqual(expected);
    },
  );

  test('additional labels reach every alert', () => {
    const rules = render(ALL_ON).filter((o) => o.kind === 'PrometheusRule');
    expect(rules).toHaveLength(2);
    for (const labels of rules.flatMap((rule) => findKey(rule.spec, 'labels')))
      expect(labels).toMatchObject({ team: 'storage', severity: expect.stringMatching(/^(warning|critical)$/) });
  });

  test('the dashboard panels run the page builders for the same values', () => {
    const objects = render(CUSTOM);
    const cm = only(objects, 'ConfigMap', 'kasten-dashboard-kcp');
    expect(cm.metadata.namespace).toBe('openshift-config-managed');
    expect(cm.metadata.labels?.['console.openshift.io/dashboard']).toBe('true');
    const dashboard = JSON.parse(cm.data!['kasten.json']!) as {
      title: string;
      panels: Array<{ type: string; targets: Array<{ expr: string }> }>;
    };
    const cfg: KastenQueryConfig = { ...DEFAULT_QUERY_CONFIG, kastenNamespace: CUSTOM_NS, scrapeResolution: '1m' };
    expect(dashboard.title).toBe('Kasten');
    expect(dashboard.panels.map((p) => p.targets[0]!.expr)).toEqual([
      actionCountsByStatus(cfg),
      newFailedActions(cfg, '1h'),
      kastenMemoryBytes(cfg),
      kastenCpuCores(cfg),
      pvcUsedPercent(cfg, 'catalog'),
      kastenTargetsUp(cfg),
    ]);
    for (const p of dashboard.panels) expect(['graph', 'singlestat']).toContain(p.type);
  });
});

describe('output size', () => {
  test('helm template output, default values and all options on', () => {
    const sizes = { default: Buffer.byteLength(renderText()), allOn: Buffer.byteLength(renderText(ALL_ON)) };
    // Reported figures (printed, not asserted exactly): the chart's rendered size.
    console.log(`helm template output: default values ${sizes.default} bytes, all options on ${sizes.allOn} bytes`);
    expect(sizes.allOn).toBeGreaterThan(sizes.default);
    expect(parseObjects(renderText(ALL_ON)).length).toBeGreaterThan(parseObjects(renderText()).length);
  });
});
