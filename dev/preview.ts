/**
 * The local preview, startable from a test or from `scripts/preview.sh`:
 * the Kasten metrics simulator, a real Prometheus scraping it (or a real
 * Thanos querier), and the console stand-in serving the built plugin.
 * Everything listens on 127.0.0.1; stop() ends every process it started.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { startConsole, DEFAULT_PLUGIN_CONFIG, type ConsoleServer, type PluginConfig } from './console/server';
import type { ProxyFaults, ProxyStats, Upstream } from './console/prometheus-proxy';
import { parseUser } from './console/users';
import { consoleProfile, DEFAULT_CONSOLE, type ConsoleVersion } from './console/versions';
import type { HostVariant } from './console/webpack.config';
import { startPreviewPrometheus, type PreviewPrometheus } from './prometheus/launcher';
import { chartRecoveryRuleObject, type RecoveryRuleValues } from './prometheus/recovery-rules';
import type { BackfillResult } from './simulator/backfill';
import { buildScenario, DEFAULT_SCENARIO, SCENARIOS, storySecondsAt, type ScenarioName } from './simulator/scenario';
import { startSimulator, type Simulator } from './simulator/server';
import { DEFAULT_QUERY_CONFIG } from '../src/promql/config';

const execFileP = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const hostBundle = (variant: HostVariant) => path.join(ROOT, 'dev/console/dist', variant, 'host.js');

export interface PreviewOptions {
  policies?: number;
  namespaces?: number;
  /** Policies failing like the seed's (the first N); 1 by default. */
  failingPolicies?: number;
  /** The last policy runs weekly, its newest success older than the metrics (on by default). */
  weeklyPolicy?: boolean;
  scenario?: ScenarioName;
  kastenNamespace?: string;
  /** `admin`, `viewer:<namespace>`, `monitoring-viewer`, `metrics-only` or `actions-reader`. */
  user?: string;
  /** Console port; 0 (the default) picks a free one. */
  port?: number;
  /** Seconds between scrapes. */
  scrapeInterval?: number;
  /** Hours of history to backfill before starting; 0 for none. */
  backfillHours?: number;
  backfillStep?: number;
  /**
   * Start the story this many seconds ago, so a test sees a later part of it at once (memory over 3 GiB
   * after 77 s, for instance); the backfill then runs up to now. 0 by default.
   */
  storyOffsetSeconds?: number;
  /**
   * Stop the story at this story second: the simulator and the stand-in's action objects keep that moment's
   * values while Prometheus goes on scraping them. Tests freeze it so what they assert cannot change under
   * them; the preview runs on by default.
   */
  storyFreezeAtSeconds?: number;
  /** A real Prometheus or Thanos querier instead of the simulator and local Prometheus. */
  prometheusUrl?: string;
  bearerToken?: string;
  insecureSkipTLSVerify?: boolean;
  pluginConfig?: Partial<PluginConfig>;
  /**
   * Evaluate the chart's recovery-point recording rules in the local Prometheus, as the chart installs them
   * (default true); false shows the page's look-back fallback. Ignored with `prometheusUrl`.
   */
  recoveryRules?: boolean;
  /** Build the console host bundle: when missing or older than its sources (default), always, or never. */
  buildHost?: 'if-stale' | 'always' | 'never';
  /**
   * The console to stand in for: 4.22 (default) loads dist/; 4.19, 4.20 and 4.21 load dist-compat/ with
   * their loader, share scope (React 17, react-i18next 11, react-router-dom-v5-compat) and PatternFly.
   */
  console?: ConsoleVersion;
  pluginDist?: string;
  log?: (line: string) => void;
}

export interface Preview {
  consoleUrl: string;
  prometheusUrl: string;
  simulatorUrl?: string;
  storyStartMs: number;
  /** Where the story stops, when it was frozen. */
  storyFreezeAtSeconds?: number;
  /** Story seconds at a wall-clock instant (now by default), frozen or not. */
  storySeconds(atMs?: number): number;
  backfill?: BackfillResult;
  stats(): ProxyStats;
  resetStats(): void;
  stopPrometheus(): Promise<void>;
  startPrometheus(): Promise<void>;
  /** Faults the console's proxy injects from now on (a partial answer, a slow querier); `{}` clears them. */
  setPrometheusFaults(faults: ProxyFaults): void;
  /** Who is logged in from the next request on (`admin`, `viewer:<ns>`, `monitoring-viewer`). */
  setUser(spec: string): void;
  stop(): Promise<void>;
}

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
};

export const buildHostBundle = async (
  mode: 'if-stale' | 'always' | 'never' = 'if-stale',
  variant: HostVariant = '4.22',
): Promise<boolean> => {
  if (mode === 'never') return false;
  const bundle = hostBundle(variant);
  if (mode === 'if-stale' && fs.existsSync(bundle)) {
    const sources = Math.max(
      newestMtime(path.join(ROOT, 'dev/console/host')),
      ...['dev/console/k8s-paths.ts', 'dev/console/webpack.config.ts', 'webpack.rules.ts'].map(
        (f) => fs.statSync(path.join(ROOT, f)).mtimeMs,
      ),
    );
    if (fs.statSync(bundle).mtimeMs >= sources) return false;
  }
  await execFileP(
    path.join(ROOT, 'node_modules/.bin/webpack'),
    ['--config', 'dev/console/webpack.config.ts', '--env', `console=${variant}`],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  );
  return true;
};

export const startPreview = async (options: PreviewOptions = {}): Promise<Preview> => {
  const log = options.log ?? (() => undefined);
  const scenarioName = options.scenario ?? DEFAULT_SCENARIO.scenario;
  if (!SCENARIOS.includes(scenarioName))
    throw new Error(`unknown scenario "${scenarioName}"; one of ${SCENARIOS.join(', ')}`);
  const scenario = buildScenario({
    policies: options.policies ?? DEFAULT_SCENARIO.policies,
    namespaces: options.namespaces ?? DEFAULT_SCENARIO.namespaces,
    kastenNamespace: options.kastenNamespace ?? DEFAULT_SCENARIO.kastenNamespace,
    scenario: scenarioName,
    failingPolicies: options.failingPolicies,
    weeklyPolicy: options.weeklyPolicy ?? DEFAULT_SCENARIO.weeklyPolicy,
  });
  const user = parseUser(options.user ?? 'admin');
  const profile = consoleProfile(options.console ?? DEFAULT_CONSOLE);
  const pluginDist = options.pluginDist ?? path.join(ROOT, profile.pluginDist);
  if (!fs.existsSync(path.join(pluginDist, 'plugin-manifest.json')))
    throw new Error(`no plugin build in ${pluginDist}: run npm run build`);
  if (await buildHostBundle(options.buildHost, profile.hostVariant))
    log(`built the console ${profile.version} stand-in (${path.relative(ROOT, hostBundle(profile.hostVariant))})`);

  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    let simulator: Simulator | undefined;
    let prometheus: PreviewPrometheus | undefined;
    let upstream: Upstream;
    // Set when the preview's own Prometheus evaluates the chart's recovery-point rules (not against a real Thanos).
    let recoveryRules: RecoveryRuleValues | undefined;
    const storyOffsetSeconds = Math.max(0, Math.floor(options.storyOffsetSeconds ?? 0));
    const storyStartMs = Date.now() - storyOffsetSeconds * 1000;
    const { storyFreezeAtSeconds } = options;
    const pluginConfig: PluginConfig = {
      ...DEFAULT_PLUGIN_CONFIG,
      kastenNamespace: scenario.kastenNamespace,
      ...options.pluginConfig,
    };
    if (options.prometheusUrl) {
      upstream = {
        url: options.prometheusUrl,
        bearerToken: options.bearerToken,
        insecureSkipTLSVerify: options.insecureSkipTLSVerify,
      };
    } else {
      simulator = await startSimulator({ scenario, storyStartMs, freezeAtSeconds: storyFreezeAtSeconds });
      cleanups.push(() => simulator!.stop());
      // The values the chart would render them with: the page's own settings.
      recoveryRules =
        options.recoveryRules === false
          ? undefined
          : {
              kastenNamespace: pluginConfig.kastenNamespace,
              scrapeInterval:
                typeof pluginConfig.scrapeResolution === 'string'
                  ? pluginConfig.scrapeResolution
                  : DEFAULT_QUERY_CONFIG.scrapeResolution,
              recoveryPointMaxAgeSeconds: pluginConfig.recoveryPointMaxAgeSeconds,
            };
      prometheus = await startPreviewPrometheus({
        scenario,
        simulatorPort: simulator.port,
        storyStartMs,
        storyNowSeconds: storyOffsetSeconds,
        scrapeInterval: options.scrapeInterval ?? 3,
        backfillHours: options.backfillHours ?? 0,
        backfillStep: options.backfillStep ?? 30,
        recoveryRules,
        log,
      });
      cleanups.push(() => prometheus!.dispose());
      upstream = { url: prometheus.url };
    }
    const consoleServer: ConsoleServer = await startConsole({
      scenario,
      storyStartMs,
      storyFreezeAtSeconds,
      user,
      extraObjects: recoveryRules ? [chartRecoveryRuleObject(recoveryRules)] : [],
      upstream,
      pluginConfig,
      port: options.port ?? 0,
      console: profile,
      pluginDist,
      prometheusControl: prometheus,
    });
    cleanups.push(() => consoleServer.stop());
    const noPrometheus = async () => {
      throw new Error('Prometheus is not managed by this preview (--prometheus-url)');
    };
    return {
      consoleUrl: consoleServer.url,
      prometheusUrl: upstream.url,
      simulatorUrl: simulator?.url,
      storyStartMs,
      storyFreezeAtSeconds,
      storySeconds: (atMs = Date.now()) => storySecondsAt(storyStartMs, atMs, storyFreezeAtSeconds),
      backfill: prometheus?.backfill,
      stats: consoleServer.stats,
      resetStats: consoleServer.resetStats,
      stopPrometheus: prometheus ? () => prometheus.stop() : noPrometheus,
      startPrometheus: prometheus ? () => prometheus.start() : noPrometheus,
      setPrometheusFaults: (faults) => consoleServer.proxy.setFaults(faults),
      setUser: (spec) => consoleServer.setUser(parseUser(spec)),
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
};
