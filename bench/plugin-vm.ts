/**
 * Loads the built plugin the way the console does, in a Node VM with just
 * enough DOM for webpack's script loader: the manifest's entry script calls
 * `__load_plugin_entry__` (console 4.22) or `loadPluginEntry` (4.19-4.21, with
 * `<name>@<version>`), the container is initialised with a share scope
 * holding only what the console provides, and every script the webpack
 * runtime then asks for is recorded in order. Nothing is rendered.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

export interface PluginManifest {
  name: string;
  baseURL: string;
  loadScripts: string[];
}

/** One provided version of a shared module, as the federation runtime expects it. */
interface ShareEntry {
  get: () => Promise<() => unknown>;
  loaded?: number;
  from: string;
  eager?: boolean;
}
export type ShareScope = Record<string, Record<string, ShareEntry>>;

interface RemoteContainer {
  init: (scope: ShareScope) => unknown;
  get: (module: string) => Promise<() => unknown>;
}

/** The part of webpack's runtime (`__webpack_require__`) the benchmark drives. */
export interface WebpackRuntime {
  e: (chunkId: number | string) => Promise<unknown>;
  u: (chunkId: number | string) => string;
  m: Record<string, (...args: unknown[]) => unknown>;
}

interface FakeScript {
  tagName: string;
  src?: string;
  charset?: string;
  parentNode?: { removeChild: (el: FakeScript) => void };
  attributes: Record<string, string>;
  setAttribute: (k: string, v: string) => void;
  getAttribute: (k: string) => string | undefined;
  onload?: ((ev: { type: string; target: FakeScript }) => void) | null;
  onerror?: ((ev: { type: string; target: FakeScript }) => void) | null;
}

/** A shared module the console provides: its key, the version it registers, and a stand-in value. */
export interface ConsoleShared {
  name: string;
  version: string;
}

export const shareScopeOf = (modules: ConsoleShared[], used: Set<string>): ShareScope => {
  const scope: ShareScope = {};
  for (const m of modules) {
    // The value is never called: the exposed module is loaded, not evaluated.
    const value = { __consoleProvided: m.name };
    scope[m.name] = {
      [m.version]: {
        from: 'console',
        eager: true,
        loaded: 1,
        get: () => {
          used.add(m.name);
          return Promise.resolve(() => value);
        },
      },
    };
  }
  return scope;
};

export class PluginVm {
  /** File names (relative to dist/) in the order the runtime requested them. */
  readonly requested: string[] = [];
  /** Shared-module keys the plugin consumed from the console's scope. */
  readonly consumed = new Set<string>();
  runtime?: WebpackRuntime;
  private container?: RemoteContainer;
  private readonly context: vm.Context;

  constructor(
    private readonly dist: string,
    private readonly manifest: PluginManifest,
  ) {
    const head = {
      appendChild: (el: FakeScript) => {
        if (el.tagName !== 'script' || !el.src) return el;
        const src = el.src;
        setImmediate(() => {
          try {
            this.run(src);
            el.onload?.({ type: 'load', target: el });
          } catch (e) {
            process.stderr.write(`bench: ${src} failed to run: ${String(e)}\n`);
            el.onerror?.({ type: 'error', target: el });
          }
        });
        return el;
      },
      removeChild: () => undefined,
    };
    const createElement = (tag: string): FakeScript => {
      const el: FakeScript = {
        tagName: tag.toLowerCase(),
        attributes: {},
        parentNode: head,
        setAttribute: (k, v) => {
          el.attributes[k] = v;
        },
        getAttribute: (k) => el.attributes[k],
      };
      return el;
    };
    const chunkArray = this.chunkArrayCapturingRuntime();
    const sandbox: Record<string, unknown> = {
      console,
      setTimeout,
      clearTimeout,
      document: { head, createElement, getElementsByTagName: () => [], querySelector: () => head },
      [`webpackChunk${manifest.name.replace(/[^a-zA-Z0-9_]/g, '_')}`]: chunkArray,
      __load_plugin_entry__: (name: string, container: RemoteContainer) => {
        if (name !== manifest.name) throw new Error(`entry registered "${name}", manifest says "${manifest.name}"`);
        this.container = container;
      },
      loadPluginEntry: (pluginID: string, container: RemoteContainer) => {
        if (pluginID.replace(/@[^@]*$/, '') !== manifest.name)
          throw new Error(`entry registered "${pluginID}", manifest says "${manifest.name}"`);
        this.container = container;
      },
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    this.context = vm.createContext(sandbox);
  }

  /**
   * The chunk array webpack's runtime adopts. Each chunk pushes `[ids, modules, runtimeCallback?]`;
   * the runtime calls that third element with `__webpack_require__`, which is how the benchmark
   * gets hold of the runtime to request lazy chunks exactly as an `import()` would.
   */
  private chunkArrayCapturingRuntime(): unknown[] {
    const arr: unknown[] = [];
    let runtimePush: ((...items: unknown[]) => unknown) | undefined;
    let depth = 0;
    const capture = (r: WebpackRuntime) => {
      this.runtime = r;
    };
    const push = (...items: unknown[]): unknown => {
      // Called back by the runtime as "the previous push": store the chunk like a plain array.
      if (depth > 0 || !runtimePush) return Array.prototype.push.apply(arr, items);
      depth++;
      try {
        for (const item of items) {
          if (!Array.isArray(item)) continue;
          const own = item[2] as ((r: WebpackRuntime) => unknown) | undefined;
          item[2] = (r: WebpackRuntime) => {
            capture(r);
            return own?.(r);
          };
        }
        return runtimePush(...items);
      } finally {
        depth--;
      }
    };
    Object.defineProperty(arr, 'push', {
      configurable: true,
      get: () => push,
      set: (fn: (...items: unknown[]) => unknown) => {
        runtimePush = fn;
      },
    });
    return arr;
  }

  private run(url: string): void {
    const file = url.startsWith(this.manifest.baseURL) ? url.slice(this.manifest.baseURL.length) : url;
    this.requested.push(file);
    const code = fs.readFileSync(path.join(this.dist, file), 'utf8');
    vm.runInContext(code, this.context, { filename: file });
  }

  /** Loads the entry and initialises the container with the console's scope. */
  async init(scope: ShareScope): Promise<void> {
    for (const s of this.manifest.loadScripts) this.run(this.manifest.baseURL + s);
    if (!this.container) throw new Error('the entry script called neither __load_plugin_entry__ nor loadPluginEntry');
    await this.container.init({ ...scope });
  }

  /** Resolves an exposed module: loads every chunk it needs before it can run. */
  async getExposed(name: string): Promise<() => unknown> {
    if (!this.container) throw new Error('init() first');
    return this.container.get(name);
  }

  async loadChunks(ids: Array<number | string>): Promise<void> {
    if (!this.runtime) throw new Error('no chunk has run yet, so the webpack runtime is unknown');
    const r = this.runtime;
    await Promise.all(ids.map((id) => r.e(id)));
  }
}

export interface LazyImport {
  chunkIds: string[];
  /** The module the import() resolves to. */
  moduleId: string;
}

/**
 * The `import()`s in the modules loaded so far, read from webpack's own
 * output: `Promise.all([r.e(a),r.e(b)]).then(() => r(id))` or `r.e(a).then(r.bind(r, id))`.
 */
export const lazyImports = (runtime: WebpackRuntime): LazyImport[] => {
  const out = new Map<string, LazyImport>();
  const re =
    /(?:Promise\.all\(\[((?:\w+\.e\(\d+\),?)+)\]\)|\b\w+\.e\((\d+)\))\.then\((?:\(\)=>\w+\((\d+)\)|\w+\.(?:t\.)?bind\(\w+,(\d+))/g;
  for (const factory of Object.values(runtime.m)) {
    const src = String(factory);
    for (const m of src.matchAll(re)) {
      const ids = m[1] ? [...m[1].matchAll(/\.e\((\d+)\)/g)].map((x) => x[1]!) : [m[2]!];
      const moduleId = m[3] ?? m[4] ?? '';
      out.set(`${ids.join(',')}>${moduleId}`, { chunkIds: ids, moduleId });
    }
  }
  return [...out.values()];
};
