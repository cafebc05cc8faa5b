/**
 * The port's own check of a PersonQuery, run by every adapter before it allocates an operation id,
 * signs anything or opens a connection. A malformed criterion then fails the same way on every
 * channel, names the field, and never costs an ANPR call (nor a PDND quota unit, nor an entry in
 * ANPR's logs under the Comune's name).
 *
 * Field names follow the PersonQuery shape: `criterion.codiceFiscale`, `criterion.idANPR`,
 * `criterion.cognome`, `criterion.nome`, `criterion.dataNascita`, `criterion.luogoNascita`,
 * `criterion.luogoNascita.codiceIstatComune`, `criterion.luogoNascita.codiceStato`, `criterion.tipo`,
 * `criterion.numero`, `criterion` (unknown kind), `sections`, `asOf`, `motivoRichiesta`,
 * `comuneResidenza`.
 *
 * What only one channel cannot express (documents on E002/PDND, comuneResidenza on E002/PDND) is
 * the adapter's business; see `refuseComuneResidenza`.
 */
import { AnprError } from './errors.js';
import { validateCodiceFiscale } from './identifiers/codice-fiscale.js';
import { validateIdAnpr } from './identifiers/id-anpr.js';
import { SECTIONS, type IdentityDocumentType, type PersonQuery } from './model.js';

/** motivoRichiesta: `charMax240` in 3006, `tipoNoteBase` (1–240) in E002; the OpenAPI sets no maximum. */
export const MOTIVO_RICHIESTA_MAX_LENGTH = 240;
/** cognome / nome: `alfabeticoNomiCognomi`, 1–80 characters. */
export const NAME_MAX_LENGTH = 80;

const DOCUMENT_TYPES: readonly IdentityDocumentType[] = ['cartaIdentita', 'permessoSoggiorno', 'passaporto'];

const invalid = (field: string, message: string): AnprError => new AnprError('invalid_request', message, { field });

const isString = (v: unknown): v is string => typeof v === 'string';
/** XSD lengths count characters, not UTF-16 units. */
const length = (s: string): number => [...s].length;

/** True for YYYY-MM-DD naming a day that exists in the proleptic Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

function date(value: unknown, field: string): void {
  if (!isString(value) || !isCalendarDate(value)) throw invalid(field, `${field} must be a real calendar date YYYY-MM-DD`);
}

function requiredText(value: unknown, field: string, max: number): void {
  if (!isString(value) || value.trim() === '') throw invalid(field, `${field} is required`);
  if (length(value.trim()) > max) throw invalid(field, `${field} must be at most ${max} characters`);
}

/**
 * Throws AnprError('invalid_request', …, { field }) for the first problem found; returns
 * normally when the query can be sent on some channel.
 */
export function validatePersonQuery(query: PersonQuery): void {
  const c = query?.criterion as PersonQuery['criterion'] | undefined;
  if (!c || typeof c !== 'object') throw invalid('criterion', 'A search criterion is required');

  switch (c.kind) {
    case 'codiceFiscale': {
      if (!isString(c.codiceFiscale)) throw invalid('criterion.codiceFiscale', 'codiceFiscale is required');
      // Omocodic codes are valid: validateCodiceFiscale recomputes the check over the letters as sent.
      const v = validateCodiceFiscale(c.codiceFiscale);
      if (!v.valid) throw invalid('criterion.codiceFiscale', `Invalid codiceFiscale: ${v.message}`);
      break;
    }
    case 'idANPR': {
      if (!isString(c.idANPR)) throw invalid('criterion.idANPR', 'idANPR is required');
      const v = validateIdAnpr(c.idANPR);
      if (!v.valid) throw invalid('criterion.idANPR', `Invalid idANPR: ${v.message}`);
      break;
    }
    case 'documento':
      if (!DOCUMENT_TYPES.includes(c.tipo)) throw invalid('criterion.tipo', `Document type must be one of ${DOCUMENT_TYPES.join(', ')}`);
      if (!isString(c.numero) || c.numero.trim() === '') throw invalid('criterion.numero', 'The document number is required');
      break;
    case 'generalita': {
      requiredText(c.cognome, 'criterion.cognome', NAME_MAX_LENGTH);
      requiredText(c.nome, 'criterion.nome', NAME_MAX_LENGTH);
      if (c.dataNascita !== undefined) date(c.dataNascita, 'criterion.dataNascita');
      const luogo = c.luogoNascita;
      if (luogo !== undefined) {
        const { codiceIstatComune, codiceStato } = luogo ?? {};
        if (codiceIstatComune !== undefined && codiceStato !== undefined) {
          throw invalid('criterion.luogoNascita', 'A birth place is either an Italian Comune or a foreign state, not both');
        }
        if (codiceIstatComune !== undefined && !(isString(codiceIstatComune) && /^\d{6}$/.test(codiceIstatComune))) {
          throw invalid('criterion.luogoNascita.codiceIstatComune', 'luogoNascita.codiceIstatComune must be a 6-digit ISTAT code');
        }
        if (codiceStato !== undefined && !(isString(codiceStato) && /^\d{3}$/.test(codiceStato))) {
          throw invalid('criterion.luogoNascita.codiceStato', 'luogoNascita.codiceStato must be a 3-digit ISTAT state code');
        }
      }
      break;
    }
    default:
      throw invalid('criterion', `Unknown criterion kind ${String((c as { kind?: unknown }).kind)}`);
  }

  if (!Array.isArray(query.sections) || query.sections.some((s) => !SECTIONS.includes(s))) {
    throw invalid('sections', `sections must be a list of ${SECTIONS.join(', ')}`);
  }
  if (query.asOf !== undefined) date(query.asOf, 'asOf');
  requiredText(query.motivoRichiesta, 'motivoRichiesta', MOTIVO_RICHIESTA_MAX_LENGTH);
  if (query.comuneResidenza !== undefined && !(isString(query.comuneResidenza) && /^\d{6}$/.test(query.comuneResidenza))) {
    throw invalid('comuneResidenza', 'comuneResidenza must be a 6-digit ISTAT code');
  }
}

/**
 * For services that have no residence restriction (SOAP E002, the PDND e-services): dropping it
 * silently would answer about people who live elsewhere, so the caller must search without it and
 * filter by residence itself.
 */
export function refuseComuneResidenza(query: PersonQuery, service: string): void {
  if (query.comuneResidenza === undefined) return;
  throw invalid(
    'comuneResidenza',
    `${service} cannot restrict the search by residence (comuneResidenza): search without it and filter the answer by residence`,
  );
}
