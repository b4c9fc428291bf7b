/**
 * The stand-in's ListPageHeader and ResourceLink render what the console's do
 * (public/components/utils/resource-link.tsx, resource-icon.tsx,
 * factory/ListPage/ListPageHeader.tsx): the same hrefs, badge text and names,
 * so the browser tests check the plugin against the console's behaviour.
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { ListPageHeader } from './ListPageHeader';
import { consoleResourcePath, ResourceLink } from './ResourceLink';

// react-router 7 marks its links for route discovery; that attribute is the router's, not the console's markup.
const html = (el: React.ReactElement) =>
  renderToStaticMarkup(React.createElement(MemoryRouter, null, el)).replace(/ data-discover="true"/g, '');

const ACTIONS = { group: 'actions.kio.kasten.io', version: 'v1alpha1' };

test.each([
  ['core~v1~Namespace', 'shop', undefined, '/k8s/cluster/namespaces/shop'],
  ['Namespace', 'shop', undefined, '/k8s/cluster/namespaces/shop'],
  ['project.openshift.io~v1~Project', 'shop', undefined, '/k8s/cluster/projects/shop'],
  ['core~v1~ConfigMap', 'cm', 'kasten-io', '/k8s/ns/kasten-io/configmaps/cm'],
  [
    'actions.kio.kasten.io~v1alpha1~BackupAction',
    'a/b?c#d "é"',
    'shop',
    `/k8s/ns/shop/actions.kio.kasten.io~v1alpha1~BackupAction/${encodeURIComponent('a/b?c#d "é"')}`,
  ],
  [
    'config.kio.kasten.io~v1alpha1~Policy',
    'daily',
    'kasten-io',
    '/k8s/ns/kasten-io/config.kio.kasten.io~v1alpha1~Policy/daily',
  ],
  [
    'config.kio.kasten.io~v1alpha1~Policy',
    undefined,
    undefined,
    '/k8s/all-namespaces/config.kio.kasten.io~v1alpha1~Policy',
  ],
])('the console path of %s %s in %s is %s', (ref, name, namespace, path) => {
  expect(consoleResourcePath(ref, name, namespace)).toBe(path);
});

test('a kind the cluster does not serve has no model, so no path (the console renders the name unlinked)', () => {
  expect(consoleResourcePath('actions.kio.kasten.io~v1alpha1~NoSuchAction', 'x', 'shop')).toBeUndefined();
  const out = html(
    React.createElement(ResourceLink, {
      groupVersionKind: { ...ACTIONS, kind: 'NoSuchAction' },
      name: 'x',
      namespace: 'shop',
    }),
  );
  expect(out).not.toContain('<a ');
  expect(out).toContain('<span class="co-resource-item__resource-name" data-test-id="x" data-test="x">x</span>');
  // Without a model the console names the kind by its reference and abbreviates that reference's capitals.
  expect(out).toContain('title="actions.kio.kasten.io~v1alpha1~NoSuchAction">NSA</span>');
});

test('a link: the kind for screen readers, the badge with the abbreviation, the name linked, the test id', () => {
  const out = html(
    React.createElement(ResourceLink, {
      groupVersionKind: { ...ACTIONS, kind: 'BackupAction' },
      name: 'backup-1',
      namespace: 'shop',
      dataTest: 'failed-action-link',
      inline: true,
    }),
  );
  expect(out).toBe(
    '<span class="co-resource-item co-resource-item--inline">' +
      '<span class="pf-v6-u-screen-reader">BackupAction</span>' +
      '<span class="co-m-resource-icon co-m-resource-backupaction" title="BackupAction">BA</span>' +
      '<a class="co-resource-item__resource-name" data-test-id="backup-1" data-test="failed-action-link" ' +
      'href="/k8s/ns/shop/actions.kio.kasten.io~v1alpha1~BackupAction/backup-1">backup-1</a></span>',
  );
});

test("a Namespace link carries the console's NS badge; displayName, hideIcon and linkTo behave as the console's", () => {
  const ns = html(
    React.createElement(ResourceLink, { groupVersionKind: { version: 'v1', kind: 'Namespace' }, name: 'shop' }),
  );
  expect(ns).toContain('title="Namespace">NS</span>');
  expect(ns).toContain('href="/k8s/cluster/namespaces/shop"');
  const shown = html(
    React.createElement(ResourceLink, {
      kind: 'Namespace',
      name: 'shop',
      displayName: 'Shop',
      hideIcon: true,
      linkTo: false,
    }),
  );
  expect(shown).toBe(
    '<span class="co-resource-item"><span class="co-resource-item__resource-name" data-test-id="Shop" data-test="Shop">Shop</span></span>',
  );
  expect(html(React.createElement(ResourceLink, { name: 'no kind' }))).toBe('');
});

test('ListPageHeader: the h1, the favourites star unless hidden, the primary action, the help text; nothing when empty', () => {
  const out = html(
    React.createElement(
      ListPageHeader,
      { title: 'Kasten', helpText: 'Backup health' },
      React.createElement('button', null, 'Act'),
    ),
  );
  expect(out).toContain('<h1 class="pf-v6-c-title pf-m-2xl">Kasten</h1>');
  expect(out).toContain('aria-label="Add to favorites"');
  expect(out).toContain('<button>Act</button>');
  expect(out).toContain('<p class="pf-v6-c-content--p">Backup health</p>');
  expect(html(React.createElement(ListPageHeader, { title: 'Kasten', hideFavoriteButton: true }))).not.toContain(
    'favorites',
  );
  const untitled = html(React.createElement(ListPageHeader, { title: '', helpText: 'only help' }));
  expect(untitled).not.toContain('<h1');
  expect(untitled).toContain('<div>only help</div>');
  expect(html(React.createElement(ListPageHeader, { title: '' }))).toBe('');
});
