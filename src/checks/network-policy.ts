/**
 * Does a NetworkPolicy let user-workload monitoring reach Kasten's metrics
 * port? Evaluated with Kubernetes' NetworkPolicy semantics, not by looking
 * for a familiar-looking policy:
 * - a policy isolates the pods its `podSelector` selects (empty = all) for
 *   ingress when `policyTypes` lists Ingress or is absent;
 * - a pod no policy isolates accepts all ingress;
 * - an isolated pod accepts what any rule of any isolating policy admits;
 * - a rule without `from` admits every source, without `ports` every port;
 * - a peer's `namespaceSelector` matches the source namespace's labels, a
 *   `podSelector` next to it the source pods in those namespaces, and a lone
 *   `podSelector` only pods of the policy's own namespace.
 */
import { allOf, anyOf, isEmptySelector, selectorMatches, type KnownLabels, type Tri } from './label-selector';
import { readOutcome, permissionNeeded } from './k8s-access';
import {
  closeOpenItemsCommand,
  networkPolicyFix,
  METRICS_PORT_NAME,
  METRICS_PORT_NUMBER,
  USER_WORKLOAD_NAMESPACE,
} from './remediation';
import type { YamlValue } from './to-yaml';
import type {
  CheckResult,
  NetworkPolicyIngressRule,
  NetworkPolicyObject,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Translate,
  Watched,
} from './types';

export interface MetricsEndpoint {
  /** Labels of Kasten's catalog pod. */
  podLabels: KnownLabels;
  port: { number: number; name?: string; protocol: string };
}

export interface TrafficSource {
  namespace: string;
  namespaceLabels: KnownLabels;
  podLabels: KnownLabels;
}

export interface PolicyFinding {
  name: string;
  /** Whether this policy isolates the catalog pod for ingress. */
  selects: Tri;
  /** Whether one of its rules admits the source on the metrics port. */
  admits: Tri;
  /** A rule admits the source, but on other ports only. */
  sourceButNotPort: boolean;
  /** A rule opens the metrics port, but to other sources only. */
  portButNotSource: boolean;
  /** 1-based numbers of ingress items that open the metrics port to every source. */
  openItems: number[];
}

export interface IngressEvaluation {
  admitted: Tri;
  isolated: Tri;
  policies: PolicyFinding[];
}

const not = (a: Tri): Tri => (a === 'yes' ? 'no' : a === 'no' ? 'yes' : 'unknown');

const EVERYWHERE = new Set(['0.0.0.0/0', '::/0']);

const isIngressPolicy = (p: NetworkPolicyObject): boolean => {
  const types = p.spec?.policyTypes;
  return !types || types.length === 0 || types.includes('Ingress');
};

const peerAdmits = (peer: NetworkPolicyPeer, source: TrafficSource, policyNamespace: string): Tri => {
  if (peer.ipBlock) {
    if (EVERYWHERE.has(peer.ipBlock.cidr) && (peer.ipBlock.except ?? []).length === 0) return 'yes';
    // Whether Prometheus's pod IPs fall in a CIDR cannot be known from here.
    return 'unknown';
  }
  if (peer.namespaceSelector) {
    const inNamespace = selectorMatches(peer.namespaceSelector, source.namespaceLabels);
    return peer.podSelector ? allOf([inNamespace, selectorMatches(peer.podSelector, source.podLabels)]) : inNamespace;
  }
  if (peer.podSelector) {
    return source.namespace === policyNamespace ? selectorMatches(peer.podSelector, source.podLabels) : 'no';
  }
  // An empty peer is rejected by the API server.
  return 'no';
};

const peerIsEveryone = (peer: NetworkPolicyPeer): boolean => {
  if (peer.ipBlock) return EVERYWHERE.has(peer.ipBlock.cidr) && (peer.ipBlock.except ?? []).length === 0;
  return (
    peer.namespaceSelector !== undefined && isEmptySelector(peer.namespaceSelector) && isEmptySelector(peer.podSelector)
  );
};

const portMatches = (p: NetworkPolicyPort, endpoint: MetricsEndpoint): boolean => {
  if ((p.protocol ?? 'TCP') !== endpoint.port.protocol) return false;
  if (p.port === undefined) return true;
  if (typeof p.port === 'number') {
    return p.endPort !== undefined
      ? endpoint.port.number >= p.port && endpoint.port.number <= p.endPort
      : endpoint.port.number === p.port;
  }
  return endpoint.port.name !== undefined && p.port === endpoint.port.name;
};

const sourceAdmitted = (rule: NetworkPolicyIngressRule, source: TrafficSource, ns: string): Tri =>
  !rule.from || rule.from.length === 0 ? 'yes' : anyOf(rule.from.map((peer) => peerAdmits(peer, source, ns)));

const portAdmitted = (rule: NetworkPolicyIngressRule, endpoint: MetricsEndpoint): boolean =>
  !rule.ports || rule.ports.length === 0 || rule.ports.some((p) => portMatches(p, endpoint));

const ruleOpensToEveryone = (rule: NetworkPolicyIngressRule): boolean =>
  !rule.from || rule.from.length === 0 || rule.from.some(peerIsEveryone);

export const evaluateIngress = (
  policies: NetworkPolicyObject[],
  endpoint: MetricsEndpoint,
  source: TrafficSource,
): IngressEvaluation => {
  const findings: PolicyFinding[] = policies.filter(isIngressPolicy).map((p) => {
    const ns = p.metadata?.namespace ?? '';
    const rules = p.spec?.ingress ?? [];
    const selects = selectorMatches(p.spec?.podSelector, endpoint.podLabels);
    const bySource = rules.map((r) => sourceAdmitted(r, source, ns));
    const byPort = rules.map((r) => portAdmitted(r, endpoint));
    return {
      name: p.metadata?.name ?? '',
      selects,
      admits: anyOf(rules.map((_r, i) => (byPort[i] ? (bySource[i] ?? 'no') : 'no'))),
      sourceButNotPort: rules.some((_r, i) => bySource[i] !== 'no' && !byPort[i]),
      portButNotSource: rules.some((_r, i) => bySource[i] === 'no' && byPort[i]),
      openItems: rules.flatMap((r, i) => (byPort[i] && ruleOpensToEveryone(r) ? [i + 1] : [])),
    };
  });
  const isolated = anyOf(findings.map((f) => f.selects));
  const byRules = anyOf(findings.map((f) => allOf([f.selects, f.admits])));
  return { admitted: anyOf([not(isolated), byRules]), isolated, policies: findings };
};

/** Labels Kasten's chart gives the catalog pod, for when the pod cannot be read. */
export const ASSUMED_CATALOG_POD_LABELS: KnownLabels = {
  labels: { app: 'k10', component: 'catalog', release: 'k10', run: 'catalog-svc' },
  complete: false,
};

/**
 * Labels the prometheus-operator puts on the user-workload Prometheus pods;
 * other labels are unknown, so a selector on them answers "cannot tell".
 */
export const USER_WORKLOAD_PROMETHEUS_POD_LABELS: KnownLabels = {
  labels: {
    'app.kubernetes.io/name': 'prometheus',
    'app.kubernetes.io/instance': 'user-workload',
    prometheus: 'user-workload',
  },
  complete: false,
};

export const DEFAULT_METRICS_PORT = { number: METRICS_PORT_NUMBER, name: METRICS_PORT_NAME, protocol: 'TCP' };

export interface NetworkPolicyInputs {
  kastenNamespace: string;
  policies: Watched<NetworkPolicyObject[]>;
  endpoint: MetricsEndpoint;
  /** False when the catalog pod could not be read and the chart's labels are assumed. */
  endpointRead: boolean;
  /** Labels of openshift-user-workload-monitoring; only `kubernetes.io/metadata.name` when unreadable. */
  sourceNamespaceLabels: KnownLabels;
}

export const checkNetworkPolicy = (inputs: NetworkPolicyInputs, t: Translate): CheckResult | undefined => {
  const { kastenNamespace } = inputs;
  const port = `${inputs.endpoint.port.name ?? inputs.endpoint.port.number} (${inputs.endpoint.port.number})`;
  const base = {
    id: 'network-policy',
    title: t('NetworkPolicy admits user-workload monitoring'),
    lookedAt: inputs.endpointRead
      ? t(
          'NetworkPolicies in {{namespace}}, evaluated for traffic from {{source}} to the catalog pod on port {{port}}.',
          {
            namespace: kastenNamespace,
            source: USER_WORKLOAD_NAMESPACE,
            port,
          },
        )
      : t(
          "NetworkPolicies in {{namespace}}, evaluated for traffic from {{source}} to the catalog pod on port {{port}} (pod labels assumed from Kasten's chart: the pod could not be read).",
          { namespace: kastenNamespace, source: USER_WORKLOAD_NAMESPACE, port },
        ),
  };
  const remedy = networkPolicyFix(kastenNamespace);
  const fix = {
    description: t(
      "Create a NetworkPolicy that admits only the user-workload Prometheus pods (namespace {{source}}) and only to the catalog pod's metrics port (http), in one ingress item, so no other source and no other Kasten pod is opened.",
      { source: USER_WORKLOAD_NAMESPACE },
    ),
    yaml: remedy.yaml,
    resource: remedy.resource,
  };

  const read = readOutcome(inputs.policies);
  if (read.state === 'loading') return undefined;
  if (read.state === 'forbidden' || read.state === 'error') {
    return {
      ...base,
      status: 'unknown',
      detail:
        read.state === 'forbidden'
          ? permissionNeeded(t, 'list', 'networkpolicies', kastenNamespace)
          : t('Cannot tell: reading NetworkPolicies failed: {{message}}', { message: read.message }),
      fix,
    };
  }
  const policies = read.state === 'ok' ? read.data : [];
  const source: TrafficSource = {
    namespace: USER_WORKLOAD_NAMESPACE,
    namespaceLabels: inputs.sourceNamespaceLabels,
    podLabels: USER_WORKLOAD_PROMETHEUS_POD_LABELS,
  };
  const result = evaluateIngress(policies, inputs.endpoint, source);
  const relevant = result.policies.filter((p) => p.selects !== 'no');
  const open = relevant.filter((p) => p.openItems.length > 0);

  if (result.admitted === 'yes' && open.length > 0) {
    // Policies add up, so creating another one cannot close an open item: the fix edits the policy that has it.
    const commands = open.map((finding) => {
      const items = policies.find((p) => p.metadata?.name === finding.name)?.spec?.ingress ?? [];
      return closeOpenItemsCommand(
        kastenNamespace,
        finding.name,
        finding.openItems.map((n) => ({ index: n - 1, item: items[n - 1] as unknown as { [key: string]: YamlValue } })),
      );
    });
    return {
      ...base,
      status: 'warning',
      detail: t(
        'Monitoring can scrape Kasten, but NetworkPolicy {{policies}} opens port {{port}} to every source (ingress item {{items}} has no "from" or allows all namespaces). Replace that item with one that names the source.',
        {
          policies: open.map((p) => p.name).join(', '),
          port,
          items: open.map((p) => p.openItems.join(', ')).join('; '),
        },
      ),
      fix: {
        description: t(
          'NetworkPolicies add up, so another policy cannot close an open item. This patch replaces each open item of {{policies}} with one admitting only the user-workload Prometheus pods on the same ports; it is refused if the policy changed since it was read.',
          { policies: open.map((p) => p.name).join(', ') },
        ),
        command: commands.join('\n'),
      },
    };
  }
  if (result.admitted === 'yes') {
    const admitting = relevant.filter((p) => p.admits === 'yes').map((p) => p.name);
    return {
      ...base,
      status: 'pass',
      detail:
        result.isolated === 'no'
          ? t(
              "No NetworkPolicy isolates the catalog pod, so nothing blocks the scrape. (Kasten's chart normally adds a default-deny policy.)",
            )
          : t('NetworkPolicy {{policies}} admits {{source}} to port {{port}}.', {
              policies: admitting.join(', '),
              source: USER_WORKLOAD_NAMESPACE,
              port,
            }),
    };
  }

  const isolating = relevant.map((p) => p.name).join(', ');
  const reasons: string[] = [];
  for (const p of result.policies) {
    if (p.selects === 'no' && p.admits !== 'no') {
      reasons.push(t('{{policy}} admits the source but selects other pods, not the catalog pod.', { policy: p.name }));
    } else if (p.selects !== 'no' && p.admits === 'no' && p.sourceButNotPort) {
      reasons.push(
        t('{{policy}} admits {{source}}, but not on port {{port}}.', {
          policy: p.name,
          source: USER_WORKLOAD_NAMESPACE,
          port,
        }),
      );
    } else if (p.selects !== 'no' && p.admits === 'no' && p.portButNotSource) {
      reasons.push(t('{{policy}} opens port {{port}} to other sources only.', { policy: p.name, port }));
    }
  }
  if (result.admitted === 'unknown') {
    return {
      ...base,
      status: 'unknown',
      detail: [
        t(
          'Cannot tell: the answer depends on labels that could not be read (of namespace {{source}}, its Prometheus pods, or the catalog pod) or on an IP block. Isolating policies: {{policies}}.',
          { source: USER_WORKLOAD_NAMESPACE, policies: isolating },
        ),
        ...reasons,
      ].join(' '),
      fix,
    };
  }
  return {
    ...base,
    status: 'fail',
    detail: [
      t(
        'NetworkPolicy {{policies}} isolates the catalog pod and no rule admits {{source}} to port {{port}}, so Prometheus cannot scrape it.',
        {
          policies: isolating,
          source: USER_WORKLOAD_NAMESPACE,
          port,
        },
      ),
      ...reasons,
    ].join(' '),
    fix,
  };
};
