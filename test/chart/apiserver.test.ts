/**
 * The chart against a real Kubernetes API server (test/chart/apiserver.ts) with the real CRDs:
 * every values combination is installed by the real helm from the real package, upgraded and
 * uninstalled; the enable/disable script runs against a real consoles.operator.openshift.io/cluster.
 * No kubelet runs here, so the hook Jobs' own commands are run by the test, as the Job's
 * ServiceAccount (see runHookJobs); helm still creates, waits for and deletes the hook objects.
 */
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { helmBinary, parseObjects, RELEASE, ROOT, type Values } from './helm';
import { ocShim, runHookJobs, startCluster, type Cluster, type HookRun } from './apiserver';

jest.setTimeout(900_000);

const PLUGIN = 'kasten-console-plugin';
const SCRIPT = path.join(ROOT, 'charts/kasten-console-plugin/files/console-plugins.sh');
const OTHERS = ['monitoring-plugin', 'networking-console-plugin'];
const MiB = 1024 * 1024;

let cluster: Cluster;
let work: string;
let tgz: string;
const figures: string[] = [];

const packageChart = (dist: string, compat?: string): string => {
  const out = fs.mkdtempSync(path.join(work, 'out-'));
  execFileSync('bash', [path.join(ROOT, 'scripts/package-chart.sh'), out], {
    env: { ...process.env, SKIP_BUILD: '1', DIST: dist, DIST_COMPAT: compat ?? path.join(work, 'no-compat') },
    stdio: 'pipe',
  });
  return path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.tgz'))!);
};

const helm = (args: string[], values?: Values): Promise<{ code: number; out: string }> => {
  const valueArgs: string[] = [];
  if (values) {
    const file = path.join(work, `values-${Date.now()}-${Math.random().toString(36).slice(2)}.yaml`);
    fs.writeFileSync(file, yaml.dump(values));
    valueArgs.push('-f', file);
  }
  return new Promise((resolve) => {
    execFile(
      helmBinary(),
      [...args, ...valueArgs],
      {
        env: {
          ...process.env,
          KUBECONFIG: cluster.kubeconfig,
          HELM_CACHE_HOME: path.join(work, 'helm'),
          HELM_CONFIG_HOME: path.join(work, 'helm'),
          HELM_DATA_HOME: path.join(work, 'helm'),
        },
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err.code as number) ?? 1) : 0, out: stdout + stderr }),
    );
  });
};

const consolePlugins = (): string[] | undefined =>
  (
    JSON.parse(cluster.kubectl(['get', 'consoles.operator.openshift.io', 'cluster', '-o', 'json'])) as {
      spec: { plugins?: string[] };
    }
  ).spec.plugins;

const setConsolePlugins = (plugins: string[] | undefined): void => {
  const spec = plugins === undefined ? {} : { plugins };
  cluster.kubectl(
    ['apply', '--server-side', '--force-conflicts', '-f', '-'],
    JSON.stringify({ apiVersion: 'operator.openshift.io/v1', kind: 'Console', metadata: { name: 'cluster' }, spec }),
  );
  // Server-side apply leaves a removed list in place when another manager owns it: make sure.
  if (plugins === undefined && consolePlugins() !== undefined)
    cluster.kubectl([
      'patch',
      'consoles.operator.openshift.io',
      'cluster',
      '--type=json',
      '-p',
      '[{"op":"remove","path":"/spec/plugins"}]',
    ]);
};

const hookObjects = (ns: string, release = RELEASE): string[] => {
  const name = `${PLUGIN}-console-enable`;
  const found: string[] = [];
  const exists = (args: string[]) => cluster.kubectl([...args, '--ignore-not-found', '-o', 'name']).trim();
  for (const [kind, args] of [
    ['ServiceAccount', ['-n', ns, 'get', 'serviceaccount', name]],
    ['ClusterRole', ['get', 'clusterrole', `${name}-${ns}`]],
    ['ClusterRoleBinding', ['get', 'clusterrolebinding', `${name}-${ns}`]],
  ] as Array<[string, string[]]>) {
    if (exists(args)) found.push(kind);
  }
  void release;
  return found;
};

/** Every object carrying the release's instance label, in every namespace and at cluster scope. */
const leftovers = (release = RELEASE): string[] => {
  const kinds = cluster
    .kubectl(['api-resources', '--verbs=list,delete', '-o', 'name'])
    .split('\n')
    .filter((k) => k && !k.startsWith('events'));
  const out = cluster.kubectl([
    'get',
    kinds.join(','),
    '-A',
    '-l',
    `app.kubernetes.io/instance=${release}`,
    '-o',
    'name',
    '--ignore-not-found',
  ]);
  const secrets = cluster.kubectl(['get', 'secrets', '-A', '-l', `owner=helm,name=${release}`, '-o', 'name']);
  return [...out.split('\n'), ...secrets.split('\n')].filter(Boolean);
};

const releaseSecretBytes = (ns: string, release = RELEASE): number => {
  const list = JSON.parse(
    cluster.kubectl(['-n', ns, 'get', 'secrets', '-l', `owner=helm,name=${release}`, '-o', 'json']),
  ) as {
    items: Array<{ data: { release: string } }>;
  };
  // The Secret size limit counts its data, decoded: helm's base64 text of the gzipped release.
  return Math.max(...list.items.map((s) => Buffer.from(s.data.release, 'base64').length));
};

const strictServerDryRun = (manifest: string): { code: number; out: string } => {
  try {
    return {
      code: 0,
      out: cluster.kubectl(
        ['apply', '--server-side', '--force-conflicts', '--dry-run=server', '--validate=strict', '-f', '-'],
        manifest,
      ),
    };
  } catch (e) {
    return { code: 1, out: String(e) };
  }
};

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-apiserver-'));
  if (!fs.existsSync(path.join(ROOT, 'dist/plugin-manifest.json')))
    throw new Error('dist/ is missing: npm run build (scripts/test.sh builds first)');
  const t = Date.now();
  cluster = await startCluster();
  figures.push(
    `API server start: etcd ${cluster.timings.etcd}s, kube-apiserver ready ${cluster.timings.apiserver}s, CRDs established ${cluster.timings.crds}s (total ${((Date.now() - t) / 1000).toFixed(1)}s)`,
  );
  for (const ns of ['kasten-io', 'backup-system', 'openshift-config-managed', 'openshift-console'])
    cluster.kubectl(['create', 'namespace', ns]);
  setConsolePlugins(OTHERS);
  tgz = packageChart(path.join(ROOT, 'dist'));
});

afterAll(async () => {
  console.log(figures.join('\n'));
  await cluster?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const ALL_ON: Values = {
  monitoring: {
    networkPolicy: { enabled: true },
    serviceMonitors: { enabled: true, components: ['catalog', 'controllermanager', 'metering'] },
    servicemonitorEditor: { enabled: true, users: ['alice'], groups: ['backup-admins'] },
    prometheusRule: { enabled: true, additionalLabels: { team: 'storage' } },
    dashboard: { enabled: true },
  },
};

const MATRIX: Array<[string, Values]> = [
  ['default values (the packaged build, stock nginx)', {}],
  ['all options on', ALL_ON],
  [
    'custom Kasten namespace and thresholds',
    {
      ...ALL_ON,
      kasten: { namespace: 'backup-system' },
      thresholds: { newFailuresWindow: '1h', recoveryPointMaxAgeSeconds: 86400, catalogPvcUsedPercentThreshold: 75.5 },
      monitoring: { ...(ALL_ON.monitoring as Values), scrapeInterval: '1m' },
    },
  ],
  [
    'not enabled in the console, no plugin NetworkPolicy',
    { plugin: { enableInConsole: false, networkPolicy: { enabled: false } } },
  ],
  [
    'a custom image (the Dockerfile path), one replica',
    { plugin: { image: { repository: 'quay.io/example/kasten-console-plugin' }, replicas: 1 } },
  ],
];

describe.each(MATRIX.map(([name, values], i) => [name, values, `kcp-matrix-${i}`] as const))(
  'helm install, upgrade and uninstall with %s',
  (_name, values, ns) => {
    const enabled = (values.plugin as { enableInConsole?: boolean } | undefined)?.enableInConsole !== false;
    let installRuns: HookRun[] = [];
    let manifest = '';

    test('install: every object is accepted, and the post-install hook enables the plugin with its temporary RBAC', async () => {
      const runner = runHookJobs(cluster, ns, () => hookObjects(ns));
      const res = await helm(['install', RELEASE, tgz, '-n', ns, '--create-namespace', '--timeout', '5m'], values);
      await runner.stop();
      expect(res.out).toContain('STATUS: deployed');
      expect(res.code).toBe(0);
      installRuns = runner.runs;

      manifest = (await helm(['get', 'manifest', RELEASE, '-n', ns])).out;
      const objects = parseObjects(manifest);
      expect(objects.length).toBeGreaterThan(5);
      // Stored as sent: the same objects read back from the API server.
      for (const o of objects) {
        const args = o.metadata.namespace ? ['-n', o.metadata.namespace] : [];
        const kind = o.apiVersion.includes('/') ? `${o.kind}.${o.apiVersion.split('/')[0]}` : o.kind;
        expect(cluster.kubectl([...args, 'get', kind, o.metadata.name, '-o', 'name']).trim()).not.toBe('');
      }
      // Strict server-side validation (unknown fields are errors, not dropped) of the same objects.
      const strict = strictServerDryRun(manifest);
      expect(strict).toMatchObject({ code: 0 });

      if (enabled) {
        expect(installRuns.map((r) => [r.job, r.code])).toEqual([[`${PLUGIN}-enable`, 0]]);
        // The ServiceAccount and its RBAC existed while the hook ran ...
        expect(installRuns[0]!.present).toEqual(['ServiceAccount', 'ClusterRole', 'ClusterRoleBinding']);
        expect(consolePlugins()).toEqual([...OTHERS, PLUGIN]);
      } else {
        expect(installRuns).toEqual([]);
        expect(consolePlugins()).toEqual(OTHERS);
      }
      // ... and are gone once it has: nothing left that may patch the console.
      expect(hookObjects(ns)).toEqual([]);
      expect(cluster.kubectl(['-n', ns, 'get', 'jobs', '-o', 'name'])).toBe('');

      const bytes = releaseSecretBytes(ns);
      figures.push(`release Secret (${_name}): ${bytes} bytes`);
      expect(bytes).toBeLessThan(MiB);
    });

    test('upgrade: accepted, the post-upgrade hook leaves one entry of ours', async () => {
      const runner = runHookJobs(cluster, ns, () => hookObjects(ns));
      const res = await helm(['upgrade', RELEASE, tgz, '-n', ns, '--timeout', '5m'], values);
      await runner.stop();
      expect(res.out).toContain('has been upgraded');
      expect(res.code).toBe(0);
      expect(runner.runs.map((r) => r.code)).toEqual(enabled ? [0] : []);
      if (enabled) expect(runner.runs[0]!.output).toContain(`${PLUGIN} is enabled in the console`);
      expect(consolePlugins()).toEqual(enabled ? [...OTHERS, PLUGIN] : OTHERS);
      expect(hookObjects(ns)).toEqual([]);
    });

    test('uninstall: the pre-delete hook removes only our entry, and nothing of the release is left', async () => {
      const runner = runHookJobs(cluster, ns, () => hookObjects(ns));
      const res = await helm(['uninstall', RELEASE, '-n', ns, '--timeout', '5m']);
      await runner.stop();
      expect(res.code).toBe(0);
      expect(runner.runs.map((r) => [r.job, r.code, r.present.length])).toEqual(
        enabled ? [[`${PLUGIN}-disable`, 0, 3]] : [],
      );
      expect(consolePlugins()).toEqual(OTHERS);
      expect(leftovers()).toEqual([]);
    });
  },
);

describe('a hook that fails', () => {
  const ns = 'kcp-hook-fails';

  test('its ServiceAccount and RBAC are deleted all the same; the failed Job stays for its logs', async () => {
    // No Console object: the enable script cannot read it and gives up after its retries.
    cluster.kubectl(['delete', 'consoles.operator.openshift.io', 'cluster']);
    // Every try fails the same way, so the pause between them only adds time (19 of them).
    const runner = runHookJobs(cluster, ns, () => hookObjects(ns), '0.2');
    const res = await helm(['install', RELEASE, tgz, '-n', ns, '--create-namespace', '--timeout', '5m']);
    await runner.stop();
    setConsolePlugins(OTHERS);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain('post-install');
    expect(runner.runs.map((r) => [r.job, r.present.length, r.code === 0])).toEqual([[`${PLUGIN}-enable`, 3, false]]);
    expect(runner.runs[0]!.output).toContain('could not enable kasten-console-plugin');
    expect(hookObjects(ns)).toEqual([]);
    expect(cluster.kubectl(['-n', ns, 'get', 'jobs', '-o', 'name']).trim()).toBe(`job.batch/${PLUGIN}-enable`);

    const runner2 = runHookJobs(cluster, ns, () => hookObjects(ns));
    expect((await helm(['uninstall', RELEASE, '-n', ns, '--timeout', '5m'])).code).toBe(0);
    await runner2.stop();
    expect(consolePlugins()).toEqual(OTHERS);
    // Helm deletes a failed hook Job only when the same hook runs again, which uninstall does not.
    expect(leftovers()).toEqual([`job.batch/${PLUGIN}-enable`]);
    cluster.kubectl(['-n', ns, 'delete', 'job', `${PLUGIN}-enable`]);
    expect(leftovers()).toEqual([]);
  });
});

describe('upgrades and sizes with the real release', () => {
  const ns = 'kcp-rollout';

  test('an upgrade with a new build rolls the pods; one with the same build does not', async () => {
    const changed = path.join(work, 'dist-changed');
    fs.cpSync(path.join(ROOT, 'dist'), changed, { recursive: true });
    const entry = (
      JSON.parse(fs.readFileSync(path.join(changed, 'plugin-manifest.json'), 'utf8')) as {
        loadScripts: string[];
      }
    ).loadScripts[0]!;
    fs.appendFileSync(path.join(changed, entry), '\n// next build\n');
    const next = packageChart(changed);
    const noHooks = { plugin: { enableInConsole: false } };
    const deployment = () =>
      JSON.parse(cluster.kubectl(['-n', ns, 'get', 'deployment', PLUGIN, '-o', 'json'])) as {
        metadata: { generation: number };
        spec: { template: { metadata: { annotations: Record<string, string> } } };
      };
    expect((await helm(['install', RELEASE, tgz, '-n', ns, '--create-namespace'], noHooks)).code).toBe(0);
    const first = deployment();
    expect((await helm(['upgrade', RELEASE, tgz, '-n', ns], noHooks)).code).toBe(0);
    expect(deployment().metadata.generation).toBe(first.metadata.generation);
    expect((await helm(['upgrade', RELEASE, next, '-n', ns], noHooks)).code).toBe(0);
    const second = deployment();
    // A changed pod template is what makes the Deployment controller replace the pods.
    expect(second.metadata.generation).toBe(first.metadata.generation + 1);
    expect(second.spec.template.metadata.annotations['checksum/build']).not.toBe(
      first.spec.template.metadata.annotations['checksum/build'],
    );
    const cm = JSON.parse(cluster.kubectl(['-n', ns, 'get', 'configmap', `${PLUGIN}-build`, '-o', 'json'])) as {
      binaryData: Record<string, string>;
    };
    const gz = execFileSync('gzip', ['-dc'], { input: Buffer.from(cm.binaryData[`${entry}.gz`]!, 'base64') });
    expect(gz.equals(fs.readFileSync(path.join(changed, entry)))).toBe(true);
    expect((await helm(['uninstall', RELEASE, '-n', ns])).code).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  test('a package carrying two builds keeps the release Secret and the ConfigMap under 1 MiB', async () => {
    const compat = path.join(work, 'dist-compat');
    fs.cpSync(path.join(ROOT, 'dist'), compat, { recursive: true });
    const both = packageChart(path.join(ROOT, 'dist'), compat);
    const ns2 = 'kcp-two-builds';
    expect(
      (await helm(['install', RELEASE, both, '-n', ns2, '--create-namespace'], { plugin: { enableInConsole: false } }))
        .code,
    ).toBe(0);
    const bytes = releaseSecretBytes(ns2);
    const cm = cluster.kubectl(['-n', ns2, 'get', 'configmap', `${PLUGIN}-build`, '-o', 'json']);
    figures.push(`two builds: release Secret ${bytes} bytes, build ConfigMap ${Buffer.byteLength(cm)} bytes`);
    expect(bytes).toBeLessThan(MiB);
    expect(Buffer.byteLength(cm)).toBeLessThan(MiB);
    expect((await helm(['uninstall', RELEASE, '-n', ns2])).code).toBe(0);
    expect(leftovers()).toEqual([]);
  });

  test('the CRDs reject what they must: strict validation is live', () => {
    const bad = (spec: Record<string, unknown>) =>
      strictServerDryRun(
        JSON.stringify({ apiVersion: 'console.openshift.io/v1', kind: 'ConsolePlugin', metadata: { name: 'x' }, spec }),
      );
    const backend = { type: 'Service', service: { name: 's', namespace: 'n', port: 9443, basePath: '/' } };
    expect(bad({ displayName: 'X', backend }).code).toBe(0);
    expect(bad({ displayName: 'X', backend, i18n: { loadType: 'Sometimes' } }).out).toMatch(/loadType/);
    const typo = bad({ displayName: 'X', backend: { ...backend, service: { ...backend.service, prot: 1 } } });
    expect(typo.out).toContain('.spec.backend.service.prot: field not declared in schema');
  });
});

describe('the enable/disable script against the real Console object', () => {
  const script = (mode: string, name: string) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        'bash',
        [SCRIPT, mode, name],
        {
          env: {
            PATH: `${ocShim(cluster.dir)}${path.delimiter}${process.env.PATH ?? ''}`,
            KUBECONFIG: cluster.kubeconfig,
            HOME: cluster.dir,
            RETRY_SLEEP: '0.2',
          },
        },
        (err, stdout, stderr) => resolve({ code: err ? ((err.code as number) ?? 1) : 0, out: stdout + stderr }),
      );
    });

  afterAll(() => setConsolePlugins(OTHERS));

  test('adds only our entry and keeps the others; a second run changes nothing', async () => {
    setConsolePlugins(['a', 'b']);
    expect((await script('enable', PLUGIN)).code).toBe(0);
    expect(consolePlugins()).toEqual(['a', 'b', PLUGIN]);
    const rv = cluster.kubectl([
      'get',
      'consoles.operator.openshift.io',
      'cluster',
      '-o',
      'jsonpath={.metadata.resourceVersion}',
    ]);
    const again = await script('enable', PLUGIN);
    expect(again.out).toContain(`${PLUGIN} is enabled in the console`);
    expect(consolePlugins()).toEqual(['a', 'b', PLUGIN]);
    expect(
      cluster.kubectl([
        'get',
        'consoles.operator.openshift.io',
        'cluster',
        '-o',
        'jsonpath={.metadata.resourceVersion}',
      ]),
    ).toBe(rv);
  });

  test('creates the list when the console has none', async () => {
    setConsolePlugins(undefined);
    expect(consolePlugins()).toBeUndefined();
    expect((await script('enable', PLUGIN)).code).toBe(0);
    expect(consolePlugins()).toEqual([PLUGIN]);
  });

  test('disable removes only our entry (duplicates too); a second run changes nothing', async () => {
    setConsolePlugins([PLUGIN, 'a', PLUGIN, 'b']);
    expect((await script('disable', PLUGIN)).code).toBe(0);
    expect(consolePlugins()).toEqual(['a', 'b']);
    const again = await script('disable', PLUGIN);
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain(`${PLUGIN} is not in the console's plugin list`);
    expect(consolePlugins()).toEqual(['a', 'b']);
  });

  test.each([1, 2, 3])(
    'race %i: ours and five other plugins enabled at the same moment all end up there once',
    async () => {
      setConsolePlugins(['a']);
      const others = Array.from({ length: 5 }, (_v, i) => `other-${i}`);
      // Other writers: the same guarded script for three names, and two plain unguarded appends.
      const results = await Promise.all([
        script('enable', PLUGIN),
        ...others.slice(0, 3).map((n) => script('enable', n)),
        ...others
          .slice(3)
          .map((n) =>
            cluster.kubectlAsync([
              'patch',
              'consoles.operator.openshift.io',
              'cluster',
              '--type=json',
              '-p',
              JSON.stringify([{ op: 'add', path: '/spec/plugins/-', value: n }]),
            ]),
          ),
      ]);
      expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
      const plugins = consolePlugins() ?? [];
      expect([...plugins].sort()).toEqual(['a', PLUGIN, ...others].sort());
    },
  );

  test('race: our uninstall while other plugins are being added removes ours and keeps every other', async () => {
    setConsolePlugins(['a', PLUGIN, 'b']);
    const others = ['x-0', 'x-1', 'x-2', 'x-3'];
    const results = await Promise.all([
      script('disable', PLUGIN),
      ...others.slice(0, 2).map((n) => script('enable', n)),
      // Inserted at the front: shifts our index between the script's read and its patch.
      ...others
        .slice(2)
        .map((n) =>
          cluster.kubectlAsync([
            'patch',
            'consoles.operator.openshift.io',
            'cluster',
            '--type=json',
            '-p',
            JSON.stringify([{ op: 'add', path: '/spec/plugins/0', value: n }]),
          ]),
        ),
    ]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect([...(consolePlugins() ?? [])].sort()).toEqual(['a', 'b', ...others].sort());
  });
});
