import '@testing-library/jest-dom';
import { TextDecoder, TextEncoder } from 'util';

// jsdom lacks these; react-router 7 needs them when it loads.
Object.assign(globalThis, { TextEncoder, TextDecoder });
