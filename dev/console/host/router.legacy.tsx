/**
 * `router.ts` for consoles 4.19-4.21: like their `AppRouter`
 * (frontend/public/components/app.tsx), a react-router 5 `Router` wrapped in
 * `CompatRouter`, with routes and links from `react-router-dom-v5-compat`, so
 * a plugin's v6 hooks see the same router the console's pages use.
 */
import * as React from 'react';
import { BrowserRouter as BrowserRouterV5 } from 'react-router-dom-5';
import { CompatRouter } from 'react-router-dom-v5-compat';

export const BrowserRouter: React.FC<{ children?: React.ReactNode }> = ({ children }) => (
  <BrowserRouterV5>
    <CompatRouter>{children}</CompatRouter>
  </BrowserRouterV5>
);

export { Link, Navigate, NavLink, Route, Routes, useParams, useSearchParams } from 'react-router-dom-v5-compat';
