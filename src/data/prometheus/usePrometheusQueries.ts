import * as React from 'react';
import { fetchRound } from './fetch-round';
import { usePrometheusFetcher } from './PrometheusFetcherContext';
import { useMetricsAccess } from './MetricsAccessContext';
import { useRefresh } from './RefreshContext';
import type { PromError, PromQueryRequest, PromQueryState } from '../../models/prometheus/types';

const LOADING: PromQueryState = { loading: true, stale: false };

/**
 * The plugin's one polling hook. Each refresh tick (from the page's single
 * clock) sends all of this view's queries in parallel and keeps the last good
 * data, marked stale, when a query fails.
 *
 * A tick never aborts a round in flight: a query slower than the refresh
 * interval would otherwise be cut off every time and show a skeleton forever.
 * A tick that arrives mid-round is queued (however many arrive, one round
 * follows), so a slow Prometheus gets one round at a time and the query
 * timeout can fire and show. Only new requests or access (the old answers are
 * useless) or leaving the page abort a round.
 */
export const usePrometheusQueries = (requests: PromQueryRequest[]): Record<string, PromQueryState> => {
  const { access, loading: accessLoading } = useMetricsAccess();
  const { tick } = useRefresh();
  const fetcher = usePrometheusFetcher();
  const requestsKey = JSON.stringify(requests);
  const accessKey = JSON.stringify(access ?? null);
  const [states, setStates] = React.useState<Record<string, PromQueryState>>({});
  // `round` starts a round when it changes; `inFlight` and `queued` decide what a tick does.
  const [round, setRound] = React.useState(0);
  const inFlight = React.useRef(false);
  const queued = React.useRef(false);
  const seenTick = React.useRef(tick);

  React.useEffect(() => {
    if (tick === seenTick.current) return;
    seenTick.current = tick;
    if (inFlight.current) queued.current = true;
    else {
      // Busy from now: another tick landing before the round's effect runs must not start a second one.
      inFlight.current = true;
      setRound((n) => n + 1);
    }
  }, [tick]);

  React.useEffect(() => {
    if (accessLoading || !access || access.mode === 'none') inFlight.current = false;
    if (accessLoading || !access) return undefined;
    if (access.mode === 'none') {
      const error: PromError = {
        kind: 'forbidden',
        message: `no permission to read metrics in namespace ${access.namespace} (needs cluster-monitoring-view, or view there)`,
      };
      const none: PromQueryRequest[] = JSON.parse(requestsKey) as PromQueryRequest[];
      setStates(Object.fromEntries(none.map((r) => [r.key, { error, loading: false, stale: false }])));
      return undefined;
    }
    const requestsOfRound: PromQueryRequest[] = JSON.parse(requestsKey) as PromQueryRequest[];
    const controller = new AbortController();
    inFlight.current = true;
    // This round answers any tick queued so far.
    queued.current = false;
    setStates((prev) =>
      Object.fromEntries(requestsOfRound.map((r) => [r.key, { ...(prev[r.key] ?? LOADING), loading: true }])),
    );
    void fetchRound(requestsOfRound, access, fetcher, controller.signal, Date.now() / 1000).then((outcomes) => {
      // Requests or access changed (or the page left): a newer round owns the state.
      if (controller.signal.aborted) return;
      setStates((prev) =>
        Object.fromEntries(
          requestsOfRound.map((r) => {
            const outcome = outcomes[r.key];
            const before = prev[r.key];
            if (outcome && 'data' in outcome) {
              const next: PromQueryState = { data: outcome.data, loading: false, stale: false };
              if (outcome.warnings) next.warnings = outcome.warnings;
              return [r.key, next];
            }
            return [
              r.key,
              { data: before?.data, error: outcome?.error, loading: false, stale: before?.data !== undefined },
            ];
          }),
        ),
      );
      // With a tick queued, the next round is as good as started: stay busy so a tick in the same render queues.
      if (queued.current) {
        queued.current = false;
        setRound((n) => n + 1);
      } else inFlight.current = false;
    });
    // Aborts only an unfinished round; `inFlight` is left to the round that replaces it, whose
    // effect runs after this commit's tick effect, which must still see the old round busy.
    return () => controller.abort();
    // `access` is captured through accessKey; requests through requestsKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestsKey, accessKey, accessLoading, round, fetcher]);

  return React.useMemo(
    () => Object.fromEntries(requests.map((r) => [r.key, states[r.key] ?? LOADING])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [requestsKey, states],
  );
};
