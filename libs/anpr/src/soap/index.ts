export * from './constants.js';
export * from './operation-id.js';
export * from './request-builder.js';
export * from './response-parser.js';
export * from './transport.js';
export * from './wssecurity.js';
export * from './adapter.js';
export { SECTION_CODES, FULL_RECORD_CODE } from './tables.js';
export * from '../pki/index.js';
