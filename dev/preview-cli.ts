/**
 * `bash scripts/preview.sh [flags]` ends here: parses flags, starts the
 * preview, prints where it is, and stops everything on Ctrl-C or SIGTERM.
 */
import * as fs from 'fs';
import { parseArgs } from 'util';
import { startPreview, type PreviewOptions } from './preview';
import { SCENARIOS, type ScenarioName } from './simulator/scenario';
import { CONSOLE_VERSIONS, DEFAULT_CONSOLE, isConsoleVersion } from './console/versions';

const USAGE = `Usage: bash scripts/preview.sh [flags]
  --port N                  console stand-in port (default 9000; 0 = any free port)
  --console V               ${CONSOLE_VERSIONS.join(' | ')} (default ${DEFAULT_CONSOLE}); 4.19-4.21 load dist-compat/
                            with that console's loader, React 17, react-i18next 11 and react-router-dom-v5-compat
  --policies N              Kasten policies in the simulated cluster (default 6, up to 5000)
  --namespaces N            application namespaces (default 6)
  --scenario NAME           ${SCENARIOS.join(' | ')} (default healthy)
  --user U                  admin | viewer:<namespace> | monitoring-viewer | metrics-only | actions-reader (default admin)
  --scrape-interval S       seconds between scrapes (default 3)
  --backfill-hours H        history to pre-seed before starting (default 2; 0 = none)
  --backfill-step S         history resolution in seconds (default 30; coarser for big sizes)
  --kasten-namespace NS     Kasten's namespace (default kasten-io)
  --config KEY=VALUE        override a plugin-config.json value (repeatable)
  --without-recovery-rules  do not evaluate the chart's recovery-point recording rules, so the
                            Overview shows its look-back fallback (the rules are loaded by default)
  --prometheus-url URL      use a real Thanos querier instead of the simulator
  --bearer-token-file F     token for --prometheus-url
  --insecure-skip-tls-verify  accept the querier's self-signed certificate
`;

const configValue = (v: string): unknown => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

const main = async () => {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9000' },
      console: { type: 'string', default: DEFAULT_CONSOLE },
      policies: { type: 'string', default: '6' },
      namespaces: { type: 'string', default: '6' },
      scenario: { type: 'string', default: 'healthy' },
      user: { type: 'string', default: 'admin' },
      'scrape-interval': { type: 'string', default: '3' },
      'backfill-hours': { type: 'string', default: '2' },
      'backfill-step': { type: 'string', default: '30' },
      'kasten-namespace': { type: 'string', default: 'kasten-io' },
      config: { type: 'string', multiple: true, default: [] },
      'prometheus-url': { type: 'string' },
      'bearer-token-file': { type: 'string' },
      'insecure-skip-tls-verify': { type: 'boolean', default: false },
      'without-recovery-rules': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const int = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number, got "${v}"`);
    return n;
  };
  if (!SCENARIOS.includes(values.scenario as ScenarioName))
    throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  const consoleVersion = values.console ?? DEFAULT_CONSOLE;
  if (!isConsoleVersion(consoleVersion)) throw new Error(`--console must be one of ${CONSOLE_VERSIONS.join(', ')}`);
  const pluginConfig: Record<string, unknown> = {};
  for (const kv of values.config ?? []) {
    const i = kv.indexOf('=');
    if (i < 1) throw new Error(`--config wants KEY=VALUE, got "${kv}"`);
    pluginConfig[kv.slice(0, i)] = configValue(kv.slice(i + 1));
  }
  const options: PreviewOptions = {
    port: int('port', values.port),
    console: consoleVersion,
    policies: int('policies', values.policies),
    namespaces: int('namespaces', values.namespaces),
    scenario: values.scenario as ScenarioName,
    user: values.user,
    scrapeInterval: int('scrape-interval', values['scrape-interval']),
    backfillHours: int('backfill-hours', values['backfill-hours']),
    backfillStep: int('backfill-step', values['backfill-step']),
    recoveryRules: !values['without-recovery-rules'],
    kastenNamespace: values['kasten-namespace'],
    pluginConfig,
    prometheusUrl: values['prometheus-url'],
    bearerToken: values['bearer-token-file'] ? fs.readFileSync(values['bearer-token-file'], 'utf8').trim() : undefined,
    insecureSkipTLSVerify: values['insecure-skip-tls-verify'],
    log: (line) => console.log(`preview: ${line}`),
  };
  const preview = await startPreview(options);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\npreview: ${signal}, stopping`);
    preview.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  console.log(`preview: Prometheus      ${preview.prometheusUrl}`);
  if (preview.simulatorUrl)
    console.log(`preview: Kasten metrics  ${preview.simulatorUrl}/metrics  (story: ${preview.simulatorUrl}/story)`);
  console.log(
    `preview: console ${consoleVersion}, scenario ${options.scenario}, ${options.policies} policies, ${options.namespaces} namespaces, user ${options.user}`,
  );
  console.log(`\n  Open ${preview.consoleUrl}/kasten\n\npreview: Ctrl-C stops everything`);
};

main().catch((e: unknown) => {
  console.error(`preview: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
