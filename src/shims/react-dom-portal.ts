/**
 * What the plugin bundle gets for `react-dom` (webpack alias; tests and the preview's host use the real one).
 *
 * The console does not share react-dom in 4.22, and PatternFly 6 calls nothing from it but `createPortal`
 * (Popper, Toolbar, Modal, AlertGroup). Bundling react-dom for that one call costs 39 KiB gz on every page.
 * A portal is plain data that the console's own renderer mounts, so this returns exactly the element
 * react-dom 18.3's `createPortal` returns. The browser tests open a portalled menu to prove it renders.
 */
import type { ReactNode, ReactPortal } from 'react';

const REACT_PORTAL_TYPE = Symbol.for('react.portal');

export const createPortal = (children: ReactNode, container: Element | DocumentFragment, key?: string | null) =>
  ({
    $$typeof: REACT_PORTAL_TYPE,
    key: key === undefined || key === null ? null : String(key),
    children,
    containerInfo: container,
    implementation: null,
  }) as unknown as ReactPortal;

export default { createPortal };
