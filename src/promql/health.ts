/** Wiring and Kasten-side health: scrape targets, metric presence, compliance, policy/profile validity, licence. */
import { DEFAULT_CATALOG_JOB, type KastenQueryConfig } from './config';
import { nameSelector, selector } from './escape';

/** One row per scraped Kasten target, 1 = up. */
export const kastenTargetsUp = (cfg: KastenQueryConfig): string =>
  selector('up', [['namespace', '=', cfg.kastenNamespace]]);

export const catalogTargetUp = (cfg: KastenQueryConfig): string =>
  selector('up', [
    ['namespace', '=', cfg.kastenNamespace],
    ['job', '=', cfg.catalogJob ?? DEFAULT_CATALOG_JOB],
  ]);

/** A row per catalog target that is down, or one row when no catalog target is scraped at all. */
export const catalogTargetDown = (cfg: KastenQueryConfig): string =>
  `${catalogTargetUp(cfg)} == 0 or absent(${catalogTargetUp(cfg)})`;

/** One row (the number of series) when `metricName` has series in the Kasten namespace; no row otherwise. */
export const metricPresent = (cfg: KastenQueryConfig, metricName: string): string =>
  `count(${nameSelector(metricName, [['namespace', '=', cfg.kastenNamespace]])})`;

/** Applications per compliance state (Compliant, NotCompliant, Unmanaged). */
export const complianceCounts = (cfg: KastenQueryConfig): string =>
  `max by (state) (${selector('compliance_count', [['namespace', '=', cfg.kastenNamespace]])})`;

/** Policies per action and validation status (Success, Failed). */
export const policyValidity = (cfg: KastenQueryConfig): string =>
  `sum by (action, status) (max by (action, chained, status) (${selector('policies_count', [['namespace', '=', cfg.kastenNamespace]])}))`;

/** Location and infrastructure profiles per validation status. */
export const profileValidity = (cfg: KastenQueryConfig): string =>
  `max by (type, status) (${selector('profiles_count', [['namespace', '=', cfg.kastenNamespace]])})`;

/** 1 = licence compliant, 0 = not (Kasten allows a grace period). */
export const licenseCompliance = (cfg: KastenQueryConfig): string =>
  `min(${selector('metering_license_compliance_status', [['namespace', '=', cfg.kastenNamespace]])})`;

/**
 * The user-workload Prometheus's own target, read through the platform querier: evidence that
 * user-workload monitoring runs when its ConfigMap cannot be read.
 */
export const userWorkloadPrometheusUp = (): string =>
  selector('up', [
    ['namespace', '=', 'openshift-user-workload-monitoring'],
    ['job', '=', 'prometheus-user-workload'],
  ]);
