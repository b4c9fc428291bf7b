/**
 * The router the stand-in's shell uses, as console 4.22 has it (react-router 7).
 * The 4.19-4.21 host bundle swaps this file for `router.legacy.tsx`.
 */
export { BrowserRouter, Link, Navigate, NavLink, Route, Routes, useParams, useSearchParams } from 'react-router';
