import * as React from 'react';
import { NavLink } from './router';
import { placeNavItems, type ConsoleExtensions, type NavEntry } from './extensions';
import { translateLabel } from './i18n';

/** The Observe items the monitoring plugin contributes on a real cluster, as stubs. */
const OBSERVE_BASE: NavEntry[] = [
  { id: 'alerting', name: 'Alerting', href: '/monitoring/alerts', fromPlugin: false },
  { id: 'metrics', name: 'Metrics', href: '/monitoring/query-browser', fromPlugin: false },
  { id: 'dashboards', name: 'Dashboards', href: '/monitoring/dashboards', fromPlugin: false },
  { id: 'targets', name: 'Targets', href: '/monitoring/targets', fromPlugin: false },
];

const navClass = ({ isActive }: { isActive: boolean }) => `pf-v6-c-nav__link${isActive ? ' pf-m-current' : ''}`;

const NavList: React.FC<{ items: NavEntry[] }> = ({ items }) => (
  <ul className="pf-v6-c-nav__list" role="list">
    {items.map((i) => (
      <li className="pf-v6-c-nav__item" key={i.id} data-test-id={`nav-${i.id}`}>
        <NavLink to={i.href} className={navClass}>
          {i.name}
        </NavLink>
      </li>
    ))}
  </ul>
);

export const ObserveNav: React.FC<{ extensions: ConsoleExtensions }> = ({ extensions }) => {
  const observe = placeNavItems(
    OBSERVE_BASE,
    extensions.navItems
      .filter((e) => e.properties.section === 'observe' && (e.properties.perspective ?? 'admin') === 'admin')
      .map((e) => ({ ...e.properties, name: translateLabel(e.properties.name), fromPlugin: true })),
  );
  return (
    <nav className="pf-v6-c-nav" aria-label="Global">
      <section className="pf-v6-c-nav__section" aria-labelledby="nav-home">
        <h2 className="pf-v6-c-nav__section-title" id="nav-home">
          Home
        </h2>
        <NavList items={[{ id: 'projects', name: 'Projects', href: '/k8s/cluster/projects', fromPlugin: false }]} />
      </section>
      <section className="pf-v6-c-nav__section" aria-labelledby="nav-observe" data-test="nav-observe">
        <h2 className="pf-v6-c-nav__section-title" id="nav-observe">
          Observe
        </h2>
        <NavList items={observe} />
      </section>
      <section className="pf-v6-c-nav__section" aria-labelledby="nav-admin">
        <h2 className="pf-v6-c-nav__section-title" id="nav-admin">
          Administration
        </h2>
        <NavList
          items={[{ id: 'namespaces', name: 'Namespaces', href: '/k8s/cluster/namespaces', fromPlugin: false }]}
        />
      </section>
    </nav>
  );
};
