/**
 * Unit tests render the English key itself, with i18next-style interpolation,
 * so assertions read like the page.
 */
const interpolate = (key: string, options?: Record<string, unknown>): string =>
  key.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(options?.[name] ?? ''));

export const useTranslation = () => ({
  t: interpolate,
  i18n: { language: 'en', changeLanguage: () => Promise.resolve() },
});
