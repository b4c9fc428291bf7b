/** What the History tab charts. */
import type { SeriesPoints } from './prometheus/parse';
import type { PromQueryState } from './prometheus/types';

export type HistoryKey = 'byStatus' | 'failedByPolicy' | 'newPerStep' | 'policies';

export interface HistoryData {
  queries: Record<HistoryKey, string>;
  states: Record<HistoryKey, PromQueryState>;
  byStatus: SeriesPoints[];
  failedByPolicy: SeriesPoints[];
  newPerStep: SeriesPoints[];
  policies: string[];
}
