import * as React from 'react';
import { useKastenTranslation } from '../../i18n';

// The checks (their messages, NetworkPolicy evaluation, YAML writer) are about 10 KiB gzipped:
// loaded after the page has rendered, they stay out of what opens the page.
const SetupTabChunk = React.lazy(() => import('./SetupTab').then((m) => ({ default: m.SetupTab })));
const SetupBannerChunk = React.lazy(() => import('./SetupBanner').then((m) => ({ default: m.SetupBanner })));

export const LazySetupTab: React.FC = () => {
  const { t } = useKastenTranslation();
  return (
    <React.Suspense fallback={<p className="kasten-console-plugin__muted">{t('Loading setup checks…')}</p>}>
      <SetupTabChunk />
    </React.Suspense>
  );
};

/** Renders nothing until the checks have loaded, so the overview never waits for them. */
export const LazySetupBanner: React.FC<{ onOpenSetup: () => void }> = ({ onOpenSetup }) => (
  <React.Suspense fallback={null}>
    <SetupBannerChunk onOpenSetup={onOpenSetup} />
  </React.Suspense>
);
