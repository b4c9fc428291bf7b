export * from './config';
export * from './escape';
export * from './actions';
export * from './resources';
export * from './health';
export * from './alerts';
