import { useTranslation } from 'react-i18next';

export const I18N_NAMESPACE = 'plugin__kasten-console-plugin';

/** The one translation hook of the plugin, bound to its namespace. */
export const useKastenTranslation = () => useTranslation(I18N_NAMESPACE);
