/** Types for the parts of react-router-dom 5 (which ships none) the 4.19-4.21 stand-in uses. */
declare module 'react-router-dom-5' {
  import type * as React from 'react';
  export const BrowserRouter: React.ComponentType<{ children?: React.ReactNode }>;
}

declare module 'react-router-dom-5/node_modules/react-router' {
  const ReactRouter5: Record<string, unknown>;
  export = ReactRouter5;
}
