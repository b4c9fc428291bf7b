import * as React from 'react';
import { useLocation, useNavigate, useParams } from '../router';
import { DocumentTitle, ListPageHeader } from '../console-sdk';
import { useKastenTranslation } from '../i18n';
import { KastenDashboard } from './KastenDashboard';
import { KastenProviders } from './KastenProviders';
import '../components/kasten.css';

/** Observe > Kasten, at /kasten and /kasten/ns/:ns (the namespace filter in the URL, as console pages do). */
const KastenPage: React.FC = () => {
  const { t } = useKastenTranslation();
  const { ns } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const onNamespaceChange = React.useCallback(
    (next: string | undefined) => {
      if ((next ?? '') === (ns ?? '')) return;
      navigate({ pathname: next ? `/kasten/ns/${encodeURIComponent(next)}` : '/kasten', search: location.search });
    },
    [navigate, location.search, ns],
  );
  return (
    <KastenProviders>
      <DocumentTitle>{ns ? t('Kasten · {{namespace}}', { namespace: ns }) : t('Kasten')}</DocumentTitle>
      {/* The console's own page heading (h1, subtitle, the favourites star), as on its list pages. */}
      <ListPageHeader
        title={t('Kasten')}
        helpText={t(
          'Backup health of Veeam Kasten from OpenShift monitoring: failed actions, history, recovery points, resources and setup.',
        )}
      />
      <div className="kasten-console-plugin__page">
        <KastenDashboard namespace={ns} onNamespaceChange={onNamespaceChange} />
      </div>
    </KastenProviders>
  );
};

export default KastenPage;
