export * from './auth.js';
export * from './courses.js';
export * from './errors.js';
export * from './health.js';
export * from './readings.js';
export * from './routes.js';
export * from './path-params.js';
