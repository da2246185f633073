export * from './catalog.js';
export * from './models.js';
export * from './scores.js';
