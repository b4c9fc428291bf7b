import * as React from 'react';
import { Link, useParams } from './router';
import { resourcePath } from '../k8s-paths';
import { CodeRefComponent } from './CodeRefComponent';
import { modelMatches, type ConsoleExtensions } from './extensions';
import { translateLabel } from './i18n';

export type NamespaceKind = 'namespaces' | 'projects';

interface K8sObj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; creationTimestamp?: string };
}

const MODEL: Record<NamespaceKind, { group: string; kind: string; title: string }> = {
  namespaces: { group: '', kind: 'Namespace', title: 'Namespaces' },
  projects: { group: 'project.openshift.io', kind: 'Project', title: 'Projects' },
};

const pathOf = (kind: NamespaceKind, name?: string) =>
  resourcePath(
    kind === 'namespaces'
      ? { version: 'v1', plural: 'namespaces', name }
      : { group: 'project.openshift.io', version: 'v1', plural: 'projects', name },
  );

/** Fetches JSON once per URL; `error` carries the HTTP status line. */
const useJSON = <T,>(url: string): { data?: T; error?: string } => {
  const [state, setState] = React.useState<{ data?: T; error?: string }>({});
  React.useEffect(() => {
    let cancelled = false;
    setState({});
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(async (r) => {
        const body = (await r.json()) as T & { message?: string };
        if (cancelled) return;
        setState(r.ok ? { data: body } : { error: `${r.status}: ${body.message ?? r.statusText}` });
      })
      .catch((e: Error) => !cancelled && setState({ error: e.message }));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return state;
};

export const NamespaceList: React.FC<{ kind: NamespaceKind; ownNamespace?: string }> = ({ kind, ownNamespace }) => {
  const { data, error } = useJSON<{ items: K8sObj[] }>(pathOf(kind));
  // A namespace-scoped user cannot list; the console still shows the namespaces it may see.
  const names = data ? data.items.map((i) => i.metadata.name) : error && ownNamespace ? [ownNamespace] : [];
  return (
    <section className="pf-v6-c-page__main-section" data-test="namespace-list">
      <h1 className="pf-v6-c-title pf-m-2xl">{MODEL[kind].title}</h1>
      <ul className="pf-v6-c-list pf-m-plain pf-v6-u-mt-md" role="list">
        {names.map((n) => (
          <li key={n}>
            <Link to={`/k8s/cluster/${kind}/${n}`} data-test-id={`ns-${n}`}>
              {n}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
};

export const NamespaceDetails: React.FC<{ kind: NamespaceKind; extensions: ConsoleExtensions }> = ({
  kind,
  extensions,
}) => {
  const { ns = '', tab } = useParams();
  const { data: obj, error } = useJSON<K8sObj>(pathOf(kind, ns));
  const model = MODEL[kind];
  const tabs = extensions.tabs.filter((t) => modelMatches(t.properties.model, model.group, model.kind));
  const active = tabs.find((t) => t.properties.page.href === tab);
  const base = `/k8s/cluster/${kind}/${ns}`;
  return (
    <>
      <section className="pf-v6-c-page__main-section" data-test="namespace-details">
        <h1 className="pf-v6-c-title pf-m-2xl" data-test="resource-title">
          {ns}
        </h1>
        <nav className="pf-v6-c-tabs pf-v6-u-mt-md" aria-label={`${model.kind} tabs`}>
          <ul className="pf-v6-c-tabs__list" role="tablist">
            <TabItem to={base} current={!tab} label="Details" />
            {tabs.map((t) => (
              <TabItem
                key={t.uid}
                to={`${base}/${t.properties.page.href}`}
                current={tab === t.properties.page.href}
                label={translateLabel(t.properties.page.name)}
              />
            ))}
          </ul>
        </nav>
      </section>
      {error && (
        <section className="pf-v6-c-page__main-section" data-test="namespace-error">
          {error}
        </section>
      )}
      {!error && obj && !tab && (
        <section className="pf-v6-c-page__main-section" data-test="namespace-overview">
          <dl className="pf-v6-c-description-list">
            <div className="pf-v6-c-description-list__group">
              <dt className="pf-v6-c-description-list__term">Name</dt>
              <dd className="pf-v6-c-description-list__description">{obj.metadata.name}</dd>
            </div>
          </dl>
        </section>
      )}
      {!error && obj && active && <CodeRefComponent codeRef={active.properties.component} props={{ obj }} />}
      {tab && !active && (
        <section className="pf-v6-c-page__main-section" data-test="not-found">
          404: no tab &quot;{tab}&quot;
        </section>
      )}
    </>
  );
};

const TabItem: React.FC<{ to: string; current: boolean; label: string }> = ({ to, current, label }) => (
  <li className={`pf-v6-c-tabs__item${current ? ' pf-m-current' : ''}`} role="presentation">
    <Link to={to} className="pf-v6-c-tabs__link" role="tab" aria-selected={current}>
      <span className="pf-v6-c-tabs__item-text">{label}</span>
    </Link>
  </li>
);
