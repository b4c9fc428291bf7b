import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'util';

// jsdom lacks these; react-router 7 needs them when it loads.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// The page's PatternFly Alert is its own chunk (components/common/LazyAlert.tsx, tested there); loaded up
// front, so the views' tests see their alerts on the first render, as in a console that fetched it before.
beforeAll(async () => {
  const { loadAlert } = await import('../src/components/common/LazyAlert');
  await loadAlert();
});
