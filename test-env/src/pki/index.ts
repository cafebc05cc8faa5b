export * from './test-pki.js';
