export * from './model.js';
export * from './errors.js';
export * from './port.js';
export * from './tables.js';
export * from './validate-query.js';
export * from './identifiers/index.js';
export * from './pdnd/index.js';
export * from './soap/index.js';
