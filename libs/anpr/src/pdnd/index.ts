export {
  PdndAnprAdapter,
  MonotonicClientOperationIds,
  planEservices,
  errorFromAnswer,
  UNSUPPORTED_SECTIONS_WARNING,
  type ClientOperationIdSource,
  type PdndAdapterOptions,
  type PdndPlan,
  type PdndSettings,
} from './adapter.js';
export {
  PDND_ESERVICES,
  PDND_OPERATION,
  eserviceAudience,
  eserviceEndpoint,
  eserviceSegment,
  type PdndEserviceCode,
} from './eservices.js';
export { digestHeader, sha256Hex, makePdndSigner, type PdndSigner } from './modi.js';
export { PdndVoucherCache, type Voucher, type VoucherRequest } from './voucher.js';
export { buildRichiestaE002 } from './request.js';
export type * from './wire.js';
