import * as React from 'react';
import { useKastenTranslation } from '../i18n';

const KastenPage: React.FC = () => {
  const { t } = useKastenTranslation();
  return <h1>{t('Kasten')}</h1>;
};

export default KastenPage;
