import * as React from 'react';
import { KastenConfigContext, useLoadKastenConfig } from '../../config/useKastenConfig';
import { MetricsAccessContext, useMetricsAccessDecision } from '../../prometheus/MetricsAccessContext';
import { ErrorBoundary } from './ErrorBoundary';

const AccessProvider: React.FC<{ kastenNamespace: string; children: React.ReactNode }> = ({ kastenNamespace, children }) => {
  const access = useMetricsAccessDecision(kastenNamespace);
  return <MetricsAccessContext.Provider value={access}>{children}</MetricsAccessContext.Provider>;
};

/** What every exposed module wraps its body in: configuration, the tenancy decision, and an error boundary. */
export const KastenProviders: React.FC<{ children: React.ReactNode }> = ({ children }) => {
  const config = useLoadKastenConfig();
  return (
    <ErrorBoundary>
      <KastenConfigContext.Provider value={config}>
        <AccessProvider kastenNamespace={config.config.kastenNamespace}>{children}</AccessProvider>
      </KastenConfigContext.Provider>
    </ErrorBoundary>
  );
};
