import * as React from 'react';
import { useAccessReview } from '../../console-sdk';
import type { MetricsAccess } from './urls';

export interface MetricsAccessState {
  access?: MetricsAccess;
  loading: boolean;
}

export const MetricsAccessContext = React.createContext<MetricsAccessState>({ loading: true });

/**
 * The one tenancy decision of the plugin, made as the console's monitoring
 * pages make it: a user who may `get prometheuses/api` (cluster-monitoring-view)
 * reads the Thanos querier. Anyone else can only use the tenancy proxy, which
 * checks `get pods.metrics.k8s.io` in the namespace asked for; Kasten's series
 * live in the Kasten namespace, so that is the one that matters. Without it,
 * nothing is sent and the page says which permission is missing.
 */
export const useMetricsAccessDecision = (kastenNamespace: string): MetricsAccessState => {
  const [clusterAllowed, clusterLoading] = useAccessReview({
    group: 'monitoring.coreos.com',
    resource: 'prometheuses',
    subresource: 'api',
    verb: 'get',
    name: 'k8s',
    namespace: 'openshift-monitoring',
  });
  const [tenancyAllowed, tenancyLoading] = useAccessReview({
    group: 'metrics.k8s.io',
    resource: 'pods',
    verb: 'get',
    namespace: kastenNamespace,
  });
  return React.useMemo((): MetricsAccessState => {
    if (clusterLoading || (!clusterAllowed && tenancyLoading)) return { loading: true };
    if (clusterAllowed) return { access: { mode: 'cluster' }, loading: false };
    return { access: { mode: tenancyAllowed ? 'tenancy' : 'none', namespace: kastenNamespace }, loading: false };
  }, [clusterAllowed, clusterLoading, tenancyAllowed, tenancyLoading, kastenNamespace]);
};

export const useMetricsAccess = (): MetricsAccessState => React.useContext(MetricsAccessContext);
