/**
 * The Kubernetes side of the stand-in SDK, against the fake API behind the
 * console's proxy (`/api/kubernetes`). useK8sWatchResource polls instead of
 * watching over a websocket, and returns what the console's hook returns:
 * `[undefined, true, undefined]` for a null resource, `[[] or {}, false,
 * undefined]` before the first answer, then `[data, true, undefined]`, or the
 * last data with `loaded` false and the HttpError (`.response.status`) on failure.
 */
import * as React from 'react';
import type * as SDK from '@openshift-console/dynamic-plugin-sdk';
import { pluralFor, resourcePath, selectorToString, type LabelSelector } from '../../k8s-paths';
import { consoleFetchJSON, fetchText } from './console-fetch';

type K8sResourceCommon = SDK.K8sResourceCommon;

export const WATCH_POLL_MS = 3000;

/** POST to the collection URL (`k8sCreateResource`, which the SDK exports as k8sCreate). */
export const k8sCreate = (<R extends K8sResourceCommon>(options: {
  model: SDK.K8sModel;
  data: R;
  ns?: string;
  path?: string;
  queryParams?: Record<string, unknown>;
}) => {
  const { model, data } = options;
  const ns = options.ns ?? data?.metadata?.namespace;
  const url = resourcePath({
    group: model.apiGroup,
    version: model.apiVersion,
    plural: model.plural,
    namespace: model.namespaced ? ns : undefined,
  });
  const query = options.queryParams
    ? `?${new URLSearchParams(options.queryParams as Record<string, string>).toString()}`
    : '';
  return consoleFetchJSON.post(`${url}${options.path ? `/${options.path}` : ''}${query}`, data) as Promise<R>;
}) as typeof SDK.k8sCreate;

const watchUrl = (r: SDK.WatchK8sResource): string | undefined => {
  const gvk = r.groupVersionKind;
  if (!gvk) return undefined;
  const path = resourcePath({
    group: gvk.group,
    version: gvk.version,
    plural: pluralFor(gvk.kind),
    namespace: r.namespace,
    name: r.isList ? undefined : r.name,
  });
  const params = new URLSearchParams();
  const selector = selectorToString(r.selector as LabelSelector | undefined);
  if (selector) params.set('labelSelector', selector);
  if (r.fieldSelector) params.set('fieldSelector', r.fieldSelector);
  if (r.limit) params.set('limit', String(r.limit));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

type WatchState = { data: unknown; loaded: boolean; loadError: unknown };

/**
 * One poller per watched resource, shared by every hook that watches it, as the console shares one
 * list-and-watch per resource through its redux store. A poll whose body is unchanged notifies no one:
 * the console's websocket watch only delivers changes, so a page never re-renders for an unchanged list.
 */
interface SharedWatch {
  state: WatchState;
  body?: string;
  listeners: Set<(s: WatchState) => void>;
  stop: () => void;
}

const watches = new Map<string, SharedWatch>();

const startWatch = (key: string): SharedWatch => {
  const r = JSON.parse(key) as SDK.WatchK8sResource;
  const url = watchUrl(r);
  const empty = r.isList ? [] : {};
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();
  const watch: SharedWatch = {
    state: { data: empty, loaded: false, loadError: undefined },
    listeners: new Set(),
    stop: () => {
      cancelled = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    },
  };
  const publish = (state: WatchState) => {
    watch.state = state;
    for (const l of watch.listeners) l(state);
  };
  if (!url) {
    watch.state = { data: empty, loaded: true, loadError: new Error('Model does not exist') };
    return watch;
  }
  const poll = () => {
    fetchText(url, controller.signal)
      .then((text) => {
        if (cancelled || (text === watch.body && watch.state.loaded)) return;
        const body = (text ? JSON.parse(text) : {}) as { items?: unknown[] };
        watch.body = text;
        publish({ data: r.isList ? (body.items ?? []) : body, loaded: true, loadError: undefined });
      })
      .catch((e: unknown) => {
        if (!cancelled) publish({ data: watch.state.data, loaded: false, loadError: e });
      })
      .finally(() => {
        if (!cancelled) timer = setTimeout(poll, WATCH_POLL_MS);
      });
  };
  poll();
  return watch;
};

const subscribe = (key: string, listener: (s: WatchState) => void): (() => void) => {
  let watch = watches.get(key);
  if (!watch) {
    watch = startWatch(key);
    watches.set(key, watch);
  }
  const shared = watch;
  shared.listeners.add(listener);
  return () => {
    shared.listeners.delete(listener);
    if (shared.listeners.size === 0) {
      shared.stop();
      watches.delete(key);
    }
  };
};

export const useK8sWatchResource = (<R extends K8sResourceCommon | K8sResourceCommon[]>(
  resource: SDK.WatchK8sResource | null,
) => {
  const key = resource ? JSON.stringify(resource) : '';
  const isList = !!resource?.isList;
  const [state, setState] = React.useState<WatchState>({ data: isList ? [] : {}, loaded: false, loadError: undefined });
  React.useEffect(() => {
    if (!key) return undefined;
    const unsubscribe = subscribe(key, setState);
    // A watch another hook already holds answers at once, as the console's store does.
    setState(watches.get(key)?.state ?? { data: isList ? [] : {}, loaded: false, loadError: undefined });
    return unsubscribe;
  }, [key, isList]);
  if (!resource) return [undefined, true, undefined] as unknown as SDK.WatchK8sResult<R>;
  return [state.data, state.loaded, state.loadError] as SDK.WatchK8sResult<R>;
}) as typeof SDK.useK8sWatchResource;

const SELF_SUBJECT_ACCESS_REVIEW: SDK.K8sModel = {
  apiGroup: 'authorization.k8s.io',
  apiVersion: 'v1',
  kind: 'SelfSubjectAccessReview',
  plural: 'selfsubjectaccessreviews',
  abbr: 'SSAR',
  label: 'SelfSubjectAccessReview',
  labelPlural: 'SelfSubjectAccessReviews',
  namespaced: false,
};

/**
 * `[allowed, loading]`. Like the console, a review with neither group nor
 * resource is not sent (not allowed), and a review that fails to come back
 * counts as allowed: the API server still enforces the real decision.
 */
export const useAccessReview: typeof SDK.useAccessReview = (attrs, _impersonate, noCheckForEmptyGroupAndResource) => {
  const key = JSON.stringify(attrs ?? {});
  const [result, setResult] = React.useState<[boolean, boolean]>([false, true]);
  React.useEffect(() => {
    const a = JSON.parse(key) as SDK.AccessReviewResourceAttributes;
    if (!noCheckForEmptyGroupAndResource && !a.group && !a.resource) {
      setResult([false, false]);
      return undefined;
    }
    let cancelled = false;
    setResult([false, true]);
    const review = {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: {
        resourceAttributes: {
          group: a.group,
          resource: a.resource,
          subresource: a.subresource,
          verb: a.verb,
          name: a.name,
          namespace: a.namespace,
        },
      },
    };
    k8sCreate({ model: SELF_SUBJECT_ACCESS_REVIEW, data: review as K8sResourceCommon & typeof review })
      .then((r) => {
        const status = (r as { status?: { allowed?: boolean } }).status;
        if (!cancelled) setResult([status?.allowed === true, false]);
      })
      .catch(() => {
        if (!cancelled) setResult([true, false]);
      });
    return () => {
      cancelled = true;
    };
  }, [key, noCheckForEmptyGroupAndResource]);
  return result;
};
