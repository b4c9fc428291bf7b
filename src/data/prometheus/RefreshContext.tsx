import * as React from 'react';

export interface RefreshState {
  /** Increments once per refresh; every query hook refetches when it changes. */
  tick: number;
  refreshNow: () => void;
}

export const RefreshContext = React.createContext<RefreshState>({ tick: 0, refreshNow: () => undefined });

/**
 * The page's single refresh clock: one timer for every panel, so a refresh is
 * one round of parallel queries, never a set of drifting per-panel polls.
 * `intervalMs` null means "off" (manual refresh only).
 */
export const useRefreshClock = (intervalMs: number | null): RefreshState => {
  const [tick, setTick] = React.useState(0);
  const refreshNow = React.useCallback(() => setTick((n) => n + 1), []);
  React.useEffect(() => {
    if (!intervalMs || intervalMs <= 0) return undefined;
    const id = window.setInterval(refreshNow, intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs, refreshNow]);
  return React.useMemo(() => ({ tick, refreshNow }), [tick, refreshNow]);
};

export const useRefresh = (): RefreshState => React.useContext(RefreshContext);
