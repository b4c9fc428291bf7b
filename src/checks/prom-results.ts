import type { PromError, PromQueryState, PromVectorSample } from '../models/prometheus/types';
import type { Translate } from './types';

/**
 * The samples of an instant query, or undefined when there is no answer to
 * judge by. Data kept from the last good refresh counts: a setup check should
 * not flip to "cannot tell" on one failed poll.
 */
export const vectorSamples = (state: PromQueryState | undefined): PromVectorSample[] | undefined =>
  state?.data?.resultType === 'vector' ? state.data.result : undefined;

export type PromOutcome =
  | { state: 'loading' }
  | { state: 'error'; error: PromError }
  | { state: 'ok'; samples: PromVectorSample[] };

export const promOutcome = (state: PromQueryState | undefined): PromOutcome => {
  const samples = vectorSamples(state);
  if (samples) return { state: 'ok', samples };
  return state?.error ? { state: 'error', error: state.error } : { state: 'loading' };
};

/** What Prometheus said, in the words a user can act on; the server's message stays verbatim. */
export const describePromError = (t: Translate, error: PromError, kastenNamespace: string): string =>
  error.kind === 'forbidden'
    ? t(
        "Cannot tell: Prometheus refused the query ({{message}}). Reading Kasten's metrics needs the cluster-monitoring-view role, or view on {{namespace}}.",
        {
          message: error.message,
          namespace: kastenNamespace,
        },
      )
    : t('Cannot tell: the query failed: {{message}}', { message: error.message });
