/**
 * Column lengths of the audited texts, in characters (code points, as MariaDB counts them). The
 * audit service cuts every value to these before hashing (`storableText`), so the stored value and
 * the hashed value are the same on every database.
 */
export const AUDIT_TEXT_LENGTHS = {
  requestId: 64,
  userId: 36,
  username: 80,
  enteId: 36,
  applicationId: 36,
  anprOperatorId: 64,
  workstation: 40,
  clientIp: 45,
  targetComune: 6,
  operation: 80,
  purpose: 40,
  motivoRichiesta: 200,
  criterionType: 20,
  criterionValue: 200,
  outcome: 12,
  outcomeDetail: 80,
  anprOperationId: 64,
  actingService: 32,
  mediatorId: 36,
} as const;

/** Each element of `subjects` and `sections` (JSON arrays) is cut to this length. */
export const AUDIT_LIST_ITEM_LENGTH = 64;
