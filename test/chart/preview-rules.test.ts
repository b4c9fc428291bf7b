/**
 * The preview's Prometheus evaluates the chart's recovery-point rules: the rule file it loads
 * (dev/prometheus/recovery-rules.ts) equals the `<release>-recovery-points` PrometheusRule that
 * `helm template` renders for the same values, group for group and rule for rule.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  chartRecoveryRuleGroups,
  chartRecoveryRuleObject,
  chartValues,
  writeRecoveryRuleFiles,
  type RecoveryRuleValues,
} from '../../dev/prometheus/recovery-rules';
import { DEFAULT_PLUGIN_CONFIG } from '../../dev/console/server';
import { only, render } from './helm';

/** The release's full name, as helm.ts's release renders it. */
const PLUGIN = 'kasten-console-plugin';

const PREVIEW_DEFAULTS: RecoveryRuleValues = {
  kastenNamespace: DEFAULT_PLUGIN_CONFIG.kastenNamespace,
  scrapeInterval: '30s',
  recoveryPointMaxAgeSeconds: DEFAULT_PLUGIN_CONFIG.recoveryPointMaxAgeSeconds,
};

const renderedGroups = (v: RecoveryRuleValues): unknown => {
  const rule = only(render(chartValues(v)), 'PrometheusRule', `${PLUGIN}-recovery-points`);
  return (rule.spec as { groups: unknown }).groups;
};

test.each<[string, RecoveryRuleValues]>([
  ['the preview defaults', PREVIEW_DEFAULTS],
  [
    'another namespace, scrape interval and maximum age',
    { kastenNamespace: 'k10', scrapeInterval: '1m', recoveryPointMaxAgeSeconds: 90061 },
  ],
])('the preview loads exactly the rules the chart renders, for %s', (_what, v) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-preview-rules-'));
  try {
    const { all } = writeRecoveryRuleFiles(dir, v, '30s');
    // What Prometheus reads (JSON is YAML), not only what the function returns.
    const loaded = (JSON.parse(fs.readFileSync(all, 'utf8')) as { groups: unknown }).groups;
    expect(loaded).toEqual(chartRecoveryRuleGroups(v));
    expect(loaded).toEqual(renderedGroups(v));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('values change the rendered rules, so the comparison above can fail', () => {
  const other = { ...PREVIEW_DEFAULTS, scrapeInterval: '1m' };
  expect(renderedGroups(other)).not.toEqual(chartRecoveryRuleGroups(PREVIEW_DEFAULTS));
});

test('the one-off look-back file holds the chart look-back group, only its interval changed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-preview-rules-'));
  try {
    const { lookbackOnly } = writeRecoveryRuleFiles(dir, PREVIEW_DEFAULTS, '30s');
    const [group, ...rest] = (
      JSON.parse(fs.readFileSync(lookbackOnly, 'utf8')) as { groups: Array<{ interval: string }> }
    ).groups;
    expect(rest).toEqual([]);
    const chartGroup = chartRecoveryRuleGroups(PREVIEW_DEFAULTS).find(
      (g) => g.name === 'kasten-recovery-point-lookback',
    );
    expect(group).toEqual({ ...chartGroup, interval: '30s' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the stand-in's API serves the PrometheusRule the chart renders, so Setup sees the rules the Overview reads", () => {
  const rule = only(render(chartValues(PREVIEW_DEFAULTS)), 'PrometheusRule', `${PLUGIN}-recovery-points`);
  const served = chartRecoveryRuleObject(PREVIEW_DEFAULTS);
  const metadata = rule.metadata as { name: string; namespace: string; labels: Record<string, string> };
  expect(served.metadata.name).toBe(metadata.name);
  expect(served.metadata.namespace).toBe(metadata.namespace);
  // The chart adds its own release labels; the leaf-Prometheus label Setup checks must be on both.
  expect(metadata.labels).toMatchObject(served.metadata.labels);
  expect(served.spec.groups).toEqual((rule.spec as { groups: unknown }).groups);
});
