export * from './result-csv-writer.js';
