import type { K8sModel, K8sResourceCommon } from '../console-sdk';

export type CheckStatus = 'pass' | 'warning' | 'fail' | 'unknown';

/**
 * The translation function, passed in so checks stay pure and the i18n
 * extractor still sees every `t('literal')` call where the text is written.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface CheckFix {
  description: string;
  /** The object to apply, as YAML the user can copy. */
  yaml?: string;
  /** A command for edits that must not be done by creating an object (e.g. an existing ConfigMap). */
  command?: string;
  /** Present only when creating this object is the fix; the view offers Apply for it. */
  resource?: { model: K8sModel; data: K8sResourceCommon };
}

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** What the check read, so a user can verify it by hand. */
  lookedAt: string;
  detail: string;
  fix?: CheckFix;
}

/** One watched Kubernetes read, as the console's watch hook reports it. */
export interface Watched<T> {
  data?: T;
  loaded: boolean;
  error?: unknown;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export type Labels = Record<string, string>;

export interface ConfigMapObject extends K8sResourceCommon {
  data?: Record<string, string>;
}

export interface NamespaceObject extends K8sResourceCommon {
  status?: { phase?: string };
}

export interface NetworkPolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyObject extends K8sResourceCommon {
  spec?: {
    podSelector?: LabelSelector;
    ingress?: NetworkPolicyIngressRule[];
    policyTypes?: string[];
    egress?: unknown[];
  };
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

export interface PodObject extends K8sResourceCommon {
  spec?: { containers?: Array<{ name?: string; ports?: ContainerPort[] }> };
}

export interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
}

export interface ServiceObject extends K8sResourceCommon {
  spec?: { selector?: Labels; ports?: ServicePort[] };
}

export interface ServiceMonitorEndpoint {
  port?: string;
  targetPort?: number | string;
  interval?: string;
  scheme?: string;
  path?: string;
}

export interface ServiceMonitorObject extends K8sResourceCommon {
  spec?: {
    selector?: LabelSelector;
    namespaceSelector?: { any?: boolean; matchNames?: string[] };
    endpoints?: ServiceMonitorEndpoint[];
  };
}

export interface PrometheusRuleObject extends K8sResourceCommon {
  spec?: { groups?: Array<{ name?: string; rules?: Array<{ alert?: string; record?: string; expr?: string }> }> };
}
