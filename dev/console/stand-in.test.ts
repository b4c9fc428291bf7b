import { alignToBlock, pointsEvery, startPrometheus, type PrometheusServer } from '../prometheus/harness';
import { buildScenario, DEFAULT_SCENARIO, FAILING_NAMESPACE, FAILING_POLICY } from '../simulator/scenario';
import { startConsole, DEFAULT_PLUGIN_CONFIG, type ConsoleServer } from './server';
import { parseUser } from './users';

const T0 = alignToBlock(1704067200);
const AT = T0 + 600;
let prom: PrometheusServer;
let consoleServer: ConsoleServer;

beforeAll(async () => {
  const flat = (v: number) => pointsEvery(T0, T0 + 1800, 30, () => v);
  prom = await startPrometheus({
    fixtures: [
      {
        name: 'catalog_actions_count',
        type: 'gauge',
        series: [
          {
            labels: {
              namespace: 'kasten-io',
              exported_namespace: 'app1',
              policy: 'p',
              status: 'failed',
              type: 'backup',
              liveness: 'live',
            },
            points: flat(2),
          },
        ],
      },
      {
        name: 'container_memory_working_set_bytes',
        type: 'gauge',
        series: [
          { labels: { namespace: 'kasten-io', pod: 'catalog', container: '' }, points: flat(100) },
          { labels: { namespace: 'app1', pod: 'web', container: '' }, points: flat(7) },
        ],
      },
    ],
  });
  consoleServer = await startConsole({
    scenario: buildScenario(DEFAULT_SCENARIO),
    storyStartMs: Date.now(),
    user: parseUser('admin'),
    upstream: { url: prom.url },
    pluginConfig: DEFAULT_PLUGIN_CONFIG,
  });
}, 60_000);

afterAll(async () => {
  await consoleServer?.stop();
  await prom?.stop();
});

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${consoleServer.url}${path}`, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    text,
    json: json as { data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } } & Record<
      string,
      unknown
    >,
  };
};
const q = (path: string, query: string, extra: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ query, time: String(AT), ...extra }).toString()}`;

describe('Prometheus proxy', () => {
  beforeEach(() => consoleServer.setUser(parseUser('admin')));

  test('forwards /api/prometheus for a cluster-monitoring-view user and counts requests', async () => {
    consoleServer.resetStats();
    const r = await get(q('/api/prometheus/api/v1/query', 'sum(container_memory_working_set_bytes)'));
    expect(r.status).toBe(200);
    expect(r.json.data?.result[0]?.value[1]).toBe('107');
    const stats = consoleServer.stats();
    expect(stats.total).toBe(1);
    expect(stats.byPath['/api/prometheus/api/v1/query']).toBe(1);
    expect(stats.byQuery['sum(container_memory_working_set_bytes)']).toBe(1);
    expect((await get('/api/prometheus/api/v1/status/config')).status).toBe(404);
  });

  test('denies /api/prometheus to a namespace viewer, as kube-rbac-proxy does', async () => {
    consoleServer.setUser(parseUser('viewer:kasten-io'));
    expect((await get(q('/api/prometheus/api/v1/query', 'up'))).status).toBe(403);
  });

  test('tenancy: namespace required, GET only, only namespaces the user may view', async () => {
    consoleServer.setUser(parseUser('viewer:kasten-io'));
    expect((await get(q('/api/prometheus-tenancy/api/v1/query', 'up'))).status).toBe(400);
    const post = await get('/api/prometheus-tenancy/api/v1/query?namespace=kasten-io', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'query=up',
    });
    expect(post.status).toBe(403);
    expect((await get(q('/api/prometheus-tenancy/api/v1/query', 'up', { namespace: 'app1' }))).status).toBe(403);
    expect((await get(q('/api/prometheus-tenancy/api/v1/series', 'up', { namespace: 'kasten-io' }))).status).toBe(404);
  });

  test('tenancy enforces namespace="<ns>": other namespaces are filtered out, conflicting matchers rejected', async () => {
    consoleServer.setUser(parseUser('viewer:kasten-io'));
    const all = await get(
      q('/api/prometheus-tenancy/api/v1/query', 'container_memory_working_set_bytes', { namespace: 'kasten-io' }),
    );
    expect(all.status).toBe(200);
    expect(all.json.data?.result.map((s) => s.metric.namespace)).toEqual(['kasten-io']);
    const pinned = await get(
      q('/api/prometheus-tenancy/api/v1/query', 'sum(container_memory_working_set_bytes{namespace="kasten-io"})', {
        namespace: 'kasten-io',
      }),
    );
    expect(pinned.json.data?.result[0]?.value[1]).toBe('100');
    const conflict = await get(
      q('/api/prometheus-tenancy/api/v1/query', 'container_memory_working_set_bytes{namespace="app1"}', {
        namespace: 'kasten-io',
      }),
    );
    expect(conflict.status).toBe(400);
    expect(String(conflict.json.error)).toMatch(/conflicts with injected value/);
    // exported_namespace is Kasten's label, not the tenancy one.
    const exported = await get(
      q('/api/prometheus-tenancy/api/v1/query', 'catalog_actions_count{exported_namespace="app1"}', {
        namespace: 'kasten-io',
      }),
    );
    expect(exported.json.data?.result).toHaveLength(1);
  });

  test('answers 502 when Prometheus is down', async () => {
    const down = await startConsole({
      scenario: buildScenario(DEFAULT_SCENARIO),
      storyStartMs: Date.now(),
      user: parseUser('admin'),
      upstream: { url: 'http://127.0.0.1:1' },
      pluginConfig: DEFAULT_PLUGIN_CONFIG,
    });
    try {
      expect((await fetch(`${down.url}/api/prometheus/api/v1/query?query=up`)).status).toBe(502);
    } finally {
      await down.stop();
    }
  });
});

describe('injected faults (/__preview/prometheus/faults)', () => {
  beforeEach(() => consoleServer.setUser(parseUser('admin')));
  afterEach(() => consoleServer.proxy.setFaults({}));

  const setFaults = (body: unknown) =>
    get('/__preview/prometheus/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  test('a store unreachable: success, no series, and the warning Thanos gives; clearing restores the data', async () => {
    const store = 'prometheus-user-workload-0:10901';
    expect((await setFaults({ storeUnreachable: store })).json).toEqual({ storeUnreachable: store });
    const partial = await get(q('/api/prometheus/api/v1/query', 'catalog_actions_count'));
    expect(partial.status).toBe(200);
    expect(partial.json).toMatchObject({
      status: 'success',
      data: { resultType: 'vector', result: [] },
      warnings: [`receive series from Addr: ${store}: rpc error: code = Unavailable desc = connection refused`],
    });
    // The tenancy path gets the same treatment.
    consoleServer.setUser(parseUser('viewer:kasten-io'));
    const tenancy = await get(
      q('/api/prometheus-tenancy/api/v1/query', 'catalog_actions_count{namespace="kasten-io"}', {
        namespace: 'kasten-io',
      }),
    );
    expect(tenancy.json.warnings).toHaveLength(1);
    consoleServer.setUser(parseUser('admin'));
    await setFaults({});
    const whole = await get(q('/api/prometheus/api/v1/query', 'catalog_actions_count'));
    expect(whole.json.warnings).toBeUndefined();
    expect(whole.json.data?.result).toHaveLength(1);
  });

  test('a slow querier: the answer is held while other requests are served', async () => {
    await setFaults({ delayMs: 300_000 });
    const abort = new AbortController();
    let settled = false;
    const slow = fetch(`${consoleServer.url}${q('/api/prometheus/api/v1/query', 'up')}`, { signal: abort.signal })
      .catch(() => undefined)
      .finally(() => {
        settled = true;
      });
    // The preview's own endpoints are not delayed, so this answers while the query is held.
    expect((await get('/__preview/prometheus/faults')).json).toEqual({ delayMs: 300_000 });
    expect(settled).toBe(false);
    abort.abort();
    await slow;
  });

  test.each([
    [[], 'expected a JSON object'],
    [{ delayMs: -1 }, 'delayMs: whole milliseconds from 0 to 300000'],
    [{ delayMs: 1.5 }, 'delayMs: whole milliseconds from 0 to 300000'],
    [{ storeUnreachable: '' }, 'storeUnreachable: the store address, a non-empty string'],
    [{ slow: true }, 'unknown fault "slow"'],
  ])('refuses %p', async (body, error) => {
    const r = await setFaults(body);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error });
  });
});

describe('fake Kubernetes API and plugin files', () => {
  beforeEach(() => consoleServer.setUser(parseUser('admin')));

  test('serves scenario objects, label selectors and Status errors', async () => {
    const cm = await get('/api/kubernetes/api/v1/namespaces/openshift-monitoring/configmaps/cluster-monitoring-config');
    expect(cm.json.data).toEqual({ 'config.yaml': 'enableUserWorkload: true\n' });
    const policies = await get('/api/kubernetes/apis/config.kio.kasten.io/v1alpha1/namespaces/kasten-io/policies');
    expect((policies.json.items as unknown[]).length).toBe(DEFAULT_SCENARIO.policies);
    const actions = await get(
      `/api/kubernetes/apis/actions.kio.kasten.io/v1alpha1/namespaces/${FAILING_NAMESPACE}/backupactions?labelSelector=${encodeURIComponent(`k10.kasten.io/policyName=${FAILING_POLICY}`)}`,
    );
    const states = (actions.json.items as Array<{ status: { state: string } }>).map((a) => a.status.state);
    expect(states).toContain('Failed');
    expect(states).toContain('Complete');
    const missing = await get(
      '/api/kubernetes/apis/monitoring.coreos.com/v1/namespaces/kasten-io/servicemonitors/nope',
    );
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
  });

  test('create stores the object, then 409 AlreadyExists; a viewer gets 403', async () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-uwm-test', namespace: 'kasten-io' },
      spec: { podSelector: {} },
    };
    const post = () =>
      get('/api/kubernetes/apis/networking.k8s.io/v1/namespaces/kasten-io/networkpolicies', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(np),
      });
    expect((await post()).status).toBe(201);
    expect(
      (await get('/api/kubernetes/apis/networking.k8s.io/v1/namespaces/kasten-io/networkpolicies/allow-uwm-test'))
        .status,
    ).toBe(200);
    const again = await post();
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ kind: 'Status', reason: 'AlreadyExists' });
    consoleServer.setUser(parseUser('viewer:kasten-io'));
    expect((await post()).status).toBe(403);
  });

  test('access reviews follow the preview user', async () => {
    const review = async (attrs: Record<string, string>) =>
      (
        await get('/api/kubernetes/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
          method: 'POST',
          body: JSON.stringify({
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes: attrs },
          }),
        })
      ).json as { status: { allowed: boolean } };
    consoleServer.setUser(parseUser('viewer:app1'));
    expect((await review({ verb: 'list', resource: 'pods', namespace: 'app1' })).status.allowed).toBe(true);
    expect(
      (await review({ verb: 'create', resource: 'networkpolicies', group: 'networking.k8s.io', namespace: 'app1' }))
        .status.allowed,
    ).toBe(false);
    expect(
      (
        await review({
          verb: 'get',
          group: 'monitoring.coreos.com',
          resource: 'prometheuses',
          subresource: 'api',
          name: 'k8s',
        })
      ).status.allowed,
    ).toBe(false);
    expect((await get('/api/kubernetes/api/v1/namespaces')).status).toBe(403);
    consoleServer.setUser(parseUser('admin'));
    expect(
      (
        await review({
          verb: 'get',
          group: 'monitoring.coreos.com',
          resource: 'prometheuses',
          subresource: 'api',
          name: 'k8s',
        })
      ).status.allowed,
    ).toBe(true);
  });

  test('serves plugin-config.json and the plugin locale at the console URL', async () => {
    expect((await get('/api/plugins/kasten-console-plugin/plugin-config.json')).json).toEqual(DEFAULT_PLUGIN_CONFIG);
    const locale = await get('/locales/resource.json?lng=en&ns=plugin__kasten-console-plugin');
    expect([200, 404]).toContain(locale.status);
    expect((await get('/api/plugins/kasten-console-plugin/..%2Fpackage.json')).status).toBe(404);
  });

  test("the host page loads PatternFly's chart stylesheet globally, as the console's vendor.scss does", async () => {
    const page = await get('/k8s/cluster/projects');
    const sheets = [...page.text.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!);
    expect(sheets).toContain('/static/patternfly/patternfly-charts.css');
    for (const sheet of sheets) {
      const css = await get(sheet);
      expect([sheet, css.status]).toEqual([sheet, 200]);
    }
    // The plugin's chart colours and their dark-theme values are this file's variables.
    const charts = (await get('/static/patternfly/patternfly-charts.css')).text;
    expect(charts).toMatch(/--pf-t--chart--global--danger--color--100:/);
    expect(charts).toMatch(/\.pf-v6-theme-dark/);
  });
});
