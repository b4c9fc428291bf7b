import * as React from 'react';
import { useSearchParams } from '../router';
import { parseTimeRangeParams, type TimeRangeState } from './time-range';

export interface TimeRangeControls extends TimeRangeState {
  setTimeRange: (ms: number) => void;
  setEndTime: (ms: number | undefined) => void;
  setRefresh: (ms: number | null) => void;
}

/** Time range, end time and refresh interval live in the URL, so a link reproduces the view. */
export const useTimeRange = (): TimeRangeControls => {
  const [params, setParams] = useSearchParams();
  const state = parseTimeRangeParams(params);
  const update = React.useCallback(
    (key: string, value: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value === undefined) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  return {
    ...state,
    setTimeRange: (ms) => update('timeRange', String(ms)),
    setEndTime: (ms) => update('endTime', ms === undefined ? undefined : String(ms)),
    setRefresh: (ms) => update('refreshInterval', ms === null ? '0' : String(ms)),
  };
};

/** A single URL parameter as state (tab, filter, isolated policy). */
export const useUrlParam = (key: string): [string | undefined, (v: string | undefined) => void] => {
  const [params, setParams] = useSearchParams();
  const value = params.get(key) ?? undefined;
  const set = React.useCallback(
    (v: string | undefined) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (v === undefined || v === '') next.delete(key);
          else next.set(key, v);
          return next;
        },
        { replace: true },
      ),
    [key, setParams],
  );
  return [value, set];
};
