/**
 * The console's ResourceLink (frontend/public/components/utils/resource-link.tsx
 * and resource-icon.tsx), restated for the stand-in: the kind badge (the
 * model's abbreviation, else the capitals of the kind), then the name linked to
 * the object's console page, or plain text when the console has no model for
 * the kind (the API does not serve it) or `linkTo` is false.
 */
import * as React from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { Link } from '../router';
import { RESOURCE_TYPES, type ResourceType } from '../../resource-types';

interface ConsoleModel extends ResourceType {
  abbr: string;
  /** Discovered custom resources are addressed by group~version~kind, the console's built-in models by plural. */
  crd: boolean;
}

/** The console's abbreviation of a kind without a set one: its capitals, at most four. */
const kindToAbbr = (kind: string): string => {
  const abbr = (kind.replace(/[^A-Z]/g, '') || kind.toUpperCase()).slice(0, 4);
  return ['ASS', 'FAG'].includes(abbr) ? abbr.slice(0, -1) : abbr;
};

/** Abbreviations the console's static models set instead of the capitals. */
const STATIC_ABBR: Record<string, string> = { Namespace: 'NS', Project: 'PR' };

/** Kasten's kinds reach the console by API discovery (CRDs and its aggregated API); the rest are built in. */
const isDiscovered = (t: ResourceType) => t.group.endsWith('kio.kasten.io');

const reference = (gvk: SDK.K8sGroupVersionKind): string => [gvk.group || 'core', gvk.version, gvk.kind].join('~');

const MODELS = new Map<string, ConsoleModel>();
for (const t of RESOURCE_TYPES) {
  const model = { ...t, abbr: STATIC_ABBR[t.kind] ?? kindToAbbr(t.kind), crd: isDiscovered(t) };
  MODELS.set(reference(t), model);
  // The console also finds built-in models by kind alone (modelFor's kindForReference fallback).
  if (!model.crd) MODELS.set(t.kind, model);
}

const modelFor = (ref: string): ConsoleModel | undefined => MODELS.get(ref) ?? MODELS.get(ref.split('~').pop() ?? ref);

/** resourcePathFromModel: /k8s/cluster/… or /k8s/ns/<namespace>/…, the name URL-encoded, the namespace not. */
export const consoleResourcePath = (ref: string, name?: string, namespace?: string): string | undefined => {
  const model = modelFor(ref);
  if (!model) return undefined;
  const scope = model.namespaced ? (namespace ? `ns/${namespace}/` : 'all-namespaces/') : 'cluster/';
  const kindPart = model.crd ? reference(model) : model.plural;
  return `/k8s/${scope}${kindPart}${name ? `/${encodeURIComponent(name)}` : ''}`;
};

// The console's badge and link styles (public/components/_resource.scss), in the page once.
const STYLE_ID = 'stand-in-resource-link';
const STYLES = `
.co-m-resource-icon { background-color: #2b9af3; border-radius: 20px; color: var(--pf-t--color--white, #fff);
  display: inline-block; flex-shrink: 0; font-size: var(--pf-t--global--font--size--body--default); line-height: 16px;
  margin-right: 4px; min-width: 18px; padding: 1px 4px; text-align: center; white-space: nowrap; }
.co-m-resource-namespace, .co-m-resource-project { background-color: #1e4f18; }
.co-m-resource-policy { background-color: #8476d1; }
.co-resource-item { align-items: baseline; display: flex; min-width: 0; overflow-wrap: anywhere; word-break: break-word; }
.co-resource-item--inline { display: inline-flex; margin: 0 20px 0 0; }
.co-resource-item__resource-name { min-width: 0; }
`;
const useConsoleStyles = () => {
  React.useEffect(() => {
    if (document.getElementById(STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = STYLES;
    document.head.appendChild(style);
  }, []);
};

const ResourceIcon: React.FC<{ kindReference: string }> = ({ kindReference }) => {
  const model = modelFor(kindReference);
  const kind = model?.kind ?? kindReference;
  return (
    <>
      <span className="pf-v6-u-screen-reader">{kind}</span>
      <span className={`co-m-resource-icon co-m-resource-${kind.toLowerCase()}`} title={kind}>
        {model?.abbr ?? kindToAbbr(kind)}
      </span>
    </>
  );
};

export const ResourceLink: typeof SDK.ResourceLink = ({
  className,
  displayName,
  inline = false,
  kind,
  groupVersionKind,
  linkTo = true,
  name,
  nameSuffix,
  namespace,
  hideIcon,
  title,
  children,
  dataTest,
  onClick,
  truncate,
}) => {
  useConsoleStyles();
  if (!kind && !groupVersionKind) return null;
  const kindReference = groupVersionKind ? reference(groupVersionKind) : (kind as string);
  const path = linkTo ? consoleResourcePath(kindReference, name, namespace) : undefined;
  const value = displayName ? displayName : name;
  const classes = [
    'co-resource-item',
    className,
    inline && 'co-resource-item--inline',
    truncate && 'co-resource-item--truncate',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <span className={classes}>
      {!hideIcon && <ResourceIcon kindReference={kindReference} />}
      {path ? (
        <Link
          to={path}
          title={title}
          className="co-resource-item__resource-name"
          data-test-id={value}
          data-test={dataTest ?? value}
          onClick={onClick}
        >
          {value}
          {nameSuffix}
        </Link>
      ) : (
        <span className="co-resource-item__resource-name" data-test-id={value} data-test={dataTest ?? value}>
          {value}
          {nameSuffix}
        </span>
      )}
      {children}
    </span>
  );
};
