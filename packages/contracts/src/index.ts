export * from './auth.js';
export * from './courses.js';
export * from './errors.js';
export * from './health.js';
export * from './module-restore.js';
export * from './reading-reports.js';
export * from './readings.js';
export * from './routes.js';
