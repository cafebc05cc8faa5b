export * from './identifiers.js';
export * from './input-report.js';
export * from './fixed-width.js';
export * from './parse-input.js';
