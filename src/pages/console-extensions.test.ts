/** console-extensions.json, read as the console reads it: where the item sits, which routes and tabs, and that every reference resolves. */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
interface Extension {
  type: string;
  properties: Record<string, unknown>;
}
const extensions = JSON.parse(fs.readFileSync(path.join(root, 'console-extensions.json'), 'utf8')) as Extension[];
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  consolePlugin: { name: string; exposedModules: Record<string, string> };
};
const locale = JSON.parse(
  fs.readFileSync(path.join(root, 'locales/en/plugin__kasten-console-plugin.json'), 'utf8'),
) as Record<string, string>;
const ofType = (type: string) => extensions.filter((e) => e.type === type);

test('one nav item: Observe > Kasten, admin perspective, after Targets/Dashboards', () => {
  const nav = ofType('console.navigation/href');
  expect(nav).toHaveLength(1);
  expect(nav[0]?.properties).toEqual({
    id: 'kasten',
    name: '%plugin__kasten-console-plugin~Kasten%',
    href: '/kasten',
    perspective: 'admin',
    section: 'observe',
    insertAfter: ['targets', 'dashboards'],
  });
});

test('one exact route for /kasten and /kasten/ns/:ns, rendered by KastenPage', () => {
  const routes = ofType('console.page/route');
  expect(routes).toHaveLength(1);
  expect(routes[0]?.properties).toEqual({
    path: ['/kasten', '/kasten/ns/:ns'],
    exact: true,
    component: { $codeRef: 'KastenPage' },
  });
});

test('a Kasten tab on both Namespace and Project, rendered by KastenNamespaceTab', () => {
  const tabs = ofType('console.tab/horizontalNav').map((e) => e.properties);
  expect(tabs).toEqual([
    {
      model: { version: 'v1', kind: 'Namespace' },
      page: { name: '%plugin__kasten-console-plugin~Kasten%', href: 'kasten' },
      component: { $codeRef: 'KastenNamespaceTab' },
    },
    {
      model: { group: 'project.openshift.io', version: 'v1', kind: 'Project' },
      page: { name: '%plugin__kasten-console-plugin~Kasten%', href: 'kasten' },
      component: { $codeRef: 'KastenNamespaceTab' },
    },
  ]);
});

const codeRefs = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.flatMap(codeRefs);
  if (typeof v !== 'object' || v === null) return [];
  const o = v as Record<string, unknown>;
  return typeof o.$codeRef === 'string' ? [o.$codeRef] : Object.values(o).flatMap(codeRefs);
};

test('every $codeRef names an exposed module whose file exists and default-exports a component; every exposed module is used', () => {
  const refs = codeRefs(extensions);
  expect(refs.length).toBeGreaterThanOrEqual(3);
  const exposed = pkg.consolePlugin.exposedModules;
  for (const ref of refs) {
    const [module, exportName = 'default'] = ref.split('.');
    expect(Object.keys(exposed)).toContain(module);
    const file = path.join(root, 'src', `${exposed[module ?? '']}.tsx`);
    expect(fs.existsSync(file)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    expect(typeof mod[exportName]).toBe('function');
  }
  expect(new Set(refs.map((r) => r.split('.')[0]))).toEqual(new Set(Object.keys(exposed)));
});

test('every %plugin__kasten-console-plugin~key% is in the English locale file', () => {
  const keys = [...JSON.stringify(extensions).matchAll(/%([^%~]+)~([^%]+)%/g)].map((m) => [m[1], m[2]] as const);
  expect(keys.length).toBeGreaterThanOrEqual(3);
  for (const [ns, key] of keys) {
    expect(ns).toBe(`plugin__${pkg.consolePlugin.name}`);
    expect(locale).toHaveProperty([key]);
  }
});
