/** What the rule-evaluation tests share: they wait for Prometheus' own evaluations, never a guessed time. */
import type { PrometheusServer } from '../../dev/prometheus/harness';

export const nowSeconds = (): number => Date.now() / 1000;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (the data itself), failing with the last error after `ms`. */
export const until = async <T>(what: string, check: () => Promise<T | undefined>, ms = 60_000): Promise<T> => {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
};

/**
 * Waits until the look-back record no longer holds `policy` (its hold has passed), then for one
 * evaluation of the carrying record after that: from then on only the carry can still know the value.
 */
export const untilOnlyTheCarryKnows = async (
  prom: PrometheusServer,
  opts: { lookbackRecord: string; carryRecord: string; policy: string; hold: string },
): Promise<void> => {
  const { lookbackRecord, carryRecord, policy, hold } = opts;
  const holdOver = await until('the look-back record to leave its hold', async () =>
    (
      await prom.query(
        `last_over_time(${lookbackRecord}{namespace="kasten-io",policy="${policy}"}[${hold}])`,
        nowSeconds(),
      )
    ).length === 0
      ? nowSeconds()
      : undefined,
  );
  await until('a carrying evaluation after the hold', async () => {
    const [row] = await prom.query(`timestamp(${carryRecord}{policy="${policy}"})`, nowSeconds());
    return row && Number(row.value[1]) > holdOver ? true : undefined;
  });
};
