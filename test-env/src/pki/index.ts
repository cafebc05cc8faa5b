export * from './test-pki.js';
export * from './pkcs12.js';
