export * from './codice-fiscale.js';
export * from './id-anpr.js';
