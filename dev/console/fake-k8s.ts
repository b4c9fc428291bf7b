/**
 * A small in-memory Kubernetes API behind `/api/kubernetes`, answering the
 * way the API server does for what the plugin uses: GET of an object or a
 * list (with labelSelector), POST create (201, or 409 AlreadyExists), POST
 * selfsubjectaccessreviews, RBAC per the preview user, and the API's Status
 * JSON on every error.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { storySecondsAt, type Scenario } from '../simulator/scenario';
import { actionObjects, restorePointObjects, staticObjects, type K8sObject } from './cluster-objects';
import { RESOURCE_TYPES, typeKey, type ResourceType } from './resource-types';
import { parseLabelSelector, parseResourcePath } from './k8s-paths';
import { isAllowed, type PreviewUser, type ResourceAttributes } from './users';

export interface FakeK8sOptions {
  scenario: Scenario;
  storyStartMs: number;
  /** The story second the action objects stop at, as the simulator's (see storySecondsAt). */
  storyFreezeAtSeconds?: number;
  user: () => PreviewUser;
  /** Objects the preview adds to the scenario's (the recovery-point PrometheusRule its Prometheus evaluates). */
  extraObjects?: K8sObject[];
}

const status = (code: number, reason: string, message: string, details?: Record<string, string>) => ({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message,
  reason,
  ...(details ? { details } : {}),
  code,
});

const send = (res: ServerResponse, code: number, body: unknown) => {
  res.writeHead(code, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const resourceName = (t: ResourceType) => (t.group ? `${t.plural}.${t.group}` : t.plural);

const forbidden = (user: PreviewUser, verb: string, t: ResourceType, ns: string | undefined, name?: string) =>
  status(
    403,
    'Forbidden',
    `${resourceName(t)}${name ? ` "${name}"` : ''} is forbidden: User "${user.name}" cannot ${verb} resource "${t.plural}" in API group "${t.group}" ${
      ns ? `in the namespace "${ns}"` : 'at the cluster scope'
    }`,
    { ...(name ? { name } : {}), group: t.group, kind: t.plural },
  );

export interface FakeK8s {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Objects created through the API, for tests and the preview's log. */
  created(): K8sObject[];
}

export const createFakeK8s = (opts: FakeK8sOptions): FakeK8s => {
  const types = new Map(RESOURCE_TYPES.map((t) => [typeKey(t.group, t.version, t.plural), t]));
  const byKind = new Map(RESOURCE_TYPES.map((t) => [`${t.group}/${t.kind}`, t]));
  const stored = new Map<string, K8sObject>();
  const createdObjects: K8sObject[] = [];
  const keyOf = (t: ResourceType, ns: string | undefined, name: string) =>
    `${typeKey(t.group, t.version, t.plural)}|${ns ?? ''}|${name}`;
  const typeOf = (o: K8sObject): ResourceType | undefined => {
    const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0]! : '';
    return byKind.get(`${group}/${o.kind}`);
  };
  const put = (o: K8sObject) => {
    const t = typeOf(o);
    if (t) stored.set(keyOf(t, o.metadata.namespace, o.metadata.name), o);
  };
  for (const o of [...staticObjects(opts.scenario), ...(opts.extraObjects ?? [])]) {
    put(o);
    // Every Namespace is also a Project, as OpenShift shows them.
    if (o.kind === 'Namespace') put({ ...o, apiVersion: 'project.openshift.io/v1', kind: 'Project' });
  }
  let rv = 1000;

  const objectsOf = (t: ResourceType, ns: string | undefined): K8sObject[] => {
    const prefix = `${typeKey(t.group, t.version, t.plural)}|`;
    const out = [...stored.entries()].filter(([k]) => k.startsWith(prefix)).map(([, o]) => o);
    if (t.group === 'actions.kio.kasten.io') {
      const s = storySecondsAt(opts.storyStartMs, Date.now(), opts.storyFreezeAtSeconds);
      const dynamic = actionObjects(opts.scenario, opts.storyStartMs, s, ns ? new Set([ns]) : undefined).filter(
        (o) => o.kind === t.kind,
      );
      out.push(...dynamic);
    }
    if (t.group === 'apps.kio.kasten.io' && t.kind === 'RestorePoint') {
      const s = (Date.now() - opts.storyStartMs) / 1000;
      out.push(...restorePointObjects(opts.scenario, opts.storyStartMs, s, ns ? new Set([ns]) : undefined));
    }
    return t.namespaced && ns ? out.filter((o) => o.metadata.namespace === ns) : out;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const user = opts.user();
    const ref = parseResourcePath(url.pathname);
    if (!ref) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const group = ref.group ?? '';

    if (group === 'authorization.k8s.io' && ref.plural === 'selfsubjectaccessreviews') {
      if (req.method !== 'POST')
        return send(
          res,
          405,
          status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
        );
      let review: { spec?: { resourceAttributes?: ResourceAttributes } };
      try {
        review = JSON.parse(await readBody(req)) as typeof review;
      } catch {
        return send(res, 400, status(400, 'BadRequest', 'the request body is not valid JSON'));
      }
      const attrs = review.spec?.resourceAttributes ?? {};
      const allowed = isAllowed(user, attrs);
      return send(res, 201, {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        metadata: { creationTimestamp: null },
        spec: review.spec ?? {},
        status: allowed ? { allowed: true, reason: 'RBAC: allowed by the preview user' } : { allowed: false },
      });
    }

    const t = types.get(typeKey(group, ref.version, ref.plural));
    if (!t) return send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    // A request on namespaces/<name> is authorized in that namespace, as the API server does.
    const authzNamespace = t.plural === 'namespaces' || t.plural === 'projects' ? ref.name : ref.namespace;

    if (req.method === 'GET') {
      const verb = ref.name ? 'get' : 'list';
      if (!isAllowed(user, { verb, group, resource: t.plural, namespace: authzNamespace, name: ref.name })) {
        return send(res, 403, forbidden(user, verb, t, ref.namespace, ref.name));
      }
      if (ref.name) {
        const found = objectsOf(t, ref.namespace).find((o) => o.metadata.name === ref.name);
        if (!found)
          return send(
            res,
            404,
            status(404, 'NotFound', `${resourceName(t)} "${ref.name}" not found`, {
              name: ref.name,
              group,
              kind: t.plural,
            }),
          );
        return send(res, 200, found);
      }
      let items = objectsOf(t, ref.namespace);
      const selector = url.searchParams.get('labelSelector');
      if (selector) {
        const match = parseLabelSelector(selector);
        if (!match) return send(res, 400, status(400, 'BadRequest', `unable to parse requirement: ${selector}`));
        items = items.filter((o) => match(o.metadata.labels ?? {}));
      }
      return send(res, 200, {
        apiVersion: group ? `${group}/${ref.version}` : ref.version,
        kind: `${t.kind}List`,
        metadata: { resourceVersion: String(rv) },
        items,
      });
    }

    if (req.method === 'POST' && !ref.name) {
      if (!isAllowed(user, { verb: 'create', group, resource: t.plural, namespace: ref.namespace })) {
        return send(res, 403, forbidden(user, 'create', t, ref.namespace));
      }
      let obj: K8sObject;
      try {
        obj = JSON.parse(await readBody(req)) as K8sObject;
      } catch {
        return send(res, 400, status(400, 'BadRequest', 'the request body is not valid JSON'));
      }
      const name = obj?.metadata?.name;
      if (!name)
        return send(
          res,
          422,
          status(
            422,
            'Invalid',
            `${t.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
          ),
        );
      if (obj.kind !== t.kind)
        return send(
          res,
          400,
          status(400, 'BadRequest', `the kind "${obj.kind}" does not match the resource "${t.plural}"`),
        );
      if (t.namespaced && obj.metadata.namespace && obj.metadata.namespace !== ref.namespace) {
        return send(
          res,
          400,
          status(
            400,
            'BadRequest',
            'the namespace of the provided object does not match the namespace sent on the request',
          ),
        );
      }
      const key = keyOf(t, t.namespaced ? ref.namespace : undefined, name);
      if (stored.has(key))
        return send(
          res,
          409,
          status(409, 'AlreadyExists', `${resourceName(t)} "${name}" already exists`, { name, group, kind: t.plural }),
        );
      rv += 1;
      const saved: K8sObject = {
        ...obj,
        metadata: {
          ...obj.metadata,
          ...(t.namespaced ? { namespace: ref.namespace } : {}),
          uid: `created-${rv}`,
          resourceVersion: String(rv),
          creationTimestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      };
      stored.set(key, saved);
      createdObjects.push(saved);
      return send(res, 201, saved);
    }
    return send(
      res,
      405,
      status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
    );
  };

  return { handle, created: () => [...createdObjects] };
};
