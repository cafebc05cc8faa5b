export * from './vocabulary.js';
export * from './entities/index.js';
export * from './audit/audit-chain.js';
export * from './audit/checkpoint.js';
export * from './audit/audit-lengths.js';
export * from './canonical-json.js';
