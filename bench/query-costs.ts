/**
 * `node -r ts-node/register/transpile-only bench/query-costs.ts [policies]`: each Overview query
 * timed alone, one after the other, against the preview's Prometheus (with the recovery-point rules
 * evaluated), so the time to data in `npm run bench` can be split by query without the contention
 * of a round's parallel queries. Prints one line per query: median of 3 runs, ms; then whether the page
 * would send the last-failure subquery (a new-failure row without a time in the records answer).
 *
 * Then named variants, timed the same way, so a cheaper form can be weighed against the page's:
 * built in, `newFailures` with each first-value gate of `riseAtStep` (and each gate alone over the
 * window); more with `--variants FILE`, a JSON object of name to PromQL. With the catalog's series
 * counts (all, and the failed subset `newFailures` reads) and the load average, as the figures need.
 */
import { startPreview } from '../dev/preview';
import { waitForRecoveryRecords } from '../dev/prometheus/recovery-rules';
import { DEFAULT_PLUGIN_CONFIG } from '../src/models/plugin-config';
import { lastFailureLookbackNeeded, overviewQueries } from '../src/models/overview';
import { recoveryFromRecords } from '../src/promql/recovery';
import {
  CATALOG_ACTIONS,
  FAILED_STATUSES,
  GAP_BRIDGE,
  catalogActionsSelector,
  overWindow,
  riseAtStep,
  type FirstValueGate,
} from '../src/promql/actions';
import { selector } from '../src/promql/escape';
import * as fs from 'fs';
import * as os from 'os';
import type { PromResult } from '../src/models/prometheus/types';
import { median } from './stats';

const WINDOW = '1h';

/** `newFailedActions` with either first-value gate, and each gate alone over the same subquery. */
const gateVariants = (): Record<string, string> => {
  const cfg = DEFAULT_PLUGIN_CONFIG;
  const failed = catalogActionsSelector(cfg, [['status', '=~', FAILED_STATUSES]]);
  const newFailures = (gate: FirstValueGate) =>
    `sum by (policy, type, exported_namespace) (sum_over_time(${overWindow(cfg, riseAtStep(cfg, failed, undefined, false, gate), WINDOW)}))`;
  const ns: [string, '=', string] = ['namespace', '=', cfg.kastenNamespace];
  const step = cfg.scrapeResolution;
  return {
    'newFailures, target gate (the page)': newFailures('target'),
    'newFailures, catalog gate': newFailures('catalog'),
    'catalog gate alone': `sum_over_time(${overWindow(cfg, `group(last_over_time(${selector(CATALOG_ACTIONS, [ns])}[${GAP_BRIDGE}] offset ${step}))`, WINDOW)})`,
    'target gate alone': `sum_over_time(${overWindow(cfg, `group(max_over_time(${selector('up', [ns])}[${GAP_BRIDGE}] offset ${step}) == 1)`, WINDOW)})`,
  };
};

const variantsFromArgs = (): Record<string, string> => {
  const i = process.argv.indexOf('--variants');
  if (i < 0) return {};
  const file = process.argv[i + 1];
  if (!file) throw new Error('--variants needs a JSON file: {"name": "PromQL", ...}');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
};

const main = async () => {
  const policies = Number(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '5000');
  const preview = await startPreview({
    policies,
    namespaces: Math.max(6, Math.round(policies / 10)),
    port: 0,
    backfillHours: 1,
    backfillStep: 60,
    buildHost: 'if-stale',
  });
  try {
    await waitForRecoveryRecords(preview.prometheusUrl, 'kasten-io');
    const query = async (q: string): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${preview.prometheusUrl}/api/v1/query?${new URLSearchParams({ query: q }).toString()}`);
      await res.text();
      return performance.now() - t0;
    };
    const hist = overviewQueries(DEFAULT_PLUGIN_CONFIG, '1h');
    const measured = Number(
      (
        (await (
          await fetch(
            `${preview.prometheusUrl}/api/v1/query?${new URLSearchParams({ query: hist.catalogHistory }).toString()}`,
          )
        ).json()) as {
          data: { result: Array<{ value: [number, string] }> };
        }
      ).data.result[0]?.value[1],
    );
    const queries = overviewQueries(DEFAULT_PLUGIN_CONFIG, '1h', undefined, measured);
    for (const [key, q] of Object.entries(queries)) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push(await query(q));
      process.stdout.write(`${key}\t${median(times).toFixed(0)} ms\t${q.slice(0, 70)}\n`);
    }
    // What the last-failure rows add to the records query: the same query without them.
    const bare: number[] = [];
    for (let i = 0; i < 3; i++) bare.push(await query(recoveryFromRecords(DEFAULT_PLUGIN_CONFIG)));
    process.stdout.write(`recoveryRecords without the last-failure rows\t${median(bare).toFixed(0)} ms\n`);
    const answer = async (q: string): Promise<PromResult> =>
      (
        (await (
          await fetch(`${preview.prometheusUrl}/api/v1/query?${new URLSearchParams({ query: q }).toString()}`)
        ).json()) as { data: PromResult }
      ).data;
    const newFailures = await answer(queries.newFailures);
    const records = await answer(queries.recoveryRecords);
    const needed = lastFailureLookbackNeeded({ newFailures, records, catalogPresent: true });
    const rows =
      newFailures.resultType === 'vector' ? newFailures.result.filter((r) => Number(r.value[1]) > 0).length : 0;
    const timed =
      records.resultType === 'vector' ? records.result.filter((r) => r.metric.kcp_row === 'last_failure').length : 0;
    process.stdout.write(
      `lastFailure subquery sent by the page: ${needed ? 'yes' : 'no'} (${rows} new-failure rows, ${timed} times in the records answer)\n`,
    );
    const count = async (q: string): Promise<string> => {
      const a = await answer(`count(${q})`);
      return a.resultType === 'vector' ? (a.result[0]?.value[1] ?? '0') : '?';
    };
    const cfg = DEFAULT_PLUGIN_CONFIG;
    process.stdout.write(
      `catalog series: ${await count(selector(CATALOG_ACTIONS, [['namespace', '=', cfg.kastenNamespace]]))} in all, ${await count(catalogActionsSelector(cfg, [['status', '=~', FAILED_STATUSES]]))} failed or cancelled (live)\n`,
    );
    for (const [name, q] of Object.entries({ ...gateVariants(), ...variantsFromArgs() })) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) times.push(await query(q));
      process.stdout.write(`variant: ${name}\t${median(times).toFixed(0)} ms\n`);
    }
    process.stdout.write(
      `load average: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}\n`,
    );
  } finally {
    await preview.stop();
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
