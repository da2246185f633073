export * from './catalog.js';
export * from './models.js';
export * from './scores.js';
export * from './profiles.js';
export * from './access.js';
export * from './capability.js';
