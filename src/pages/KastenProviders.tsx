import * as React from 'react';
import { KastenConfigContext, useLoadKastenConfig } from '../data/useKastenConfig';
import {
  MetricsAccessContext,
  useMetricsAccessDecision,
  type MetricsAccessState,
} from '../data/prometheus/MetricsAccessContext';
import { PrometheusFetcherContext, usePageFetcher } from '../data/prometheus/PrometheusFetcherContext';
import { ErrorBoundary } from '../components/layout/ErrorBoundary';

const UNDECIDED: MetricsAccessState = { loading: true };

const AccessProvider: React.FC<{ kastenNamespace: string; configLoaded: boolean; children: React.ReactNode }> = ({
  kastenNamespace,
  configLoaded,
  children,
}) => {
  const decided = useMetricsAccessDecision(kastenNamespace);
  // Until plugin-config.json is read the Kasten namespace may still change: a round sent now would ask the wrong namespace.
  const access = configLoaded ? decided : UNDECIDED;
  return <MetricsAccessContext.Provider value={access}>{children}</MetricsAccessContext.Provider>;
};

/**
 * What every exposed module wraps its body in: configuration, the tenancy decision, the page's one
 * Prometheus fetcher (identical queries in flight share a request), and an error boundary.
 */
export const KastenProviders: React.FC<{ children: React.ReactNode }> = ({ children }) => {
  const config = useLoadKastenConfig();
  const fetcher = usePageFetcher();
  return (
    <ErrorBoundary>
      <KastenConfigContext.Provider value={config}>
        <AccessProvider kastenNamespace={config.config.kastenNamespace} configLoaded={config.loaded}>
          <PrometheusFetcherContext.Provider value={fetcher}>{children}</PrometheusFetcherContext.Provider>
        </AccessProvider>
      </KastenConfigContext.Provider>
    </ErrorBoundary>
  );
};
