import { codiceFiscaleCheckCharacter } from '#libs/anpr';
import type { PersonRecord } from '../../../test-env/src/population/generator.js';
import type { SyntheticRegistry } from '../../../test-env/src/population/registry.js';

export type Expected = 'OK' | 'FUORI_AMBITO' | 'NON_TROVATO' | 'SCARTATO';

export interface ListRow {
  tipo: string;
  identificativo: string;
  riferimento: string;
  expected: Expected;
  person?: PersonRecord;
}

const current = (p: PersonRecord) => p.residenze.find((r) => !r.dataFine) ?? p.residenze[p.residenze.length - 1];
const livesIn = (p: PersonRecord) => current(p)?.indirizzo?.comune.codiceIstat;

/**
 * A mixed list from the synthetic population, deterministic: residents of `comune` by codice
 * fiscale, idANPR and carta d'identità (found), residents elsewhere (outside an `agreed` scope),
 * well-formed codici fiscali nobody has (not found) and malformed ones (refused by validation).
 */
export function mixedList(registry: SyntheticRegistry, comune: string, size: number): ListRow[] {
  const plain = registry.population.persons.filter((p) => p.tags.length === 0 && !p.decesso && !p.aire && p.validitaCF === '1' && current(p)?.indirizzo);
  const here = plain.filter((p) => livesIn(p) === comune);
  const elsewhere = plain.filter((p) => livesIn(p) !== comune);
  const known = new Set(registry.population.persons.map((p) => p.codiceFiscale));
  const rows: ListRow[] = [];
  const counts = { ok: Math.round(size * 0.6), out: Math.round(size * 0.15), unknown: Math.round(size * 0.15) };
  if (here.length < counts.ok || elsewhere.length < counts.out) throw new Error('population too small for the list');
  for (let i = 0; i < counts.ok; i++) {
    const p = here[i];
    const ci = p.documenti.find((d) => d.tipo === 'cartaIdentita');
    if (i % 10 === 1) rows.push({ tipo: 'ID', identificativo: p.idANPR, riferimento: '', expected: 'OK', person: p });
    else if (i % 10 === 2 && ci) rows.push({ tipo: 'CI', identificativo: ci.numero, riferimento: '', expected: 'OK', person: p });
    else rows.push({ tipo: 'CF', identificativo: p.codiceFiscale, riferimento: '', expected: 'OK', person: p });
  }
  for (let i = 0; i < counts.out; i++) rows.push({ tipo: 'CF', identificativo: elsewhere[i].codiceFiscale, riferimento: '', expected: 'FUORI_AMBITO' });
  for (let i = 0, made = 0; made < counts.unknown; i++) {
    const first15 = `ZZZQQQ${String(50 + (i % 40)).padStart(2, '0')}A${String(1 + (i % 28)).padStart(2, '0')}H501`;
    const value = first15 + codiceFiscaleCheckCharacter(first15);
    if (known.has(value) || rows.some((r) => r.identificativo === value)) continue;
    rows.push({ tipo: 'CF', identificativo: value, riferimento: '', expected: 'NON_TROVATO' });
    made++;
  }
  while (rows.length < size) {
    const p = here[rows.length % here.length];
    const wrong = p.codiceFiscale.slice(0, 15) + (p.codiceFiscale[15] === 'A' ? 'B' : 'A');
    rows.push({ tipo: 'CF', identificativo: wrong, riferimento: '', expected: 'SCARTATO' });
  }
  // Interleave deterministically, then number the references (one with a formula-looking text).
  const mixed = rows.map((r, i) => ({ r, k: (i * 7919) % rows.length })).sort((a, b) => a.k - b.k).map((x) => x.r);
  const formula = mixed.findIndex((r) => r.expected === 'OK');
  mixed.forEach((r, i) => (r.riferimento = i === formula ? '=HYPERLINK("x")' : `RIF-${String(i + 1).padStart(4, '0')}`));
  return mixed;
}

export const toCsv = (rows: ListRow[]) => `tipo;identificativo;riferimento\r\n${rows.map((r) => `${r.tipo};${r.identificativo};"${r.riferimento.replace(/"/g, '""')}"`).join('\r\n')}\r\n`;
