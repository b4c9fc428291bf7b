import * as React from 'react';
import { k8sCreate, useAccessReview, type K8sModel, type K8sResourceCommon } from '../console-sdk';
import { errorMessageOf, httpStatusOf } from '../checks/k8s-access';

export type ApplyState =
  | { phase: 'idle' }
  | { phase: 'applying' }
  | { phase: 'created' }
  | { phase: 'exists'; message: string }
  | { phase: 'failed'; message: string };

export interface ApplyFix {
  /** The access review said the user may create the object. */
  allowed: boolean;
  checking: boolean;
  state: ApplyState;
  apply: () => void;
}

const alreadyExists = (err: unknown): boolean => {
  if (httpStatusOf(err) === 409) return true;
  const json = typeof err === 'object' && err !== null ? (err as { json?: { reason?: unknown } }).json : undefined;
  return json?.reason === 'AlreadyExists';
};

/**
 * Creates a fix's object with a POST (k8sCreate), so an object that already
 * exists is never overwritten: the API's 409 comes back as "exists".
 */
export const useApplyFix = (resource: { model: K8sModel; data: K8sResourceCommon }): ApplyFix => {
  const { model, data } = resource;
  const [allowed, checking] = useAccessReview({
    group: model.apiGroup ?? '',
    resource: model.plural,
    verb: 'create',
    namespace: data.metadata?.namespace,
  });
  const [state, setState] = React.useState<ApplyState>({ phase: 'idle' });
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const apply = React.useCallback(() => {
    setState({ phase: 'applying' });
    k8sCreate({ model, data })
      .then(() => {
        if (mounted.current) setState({ phase: 'created' });
      })
      .catch((err: unknown) => {
        if (!mounted.current) return;
        const message = errorMessageOf(err);
        setState(alreadyExists(err) ? { phase: 'exists', message } : { phase: 'failed', message });
      });
  }, [model, data]);

  return { allowed: allowed && !checking, checking, state, apply };
};
