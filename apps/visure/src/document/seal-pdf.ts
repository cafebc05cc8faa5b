import { PDF } from '@libpdf/core';
import type { SealKeystore } from './seal-keystore.js';

export interface SealOptions {
  /** Claimed signing time (the /M entry and the CMS signingTime); defaults to now. */
  signingTime?: Date;
  reason?: string;
  location?: string;
}

/**
 * Seals a rendered visura with the Comune's seal: PAdES B-B (SubFilter ETSI.CAdES.detached,
 * ESS signing-certificate-v2, SHA-256) over the whole document, appended as an incremental update so
 * the PDF/A-2b metadata and output intent of the original stay as they are.
 */
export async function sealPdf(pdf: Uint8Array, seal: SealKeystore, options: SealOptions = {}): Promise<Buffer> {
  const doc = await PDF.load(pdf);
  const { bytes } = await doc.sign({
    signer: seal,
    subFilter: 'ETSI.CAdES.detached',
    level: 'B-B',
    digestAlgorithm: 'SHA-256',
    signingTime: options.signingTime,
    reason: options.reason ?? 'Sigillo elettronico del Comune',
    location: options.location,
    fieldName: 'SigilloComune',
  });
  return Buffer.from(bytes);
}
