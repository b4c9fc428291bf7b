import * as React from 'react';
import { KastenConfigContext, useLoadKastenConfig } from '../data/useKastenConfig';
import {
  MetricsAccessContext,
  useMetricsAccessDecision,
  type MetricsAccessState,
} from '../data/prometheus/MetricsAccessContext';
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

/** What every exposed module wraps its body in: configuration, the tenancy decision, and an error boundary. */
export const KastenProviders: React.FC<{ children: React.ReactNode }> = ({ children }) => {
  const config = useLoadKastenConfig();
  return (
    <ErrorBoundary>
      <KastenConfigContext.Provider value={config}>
        <AccessProvider kastenNamespace={config.config.kastenNamespace} configLoaded={config.loaded}>
          {children}
        </AccessProvider>
      </KastenConfigContext.Provider>
    </ErrorBoundary>
  );
};
