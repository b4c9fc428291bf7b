/**
 * `router.ts` for consoles 4.19-4.21 (the dist-compat build): the same hooks
 * from the module those consoles share with the v6 API. Importing
 * `react-router` there would bind to their react-router 5.
 */
export { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom-v5-compat';
