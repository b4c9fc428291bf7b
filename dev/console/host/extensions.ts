/**
 * The plugin extensions the stand-in renders, read from the console's plugin
 * store (whichever loader filled it, see console-runtime.ts):
 * Observe nav items (`console.navigation/href`), pages (`console.page/route`)
 * and resource tabs (`console.tab/horizontalNav`).
 */
import * as React from 'react';

export type CodeRef = () => Promise<unknown>;

/** An extension with its code references resolved to functions, as both consoles' stores hold them. */
export interface LoadedExtension {
  type: string;
  uid: string;
  pluginName: string;
  properties: unknown;
}

/** The loaded extensions and a way to hear of new ones: console 4.22's PluginStore or the 4.19-4.21 loader. */
export interface ExtensionSource {
  getExtensions(): LoadedExtension[];
  subscribe(listener: () => void): () => void;
}

export interface NavHref {
  id: string;
  name: string;
  href: string;
  section?: string;
  perspective?: string;
  insertAfter?: string | string[];
  insertBefore?: string | string[];
}

export interface PageRoute {
  path: string | string[];
  exact?: boolean;
  component: CodeRef;
}

export interface HorizontalNavTab {
  model: { group?: string; version: string; kind: string };
  page: { name: string; href: string };
  component: CodeRef;
}

export interface ConsoleExtensions {
  navItems: Array<LoadedExtension & { properties: NavHref }>;
  routes: Array<LoadedExtension & { properties: PageRoute }>;
  tabs: Array<LoadedExtension & { properties: HorizontalNavTab }>;
}

const ofType = <P>(all: LoadedExtension[], type: string) =>
  all.filter((e) => e.type === type) as Array<LoadedExtension & { properties: P }>;

export const useConsoleExtensions = (source: ExtensionSource): ConsoleExtensions => {
  const [all, setAll] = React.useState<LoadedExtension[]>(() => source.getExtensions());
  React.useEffect(() => source.subscribe(() => setAll(source.getExtensions())), [source]);
  return React.useMemo(
    () => ({
      navItems: ofType<NavHref>(all, 'console.navigation/href'),
      routes: ofType<PageRoute>(all, 'console.page/route'),
      tabs: ofType<HorizontalNavTab>(all, 'console.tab/horizontalNav'),
    }),
    [all],
  );
};

export interface NavEntry {
  id: string;
  name: string;
  href: string;
  fromPlugin: boolean;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The console's ordering: an item with insertBefore goes before the first of
 * its ids that exists, else one with insertAfter goes after the first of its
 * ids that exists, else it is appended.
 */
export const placeNavItems = (
  base: NavEntry[],
  items: Array<NavEntry & Pick<NavHref, 'insertAfter' | 'insertBefore'>>,
): NavEntry[] => {
  const out = [...base];
  for (const item of items) {
    const entry: NavEntry = { id: item.id, name: item.name, href: item.href, fromPlugin: item.fromPlugin };
    const before = asList(item.insertBefore).find((id) => out.some((e) => e.id === id));
    const after = asList(item.insertAfter).find((id) => out.some((e) => e.id === id));
    if (before)
      out.splice(
        out.findIndex((e) => e.id === before),
        0,
        entry,
      );
    else if (after) out.splice(out.findIndex((e) => e.id === after) + 1, 0, entry);
    else out.push(entry);
  }
  return out;
};

/** Whether a tab extension's model is the page's model; a missing or empty group is the core group. */
export const modelMatches = (model: HorizontalNavTab['model'], group: string, kind: string): boolean =>
  (model.group || 'core') === (group || 'core') && model.kind === kind;
