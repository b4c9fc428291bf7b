/**
 * A stand-in console for tests of its fake Kubernetes API alone: started before the file's tests as
 * the admin, with an upstream that is never contacted (no Prometheus behind it), stopped after them.
 * Lists a namespaced kind the way the console's SDK asks for it, and asks an access review.
 */
import type { Scenario } from '../simulator/scenario';
import { startConsole, DEFAULT_PLUGIN_CONFIG, type ConsoleServer } from './server';
import { parseUser, type ResourceAttributes } from './users';

export interface ApiAnswer<T> {
  status: number;
  body: { items?: T[]; kind?: string; code?: number; reason?: string; message?: string };
}

export interface KubeApiConsole {
  /** The running stand-in; valid inside the tests (after the file's beforeAll). */
  readonly server: ConsoleServer;
  /** GET the `<group>/v1alpha1` list of `plural` in `namespace`, optionally with a label selector. */
  list<T>(group: string, plural: string, namespace: string, selector?: string): Promise<ApiAnswer<T>>;
  /** POST a SelfSubjectAccessReview for the current user: whether it is allowed. */
  allowed(attributes: ResourceAttributes): Promise<boolean>;
}

export const kubeApiConsole = (scenario: Scenario, storyStartMs: number): KubeApiConsole => {
  let server: ConsoleServer | undefined;
  beforeAll(async () => {
    server = await startConsole({
      scenario,
      storyStartMs,
      user: parseUser('admin'),
      // Never contacted: these tests read only the fake Kubernetes API.
      upstream: { url: 'http://127.0.0.1:9' },
      pluginConfig: DEFAULT_PLUGIN_CONFIG,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  const running = (): ConsoleServer => {
    if (!server) throw new Error('the stand-in console is not running (used outside a test?)');
    return server;
  };
  return {
    get server() {
      return running();
    },
    async list<T>(group: string, plural: string, namespace: string, selector?: string) {
      const q = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
      const res = await fetch(
        `${running().url}/api/kubernetes/apis/${group}/v1alpha1/namespaces/${namespace}/${plural}${q}`,
      );
      return { status: res.status, body: (await res.json()) as ApiAnswer<T>['body'] };
    },
    async allowed(attributes) {
      const res = await fetch(`${running().url}/api/kubernetes/apis/authorization.k8s.io/v1/selfsubjectaccessreviews`, {
        method: 'POST',
        body: JSON.stringify({ spec: { resourceAttributes: attributes } }),
      });
      return ((await res.json()) as { status: { allowed: boolean } }).status.allowed;
    },
  };
};
