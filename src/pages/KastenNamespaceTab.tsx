import * as React from 'react';
import { useKastenTranslation } from '../i18n';

const KastenNamespaceTab: React.FC = () => {
  const { t } = useKastenTranslation();
  return <h2>{t('Kasten')}</h2>;
};

export default KastenNamespaceTab;
