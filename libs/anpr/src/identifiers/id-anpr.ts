/**
 * idANPR: the 9-character identifier ANPR assigns to every person (DM 3 March 2023), stable over the
 * person's lifetime. Eight payload characters and one check character, all in [A-Z0-9].
 *
 * The annex of the DM says the check character uses the Luhn algorithm but the official character
 * mapping is not published. We use Luhn mod N (N = 36) over the alphabet 0-9A-Z (digit d has value d,
 * letter A has value 10 ... Z has value 35). This choice validates ANPR's own published test subject
 * `OR69233LN`, which is some evidence that it is the real mapping, but it remains an assumption:
 * keep the check lenient (`isValidIdAnpr` is for our simulator and for early warnings, not for
 * rejecting what ANPR itself returns).
 */

export const ID_ANPR_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ID_ANPR_PATTERN = /^[A-Z0-9]{9}$/;
const N = ID_ANPR_ALPHABET.length;

/** Luhn mod 36 check character for the 8-character payload. */
export function idAnprCheckCharacter(payload: string): string {
  if (!/^[A-Z0-9]{8}$/.test(payload)) throw new Error('idANPR payload must be 8 characters A-Z/0-9');
  let sum = 0;
  // Doubling starts from the rightmost payload character, because the check character will sit to its right.
  let factor = 2;
  for (let i = payload.length - 1; i >= 0; i--) {
    const product = ID_ANPR_ALPHABET.indexOf(payload[i]) * factor;
    // product < 2N, so its base-N digit sum is either the product or 1 + (product - N).
    sum += product >= N ? 1 + product - N : product;
    factor = factor === 2 ? 1 : 2;
  }
  return ID_ANPR_ALPHABET[(N - (sum % N)) % N];
}

/** Appends the check character to an 8-character payload. */
export const completeIdAnpr = (payload: string): string => payload + idAnprCheckCharacter(payload);

export type IdAnprValidation = { valid: true } | { valid: false; reason: 'format' | 'check-character'; message: string };

export function validateIdAnpr(input: string): IdAnprValidation {
  const id = input.trim().toUpperCase();
  if (!ID_ANPR_PATTERN.test(id)) return { valid: false, reason: 'format', message: 'idANPR must be 9 characters A-Z/0-9' };
  if (idAnprCheckCharacter(id.slice(0, 8)) !== id[8]) return { valid: false, reason: 'check-character', message: 'idANPR check character does not match' };
  return { valid: true };
}

export const isValidIdAnpr = (id: string): boolean => validateIdAnpr(id).valid;
