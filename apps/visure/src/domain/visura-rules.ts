import type { VisuraType } from '#libs/domain';
import type { Person } from '../../../../sdk/src/index.js';
import type { VisuraRow, VisuraSection } from '../document/index.js';

/** A lookup section of the gateway (the ANPR sections a profile may allow). */
export type Section = 'generalita' | 'residenza' | 'famiglia' | 'cittadinanza' | 'statoCivile' | 'matrimonio' | 'decesso' | 'documenti' | 'aire' | 'storici';

/** What one visura type asks of ANPR and when it cannot be issued. */
export interface VisuraRule {
  /** Sections asked of ANPR for this type (the user's profile must allow them). */
  sections: Section[];
  /** The reason, in Italian, why the visura cannot be issued for this person; null when it can. */
  refusal(p: Person): string | null;
}

const TABELLA1_CONIUGATO = '2';
const TABELLA1_UNITO_CIVILMENTE = '6';
/** Famiglia tipo 5: famiglia AIRE. */
const FAMIGLIA_AIRE = '5';

export const isAire = (p: Person): boolean => !!p.aire || p.generalita?.soggettoAIRE === true || p.famiglia?.tipo === FAMIGLIA_AIRE;
const isDeceased = (p: Person): boolean => !!p.decesso;
const neverMarried = (p: Person) => !(p.matrimoni ?? []).length;
const aireOnly = (p: Person) => (isAire(p) ? null : 'Il soggetto non è iscritto all\'AIRE: la visura è riservata ai cittadini italiani residenti all\'estero.');
const notAire = (alt: string) => (p: Person) => (isAire(p) ? `Il soggetto è iscritto all'AIRE: richiedere la ${alt}.` : null);

export const VISURA_RULES: Readonly<Record<VisuraType, VisuraRule>> = {
  anagrafica_nascita: { sections: ['generalita'], refusal: () => null },
  esistenza_in_vita: {
    sections: ['generalita', 'decesso'],
    refusal: (p) => (isDeceased(p) ? `Il soggetto risulta deceduto il ${itDate(p.decesso!.data)}: non è possibile attestarne l'esistenza in vita.` : null),
  },
  anagrafica_morte: {
    sections: ['generalita', 'decesso'],
    refusal: (p) => (isDeceased(p) ? null : 'Il soggetto non risulta deceduto: la visura anagrafica di morte non può essere emessa.'),
  },
  cittadinanza: { sections: ['generalita', 'cittadinanza'], refusal: () => null },
  anagrafica_matrimonio: {
    sections: ['generalita', 'statoCivile', 'matrimonio'],
    refusal: (p) => (neverMarried(p) ? 'Per il soggetto non risultano matrimoni né unioni civili registrati.' : null),
  },
  stato_libero: {
    sections: ['generalita', 'statoCivile', 'decesso'],
    refusal: (p) => {
      if (isDeceased(p)) return `Il soggetto risulta deceduto il ${itDate(p.decesso!.data)}: lo stato libero non può essere attestato.`;
      if (p.statoCivile?.codice === TABELLA1_CONIUGATO) return 'Il soggetto risulta coniugato: lo stato libero non può essere attestato.';
      if (p.statoCivile?.codice === TABELLA1_UNITO_CIVILMENTE) return 'Il soggetto risulta unito civilmente: lo stato libero non può essere attestato.';
      return null;
    },
  },
  residenza: { sections: ['generalita', 'residenza'], refusal: notAire('Visura di Residenza AIRE') },
  stato_civile: { sections: ['generalita', 'statoCivile'], refusal: () => null },
  stato_famiglia: { sections: ['generalita', 'residenza', 'famiglia'], refusal: notAire('Visura di Stato di Famiglia AIRE') },
  stato_famiglia_parentela: { sections: ['generalita', 'residenza', 'famiglia'], refusal: notAire('Visura di Stato di Famiglia AIRE') },
  stato_famiglia_aire: { sections: ['generalita', 'aire', 'famiglia'], refusal: aireOnly },
  residenza_aire: { sections: ['generalita', 'aire', 'residenza'], refusal: aireOnly },
  storica_cittadinanza: { sections: ['generalita', 'cittadinanza', 'storici'], refusal: () => null },
  storica_residenza: { sections: ['generalita', 'residenza', 'storici'], refusal: () => null },
};

/** Sections asked to find the subject and route the request (the minimum shown to pick a candidate). */
export const ROUTING_SECTIONS: Section[] = ['generalita', 'residenza'];

/** YYYY-MM-DD → DD/MM/YYYY; anything else unchanged. */
export function itDate(d: string | undefined): string {
  if (!d) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : d;
}

type Luogo = NonNullable<Person['generalita']>['luogoNascita'];
export function placeName(l: Luogo | undefined): string {
  if (!l) return '';
  if (l.comune) return l.comune.siglaProvincia ? `${l.comune.nomeComune} (${l.comune.siglaProvincia})` : l.comune.nomeComune;
  if (l.localita) return [l.localita.descrizioneLocalita, l.localita.descrizioneStato].filter(Boolean).join(', ');
  return '';
}

type Residenza = NonNullable<Person['residenza']>[number];
function address(r: Residenza): string {
  if (r.indirizzo) {
    const i = r.indirizzo;
    const civico = i.numeroCivico ? [i.numeroCivico.numero, i.numeroCivico.lettera].filter(Boolean).join('') : '';
    const extra = [i.numeroCivico?.scala && `scala ${i.numeroCivico.scala}`, i.numeroCivico?.interno && `interno ${i.numeroCivico.interno}`].filter(Boolean);
    return [`${i.toponimo.specie} ${i.toponimo.denominazione}${civico ? ' ' + civico : ''}`, ...extra].join(', ');
  }
  if (r.localitaEstera) return [r.localitaEstera.indirizzo, r.localitaEstera.localita].filter(Boolean).join(', ');
  return '';
}
function residenceComune(r: Residenza): string {
  if (r.indirizzo) return placeName({ comune: r.indirizzo.comune });
  if (r.localitaEstera) return r.localitaEstera.descrizioneStato ?? '';
  return '';
}

/** The current residence: the first entry without an end date. */
export function currentResidence(p: Person): Residenza | undefined {
  return (p.residenza ?? []).find((r) => !r.dataFine) ?? p.residenza?.[0];
}

/** ISTAT code of the Comune where the subject lives (null abroad or unknown), and of their AIRE Comune. */
export function whereSubjectLives(p: Person): { residenceComune: string | null; aireComune: string | null; residenceName: string | null } {
  const r = currentResidence(p);
  const istat = r?.indirizzo?.comune.codiceIstat ?? null;
  return {
    residenceComune: istat,
    aireComune: p.aire?.comuneIscrizione.codiceIstat ?? null,
    residenceName: r?.indirizzo ? r.indirizzo.comune.nomeComune : (p.aire?.comuneIscrizione.nomeComune ?? null),
  };
}

function subjectRows(p: Person): VisuraRow[] {
  const g = p.generalita;
  if (!g) return [];
  return [
    { label: 'Cognome', value: g.cognome },
    { label: 'Nome', value: g.nome },
    { label: 'Sesso', value: g.sesso },
    { label: 'Nato/a il', value: itDate(g.dataNascita) },
    { label: 'A', value: placeName(g.luogoNascita) },
    { label: 'Codice fiscale', value: g.codiceFiscale },
  ];
}

const legameLabel = (c: { codiceLegame?: string; descrizioneLegame?: string }) => c.descrizioneLegame ?? (c.codiceLegame === '1' ? 'Intestatario scheda' : (c.codiceLegame ?? ''));

function residenceRows(r: Residenza | undefined): VisuraRow[] {
  if (!r) return [{ label: 'Residenza', value: 'Non presente in ANPR' }];
  return [
    { label: 'Indirizzo', value: address(r) || '-' },
    { label: r.localitaEstera ? 'Stato' : 'Comune', value: residenceComune(r) || '-' },
    ...(r.presso ? [{ label: 'Presso', value: r.presso }] : []),
    { label: 'Data decorrenza', value: itDate(r.dataDecorrenza) || '-' },
  ];
}

function familySection(p: Person, withRelation: boolean, heading: string): VisuraSection {
  const members = p.famiglia?.componenti ?? [];
  const columns = ['Cognome e nome', 'Nato/a il', 'Codice fiscale', ...(withRelation ? ["Rapporto con l'intestatario"] : [])];
  const head = members.find((m) => m.codiceLegame === '1');
  return {
    heading,
    rows: [
      { label: 'Indirizzo', value: (() => { const r = currentResidence(p); return r ? `${address(r)} - ${residenceComune(r)}` : '-'; })() },
      ...(head ? [{ label: 'Intestatario scheda', value: `${head.cognome ?? ''} ${head.nome ?? ''}`.trim() }] : []),
    ],
    table: {
      caption: 'Componenti della famiglia',
      columns,
      rows: members.map((m) => [`${m.cognome ?? ''} ${m.nome ?? ''}`.trim(), itDate(m.dataNascita), m.codiceFiscale ?? '', ...(withRelation ? [legameLabel(m)] : [])]),
    },
  };
}

function citizenshipRows(p: Person): VisuraRow[] {
  const list = p.cittadinanza ?? [];
  if (!list.length) return [{ label: 'Cittadinanza', value: 'Non presente in ANPR' }];
  return list.map((c) => ({ label: 'Cittadinanza', value: `${c.descrizioneStato ?? c.codiceStato}${c.dataDecorrenza ? ` dal ${itDate(c.dataDecorrenza)}` : ''}` }));
}

/** The body of the document for a type: the subject, then the data of the type. */
export function documentSections(type: VisuraType, p: Person): VisuraSection[] {
  const subject: VisuraSection = { rows: [...subjectRows(p), { label: 'Soggetto AIRE', value: isAire(p) ? 'Sì' : 'No' }] };
  switch (type) {
    case 'anagrafica_nascita':
      return [{ rows: subjectRows(p) }, { heading: 'Nascita', rows: [{ label: 'Data di nascita', value: itDate(p.generalita?.dataNascita) }, { label: 'Luogo di nascita', value: placeName(p.generalita?.luogoNascita) }] }];
    case 'esistenza_in_vita':
      return [{ rows: subjectRows(p) }, { heading: 'Esistenza in vita', rows: [{ label: 'Esito', value: 'Il soggetto risulta in vita alla data della presente visura' }] }];
    case 'anagrafica_morte':
      return [{ rows: subjectRows(p) }, { heading: 'Decesso', rows: [{ label: 'Data del decesso', value: itDate(p.decesso?.data) }, { label: 'Luogo del decesso', value: placeName(p.decesso?.luogo) || '-' }] }];
    case 'cittadinanza':
      return [{ rows: subjectRows(p) }, { heading: 'Cittadinanza', rows: citizenshipRows(p) }];
    case 'anagrafica_matrimonio':
      return [
        { rows: subjectRows(p) },
        {
          heading: 'Matrimoni e unioni civili',
          rows: [{ label: 'Stato civile', value: p.statoCivile?.descrizione ?? '-' }],
          table: {
            caption: 'Eventi',
            columns: ['Tipo', 'Data', 'Luogo', 'Coniuge / parte', 'Cessazione'],
            rows: (p.matrimoni ?? []).map((m) => [
              m.tipo === 'unioneCivile' ? 'Unione civile' : 'Matrimonio',
              itDate(m.data),
              placeName(m.luogo) || '-',
              m.coniuge ? `${m.coniuge.cognome ?? ''} ${m.coniuge.nome ?? ''}`.trim() : '-',
              m.dataCessazione ? `${itDate(m.dataCessazione)}${m.motivoCessazione ? ` (${m.motivoCessazione})` : ''}` : '-',
            ]),
          },
        },
      ];
    case 'stato_libero':
      return [{ rows: subjectRows(p) }, { heading: 'Stato libero', rows: [{ label: 'Stato civile', value: p.statoCivile?.descrizione ?? '-' }, { label: 'Esito', value: 'Il soggetto risulta di stato libero' }] }];
    case 'stato_civile':
      return [{ rows: subjectRows(p) }, { heading: 'Stato civile', rows: [{ label: 'Stato civile', value: p.statoCivile?.descrizione ?? '-' }, { label: 'Dal', value: itDate(p.statoCivile?.dataEvento) || '-' }] }];
    case 'residenza':
      return [subject, { heading: 'Residenza', rows: residenceRows(currentResidence(p)) }];
    case 'residenza_aire':
      return [
        subject,
        { heading: 'Iscrizione AIRE', rows: [{ label: 'Comune di iscrizione AIRE', value: p.aire ? placeName({ comune: p.aire.comuneIscrizione }) : '-' }, { label: 'Data iscrizione', value: itDate(p.aire?.dataIscrizione) || '-' }] },
        { heading: 'Residenza estera', rows: residenceRows(currentResidence(p)) },
      ];
    case 'stato_famiglia':
      return [subject, familySection(p, false, 'Famiglia anagrafica')];
    case 'stato_famiglia_parentela':
      return [subject, familySection(p, true, 'Famiglia anagrafica')];
    case 'stato_famiglia_aire':
      return [
        subject,
        { heading: 'Iscrizione AIRE', rows: [{ label: 'Comune di iscrizione AIRE', value: p.aire ? placeName({ comune: p.aire.comuneIscrizione }) : '-' }] },
        familySection(p, true, 'Famiglia AIRE'),
      ];
    case 'storica_cittadinanza': {
      const periods = [...(p.storicoCittadinanza ?? []), ...(p.cittadinanza ?? [])];
      return [
        { rows: subjectRows(p) },
        { heading: 'Storia della cittadinanza', table: { caption: 'Periodi di cittadinanza', columns: ['Cittadinanza', 'Dal', 'Al'], rows: dedupe(periods.map((c) => [c.descrizioneStato ?? c.codiceStato, itDate(c.dataDecorrenza) || '-', itDate(c.dataFine) || 'in corso'])) } },
      ];
    }
    case 'storica_residenza': {
      const periods = [...(p.storicoResidenza ?? []), ...(p.residenza ?? [])];
      return [
        { rows: subjectRows(p) },
        { heading: 'Storia della residenza', table: { caption: 'Periodi di residenza', columns: ['Indirizzo', 'Comune / Stato', 'Dal', 'Al'], rows: dedupe(periods.map((r) => [address(r) || '-', residenceComune(r) || '-', itDate(r.dataDecorrenza) || '-', itDate(r.dataFine) || 'in corso'])) } },
      ];
    }
  }
}

function dedupe(rows: string[][]): string[][] {
  const seen = new Set<string>();
  const out = rows.filter((r) => {
    const k = r.join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // Oldest first: by the "Dal" column (DD/MM/YYYY).
  const key = (r: string[]) => r[r.length - 2].split('/').reverse().join('');
  return out.sort((a, b) => key(a).localeCompare(key(b)));
}
