/**
 * The installable package scripts/package-chart.sh writes: the chart plus the built plugin, which
 * the chart serves from a ConfigMap with the stock nginx image, so `helm install` needs no image.
 * Packaged from dist/ (built once by scripts/test.sh), rendered by the real helm and served by the
 * real nginx exactly as the pod's ConfigMap volume lays the files out.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { only, renderChart, renderChartFailure, ROOT, runHelm, type K8sObject } from './helm';
import { freePort, startNginx, type ServedNginx } from './nginx-harness';

jest.setTimeout(120_000);

const DIST = path.join(ROOT, 'dist');
const SCRIPT = path.join(ROOT, 'scripts/package-chart.sh');
const MiB = 1024 * 1024;

let work: string;

/** Packages `dist` (and `compat` when given) without rebuilding; returns the .tgz path. */
const packageChart = (dist: string, compat?: string): string => {
  const out = fs.mkdtempSync(path.join(work, 'out-'));
  execFileSync('bash', [SCRIPT, out], {
    env: { ...process.env, SKIP_BUILD: '1', DIST: dist, DIST_COMPAT: compat ?? path.join(work, 'no-compat') },
    stdio: 'pipe',
  });
  const [tgz] = fs.readdirSync(out).filter((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`no package in ${out}`);
  return path.join(out, tgz);
};

/** Every file under a folder, as paths relative to it, sorted. */
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

const servedFiles = (): string[] => filesUnder(DIST).filter((f) => !f.endsWith('.map') && !f.endsWith('.gz'));

const buildConfigMap = (objects: K8sObject[]) => only(objects, 'ConfigMap', 'kasten-console-plugin-build');

interface PodTemplate {
  metadata: { annotations: Record<string, string> };
  spec: {
    containers: Array<{ image: string; volumeMounts: Array<{ name: string; mountPath: string }> }>;
    volumes: Array<{ name: string; configMap?: { name: string; items: Array<{ key: string; path: string }> } }>;
  };
}
const podTemplate = (objects: K8sObject[]): PodTemplate =>
  (only(objects, 'Deployment').spec as { template: PodTemplate }).template;

/** Writes the ConfigMap's files where the kubelet would: each key at its item's path under the mount. */
const layOut = (objects: K8sObject[], root: string): void => {
  const binary = buildConfigMap(objects).binaryData as Record<string, string>;
  const volume = podTemplate(objects).spec.volumes.find((v) => v.name === 'build');
  if (!volume?.configMap) throw new Error('no build volume');
  for (const { key, path: rel } of volume.configMap.items) {
    const data = binary[key];
    if (data === undefined) throw new Error(`volume item ${key} missing from the ConfigMap`);
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), Buffer.from(data, 'base64'));
  }
};

let tgz: string;
let objects: K8sObject[];

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'plugin-manifest.json')))
    throw new Error('dist/ is missing: npm run build (scripts/test.sh builds first)');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-package-'));
  tgz = packageChart(DIST);
  objects = renderChart(tgz);
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the package', () => {
  test('carries every served file of dist/ gzip-compressed, and nothing else, for the default build only', () => {
    const list = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' })
      .split('\n')
      .filter((f) => f.startsWith('kasten-console-plugin/files/builds/') && !f.endsWith('/'));
    expect(list.sort()).toEqual(
      servedFiles()
        .map((f) => `kasten-console-plugin/files/builds/default/${f}.gz`)
        .sort(),
    );
    const chartYaml = execFileSync('tar', ['xzOf', tgz, 'kasten-console-plugin/Chart.yaml'], { encoding: 'utf8' });
    expect(chartYaml).toMatch(/^kubeVersion: '>=1\.35\.0-0'$/m);
  });

  test('passes helm lint --strict with default values (no image to set)', () => {
    const res = runHelm(['lint', '--strict', '--kube-version', '1.35.0', tgz]);
    expect(res.stderr + res.stdout).toContain('0 chart(s) failed');
  });

  test('default values: the stock nginx image serves the build from a ConfigMap mounted as the web root', () => {
    const template = podTemplate(objects);
    const values = execFileSync('tar', ['xzOf', tgz, 'kasten-console-plugin/values.yaml'], { encoding: 'utf8' });
    const nginxImage = /^ {2}nginxImage: (\S+)$/m.exec(values)?.[1];
    expect(template.spec.containers[0]!.image).toBe(nginxImage);
    expect(template.spec.containers[0]!.volumeMounts).toContainEqual({
      name: 'build',
      mountPath: '/opt/app-root/src',
      readOnly: true,
    });
    expect(buildConfigMap(objects).metadata.annotations?.['kasten-console-plugin/build']).toBe('default');
  });

  test('the ConfigMap stays under the 1 MiB object limit', () => {
    const size = Buffer.byteLength(JSON.stringify(buildConfigMap(objects)));
    const raw = servedFiles().reduce((n, f) => n + fs.statSync(path.join(DIST, f)).size, 0);
    console.log(
      `build ConfigMap: ${size} bytes as JSON (${(size / MiB).toFixed(3)} MiB) for ${raw} bytes of dist/; package ${fs.statSync(tgz).size} bytes`,
    );
    expect(size).toBeLessThan(MiB);
  });

  test('packaging the same build twice gives the same bytes, so an upgrade without a new build rolls nothing', () => {
    const again = renderChart(packageChart(DIST));
    expect(podTemplate(again).metadata.annotations).toEqual(podTemplate(objects).metadata.annotations);
  });

  test('a new build changes the pod template (checksum/build), so an upgrade rolls the pods', () => {
    const changed = path.join(work, 'dist-changed');
    fs.cpSync(DIST, changed, { recursive: true });
    const entry = (
      JSON.parse(fs.readFileSync(path.join(DIST, 'plugin-manifest.json'), 'utf8')) as {
        loadScripts: string[];
      }
    ).loadScripts[0]!;
    fs.appendFileSync(path.join(changed, entry), '\n// next build\n');
    const next = podTemplate(renderChart(packageChart(changed))).metadata.annotations;
    const before = podTemplate(objects).metadata.annotations;
    expect(next['checksum/build']).toMatch(/^[0-9a-f]{64}$/);
    expect(next['checksum/build']).not.toBe(before['checksum/build']);
    expect(next['checksum/config']).toBe(before['checksum/config']);
  });

  test('with plugin.image.repository the chart runs that image and ships no build ConfigMap', () => {
    const custom = renderChart(tgz, { plugin: { image: { repository: 'quay.io/example/kasten-console-plugin' } } });
    expect(custom.filter((o) => o.metadata.name === 'kasten-console-plugin-build')).toEqual([]);
    const template = podTemplate(custom);
    expect(template.spec.containers[0]!.image).toBe('quay.io/example/kasten-console-plugin:0.1.0');
    expect(template.spec.volumes.map((v) => v.name)).not.toContain('build');
    expect(template.metadata.annotations['checksum/build']).toBeUndefined();
  });
});

describe('served by the real nginx from the ConfigMap layout', () => {
  let server: ServedNginx;

  beforeAll(async () => {
    const port = await freePort();
    const rendered = renderChart(tgz, { plugin: { port } });
    const conf = only(rendered, 'ConfigMap', 'kasten-console-plugin-nginx').data!['nginx.conf']!;
    const settings = only(rendered, 'ConfigMap', 'kasten-console-plugin-config').data!['plugin-config.json']!;
    server = await startNginx(conf, port, settings, (root) => layOut(rendered, root));
  });

  afterAll(async () => {
    await server?.stop();
  });

  test('the web root holds only .gz files', () => {
    expect(filesUnder(server.root).every((f) => f.endsWith('.gz'))).toBe(true);
  });

  test('every file of dist/ is served byte-identical, to clients with and without gzip', async () => {
    const types: Record<string, string> = {
      '.js': 'application/javascript',
      '.json': 'application/json',
      '.txt': 'text/plain',
    };
    const files = servedFiles();
    expect(files).toContain('plugin-manifest.json');
    for (const f of files) {
      const expected = fs.readFileSync(path.join(DIST, f));
      const zipped = await server.get(`/${f}`, true);
      expect(`${f} ${zipped.status} ${String(zipped.headers['content-encoding'])}`).toBe(`${f} 200 gzip`);
      expect(zlib.gunzipSync(zipped.body).equals(expected)).toBe(true);
      const plain = await server.get(`/${f}`, false);
      expect(`${f} ${plain.status} ${String(plain.headers['content-encoding'])}`).toBe(`${f} 200 undefined`);
      expect(plain.body.equals(expected)).toBe(true);
      const type = types[path.extname(f)];
      if (type) expect(`${f} ${String(plain.headers['content-type'])}`).toBe(`${f} ${type}`);
      expect(plain.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('with an older-console build in dist-compat/', () => {
  let withCompat: string;
  let compatManifest: Buffer;

  beforeAll(() => {
    // A stand-in for the compat build with its own manifest: what matters here is which files are served.
    const compat = path.join(work, 'dist-compat');
    fs.cpSync(DIST, compat, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin-manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    compatManifest = Buffer.from(JSON.stringify({ ...manifest, dependencies: { '@console/pluginAPI': '>=4.19.0-0' } }));
    fs.writeFileSync(path.join(compat, 'plugin-manifest.json'), compatManifest);
    withCompat = packageChart(DIST, compat);
  });

  const served = (objects: K8sObject[]): { build: string | undefined; manifest: Buffer } => {
    const cm = buildConfigMap(objects);
    const gz = (cm.binaryData as Record<string, string>)['plugin-manifest.json.gz']!;
    return {
      build: cm.metadata.annotations?.['kasten-console-plugin/build'],
      manifest: zlib.gunzipSync(Buffer.from(gz, 'base64')),
    };
  };

  test('the package carries both builds and accepts clusters from Kubernetes 1.32 (OpenShift 4.19)', () => {
    const list = execFileSync('tar', ['tzf', withCompat], { encoding: 'utf8' });
    expect(list).toContain('kasten-console-plugin/files/builds/default/plugin-manifest.json.gz');
    expect(list).toContain('kasten-console-plugin/files/builds/compat/plugin-manifest.json.gz');
    const chartYaml = execFileSync('tar', ['xzOf', withCompat, 'kasten-console-plugin/Chart.yaml'], {
      encoding: 'utf8',
    });
    expect(chartYaml).toMatch(/^kubeVersion: '>=1\.32\.0-0'$/m);
  });

  test.each([
    ['1.32.0', 'compat'],
    ['1.34.5', 'compat'],
    ['1.35.0', 'default'],
    ['1.36.1', 'default'],
  ])('Kubernetes %s gets the %s build', (kube, build) => {
    const s = served(renderChart(withCompat, {}, kube));
    expect(s.build).toBe(build);
    const expected = build === 'compat' ? compatManifest : fs.readFileSync(path.join(DIST, 'plugin-manifest.json'));
    expect(s.manifest.equals(expected)).toBe(true);
  });

  test('plugin.build overrides the choice both ways', () => {
    expect(served(renderChart(withCompat, { plugin: { build: 'default' } }, '1.33.0')).build).toBe('default');
    expect(served(renderChart(withCompat, { plugin: { build: 'compat' } }, '1.35.0')).build).toBe('compat');
  });

  test('both builds fit: each ConfigMap stays under 1 MiB', () => {
    for (const kube of ['1.34.0', '1.35.0']) {
      const size = Buffer.byteLength(JSON.stringify(buildConfigMap(renderChart(withCompat, {}, kube))));
      expect(size).toBeLessThan(MiB);
    }
    console.log(`package with both builds: ${fs.statSync(withCompat).size} bytes`);
  });

  test('a package without the compat build refuses an older cluster, and says which build is missing', () => {
    expect(renderChartFailure(tgz, {}, '1.34.0').stderr).toMatch(/kubeVersion/);
    const forced = renderChartFailure(tgz, { plugin: { build: 'compat' } }, '1.35.0');
    expect(forced.status).not.toBe(0);
    expect(forced.stderr).toContain('This chart package has no build for OpenShift 4.19-4.21');
  });
});
