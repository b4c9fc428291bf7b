import { checkCatalogMetrics, checkScrapeTargets, type ScrapeInputs } from './scrape-targets';
import { promFailed, t, vector } from './test-helpers';

const uwm = 'openshift-user-workload-monitoring/user-workload';
const target = (job: string, up: string) =>
  [{ job, namespace: 'kasten-io', prometheus: uwm }, up] as [Record<string, string>, string];

const inputs = (extra: Partial<ScrapeInputs>): ScrapeInputs => ({
  kastenNamespace: 'kasten-io',
  catalogJob: 'catalog-svc',
  ...extra,
});

describe('checkScrapeTargets', () => {
  it('passes when every target is up', () => {
    const r = checkScrapeTargets(
      inputs({ kastenTargetsUp: vector(target('catalog-svc', '1'), target('metering-svc', '1')) }),
      t,
    );
    expect(r).toMatchObject({ status: 'pass', detail: 'All 2 targets are up: catalog-svc, metering-svc.' });
  });

  it('fails when nothing in the namespace is scraped', () => {
    expect(checkScrapeTargets(inputs({ kastenTargetsUp: vector() }), t)?.status).toBe('fail');
  });

  it('fails when the catalog is not among the targets, or is down', () => {
    const absent = checkScrapeTargets(inputs({ kastenTargetsUp: vector(target('metering-svc', '1')) }), t);
    expect(absent?.status).toBe('fail');
    expect(absent?.detail).toMatch(/is not among the scraped targets \(metering-svc\)/);
    const down = checkScrapeTargets(inputs({ kastenTargetsUp: vector(target('catalog-svc', '0')) }), t);
    expect(down?.status).toBe('fail');
    expect(down?.detail).toMatch(/^The catalog target \(catalog-svc\) is down/);
  });

  it('warns when the catalog is up and another target is down', () => {
    const r = checkScrapeTargets(
      inputs({ kastenTargetsUp: vector(target('catalog-svc', '1'), target('crypto-svc', '0')) }),
      t,
    );
    expect(r).toMatchObject({
      status: 'warning',
      detail: 'The catalog is up, but these targets are down: crypto-svc.',
    });
  });

  it('uses the configured catalog job', () => {
    const r = checkScrapeTargets(
      inputs({ catalogJob: 'k10-catalog', kastenTargetsUp: vector(target('k10-catalog', '1')) }),
      t,
    );
    expect(r?.status).toBe('pass');
  });

  it('cannot tell when Prometheus refuses, keeping its message', () => {
    const r = checkScrapeTargets(
      inputs({ kastenTargetsUp: promFailed({ kind: 'forbidden', status: 403, message: 'Forbidden (user=dev)' }) }),
      t,
    );
    expect(r?.status).toBe('unknown');
    expect(r?.detail).toContain('Forbidden (user=dev)');
    expect(r?.detail).toContain('cluster-monitoring-view');
  });

  it("cannot tell (never 'nothing scraped') when a partial answer came back empty, and says why", () => {
    const r = checkScrapeTargets(
      inputs({ kastenTargetsUp: { ...vector(), warnings: ['store user-workload unreachable'] } }),
      t,
    );
    expect(r?.status).toBe('unknown');
    expect(r?.detail).toContain('store user-workload unreachable');
  });

  it('a partial answer that holds the targets still judges them', () => {
    const r = checkScrapeTargets(
      inputs({ kastenTargetsUp: { ...vector(target('catalog-svc', '1')), warnings: ['store x unreachable'] } }),
      t,
    );
    expect(r?.status).toBe('pass');
  });

  it('waits while loading', () => {
    expect(checkScrapeTargets(inputs({ kastenTargetsUp: { loading: true, stale: false } }), t)).toBeUndefined();
  });
});

describe('checkCatalogMetrics', () => {
  const catalogUp = vector(target('catalog-svc', '1'));

  it('passes when catalog_actions_count has series', () => {
    const r = checkCatalogMetrics(inputs({ kastenTargetsUp: catalogUp, catalogActionsPresent: vector([{}, '12']) }), t);
    expect(r).toMatchObject({ status: 'pass', detail: 'catalog_actions_count has 12 series.' });
  });

  it("warns, with the seed's hint, when the catalog is scraped but no action has run yet", () => {
    const r = checkCatalogMetrics(inputs({ kastenTargetsUp: catalogUp, catalogActionsPresent: vector() }), t);
    expect(r?.status).toBe('warning');
    expect(r?.detail).toMatch(/once an action \(backup, export, restore...\) has run/);
  });

  it('fails, pointing at scraping, when the metric is absent because the catalog is not scraped', () => {
    for (const targets of [vector(), vector(target('catalog-svc', '0'))]) {
      const r = checkCatalogMetrics(inputs({ kastenTargetsUp: targets, catalogActionsPresent: vector() }), t);
      expect(r?.status).toBe('fail');
      expect(r?.detail).toMatch(/because the catalog is not scraped/);
    }
  });

  it('cannot tell when the metric is absent and the targets are unknown, or the query fails', () => {
    const r = checkCatalogMetrics(
      inputs({
        kastenTargetsUp: promFailed({ kind: 'unreachable', message: 'bad gateway' }),
        catalogActionsPresent: vector(),
      }),
      t,
    );
    expect(r?.status).toBe('unknown');
    const failed = checkCatalogMetrics(
      inputs({ catalogActionsPresent: promFailed({ kind: 'server', status: 500, message: 'boom' }) }),
      t,
    );
    expect(failed).toMatchObject({ status: 'unknown', detail: 'Cannot tell: the query failed: boom' });
  });

  it('keeps judging from the last good answer when a refresh fails', () => {
    const stale = { ...vector([{}, '3']), error: { kind: 'unreachable' as const, message: 'timeout' }, stale: true };
    expect(checkCatalogMetrics(inputs({ catalogActionsPresent: stale }), t)?.status).toBe('pass');
  });
});
