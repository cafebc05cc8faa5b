import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sandbox's demo Comune: Comune di Bari. */
export const DEMO_COMUNE_ISTAT = '072006';

export interface ComuneInfo {
  codiceIstat: string;
  codiceCatastale: string;
  nomeComune: string;
  siglaProvincia: string;
  /** First CAP of the Comune and how many consecutive CAPs it has (CAPs are not in ANPR's archive). */
  capBase: number;
  capCount: number;
}

export interface StatoEstero {
  /** ISTAT 3-digit code, as ANPR uses it (Tabella 2). */
  codiceStato: string;
  descrizioneStato: string;
  /** Belfiore Z code, used in the codice fiscale of people born there. */
  codiceBelfiore: string;
  eu: boolean;
  localita: readonly string[];
  /** Where Italians living there are registered (AIRE). */
  consolato?: string;
}

interface ComuneSeed extends ComuneInfo {
  resident: boolean;
}

/**
 * The Comuni the population lives in (resident = true) or was born in. Only the ISTAT code and the
 * CAP range are ours; name, Belfiore code and province are read from ANPR's archive when it is
 * available, and the values below are the fallback (they equal the archive's active rows, which a
 * test checks, so the population does not depend on whether ../shared is present).
 */
const COMUNI: readonly ComuneSeed[] = [
  { codiceIstat: '072006', codiceCatastale: 'A662', nomeComune: 'BARI', siglaProvincia: 'BA', capBase: 70121, capCount: 12, resident: true },
  { codiceIstat: '058091', codiceCatastale: 'H501', nomeComune: 'ROMA', siglaProvincia: 'RM', capBase: 118, capCount: 80, resident: true },
  { codiceIstat: '015146', codiceCatastale: 'F205', nomeComune: 'MILANO', siglaProvincia: 'MI', capBase: 20121, capCount: 42, resident: true },
  { codiceIstat: '001272', codiceCatastale: 'L219', nomeComune: 'TORINO', siglaProvincia: 'TO', capBase: 10121, capCount: 36, resident: true },
  { codiceIstat: '037006', codiceCatastale: 'A944', nomeComune: 'BOLOGNA', siglaProvincia: 'BO', capBase: 40121, capCount: 21, resident: true },
  { codiceIstat: '075035', codiceCatastale: 'E506', nomeComune: 'LECCE', siglaProvincia: 'LE', capBase: 73100, capCount: 1, resident: true },
  { codiceIstat: '063049', codiceCatastale: 'F839', nomeComune: 'NAPOLI', siglaProvincia: 'NA', capBase: 80121, capCount: 27, resident: false },
  { codiceIstat: '082053', codiceCatastale: 'G273', nomeComune: 'PALERMO', siglaProvincia: 'PA', capBase: 90121, capCount: 31, resident: false },
  { codiceIstat: '048017', codiceCatastale: 'D612', nomeComune: 'FIRENZE', siglaProvincia: 'FI', capBase: 50121, capCount: 25, resident: false },
  { codiceIstat: '010025', codiceCatastale: 'D969', nomeComune: 'GENOVA', siglaProvincia: 'GE', capBase: 16121, capCount: 48, resident: false },
  { codiceIstat: '073027', codiceCatastale: 'L049', nomeComune: 'TARANTO', siglaProvincia: 'TA', capBase: 74121, capCount: 3, resident: false },
  { codiceIstat: '071024', codiceCatastale: 'D643', nomeComune: 'FOGGIA', siglaProvincia: 'FG', capBase: 71121, capCount: 2, resident: false },
];

export const FALLBACK_COMUNI: readonly ComuneInfo[] = COMUNI.map(({ resident: _r, ...c }) => c);

/** Foreign states used for births, citizenships and AIRE residences; codes from Tabella 2 (tab_Stati_Esteri). */
export const STATI_ESTERI: readonly StatoEstero[] = [
  { codiceStato: '436', descrizioneStato: 'MAROCCO', codiceBelfiore: 'Z330', eu: false, localita: ['CASABLANCA', 'RABAT', 'FES'] },
  { codiceStato: '201', descrizioneStato: 'ALBANIA', codiceBelfiore: 'Z100', eu: false, localita: ['TIRANA', 'DURAZZO', 'VALONA'] },
  { codiceStato: '235', descrizioneStato: 'ROMANIA', codiceBelfiore: 'Z129', eu: true, localita: ['BUCAREST', 'IASI', 'TIMISOARA'] },
  { codiceStato: '243', descrizioneStato: 'UCRAINA', codiceBelfiore: 'Z138', eu: false, localita: ['KIEV', 'LEOPOLI', 'ODESSA'] },
  { codiceStato: '330', descrizioneStato: 'INDIA', codiceBelfiore: 'Z222', eu: false, localita: ['NUOVA DELHI', 'MUMBAI'] },
  { codiceStato: '323', descrizioneStato: 'FILIPPINE', codiceBelfiore: 'Z216', eu: false, localita: ['MANILA', 'CEBU'] },
  { codiceStato: '450', descrizioneStato: 'SENEGAL', codiceBelfiore: 'Z343', eu: false, localita: ['DAKAR', 'THIES'] },
  { codiceStato: '305', descrizioneStato: 'BANGLADESH', codiceBelfiore: 'Z249', eu: false, localita: ['DACCA', 'CHITTAGONG'] },
  { codiceStato: '605', descrizioneStato: 'BRASILE', codiceBelfiore: 'Z602', eu: false, localita: ['SAN PAOLO', 'RIO DE JANEIRO'], consolato: "CONSOLATO GENERALE D'ITALIA A SAN PAOLO" },
  { codiceStato: '602', descrizioneStato: 'ARGENTINA', codiceBelfiore: 'Z600', eu: false, localita: ['BUENOS AIRES', 'ROSARIO', 'CORDOBA'], consolato: "CONSOLATO GENERALE D'ITALIA A BUENOS AIRES" },
  { codiceStato: '216', descrizioneStato: 'GERMANIA', codiceBelfiore: 'Z112', eu: true, localita: ['MONACO DI BAVIERA', 'STOCCARDA', 'BERLINO'], consolato: "CONSOLATO GENERALE D'ITALIA A MONACO DI BAVIERA" },
  { codiceStato: '241', descrizioneStato: 'SVIZZERA', codiceBelfiore: 'Z133', eu: false, localita: ['ZURIGO', 'GINEVRA', 'BASILEA'], consolato: "CONSOLATO GENERALE D'ITALIA A ZURIGO" },
  { codiceStato: '219', descrizioneStato: 'REGNO UNITO', codiceBelfiore: 'Z114', eu: false, localita: ['LONDRA', 'MANCHESTER'], consolato: "CONSOLATO GENERALE D'ITALIA A LONDRA" },
  { codiceStato: '215', descrizioneStato: 'FRANCIA', codiceBelfiore: 'Z110', eu: true, localita: ['PARIGI', 'LIONE', 'NIZZA'], consolato: "CONSOLATO GENERALE D'ITALIA A PARIGI" },
];

export const ITALIA = { codiceStato: '100', descrizioneStato: 'ITALIA' } as const;

/** Finds ../shared/anpr/tables from this module's location (works from src and from dist). */
export function findSharedTablesDir(): string | undefined {
  if (process.env.GERES_ANPR_TABLES_DIR && existsSync(process.env.GERES_ANPR_TABLES_DIR)) return process.env.GERES_ANPR_TABLES_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared', 'anpr', 'tables');
    if (existsSync(join(candidate, 'ANPR_archivio_comuni.csv'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** Splits one CSV line, honouring double quotes (the ANPR archives quote text fields). */
export function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Active rows (DATACESSAZIONE 9999-12-31) of ANPR_archivio_comuni.csv for the wanted ISTAT codes. */
export function readComuniFromArchive(tablesDir: string, codes: ReadonlySet<string>): Map<string, Omit<ComuneInfo, 'capBase' | 'capCount'>> {
  const text = readFileSync(join(tablesDir, 'ANPR_archivio_comuni.csv'), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const header = parseCsvLine(lines[0]);
  const col = (name: string) => header.indexOf(name);
  const iIstat = col('CODISTAT');
  const iCat = col('CODCATASTALE');
  const iName = col('DENOMINAZIONE_IT');
  const iProv = col('SIGLAPROVINCIA');
  const iEnd = col('DATACESSAZIONE');
  const found = new Map<string, Omit<ComuneInfo, 'capBase' | 'capCount'>>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    // Cheap pre-filter: most of the 19k rows are irrelevant.
    if (!line.includes('9999-12-31')) continue;
    const f = parseCsvLine(line);
    if (f[iEnd] !== '9999-12-31' || !codes.has(f[iIstat])) continue;
    found.set(f[iIstat], { codiceIstat: f[iIstat], codiceCatastale: f[iCat], nomeComune: f[iName], siglaProvincia: f[iProv] });
  }
  return found;
}

export interface Places {
  /** Comuni people live in; the demo Comune first. */
  residenceComuni: ComuneInfo[];
  /** Every Comune known to the generator (residence + birth-only). */
  allComuni: ComuneInfo[];
  byIstat: Map<string, ComuneInfo>;
  source: 'archive' | 'fallback';
}

let cached: Places | undefined;

export function loadPlaces(): Places {
  if (cached) return cached;
  const dir = findSharedTablesDir();
  let fromArchive: Map<string, Omit<ComuneInfo, 'capBase' | 'capCount'>> | undefined;
  if (dir) {
    try {
      fromArchive = readComuniFromArchive(dir, new Set(COMUNI.map((c) => c.codiceIstat)));
    } catch {
      fromArchive = undefined;
    }
  }
  const all: (ComuneInfo & { resident: boolean })[] = COMUNI.map((seed) => {
    const row = fromArchive?.get(seed.codiceIstat);
    return row ? { ...seed, ...row } : { ...seed };
  });
  const strip = ({ resident: _r, ...c }: ComuneSeed): ComuneInfo => c;
  cached = {
    residenceComuni: all.filter((c) => c.resident).map(strip),
    allComuni: all.map(strip),
    byIstat: new Map(all.map((c) => [c.codiceIstat, strip(c)])),
    source: fromArchive && fromArchive.size === COMUNI.length ? 'archive' : 'fallback',
  };
  return cached;
}
