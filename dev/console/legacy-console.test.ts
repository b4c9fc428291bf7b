/**
 * The 4.19-4.21 stand-in's share scope and profiles, against what those
 * consoles do (openshift/console release-4.19/4.20: shared-modules-init.ts
 * registers every module as '*'; release-4.21: webpack registers installed
 * versions): the right modules under the right names, so a compat build that
 * imported `react-router` would get react-router 5, as on a real 4.20.
 */
import { CONSOLE_SDK_EXPORTS } from '../../src/console-sdk';
import { buildLegacySharedScope, LEGACY_SHARED_MODULE_VERSIONS } from './host/shared-scope.legacy';
import { consoleProfile, CONSOLE_VERSIONS } from './versions';

type Entry = { get: () => Promise<() => Record<string, unknown>>; from?: string; eager?: boolean; loaded?: number };
type Scope = Record<string, Record<string, Entry>>;

const moduleOf = async (scope: Scope, name: string): Promise<Record<string, unknown>> => {
  const versions = Object.values(scope[name] ?? {});
  expect(versions).toHaveLength(1);
  return (await versions[0]!.get())();
};

test.each(['4.19.0', '4.20.5'])(
  'console %s registers every shared module under "*", as shared-modules-init.ts does',
  (v) => {
    const scope = buildLegacySharedScope(v) as Scope;
    expect(Object.keys(scope).sort()).toEqual(Object.keys(LEGACY_SHARED_MODULE_VERSIONS).sort());
    for (const versions of Object.values(scope)) {
      expect(Object.keys(versions)).toEqual(['*']);
      expect(versions['*']).toMatchObject({ eager: true, loaded: 1 });
    }
  },
);

test('console 4.21 registers the installed versions, as its ModuleFederationPlugin does', () => {
  const scope = buildLegacySharedScope('4.21.27') as Scope;
  for (const [name, version] of Object.entries(LEGACY_SHARED_MODULE_VERSIONS))
    expect(Object.keys(scope[name] ?? {})).toEqual([version]);
  expect(LEGACY_SHARED_MODULE_VERSIONS).toMatchObject({ react: '17.0.1', 'react-router-dom-v5-compat': '6.11.2' });
});

test('react-router is react-router 5 there; the v6 hooks come only from react-router-dom-v5-compat', async () => {
  const scope = buildLegacySharedScope('4.20.0') as Scope;
  const router = await moduleOf(scope, 'react-router');
  expect(typeof router.useHistory).toBe('function');
  expect(router.useNavigate).toBeUndefined();
  const compat = await moduleOf(scope, 'react-router-dom-v5-compat');
  for (const hook of ['useSearchParams', 'useNavigate', 'useLocation', 'useParams', 'CompatRouter'])
    expect(typeof compat[hook]).not.toBe('undefined');
  const sdk = await moduleOf(scope, '@openshift-console/dynamic-plugin-sdk');
  // The legacy share scope serves the same stand-in SDK: exactly the plugin's seam (src/console-sdk.ts).
  expect(Object.keys(sdk).sort()).toEqual([...CONSOLE_SDK_EXPORTS].sort());
});

test('4.19-4.21 get dist-compat/ and PatternFly 6.2; 4.22 gets dist/ and PatternFly 6.4', () => {
  expect(CONSOLE_VERSIONS.map((v) => [v, consoleProfile(v).pluginDist, consoleProfile(v).hostVariant])).toEqual([
    ['4.19', 'dist-compat', 'legacy'],
    ['4.20', 'dist-compat', 'legacy'],
    ['4.21', 'dist-compat', 'legacy'],
    ['4.22', 'dist', '4.22'],
  ]);
  expect(consoleProfile('4.20').releaseVersion).toBe('4.20.0');
  expect(consoleProfile('4.20').patternfly).toBe('@patternfly/patternfly-6-2');
  expect(consoleProfile().version).toBe('4.22');
});
