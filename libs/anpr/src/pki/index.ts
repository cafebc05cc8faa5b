export * from './signer.js';
export * from './keystore.js';
export * from './pkcs7.js';
