/**
 * The plugin's one door to the console's router. Console 4.22 shares
 * react-router 7; consoles 4.19-4.21 share react-router 5 under that name and
 * the v6 hooks API as `react-router-dom-v5-compat`. The older-console build
 * swaps this file for `router.compat.ts` (a webpack alias), so only the v6/v7
 * API common to both is listed here, and the compat type-check
 * (tsconfig.compat.json) checks every caller against v6.
 */
export { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
