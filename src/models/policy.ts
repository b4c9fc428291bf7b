/**
 * Kasten's Policy resource (config.kio.kasten.io/v1alpha1), as far as the page
 * reads it: how often it is meant to run, and whether it is paused.
 */
export interface KastenPolicy {
  metadata?: { name?: string; namespace?: string };
  spec?: { frequency?: string; paused?: boolean };
}

const FREQUENCY_SECONDS: Record<string, number> = {
  '@hourly': 3600,
  '@daily': 86400,
  '@weekly': 7 * 86400,
  '@monthly': 31 * 86400,
  '@yearly': 366 * 86400,
};

/**
 * Longest expected gap between two runs, or undefined when the policy has no
 * schedule (`@onDemand`) or one the page cannot read (cron: shown as is).
 */
export const expectedIntervalSeconds = (frequency: string | undefined): number | undefined =>
  frequency === undefined ? undefined : FREQUENCY_SECONDS[frequency];

export type RecoveryPointVerdict = 'ok' | 'stale' | 'never' | 'paused' | 'unknown';

/**
 * A recovery point is stale when older than the policy's interval plus a
 * grace (a run takes time); without a readable frequency the configured
 * maximum age decides.
 */
export const recoveryPointVerdict = (
  ageSeconds: number | undefined,
  policy: KastenPolicy | undefined,
  maxAgeSeconds: number,
): { verdict: RecoveryPointVerdict; expectedSeconds?: number } => {
  if (policy?.spec?.paused) return { verdict: 'paused' };
  // An on-demand policy promises no schedule: no age is late, and no backup yet is no failure.
  if (policy?.spec?.frequency === '@onDemand') return { verdict: ageSeconds === undefined ? 'unknown' : 'ok' };
  const interval = expectedIntervalSeconds(policy?.spec?.frequency);
  const expectedSeconds = interval !== undefined ? Math.round(interval * 1.1) + 600 : maxAgeSeconds;
  if (ageSeconds === undefined) return { verdict: 'never', expectedSeconds };
  return { verdict: ageSeconds > expectedSeconds ? 'stale' : 'ok', expectedSeconds };
};
