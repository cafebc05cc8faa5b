export * from './italian-time.js';
export * from './clock.js';
