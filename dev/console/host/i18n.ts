/**
 * The console's i18next setup, as far as plugins see it: keys are English
 * text, `~` separates namespace and key, no key separator, and namespaces
 * load from `/locales/resource.json?lng=<lng>&ns=<ns>` (the console's URL).
 */
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

const consoleBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (lng, ns, callback) => {
    fetch(`/locales/resource.json?${new URLSearchParams({ lng, ns }).toString()}`)
      .then((r) => (r.ok ? r.json() : {}))
      .then((data: Record<string, string>) => callback(null, data))
      .catch((e: Error) => callback(e, false));
  },
};

export const initI18n = async (namespaces: string[]): Promise<typeof i18next> => {
  await i18next
    .use(consoleBackend)
    .use(initReactI18next)
    .init({
      lng: 'en',
      fallbackLng: 'en',
      load: 'languageOnly',
      // The console also loads its own `public` namespace; the stand-in has no strings of its own.
      ns: namespaces,
      defaultNS: namespaces[0],
      keySeparator: false,
      nsSeparator: '~',
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
  return i18next;
};

/** Console extension labels are `%namespace~key%`; anything else is shown as is. */
export const translateLabel = (label: string): string => {
  const m = label.match(/^%(.+)%$/);
  return m ? i18next.t(m[1]!) : label;
};
