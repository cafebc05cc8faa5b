import type { VisuraType } from '#libs/domain';

/** One labelled value of the subject's data ("Cognome" → "ROSSI"). */
export interface VisuraRow {
  label: string;
  value: string;
}

/** A table of the subject's data: family members, residence periods, citizenships. */
export interface VisuraTable {
  /** Read by screen readers and printed above the table when given. */
  caption?: string;
  columns: string[];
  /** Each row has exactly one cell per column. */
  rows: string[][];
}

/** A block of the body: an optional heading, then rows, then a table, then a note, in this order. */
export interface VisuraSection {
  heading?: string;
  rows?: VisuraRow[];
  table?: VisuraTable;
  note?: string;
}

export interface VisuraComune {
  /** As printed after "Comune di", e.g. "Bari". */
  name: string;
  /** ISTAT code; goes into the signed compact payload, not on the page. */
  istatCode: string;
  /** PNG or JPEG bytes uploaded by the TOP; a neutral vector emblem is drawn without it. */
  logo?: Uint8Array | null;
}

export interface VisuraVerification {
  /** Public verification page; the QR and the printed URL add `?id=<documentId>&cvd=<code>`. */
  baseUrl: string;
  /** The CVD (codice di verifica del documento). */
  code: string;
  /** Last day on which the verification endpoint returns the original (printed on the page). */
  expiresOn: Date;
}

/** Everything printed on a visura. Rendering is a pure function of this value. */
export interface VisuraDocumentInput {
  comune: VisuraComune;
  type: VisuraType;
  /** Defaults to the title of the type ("Visura di Residenza"). */
  title?: string;
  /** Defaults to DEFAULT_PREAMBLE (the "Vista/Visto" lines of the sample). */
  preamble?: string[];
  sections: VisuraSection[];
  /** idOperazioneANPR and the moment ANPR answered. */
  anpr: { protocol: string; date: Date };
  requestedBy: string;
  /** The mediator whose ANPR operator id was used, when the request was deferred. */
  mediator?: string | null;
  /** Defaults to DEFAULT_LEGAL_FOOTER (art. 43 c.4 DPR 445/2000, art. 2712 c.c.). */
  legalFooter?: string;
  documentId: string;
  verification: VisuraVerification;
  /** The clock of the issue: PDF creation date and XMP dates come from it, so output is reproducible. */
  issuedAt: Date;
}

/** Claims of the signed compact payload carried by the second QR (see README, "Contrassegno"). */
export interface CompactPayloadClaims {
  /** Payload format version. */
  v: 1;
  /** Document id. */
  id: string;
  /** Visura type. */
  t: VisuraType;
  /** ISTAT code of the issuing Comune. */
  c: string;
  /** ANPR protocol (idOperazioneANPR). */
  p: string;
  /** Issue date, YYYY-MM-DD (Europe/Rome). */
  d: string;
  /** base64url SHA-256 of the canonical content (contentDigest), not of the PDF bytes. */
  h: string;
}
