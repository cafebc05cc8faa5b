/** The visura document: rendering (PDF/A-2b with contrassegno), sealing (PAdES) and the offline payload. */
export { renderVisura, type RenderOptions } from './render-visura.js';
export { sealPdf, type SealOptions } from './seal-pdf.js';
export { SealKeystore } from './seal-keystore.js';
export { compactPayloadClaims, contentDigest, createCompactPayload, verificationUrl, verifyCompactPayload } from './contrassegno.js';
export { DEFAULT_LEGAL_FOOTER, DEFAULT_PREAMBLE, VISURA_TITLES } from './visura-titles.js';
export type * from './visura-document.types.js';
