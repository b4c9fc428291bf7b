/** What the History tab charts. */
import type { CurlRange } from './prometheus/curl';
import type { SeriesPoints } from './prometheus/parse';
import type { PromQueryState } from './prometheus/types';

export type HistoryKey = 'byStatus' | 'failedByPolicy' | 'newPerStep' | 'policies';

export interface HistoryData {
  queries: Record<HistoryKey, string>;
  /** The charts' window, for a copied query_range command. */
  range: CurlRange;
  states: Record<HistoryKey, PromQueryState>;
  byStatus: SeriesPoints[];
  failedByPolicy: SeriesPoints[];
  newPerStep: SeriesPoints[];
  policies: string[];
}
