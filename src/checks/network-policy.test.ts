import { load } from 'js-yaml';
import {
  ASSUMED_CATALOG_POD_LABELS,
  DEFAULT_METRICS_PORT,
  USER_WORKLOAD_PROMETHEUS_POD_LABELS,
  checkNetworkPolicy,
  evaluateIngress,
  type MetricsEndpoint,
  type NetworkPolicyInputs,
  type TrafficSource,
} from './network-policy';
import { networkPolicyFix } from './remediation';
import type { NetworkPolicyObject } from './types';

interface PatchOp {
  op: string;
  path: string;
  value?: unknown;
}

/** The JSON patch inside an `oc patch --type=json -p '...'` command. */
const patchOf = (command: string): PatchOp[] => JSON.parse(/-p '(.*)'$/.exec(command)?.[1] ?? 'null') as PatchOp[];

/** RFC 6902 `test` and `replace` as the API server applies them: a failed test rejects the whole patch. */
const applyPatch = (obj: NetworkPolicyObject, ops: PatchOp[]): NetworkPolicyObject => {
  const copy = JSON.parse(JSON.stringify(obj)) as NetworkPolicyObject;
  for (const { op, path, value } of ops) {
    const keys = path.split('/').slice(1);
    const last = keys.pop() ?? '';
    let parent: Record<string, unknown> = copy as unknown as Record<string, unknown>;
    for (const k of keys) parent = parent[k] as Record<string, unknown>;
    if (op === 'test' && JSON.stringify(parent[last]) !== JSON.stringify(value))
      throw new Error(`test failed at ${path}`);
    if (op === 'replace') parent[last] = value;
    if (op !== 'test' && op !== 'replace') throw new Error(`unexpected op ${op}`);
  }
  return copy;
};

const t = (key: string, o?: Record<string, unknown>) =>
  key.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(o?.[k]));

const NS = 'kasten-io';
const catalog: MetricsEndpoint = {
  podLabels: { labels: { app: 'k10', component: 'catalog', release: 'k10', run: 'catalog-svc' }, complete: true },
  port: DEFAULT_METRICS_PORT,
};
/** The labels openshift-user-workload-monitoring has on a cluster. */
const uwmLabels = {
  labels: {
    'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring',
    name: 'openshift-user-workload-monitoring',
    'network.openshift.io/policy-group': 'monitoring',
  },
  complete: true,
};
const uwmNameOnly = {
  labels: { 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' },
  complete: false,
};
const source: TrafficSource = {
  namespace: 'openshift-user-workload-monitoring',
  namespaceLabels: uwmLabels,
  podLabels: USER_WORKLOAD_PROMETHEUS_POD_LABELS,
};

const policy = (name: string, spec: NetworkPolicyObject['spec']): NetworkPolicyObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: NS },
  spec,
});

/** Kasten's chart: isolates every pod of its namespace. */
const defaultDeny = policy('default-deny', { podSelector: {}, policyTypes: ['Ingress'] });

/** The seed tutorial's policy, verbatim: its second item has ports and no `from`. */
const seedPolicy = policy('allow-openshift-monitoring', {
  ingress: [
    { from: [{ namespaceSelector: { matchLabels: { name: 'openshift-user-workload-monitoring' } } }] },
    { ports: [{ port: 'http', protocol: 'TCP' }] },
  ],
  podSelector: { matchLabels: { release: 'k10' } },
  policyTypes: ['Ingress'],
});

const correctPolicy = policy('allow-openshift-user-workload-monitoring', {
  podSelector: { matchLabels: { release: 'k10' } },
  policyTypes: ['Ingress'],
  ingress: [
    {
      from: [
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' } } },
      ],
      ports: [{ port: 'http', protocol: 'TCP' }],
    },
  ],
});

const withSpec = (name: string, patch: Partial<NonNullable<NetworkPolicyObject['spec']>>) =>
  policy(name, { ...correctPolicy.spec, ...patch });

const inputs = (
  policies: NetworkPolicyObject[] | undefined,
  extra: Partial<NetworkPolicyInputs> = {},
): NetworkPolicyInputs => ({
  kastenNamespace: NS,
  policies: { data: policies, loaded: true },
  endpoint: catalog,
  endpointRead: true,
  sourceNamespaceLabels: uwmLabels,
  ...extra,
});

describe('evaluateIngress', () => {
  it('admits everything when no policy isolates the pod', () => {
    expect(evaluateIngress([], catalog, source)).toMatchObject({ admitted: 'yes', isolated: 'no' });
    const egressOnly = policy('egress', { podSelector: {}, policyTypes: ['Egress'] });
    expect(evaluateIngress([egressOnly], catalog, source)).toMatchObject({ admitted: 'yes', isolated: 'no' });
  });

  it('admits nothing behind default-deny alone', () => {
    expect(evaluateIngress([defaultDeny], catalog, source)).toMatchObject({ admitted: 'no', isolated: 'yes' });
  });

  it('finds the seed policy admits, and flags its second item as open to every source', () => {
    const r = evaluateIngress([defaultDeny, seedPolicy], catalog, source);
    expect(r.admitted).toBe('yes');
    expect(r.policies.find((p) => p.name === 'allow-openshift-monitoring')?.openItems).toEqual([2]);
  });

  it('admits with the correct policy and flags nothing', () => {
    const r = evaluateIngress([defaultDeny, correctPolicy], catalog, source);
    expect(r.admitted).toBe('yes');
    expect(r.policies.flatMap((p) => p.openItems)).toEqual([]);
  });

  it('matches ports by name, number, range and protocol', () => {
    const ports = (p: NonNullable<NonNullable<NetworkPolicyObject['spec']>['ingress']>[number]['ports']) =>
      evaluateIngress(
        [defaultDeny, withSpec('p', { ingress: [{ from: correctPolicy.spec?.ingress?.[0]?.from, ports: p }] })],
        catalog,
        source,
      ).admitted;
    expect(ports([{ port: 8000 }])).toBe('yes');
    expect(ports([{ port: 7000, endPort: 8080 }])).toBe('yes');
    expect(ports([{ port: 8001, endPort: 8080 }])).toBe('no');
    expect(ports([{ protocol: 'TCP' }])).toBe('yes');
    expect(ports([{ port: 'http', protocol: 'UDP' }])).toBe('no');
    expect(ports([{ port: 'metrics' }])).toBe('no');
    expect(ports([])).toBe('yes');
  });

  it("treats a lone podSelector peer as pods of the policy's own namespace", () => {
    const samePodsOnly = withSpec('kasten-internal', {
      ingress: [{ from: [{ podSelector: { matchLabels: { release: 'k10' } } }], ports: [{ port: 'http' }] }],
    });
    expect(evaluateIngress([defaultDeny, samePodsOnly], catalog, source).admitted).toBe('no');
  });

  it('requires both namespace and pod selectors of one peer', () => {
    const nsAndPods = (podSelector: object) =>
      withSpec('p', {
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' },
                },
                podSelector,
              },
            ],
          },
        ],
      });
    expect(
      evaluateIngress([nsAndPods({ matchLabels: { 'app.kubernetes.io/name': 'prometheus' } })], catalog, source)
        .admitted,
    ).toBe('yes');
    expect(
      evaluateIngress([nsAndPods({ matchLabels: { 'app.kubernetes.io/name': 'thanos' } })], catalog, source).admitted,
    ).toBe('no');
    expect(evaluateIngress([nsAndPods({ matchLabels: { team: 'x' } })], catalog, source).admitted).toBe('unknown');
  });

  it('answers unknown when the seed-style `name` label cannot be read, and for partial IP blocks', () => {
    const firstItemOnly = withSpec('name-label', { ingress: [{ from: seedPolicy.spec?.ingress?.[0]?.from }] });
    expect(evaluateIngress([firstItemOnly], catalog, { ...source, namespaceLabels: uwmNameOnly }).admitted).toBe(
      'unknown',
    );
    expect(evaluateIngress([firstItemOnly], catalog, source).admitted).toBe('yes');
    const cidr = withSpec('cidr', { ingress: [{ from: [{ ipBlock: { cidr: '10.128.0.0/14' } }] }] });
    expect(evaluateIngress([cidr], catalog, source).admitted).toBe('unknown');
  });

  it('flags every way of opening the port to all sources', () => {
    const open = (from: object[]) =>
      evaluateIngress([withSpec('o', { ingress: [{ from, ports: [{ port: 'http' }] }] })], catalog, source);
    expect(open([{ namespaceSelector: {} }]).policies[0]?.openItems).toEqual([1]);
    expect(open([{ namespaceSelector: {}, podSelector: {} }]).policies[0]?.openItems).toEqual([1]);
    expect(open([{ ipBlock: { cidr: '0.0.0.0/0' } }]).policies[0]?.openItems).toEqual([1]);
    expect(open([{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }]).policies[0]?.openItems).toEqual([]);
    expect(open([{ namespaceSelector: {}, podSelector: { matchLabels: { a: 'b' } } }]).policies[0]?.openItems).toEqual(
      [],
    );
    // Open, but to another port: not the metrics port's problem.
    const otherPort = evaluateIngress([withSpec('o', { ingress: [{ ports: [{ port: 9090 }] }] })], catalog, source);
    expect(otherPort.policies[0]?.openItems).toEqual([]);
  });

  it('cannot tell whether a policy selects a pod whose labels are only assumed', () => {
    const byInstance = withSpec('by-instance', {
      podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'k10' } },
      ingress: [],
    });
    const r = evaluateIngress([byInstance], { ...catalog, podLabels: ASSUMED_CATALOG_POD_LABELS }, source);
    expect(r).toMatchObject({ isolated: 'unknown', admitted: 'unknown' });
  });
});

describe('checkNetworkPolicy', () => {
  it('warns about the seed policy and offers the patch that closes its open item, not another policy', () => {
    const r = checkNetworkPolicy(inputs([defaultDeny, seedPolicy]), t);
    expect(r?.status).toBe('warning');
    expect(r?.detail).toContain('allow-openshift-monitoring opens port http (8000) to every source (ingress item 2');
    // An added policy cannot take back what the open item admits, so nothing to create is offered.
    expect(r?.fix?.resource).toBeUndefined();
    expect(r?.fix?.yaml).toBeUndefined();
    const command = r?.fix?.command ?? '';
    expect(command).toMatch(/^oc -n kasten-io patch networkpolicy allow-openshift-monitoring --type=json -p '/);
    const patched = applyPatch(seedPolicy, patchOf(command));
    expect(patched.spec?.ingress?.[0]).toEqual(seedPolicy.spec?.ingress?.[0]);
    const after = checkNetworkPolicy(inputs([defaultDeny, patched]), t);
    expect(after?.status).toBe('pass');
    expect(evaluateIngress([defaultDeny, patched], catalog, source).policies.flatMap((p) => p.openItems)).toEqual([]);
  });

  it('the open-item patch is refused when the policy changed since it was read', () => {
    const command = checkNetworkPolicy(inputs([defaultDeny, seedPolicy]), t)?.fix?.command ?? '';
    const changed = policy('allow-openshift-monitoring', {
      ...seedPolicy.spec,
      ingress: [seedPolicy.spec!.ingress![0]!, { ports: [{ port: 'http', protocol: 'TCP' }, { port: 9000 }] }],
    });
    expect(() => applyPatch(changed, patchOf(command))).toThrow('test failed at /spec/ingress/1');
  });

  it('closes every open item of every open policy', () => {
    const twoOpen = policy('two-open', {
      podSelector: {},
      ingress: [{ ports: [{ port: 'http' }] }, { from: [{ namespaceSelector: {} }], ports: [{ port: 8000 }] }],
    });
    const r = checkNetworkPolicy(inputs([defaultDeny, twoOpen, seedPolicy]), t);
    expect(r?.status).toBe('warning');
    const [first, second] = (r?.fix?.command ?? '').split('\n');
    const fixed = applyPatch(twoOpen, patchOf(first ?? ''));
    expect(fixed.spec?.ingress?.map((i) => i.ports)).toEqual([[{ port: 'http' }], [{ port: 8000 }]]);
    const all = [defaultDeny, fixed, applyPatch(seedPolicy, patchOf(second ?? ''))];
    expect(evaluateIngress(all, catalog, source).policies.flatMap((p) => p.openItems)).toEqual([]);
    expect(checkNetworkPolicy(inputs(all), t)?.status).toBe('pass');
  });

  it('passes with a correct policy', () => {
    const r = checkNetworkPolicy(inputs([defaultDeny, correctPolicy]), t);
    expect(r?.status).toBe('pass');
    expect(r?.detail).toBe(
      'NetworkPolicy allow-openshift-user-workload-monitoring admits openshift-user-workload-monitoring to port http (8000).',
    );
    expect(r?.fix).toBeUndefined();
  });

  it('passes, saying why, when no policy isolates the pod', () => {
    const r = checkNetworkPolicy(inputs([]), t);
    expect(r?.status).toBe('pass');
    expect(r?.detail).toMatch(/No NetworkPolicy isolates the catalog pod/);
  });

  it('fails behind default-deny only', () => {
    const r = checkNetworkPolicy(inputs([defaultDeny]), t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toMatch(/^NetworkPolicy default-deny isolates the catalog pod and no rule admits/);
    expect(r?.fix?.resource?.data.metadata?.namespace).toBe(NS);
  });

  it('fails when the only allowing policy selects the wrong pods, and says so', () => {
    const wrongPods = withSpec('allow-gateway', { podSelector: { matchLabels: { component: 'gateway' } } });
    const r = checkNetworkPolicy(inputs([defaultDeny, wrongPods]), t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toContain('allow-gateway admits the source but selects other pods, not the catalog pod.');
  });

  it('fails when the allowing policy opens another port, and says so', () => {
    const wrongPort = withSpec('allow-9090', {
      ingress: [{ from: correctPolicy.spec?.ingress?.[0]?.from, ports: [{ port: 9090, protocol: 'TCP' }] }],
    });
    const r = checkNetworkPolicy(inputs([defaultDeny, wrongPort]), t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toContain('allow-9090 admits openshift-user-workload-monitoring, but not on port http (8000).');
  });

  it('fails when the port is opened to other sources only', () => {
    const otherSource = withSpec('allow-console', {
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-console' } } }],
          ports: [{ port: 'http' }],
        },
      ],
    });
    const r = checkNetworkPolicy(inputs([defaultDeny, otherSource]), t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toContain('allow-console opens port http (8000) to other sources only.');
  });

  it('cannot tell without list permission, and names it', () => {
    const r = checkNetworkPolicy(
      inputs(undefined, { policies: { loaded: true, error: { response: { status: 403 } } } }),
      t,
    );
    expect(r).toMatchObject({ status: 'unknown', detail: 'Cannot tell: needs list on networkpolicies in kasten-io.' });
  });

  it('cannot tell when the seed-style namespace label cannot be read', () => {
    const nameLabelOnly = withSpec('name-label', { ingress: [{ from: seedPolicy.spec?.ingress?.[0]?.from }] });
    const r = checkNetworkPolicy(inputs([defaultDeny, nameLabelOnly], { sourceNamespaceLabels: uwmNameOnly }), t);
    expect(r?.status).toBe('unknown');
    expect(r?.detail).toMatch(/^Cannot tell: the answer depends on labels/);
  });

  it('is silent while loading and reports other read errors verbatim', () => {
    expect(checkNetworkPolicy(inputs(undefined, { policies: { loaded: false } }), t)).toBeUndefined();
    const r = checkNetworkPolicy(
      inputs(undefined, { policies: { loaded: true, error: { code: 500, message: 'etcd timeout' } } }),
      t,
    );
    expect(r).toMatchObject({ status: 'unknown', detail: 'Cannot tell: reading NetworkPolicies failed: etcd timeout' });
  });

  it("says when the catalog pod's labels were assumed", () => {
    const r = checkNetworkPolicy(
      inputs([defaultDeny, correctPolicy], {
        endpointRead: false,
        endpoint: { ...catalog, podLabels: ASSUMED_CATALOG_POD_LABELS },
      }),
      t,
    );
    expect(r?.status).toBe('pass');
    expect(r?.lookedAt).toMatch(/pod labels assumed/);
  });

  it('offers a fix whose single ingress item names both the source and the port, and which the corrected check passes', () => {
    const fix = checkNetworkPolicy(inputs([defaultDeny]), t)?.fix;
    const parsed = load(fix?.yaml ?? '') as NetworkPolicyObject;
    expect(parsed).toEqual(fix?.resource?.data);
    expect(parsed.metadata?.namespace).toBe(NS);
    expect(parsed.spec?.podSelector).toEqual({ matchLabels: { component: 'catalog' } });
    expect(parsed.spec?.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring' } },
            podSelector: {
              matchLabels: { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/instance': 'user-workload' },
            },
          },
        ],
        ports: [{ port: 'http', protocol: 'TCP' }],
      },
    ]);
    // With only the always-present metadata.name label known, the fix still admits, and opens nothing else.
    const after = checkNetworkPolicy(inputs([defaultDeny, parsed], { sourceNamespaceLabels: uwmNameOnly }), t);
    expect(after?.status).toBe('pass');
    // Port 8000 is also Kasten's internal API: other Kasten pods and other monitoring pods stay out.
    const gateway: MetricsEndpoint = {
      ...catalog,
      podLabels: { labels: { app: 'k10', component: 'gateway' }, complete: true },
    };
    expect(evaluateIngress([defaultDeny, parsed], gateway, source).admitted).toBe('no');
    const alertmanager = {
      ...source,
      podLabels: { labels: { 'app.kubernetes.io/name': 'alertmanager' }, complete: true },
    };
    expect(evaluateIngress([defaultDeny, parsed], catalog, alertmanager).admitted).toBe('no');
  });

  it('opens the pods of every scraped component given, by their component label', () => {
    expect(networkPolicyFix(NS, ['catalog', 'executor']).resource.data).toMatchObject({
      spec: {
        podSelector: { matchExpressions: [{ key: 'component', operator: 'In', values: ['catalog', 'executor'] }] },
      },
    });
  });

  it("uses the user's Kasten namespace in the fix", () => {
    const r = checkNetworkPolicy(
      {
        ...inputs([]),
        kastenNamespace: 'backup',
        policies: { loaded: true, data: [{ ...defaultDeny, metadata: { name: 'default-deny', namespace: 'backup' } }] },
      },
      t,
    );
    expect(r?.fix?.yaml).toContain('namespace: backup');
  });
});
