/**
 * A real Kubernetes API server for the chart's tests: Debian's etcd and a kube-apiserver built from
 * k8s.io/kubernetes at a pinned version (scripts/ensure-kube.sh), both on loopback, with the real
 * CRDs (scripts/ensure-crds.sh). There are no controllers, nodes or kubelets: objects are stored and
 * validated, nothing runs. So a Job never runs by itself: runHookJobs plays the kubelet's part for
 * the chart's hook Jobs, running each Job's own command on this machine as the Job's
 * ServiceAccount, then recording the outcome in the Job's status as the Job controller would.
 *
 * kube-apiserver runs with --watch-cache=false: Debian's etcd 3.4 sends no progress notifications,
 * and cached watches then fail with "Too large resource version" (helm watches hook Jobs).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from '../../dev/prometheus/harness';
import { ROOT } from './helm';

export const BIN = path.join(ROOT, '.cache/bin');
export const CRD_DIR = path.join(ROOT, '.cache/crds');
export const KUBE_SERVER_VERSION = 'v1.35.4';

export interface Cluster {
  kubeconfig: string;
  dir: string;
  /** kubectl with the admin kubeconfig; throws with stderr on failure. */
  kubectl: (args: string[], input?: string) => string;
  kubectlAsync: (args: string[], env?: NodeJS.ProcessEnv) => Promise<{ code: number; out: string }>;
  /** A kubeconfig that authenticates as a ServiceAccount (a TokenRequest token). */
  kubeconfigFor: (namespace: string, serviceAccount: string) => string;
  stop: () => Promise<void>;
  /** Seconds each start step took, for the report. */
  timings: Record<string, number>;
}

const need = (file: string, how: string): string => {
  if (!fs.existsSync(file)) throw new Error(`${file} missing: ${how}`);
  return file;
};

const waitFor = async (what: string, check: () => boolean | Promise<boolean>, ms: number, log: () => string) => {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${ms} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const kubeconfigText = (port: number, user: string, token: string): string =>
  [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    // The server's self-signed loopback certificate; this API server lives only for the test.
    `- cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}`,
    '  name: test',
    'users:',
    `- name: ${user}`,
    `  user: {token: "${token}"}`,
    'contexts:',
    `- context: {cluster: test, user: ${user}}`,
    '  name: test',
    'current-context: test',
    '',
  ].join('\n');

export const startCluster = async (): Promise<Cluster> => {
  const apiserver = need(path.join(BIN, 'kube-apiserver'), 'run scripts/ensure-kube.sh');
  const kubectlBin = need(path.join(BIN, 'kubectl'), 'run scripts/ensure-kube.sh');
  need(path.join(CRD_DIR, '90_consoleplugins.crd.yaml'), 'run scripts/ensure-crds.sh');
  const etcdBin = spawnSync('sh', ['-c', 'command -v etcd'], { encoding: 'utf8' }).stdout.trim();
  if (!etcdBin) throw new Error('etcd not found: run scripts/ensure-deps.sh (installs Debian etcd-server)');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-kube-'));
  const timings: Record<string, number> = {};
  const logs: Record<string, string[]> = { etcd: [], apiserver: [] };
  const procs: ChildProcess[] = [];
  const stop = async () => {
    for (const p of procs.reverse()) {
      if (p.exitCode === null && p.signalCode === null) {
        const exited = new Promise((r) => p.once('exit', r));
        p.kill('SIGTERM');
        await exited;
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    let t = Date.now();
    const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const etcd = spawn(
      etcdBin,
      [
        '--data-dir',
        path.join(dir, 'etcd'),
        '--listen-client-urls',
        `http://127.0.0.1:${etcdPort}`,
        '--advertise-client-urls',
        `http://127.0.0.1:${etcdPort}`,
        '--listen-peer-urls',
        `http://127.0.0.1:${peerPort}`,
        '--initial-advertise-peer-urls',
        `http://127.0.0.1:${peerPort}`,
        '--initial-cluster',
        `default=http://127.0.0.1:${peerPort}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    procs.push(etcd);
    etcd.stdout?.on('data', (d: Buffer) => logs.etcd!.push(d.toString()));
    etcd.stderr?.on('data', (d: Buffer) => logs.etcd!.push(d.toString()));
    await waitFor(
      'etcd',
      async () => {
        if (etcd.exitCode !== null) throw new Error(`etcd exited:\n${logs.etcd!.join('')}`);
        try {
          const res = await fetch(`http://127.0.0.1:${etcdPort}/health`);
          return res.ok;
        } catch {
          return false;
        }
      },
      30_000,
      () => logs.etcd!.join(''),
    );
    timings.etcd = (Date.now() - t) / 1000;

    t = Date.now();
    const token = `admin-${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(path.join(dir, 'tokens.csv'), `${token},admin,admin,system:masters\n`);
    spawnSync('openssl', ['genrsa', '-out', path.join(dir, 'sa.key'), '2048'], { stdio: 'pipe' });
    const api = spawn(
      apiserver,
      [
        `--etcd-servers=http://127.0.0.1:${etcdPort}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        `--cert-dir=${path.join(dir, 'certs')}`,
        `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
        '--authorization-mode=RBAC',
        `--service-account-key-file=${path.join(dir, 'sa.key')}`,
        `--service-account-signing-key-file=${path.join(dir, 'sa.key')}`,
        '--service-account-issuer=https://kubernetes.default.svc',
        '--service-cluster-ip-range=10.0.0.0/24',
        '--watch-cache=false',
        '--enable-priority-and-fairness=false',
        '--profiling=false',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    procs.push(api);
    api.stdout?.on('data', (d: Buffer) => logs.apiserver!.push(d.toString()));
    api.stderr?.on('data', (d: Buffer) => {
      logs.apiserver!.push(d.toString());
      if (logs.apiserver!.length > 400) logs.apiserver!.splice(0, 200);
    });
    const kubeconfig = path.join(dir, 'admin.kubeconfig');
    fs.writeFileSync(kubeconfig, kubeconfigText(apiPort, 'admin', token));

    const kubectlWith =
      (config: string) =>
      (args: string[], input?: string): string => {
        const res = spawnSync(kubectlBin, ['--kubeconfig', config, ...args], {
          encoding: 'utf8',
          input,
          maxBuffer: 64 * 1024 * 1024,
        });
        if (res.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${res.status}):\n${res.stderr}`);
        return res.stdout;
      };
    const kubectl = kubectlWith(kubeconfig);
    await waitFor(
      'kube-apiserver',
      () => {
        if (api.exitCode !== null) throw new Error(`kube-apiserver exited:\n${logs.apiserver!.join('')}`);
        return (
          spawnSync(kubectlBin, ['--kubeconfig', kubeconfig, 'get', '--raw', '/readyz'], {
            encoding: 'utf8',
          }).stdout.trim() === 'ok'
        );
      },
      120_000,
      () => logs.apiserver!.slice(-40).join(''),
    );
    timings.apiserver = (Date.now() - t) / 1000;

    t = Date.now();
    kubectl(['apply', '--server-side', '-f', CRD_DIR]);
    kubectl(['wait', '--for=condition=Established', '--timeout=60s', '-f', CRD_DIR]);
    timings.crds = (Date.now() - t) / 1000;

    const kubectlAsync = (args: string[], env?: NodeJS.ProcessEnv) =>
      new Promise<{ code: number; out: string }>((resolve) => {
        execFile(
          kubectlBin,
          ['--kubeconfig', kubeconfig, ...args],
          { env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout, stderr) => resolve({ code: err ? ((err.code as number) ?? 1) : 0, out: stdout + stderr }),
        );
      });

    const kubeconfigFor = (namespace: string, serviceAccount: string): string => {
      const saToken = kubectl(['-n', namespace, 'create', 'token', serviceAccount, '--duration=10m']).trim();
      const file = path.join(dir, `${namespace}-${serviceAccount}-${Date.now()}.kubeconfig`);
      fs.writeFileSync(file, kubeconfigText(apiPort, serviceAccount, saToken));
      return file;
    };

    return { kubeconfig, dir, kubectl, kubectlAsync, kubeconfigFor, stop, timings };
  } catch (e) {
    await stop();
    throw e;
  }
};

/** A folder with `oc` pointing at the pinned kubectl: the hook script calls `oc`, which has the same get and patch. */
export const ocShim = (dir: string): string => {
  const bin = path.join(dir, 'oc-bin');
  fs.mkdirSync(bin, { recursive: true });
  const oc = path.join(bin, 'oc');
  if (!fs.existsSync(oc)) fs.symlinkSync(path.join(BIN, 'kubectl'), oc);
  return bin;
};

interface JobObject {
  metadata: { name: string; namespace: string; uid: string };
  spec: {
    template: {
      spec: {
        serviceAccountName?: string;
        containers: Array<{ command: string[]; env?: Array<{ name: string; value: string }> }>;
      };
    };
  };
  status?: { conditions?: Array<{ type: string; status: string }> };
}

export interface HookRun {
  job: string;
  /** What existed (kind/name) when the Job was picked up: the hook's ServiceAccount and RBAC. */
  present: string[];
  code: number;
  output: string;
}

/**
 * Plays the kubelet and the Job controller for hook Jobs in `namespace` until stopped: each new Job
 * has its container command run here (bash, with `oc` being the pinned kubectl, authenticated as
 * the Job's ServiceAccount), then gets status Complete or Failed.
 */
export const runHookJobs = (
  cluster: Cluster,
  namespace: string,
  inspect: () => string[],
  /** The script's pause between tries (RETRY_SLEEP): a hook that must fail retries 20 times. */
  retrySleep = '1',
) => {
  const runs: HookRun[] = [];
  const seen = new Set<string>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const res = await cluster.kubectlAsync(['-n', namespace, 'get', 'jobs', '-o', 'json']);
      const jobs = res.code === 0 ? ((JSON.parse(res.out) as { items: JobObject[] }).items ?? []) : [];
      for (const job of jobs) {
        if (seen.has(job.metadata.uid) || (job.status?.conditions ?? []).length > 0) continue;
        seen.add(job.metadata.uid);
        const present = inspect();
        const pod = job.spec.template.spec;
        const container = pod.containers[0]!;
        const config = cluster.kubeconfigFor(namespace, pod.serviceAccountName ?? 'default');
        const env: NodeJS.ProcessEnv = {
          PATH: `${ocShim(cluster.dir)}${path.delimiter}${process.env.PATH ?? ''}`,
          KUBECONFIG: config,
          HOME: cluster.dir,
          RETRY_SLEEP: retrySleep,
        };
        for (const e of container.env ?? []) if (e.name !== 'HOME') env[e.name] = e.value;
        const [cmd, ...args] = container.command;
        const run = await new Promise<{ code: number; output: string }>((resolve) => {
          execFile(cmd!, args, { env }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err.code as number) ?? 1) : 0, output: stdout + stderr }),
          );
        });
        runs.push({ job: job.metadata.name, present, ...run });
        const now = new Date().toISOString();
        const status =
          run.code === 0
            ? {
                startTime: now,
                completionTime: now,
                succeeded: 1,
                conditions: [
                  { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: now, lastTransitionTime: now },
                  { type: 'Complete', status: 'True', lastProbeTime: now, lastTransitionTime: now },
                ],
              }
            : {
                startTime: now,
                failed: 1,
                conditions: [
                  {
                    type: 'FailureTarget',
                    status: 'True',
                    lastProbeTime: now,
                    lastTransitionTime: now,
                    reason: 'BackoffLimitExceeded',
                  },
                  {
                    type: 'Failed',
                    status: 'True',
                    lastProbeTime: now,
                    lastTransitionTime: now,
                    reason: 'BackoffLimitExceeded',
                  },
                ],
              };
        await cluster.kubectlAsync([
          '-n',
          namespace,
          'patch',
          'job',
          job.metadata.name,
          '--subresource=status',
          '--type=merge',
          '-p',
          JSON.stringify({ status }),
        ]);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    runs,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
};
