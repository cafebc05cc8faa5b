export * from './handler.js';
export { SecurityFault, verifySecurityHeader, verifyIdPostazioneFirmato, type VerifiedCaller, type SecurityCheckOptions } from './security.js';
export { parsePersonRequest, AnprBusinessError, type ParsedRequest } from './request.js';
export type { ComuneNamer } from './serialize.js';
