import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaceResolver } from '#libs/anpr';
import { parseCsv } from '../governance/csv.js';

/**
 * Names for ISTAT codes, which ANPR's SOAP criteria need beside the codes. Read from ANPR's own
 * decoding tables (ANPR_archivio_comuni.csv, tab_Stati_Esteri.csv) in ANPR_TABLES_DIR, as published
 * by ANPR; Comuni registered in GeRes are always known.
 */
export class TablePlaceResolver implements PlaceResolver {
  private readonly comuni = new Map<string, { nomeComune: string; siglaProvincia: string }>();
  private readonly stati = new Map<string, { descrizioneStato: string }>();

  constructor(known: Array<{ codiceIstat: string; nome: string; provincia: string }>, tablesDir?: string) {
    if (tablesDir && existsSync(join(tablesDir, 'ANPR_archivio_comuni.csv'))) this.loadComuni(join(tablesDir, 'ANPR_archivio_comuni.csv'));
    if (tablesDir && existsSync(join(tablesDir, 'tab_Stati_Esteri.csv'))) this.loadStati(join(tablesDir, 'tab_Stati_Esteri.csv'));
    for (const k of known) this.learn(k);
  }

  private rows(file: string): string[][] {
    return parseCsv(readFileSync(file, 'utf8')).map((r) => r.map((f) => f.trim()));
  }

  private loadComuni(file: string) {
    const [header, ...rows] = this.rows(file);
    const i = (name: string) => header.indexOf(name);
    const [istat, nome, prov, stato] = [i('CODISTAT'), i('DENOMINAZIONE_IT'), i('SIGLAPROVINCIA'), i('STATO')];
    if (istat < 0 || nome < 0) return;
    for (const r of rows) {
      // Prefer the current (A = attivo) record of a code; ceased ones fill gaps.
      if (stato >= 0 && r[stato] !== 'A' && this.comuni.has(r[istat])) continue;
      this.comuni.set(r[istat], { nomeComune: r[nome], siglaProvincia: prov >= 0 ? r[prov] : '' });
    }
  }

  private loadStati(file: string) {
    const [header, ...rows] = this.rows(file);
    // ANPR identifies foreign states by their 3-digit ISTAT code.
    const id = header.indexOf('CODISTAT');
    const desc = header.indexOf('DENOMINAZIONE');
    if (id < 0 || desc < 0) return;
    for (const r of rows) this.stati.set(r[id].padStart(3, '0'), { descrizioneStato: r[desc] });
  }

  /** Adds or replaces a Comune (GeRes learns Comuni as they are registered). */
  learn(c: { codiceIstat: string; nome: string; provincia: string }) {
    this.comuni.set(c.codiceIstat, { nomeComune: c.nome.toUpperCase(), siglaProvincia: c.provincia });
  }

  comune(codiceIstat: string) {
    return this.comuni.get(codiceIstat);
  }

  stato(codiceStato: string) {
    return this.stati.get(codiceStato.padStart(3, '0'));
  }
}
