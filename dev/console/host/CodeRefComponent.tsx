import * as React from 'react';
import type { CodeRef } from './extensions';

type AnyProps = Record<string, unknown>;
const cache = new WeakMap<CodeRef, React.LazyExoticComponent<React.ComponentType<AnyProps>>>();

/** Renders the component a plugin CodeRef points to, loading its chunk on first use. */
export const CodeRefComponent: React.FC<{ codeRef: CodeRef; props?: AnyProps }> = ({ codeRef, props }) => {
  let Lazy = cache.get(codeRef);
  if (!Lazy) {
    Lazy = React.lazy(() => codeRef().then((c) => ({ default: c as React.ComponentType<AnyProps> })));
    cache.set(codeRef, Lazy);
  }
  return (
    <ErrorBoundary>
      <React.Suspense
        fallback={
          <div className="pf-v6-u-p-lg" data-test="plugin-loading">
            Loading…
          </div>
        }
      >
        <Lazy {...props} />
      </React.Suspense>
    </ErrorBoundary>
  );
};

class ErrorBoundary extends React.Component<React.PropsWithChildren, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    if (this.state.error) {
      return (
        <div className="pf-v6-c-alert pf-m-danger pf-v6-u-m-lg" data-test="plugin-component-error">
          <p className="pf-v6-c-alert__title">The plugin component failed: {this.state.error.message}</p>
        </div>
      );
    }
    return this.props.children;
  }
}
