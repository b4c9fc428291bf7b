import * as React from 'react';
import type { AlertProps } from '@patternfly/react-core/dist/esm/components/Alert/Alert';
import { lazyComponent } from './lazy-component';

type Props = Omit<AlertProps, 'ref'>;

/**
 * PatternFly's Alert, fetched the first time one shows. Its truncated-title tooltip brings Popper
 * (about 8 KiB gz) into whatever chunk imports it, and the page's alerts are rare: a query error, a
 * partial answer, an ignored setting. Until the code arrives the same words show as plain text, so a
 * message is never held back; the Alert (and its role, for screen readers) replaces them.
 */
export const { Lazy: LazyAlert, preload: loadAlert } = lazyComponent<Props>(
  () =>
    import(/* webpackChunkName: "alert" */ '@patternfly/react-core/dist/esm/components/Alert/Alert').then(
      (m) => m.Alert as React.ComponentType<Props>,
    ),
  ({ title, children }) => (
    <div className="kasten-console-plugin__block" data-test="alert-loading">
      {title}
      {children}
    </div>
  ),
);
