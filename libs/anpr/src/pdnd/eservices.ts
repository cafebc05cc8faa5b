/**
 * The ANPR e-services on PDND this adapter speaks to, and how their URLs and JWT audiences are
 * built (REFERENCE.md §3.1–3.2). All of them expose the same operation, `anpr-service-e002`, with
 * the E002 JSON model; what differs is the purpose (and thus the voucher) and the returned sections.
 */
export const PDND_ESERVICES = {
  C001: { name: 'servizioNotifica', returns: ['generalita', 'residenza', 'identificativi'] },
  C020: { name: 'servizioAccertamentoResidenza', returns: ['generalita', 'residenza', 'identificativi'] },
  C021: { name: 'servizioAccertamentoStatoFamiglia', returns: ['generalita', 'identificativi', 'datiDecesso', 'legameSoggetto'] },
  C030: { name: 'servizioAccertamentoIdUnicoNazionale', returns: ['identificativi'] },
} as const;

export type PdndEserviceCode = keyof typeof PDND_ESERVICES;

export const PDND_OPERATION = 'anpr-service-e002';

/**
 * `<code>-<nome>`. The catalogue spells C001 with an en dash, but GovWay routes the hyphen form,
 * which is what known clients call; we always send the hyphen.
 */
export const eserviceSegment = (code: PdndEserviceCode): string => `${code}-${PDND_ESERVICES[code].name}`;

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** `POST <baseUrl>/<code>-<nome>/v1/anpr-service-e002`, baseUrl ending in `MinInternoPortaANPR-PDND`. */
export const eserviceEndpoint = (baseUrl: string, code: PdndEserviceCode): string =>
  `${trimSlash(baseUrl)}/${eserviceSegment(code)}/v1/${PDND_OPERATION}`;

/**
 * The `aud` of the tracking evidence and of Agid-JWT-Signature: the non `-PDND` base, without the
 * operation (ANPR staff, italia/anpr#4287). A wrong one gives `400 InteroperabilityInvalidRequest`.
 */
export const eserviceAudience = (audienceBaseUrl: string, code: PdndEserviceCode): string =>
  `${trimSlash(audienceBaseUrl)}/${eserviceSegment(code)}/v1`;
