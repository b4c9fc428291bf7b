import * as React from 'react';
import { LazyAlert as Alert } from '../components/common/LazyAlert';
import { useKastenTranslation } from '../i18n';
import { useMetricsAccess } from '../data/prometheus/MetricsAccessContext';
import { useKastenConfig } from '../data/useKastenConfig';
import { LoadingRows } from '../components/common/QueryStatus';
import { KastenDashboard } from './KastenDashboard';

/** Only users who may not read the metrics see this list: it loads in its own chunk, not with the tab. */
const ActionResources = React.lazy(() =>
  import(/* webpackChunkName: "action-resources" */ '../components/namespace/ActionResources').then((m) => ({
    default: m.ActionResources,
  })),
);
import { useKastenActions } from '../data/useKastenActions';

/** Kasten's action resources in one namespace, from the user's own watches. */
const ActionResourcesContainer: React.FC<{ namespace: string }> = ({ namespace }) => {
  const { actions, loaded, error } = useKastenActions(namespace);
  return (
    <React.Suspense fallback={<LoadingRows />}>
      <ActionResources namespace={namespace} actions={actions} loaded={loaded} error={error} />
    </React.Suspense>
  );
};

/**
 * Metrics when the user may read Kasten's series; otherwise (an application
 * team with rights in its own namespace only) Kasten's action resources in
 * this namespace through the Kubernetes API, and a note saying so.
 */
export const NamespaceTabBody: React.FC<{ namespace?: string }> = ({ namespace }) => {
  const { t } = useKastenTranslation();
  const { access, loading } = useMetricsAccess();
  const { config } = useKastenConfig();
  if (!namespace) return <p>{t('No namespace selected.')}</p>;
  if (loading || !access) return <LoadingRows />;
  if (access.mode === 'none') {
    return (
      <>
        <Alert
          variant="warning"
          isInline
          isPlain
          component="p"
          title={
            <span data-test="metrics-fallback-note">
              {t(
                "Kasten's metrics live in namespace {{kasten}}, which you may not read (it needs cluster-monitoring-view, or view in {{kasten}}). Showing Kasten's action resources in {{namespace}} from the Kubernetes API instead.",
                { kasten: config.kastenNamespace, namespace },
              )}
            </span>
          }
        />
        <ActionResourcesContainer namespace={namespace} />
      </>
    );
  }
  return <KastenDashboard namespace={namespace} />;
};
