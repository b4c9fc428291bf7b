import * as React from 'react';

/**
 * A component whose code is fetched the first time it renders, showing `Fallback` (with the same props)
 * until then. Unlike React.lazy, once the code is there every later mount renders it at once, and
 * `preload` can fetch it ahead. A failed fetch leaves the fallback, and the next mount tries again.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<React.ComponentType<P>>,
  Fallback: React.FC<P>,
): { Lazy: React.FC<P>; preload: () => Promise<React.ComponentType<P>> } {
  let loaded: React.ComponentType<P> | undefined;
  let loading: Promise<React.ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (C) => (loaded = C),
      (e: unknown) => {
        loading = undefined;
        throw e;
      },
    ));
  const Lazy: React.FC<P> = (props) => {
    const [Loaded, setLoaded] = React.useState(() => loaded);
    React.useEffect(() => {
      if (Loaded) return;
      let live = true;
      preload().then(
        (C) => live && setLoaded(() => C),
        () => undefined,
      );
      return () => {
        live = false;
      };
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : <Fallback {...props} />;
  };
  return { Lazy, preload };
}
