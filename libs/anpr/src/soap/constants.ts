/** Namespaces, paths and algorithm identifiers of ANPR's SOAP services (REFERENCE.md §2). */
export const NS = {
  soapenv: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  c3000: 'http://sogei.it/ANPR/3000consultazione',
  e000: 'http://sogei.it/ANPR/E000Vocabolario',
} as const;

export const WSS = {
  base64: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary',
  x509v3: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3',
} as const;

export const SAML = {
  nameIdUnspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  bearer: 'urn:oasis:names:tc:SAML:2.0:cm:bearer',
  attrNameUnspecified: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified',
  authnContextUnspecified: 'urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified',
  /** ANPR's samples: the Comune acts as IdP and names itself "XS". */
  issuer: 'XS',
} as const;

export const ALG = {
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  'rsa-sha1': 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'rsa-sha256': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
} as const;

export type SignatureAlgorithmName = 'rsa-sha1' | 'rsa-sha256';
export type DigestAlgorithmName = 'sha1' | 'sha256';

export interface SoapServiceDescriptor {
  code: '3002' | 'E002';
  path: string;
  operation: string;
  requestElement: string;
  responseElement: string;
  okElement: string;
  namespace: string;
  codDestinatario: string;
}

export const SOAP_SERVICES: Record<'3002' | 'E002', SoapServiceDescriptor> = {
  '3002': {
    code: '3002',
    path: '/ANPR3000ServiziConsultazione/AnprService3000',
    operation: 'interrogazioneCittadino_famiglia_convivenza',
    requestElement: 'Richiesta3002',
    responseElement: 'Risposta3002',
    okElement: 'Risposta3002_OK',
    namespace: NS.c3000,
    codDestinatario: 'ANPR00',
  },
  E002: {
    code: 'E002',
    path: '/anpr-wsE000/AnprServiceE002',
    operation: 'consultazione_soggetti',
    requestElement: 'RichiestaE002',
    responseElement: 'RispostaE002',
    okElement: 'RispostaE002_OK',
    namespace: NS.e000,
    codDestinatario: 'ANPR02',
  },
};
