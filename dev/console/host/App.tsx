import * as React from 'react';
import { BrowserRouter, Navigate, Route, Routes } from './router';
import { CodeRefComponent } from './CodeRefComponent';
import { useConsoleExtensions, type ExtensionSource } from './extensions';
import { Masthead } from './Masthead';
import { NamespaceDetails, NamespaceList, type NamespaceKind } from './NamespacePages';
import { ObserveNav } from './ObserveNav';
import { AlertingStub, MetricsStub, NotFound, SimpleStub } from './StubPages';
import type { PreviewUser } from '../users';

/** What the server tells the page about the preview (window.__PREVIEW__, written by server.ts). */
export interface PreviewInfo {
  /** Every preview user users.ts knows, so a new one cannot be missing here. */
  user: PreviewUser;
  kastenNamespace: string;
  scenario: string;
}

const namespaceRoutes = (
  kind: NamespaceKind,
  props: { extensions: ReturnType<typeof useConsoleExtensions>; own?: string },
) => [
  <Route
    key={`${kind}-list`}
    path={`/k8s/cluster/${kind}`}
    element={<NamespaceList kind={kind} ownNamespace={props.own} />}
  />,
  <Route
    key={`${kind}-details`}
    path={`/k8s/cluster/${kind}/:ns`}
    element={<NamespaceDetails kind={kind} extensions={props.extensions} />}
  />,
  <Route
    key={`${kind}-tab`}
    path={`/k8s/cluster/${kind}/:ns/:tab`}
    element={<NamespaceDetails kind={kind} extensions={props.extensions} />}
  />,
];

const XL = '(min-width: 1200px)';
const useWideWindow = (): boolean => {
  const [wide, setWide] = React.useState(() => window.matchMedia(XL).matches);
  React.useEffect(() => {
    const mq = window.matchMedia(XL);
    const onChange = () => setWide(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return wide;
};

export const App: React.FC<{ source: ExtensionSource; preview: PreviewInfo; loadErrors: string[] }> = ({
  source,
  preview,
  loadErrors,
}) => {
  const extensions = useConsoleExtensions(source);
  const own = preview.user.kind === 'viewer' ? preview.user.namespace : undefined;
  // A route with an array of paths becomes one route per path (react-router 7 takes one).
  const pluginRoutes = extensions.routes.flatMap((r) =>
    (Array.isArray(r.properties.path) ? r.properties.path : [r.properties.path]).map((path) => (
      <Route
        key={`${r.uid}-${path}`}
        path={r.properties.exact === false ? `${path}/*` : path}
        element={<CodeRefComponent codeRef={r.properties.component} />}
      />
    )),
  );
  // Like the console, the navigation is folded away below PatternFly's xl breakpoint instead of covering the page.
  const wide = useWideWindow();
  return (
    <BrowserRouter>
      <div className="pf-v6-c-page">
        <Masthead userName={preview.user.name} />
        <div className={`pf-v6-c-page__sidebar ${wide ? 'pf-m-expanded' : 'pf-m-collapsed'}`}>
          <div className="pf-v6-c-page__sidebar-body">
            <ObserveNav extensions={extensions} />
          </div>
        </div>
        <div className="pf-v6-c-page__main-container">
          <main className="pf-v6-c-page__main" tabIndex={-1}>
            {loadErrors.map((e) => (
              <div key={e} className="pf-v6-c-alert pf-m-danger pf-v6-u-m-md" data-test="plugin-load-error">
                <p className="pf-v6-c-alert__title">{e}</p>
              </div>
            ))}
            <Routes>
              <Route path="/" element={<Navigate to="/kasten" replace />} />
              <Route path="/monitoring/alerts" element={<AlertingStub />} />
              <Route path="/monitoring/query-browser" element={<MetricsStub />} />
              <Route path="/monitoring/dashboards" element={<SimpleStub title="Dashboards" />} />
              <Route path="/monitoring/targets" element={<SimpleStub title="Targets" />} />
              {namespaceRoutes('namespaces', { extensions, own })}
              {namespaceRoutes('projects', { extensions, own })}
              {pluginRoutes}
              <Route path="*" element={<NotFound />} />
            </Routes>
          </main>
        </div>
      </div>
    </BrowserRouter>
  );
};
