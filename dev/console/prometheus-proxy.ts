/**
 * The console's two Prometheus proxy paths, with the rules the cluster applies:
 *
 * `/api/prometheus/api/v1/{query,query_range,labels,label/*,series,metadata,targets,rules}`
 *   goes to the querier for users with cluster-monitoring-view (here: admin);
 *   others get 403 from kube-rbac-proxy.
 * `/api/prometheus-tenancy/api/v1/{query,query_range,label/*,rules}` needs
 *   `namespace` (400 without), is GET only (kube-rbac-proxy maps POST to
 *   "create": 403), needs the right to view that namespace (403), and
 *   prom-label-proxy forces `namespace="<ns>"`, rejecting a query that asks for
 *   another namespace (400).
 *
 * How faithful: prom-label-proxy rewrites every selector of the query; the
 * stand-in has no PromQL parser, so it rejects conflicting `namespace`
 * matchers the same way, forwards the query unchanged, then drops result
 * series whose `namespace` is another one; a series without a `namespace`
 * label (an aggregate) is kept only when the query itself pins
 * `namespace="<ns>"`. So a tenancy query that aggregates without naming the
 * namespace returns nothing here, where the cluster would aggregate over the
 * namespace; write the matcher (the plugin always does). Label-value and
 * rules answers are not filtered.
 */
import * as http from 'http';
import * as https from 'https';
import type { IncomingMessage, ServerResponse } from 'http';
import { isAllowed, type PreviewUser } from './users';

export interface Upstream {
  /** Prometheus or Thanos querier base URL, without `/api/v1`. */
  url: string;
  bearerToken?: string;
  insecureSkipTLSVerify?: boolean;
}

/**
 * Faults a test or a reviewer can switch on, as a cluster produces them:
 * - `storeUnreachable`: Thanos with a store (the user-workload Prometheus,
 *   which holds every Kasten series) unreachable answers `status: success`
 *   without that store's series and with a warning naming it. Here every
 *   series sits in that one store, so the results come back empty.
 * - `delayMs`: the querier takes this long to answer (a slow query).
 */
export interface ProxyFaults {
  storeUnreachable?: string;
  delayMs?: number;
}

/** Thanos's warning for a store it could not reach (the text a user sees verbatim). */
export const storeWarning = (store: string): string =>
  `receive series from Addr: ${store}: rpc error: code = Unavailable desc = connection refused`;

/** A successful answer as Thanos sends it with one store missing: none of that store's series, and a warning. */
export const withoutStore = (body: unknown, store: string): unknown => {
  const b = body as { status?: string; data?: { resultType?: string; result?: unknown }; warnings?: string[] };
  if (b?.status !== 'success' || !b.data) return body;
  const emptied = Array.isArray(b.data.result) ? { ...b.data, result: [] } : b.data;
  return { ...b, data: emptied, warnings: [...(b.warnings ?? []), storeWarning(store)] };
};

// Unref'd: a held answer must not keep a test process or a stopping preview alive.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

export interface ProxyStats {
  total: number;
  byPath: Record<string, number>;
  byQuery: Record<string, number>;
  byStatus: Record<string, number>;
}

export const emptyStats = (): ProxyStats => ({ total: 0, byPath: {}, byQuery: {}, byStatus: {} });

const PLAIN = '/api/prometheus';
const TENANCY = '/api/prometheus-tenancy';
const PLAIN_ENDPOINTS = /^\/api\/v1\/(query|query_range|labels|label\/[^/]+\/values|series|metadata|targets|rules)$/;
const TENANCY_ENDPOINTS = /^\/api\/v1\/(query|query_range|label\/[^/]+\/values|rules)$/;

const text = (res: ServerResponse, code: number, body: string) =>
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' }).end(body);

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Every `namespace` matcher of a PromQL text (not `exported_namespace`), as [operator, value]. */
export const namespaceMatchers = (query: string): Array<[string, string]> => {
  const out: Array<[string, string]> = [];
  const re = /(?<![\w])namespace\s*(=~|!~|!=|=)\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`)/g;
  for (const m of query.matchAll(re)) out.push([m[1]!, m[2] ?? m[3] ?? m[4] ?? '']);
  return out;
};

interface PromSeries {
  metric?: Record<string, string>;
}

/** Drops series outside the namespace, per the rule in the header comment. */
export const filterToNamespace = (body: unknown, ns: string, query: string): unknown => {
  const b = body as { status?: string; data?: { resultType?: string; result?: unknown } };
  if (b?.status !== 'success' || !b.data || !Array.isArray(b.data.result)) return body;
  if (b.data.resultType !== 'vector' && b.data.resultType !== 'matrix') return body;
  const pinned = namespaceMatchers(query).some(([op, v]) => op === '=' && v === ns);
  const result = (b.data.result as PromSeries[]).filter((s) => {
    const labelled = s.metric?.namespace;
    return labelled === undefined ? pinned : labelled === ns;
  });
  return { ...b, data: { ...b.data, result } };
};

interface UpstreamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const forward = (
  upstream: Upstream,
  pathAndQuery: string,
  method: string,
  body: Buffer | undefined,
  contentType?: string,
): Promise<UpstreamAnswer> =>
  new Promise((resolve, reject) => {
    const target = new URL(upstream.url.replace(/\/$/, '') + pathAndQuery);
    const lib = target.protocol === 'https:' ? https : http;
    const headers: http.OutgoingHttpHeaders = { Accept: 'application/json' };
    if (upstream.bearerToken) headers.Authorization = `Bearer ${upstream.bearerToken}`;
    if (body && body.length) {
      headers['Content-Type'] = contentType ?? 'application/x-www-form-urlencoded';
      headers['Content-Length'] = body.length;
    }
    const req = lib.request(
      target,
      {
        method,
        headers,
        timeout: 120_000,
        ...(target.protocol === 'https:' ? { rejectUnauthorized: !upstream.insecureSkipTLSVerify } : {}),
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(chunks) }));
        r.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('upstream timeout')));
    req.on('error', reject);
    if (body && body.length) req.write(body);
    req.end();
  });

export interface PrometheusProxy {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  stats(): ProxyStats;
  resetStats(): void;
  faults(): ProxyFaults;
  setFaults(faults: ProxyFaults): void;
}

export const createPrometheusProxy = (opts: { upstream: () => Upstream; user: () => PreviewUser }): PrometheusProxy => {
  let stats = emptyStats();
  let faults: ProxyFaults = {};
  const count = (path: string, query: string | null, code: number) => {
    stats.total += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    if (query !== null) stats.byQuery[query] = (stats.byQuery[query] ?? 0) + 1;
    stats.byStatus[String(code)] = (stats.byStatus[String(code)] ?? 0) + 1;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const tenancy = url.pathname.startsWith(`${TENANCY}/`);
    const prefix = tenancy ? TENANCY : PLAIN;
    const endpoint = url.pathname.slice(prefix.length);
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? await readBody(req) : undefined;
    const params = new URLSearchParams(url.search);
    if (body && String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.append(k, v);
    }
    const query = params.get('query') ?? params.get('match[]');
    const reply = (code: number, fn: () => void) => {
      count(url.pathname, query, code);
      fn();
    };
    const user = opts.user();

    if (!(tenancy ? TENANCY_ENDPOINTS : PLAIN_ENDPOINTS).test(endpoint))
      return reply(404, () => text(res, 404, '404 page not found\n'));
    if (method !== 'GET' && method !== 'POST') return reply(405, () => text(res, 405, 'Method Not Allowed\n'));

    let ns: string | null = null;
    if (tenancy) {
      ns = params.get('namespace');
      if (!ns) return reply(400, () => text(res, 400, 'Bad Request. The request or configuration is malformed.\n'));
      if (
        method !== 'GET' ||
        !isAllowed(user, { verb: 'get', group: 'metrics.k8s.io', resource: 'pods', namespace: ns })
      ) {
        const verb = method === 'GET' ? 'get' : 'create';
        return reply(403, () =>
          text(res, 403, `Forbidden (user=${user.name}, verb=${verb}, resource=pods, subresource=)\n`),
        );
      }
      const conflicting = query ? namespaceMatchers(query).find(([op, v]) => !(op === '=' && v === ns)) : undefined;
      if (conflicting) {
        return reply(400, () =>
          res.writeHead(400, { 'Content-Type': 'application/json' }).end(
            JSON.stringify({
              status: 'error',
              errorType: 'prom-label-proxy',
              error: `label matcher value (namespace${conflicting[0]}"${conflicting[1]}") conflicts with injected value (namespace="${ns}")`,
            }),
          ),
        );
      }
    } else if (
      !isAllowed(user, { verb: 'get', group: 'monitoring.coreos.com', resource: 'prometheuses', subresource: 'api' })
    ) {
      return reply(403, () =>
        text(res, 403, `Forbidden (user=${user.name}, verb=get, resource=prometheuses, subresource=api)\n`),
      );
    }

    if (faults.delayMs) await sleep(faults.delayMs);
    let answer: UpstreamAnswer;
    try {
      answer = await forward(
        opts.upstream(),
        `${endpoint}${url.search}`,
        method,
        body,
        String(req.headers['content-type'] ?? ''),
      );
    } catch {
      // The bridge's reverse proxy answers 502 with no body when the querier cannot be reached.
      return reply(502, () => res.writeHead(502).end());
    }
    let out = answer.body;
    const store = faults.storeUnreachable;
    if (((tenancy && ns && query) || store) && String(answer.headers['content-type'] ?? '').includes('json')) {
      try {
        let json: unknown = JSON.parse(answer.body.toString('utf8'));
        if (tenancy && ns && query) json = filterToNamespace(json, ns, query);
        if (store) json = withoutStore(json, store);
        out = Buffer.from(JSON.stringify(json));
      } catch {
        /* not JSON after all: pass it through */
      }
    }
    reply(answer.status, () =>
      res
        .writeHead(answer.status, {
          'Content-Type': String(answer.headers['content-type'] ?? 'application/json'),
          'Cache-Control': 'no-store',
        })
        .end(out),
    );
  };

  return {
    handle,
    stats: () => structuredClone(stats),
    resetStats: () => (stats = emptyStats()),
    faults: () => ({ ...faults }),
    setFaults: (f) => {
      faults = { ...f };
    },
  };
};
