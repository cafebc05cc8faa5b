import type { Cittadinanza, ComponenteFamiglia, DocumentoIdentita, EventoMatrimonio, Generalita, Luogo, NormalisedPerson, Residenza } from '#libs/anpr';

/**
 * NormalisedPerson → ANPR's XSD shapes (tipoDato.xsd): tipoDatiRispostaEstrazioneSoggetti for
 * 3002 and tipoDatiSoggettiEnte for E002, in the element order of their sequences.
 */
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const x = (v: string | number): string => String(v).replace(/[&<>"']/g, (c) => ESC[c]!);

export function e(name: string, ...children: Array<string | undefined | false | null>): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c.length > 0).join('');
  return inner ? `<${name}>${inner}</${name}>` : '';
}
export function t(name: string, value: string | number | undefined | null): string {
  return value === undefined || value === null || value === '' ? '' : `<${name}>${x(value)}</${name}>`;
}

export type ComuneNamer = (codiceIstat: string) => { nomeComune: string; siglaProvincia?: string } | undefined;

export interface SerializeContext {
  /** Which Tabella 16 codes were asked (already expanded: code 1 means all). */
  codes: Set<string>;
  service: '3002' | 'E002';
  asOf: string;
  comuneName: ComuneNamer;
}

function comune(c: { codiceIstat: string; nomeComune?: string; siglaProvincia?: string }, ctx: SerializeContext): string {
  const named = c.nomeComune ? c : { ...c, ...ctx.comuneName(c.codiceIstat) };
  return t('nomeComune', named.nomeComune || c.codiceIstat) + t('codiceIstat', c.codiceIstat) + t('siglaProvinciaIstat', named.siglaProvincia ?? 'EE');
}

function luogo(name: string, l: Luogo | undefined, ctx: SerializeContext): string {
  if (!l) return '';
  if (l.comune) return e(name, e('comune', comune(l.comune, ctx)));
  if (l.localita) {
    return e(name, e('localita', t('descrizioneLocalita', l.localita.descrizioneLocalita) + t('descrizioneStato', l.localita.descrizioneStato) + t('codiceStato', l.localita.codiceStato)));
  }
  return '';
}

function generalita(g: Generalita, ctx: SerializeContext): string {
  return e(
    'generalita',
    e('codiceFiscale', t('codFiscale', g.codiceFiscale) + t('validitaCF', g.validitaCF)),
    t('cognome', g.cognome),
    t('nome', g.nome),
    t('sesso', g.sesso),
    t('dataNascita', g.dataNascita),
    luogo('luogoNascita', g.luogoNascita, ctx),
    g.soggettoAIRE === undefined ? '' : t('soggettoAIRE', g.soggettoAIRE ? 'S' : 'N'),
  );
}

function shortGeneralita(p: { codiceFiscale?: string; cognome: string; nome: string; dataNascita?: string }): string {
  return e('codiceFiscale', t('codFiscale', p.codiceFiscale)) + t('cognome', p.cognome) + t('nome', p.nome) + t('dataNascita', p.dataNascita);
}

export function residenza(r: Residenza, ctx: SerializeContext): string {
  let where = '';
  if (r.indirizzo) {
    const i = r.indirizzo;
    const civ = i.numeroCivico;
    where = e(
      'indirizzo',
      t('cap', i.cap ?? '00000'),
      e('comune', comune(i.comune, ctx)),
      t('frazione', i.frazione),
      e('toponimo', t('specie', i.toponimo.specie) + t('denominazioneToponimo', i.toponimo.denominazione)),
      civ ? e('numeroCivico', t('numero', civ.numero) + t('lettera', civ.lettera) + e('civicoInterno', t('scala', civ.scala) + t('interno1', civ.interno) + t('piano', civ.piano))) : '',
    );
  } else if (r.localitaEstera) {
    const l = r.localitaEstera;
    where = e(
      'localitaEstera',
      e('indirizzoEstero', e('localita', t('descrizioneLocalita', l.localita) + t('descrizioneStato', l.descrizioneStato) + t('codiceStato', l.codiceStato)), l.indirizzo ? e('toponimo', t('denominazione', l.indirizzo)) : ''),
      e('consolato', t('codiceConsolato', '0') + t('descrizioneConsolato', l.consolato ?? `Consolato ${l.descrizioneStato}`)),
    );
  }
  return e('residenza', t('tipoIndirizzo', r.tipoIndirizzo), where, t('presso', r.presso), t('dataDecorrenzaResidenza', r.dataDecorrenza));
}

function cittadinanza(c: Cittadinanza): string {
  return e('cittadinanza', t('descrizioneStato', c.descrizioneStato), t('codiceStato', c.codiceStato), t('dataValidita', c.dataDecorrenza));
}

const latest = (list: EventoMatrimonio[], tipo: EventoMatrimonio['tipo']) =>
  list.filter((m) => m.tipo === tipo).sort((a, b) => a.data.localeCompare(b.data)).at(-1);

function matrimonioBlocks(p: NormalisedPerson, ctx: SerializeContext): { matrimonio: string; vedovanza: string; annullamento: string; unione: string } {
  const list = p.matrimoni ?? [];
  const m = latest(list, 'matrimonio');
  const u = latest(list, 'unioneCivile');
  const out = { matrimonio: '', vedovanza: '', annullamento: '', unione: '' };
  if (m && ctx.codes.has('13')) {
    out.matrimonio = e('matrimonio', e('coniuge', shortGeneralita(m.coniuge ?? { cognome: 'IGNOTO', nome: 'IGNOTO' })), e('datiMatrimonio', t('dataEvento', m.data), luogo('luogoEvento', m.luogo, ctx)));
    if (m.dataCessazione) {
      if (/decess|morte|vedov/i.test(m.motivoCessazione ?? '')) {
        if (ctx.codes.has('14')) out.vedovanza = e('vedovanza', e('datiMorteconiuge', t('dataEvento', m.dataCessazione)));
      } else if (ctx.codes.has('15')) {
        const divorzio = /divorz|scioglim|cessaz/i.test(m.motivoCessazione ?? 'divorzio');
        out.annullamento = e(
          'annullamentoMatrimonio',
          t('tipoCessazione', divorzio ? '4' : '5'),
          e('sentenza', t('data', m.dataCessazione) + t('tipoTribunale', '1') + t('autorita', 'TRIBUNALE') + t('dataValidita', m.dataCessazione)),
        );
      }
    }
  }
  if (u && ctx.codes.has('13')) {
    out.unione = e(
      'unioneCivile',
      u.coniuge ? e('unitoCivilmente', shortGeneralita(u.coniuge)) : '',
      e('attoUnione', t('dataEvento', u.data), luogo('luogoEvento', u.luogo, ctx)),
      u.dataCessazione ? e('scioglimentoUnione', t('motivoScioglimento', u.motivoCessazione), e('datiEvento', t('dataEvento', u.dataCessazione))) : '',
    );
  }
  return out;
}

function documenti(docs: DocumentoIdentita[] | undefined, ctx: SerializeContext): { carta: string; permesso: string } {
  const ci = docs?.find((d) => d.tipo === 'cartaIdentita');
  const ps = docs?.find((d) => d.tipo === 'permessoSoggiorno');
  const pp = docs?.find((d) => d.tipo === 'passaporto');
  const carta =
    ci && ctx.codes.has('16')
      ? e(
          'cartaIdentita',
          t('numero', ci.numero),
          t('dataRilascio', ci.dataRilascio ?? ctx.asOf),
          t('interdizioneEspatrio', 'N'),
          ci.rilasciatoDa && /^\d{6}$/.test(ci.rilasciatoDa) ? e('comuneRilascio', comune({ codiceIstat: ci.rilasciatoDa }, ctx)) : e('consolatoRilascio', t('codiceConsolato', '0') + t('descrizioneConsolato', ci.rilasciatoDa ?? 'ND')),
          t('dataScadenza', ci.dataScadenza),
        )
      : '';
  const permesso =
    (ps || pp) && ctx.codes.has('17')
      ? e(
          'permessoSoggiorno',
          t('numeroSoggiorno', ps?.numero),
          t('tipoSoggiorno', ps?.tipoSoggiorno ?? '9'),
          t('dataRilascio', ps?.dataRilascio),
          t('dataScadenza', ps?.dataScadenza),
          t('questuraRilascioSoggiorno', ps?.rilasciatoDa),
          t('numeroPassaporto', pp?.numero),
        )
      : '';
  return { carta, permesso };
}

function legame(c: ComponenteFamiglia, tipo: string, ctx: SerializeContext, progressivo: number): string {
  return ctx.codes.has('21') ? e('legameSoggetto', t('tipoLegame', tipo), t('dataDecorrenza', ctx.asOf), t('codiceLegame', c.codiceLegame), t('progressivoComponente', progressivo)) : '';
}

function famigliaConvivenza(p: NormalisedPerson, ctx: SerializeContext): string {
  if (!p.famiglia || !ctx.codes.has('22')) return '';
  const id = p.famiglia.idFamiglia && /^\d{1,20}$/.test(p.famiglia.idFamiglia) ? p.famiglia.idFamiglia : undefined;
  return e('famigliaConvivenza', t('idFamigliaConvivenzaANPR', id), t('tipoScheda', p.famiglia.tipo));
}

/** One datiSoggetto; `self` is this person's own entry among the family componenti. */
export function datiSoggetto(p: NormalisedPerson, ctx: SerializeContext, self?: { componente: ComponenteFamiglia; progressivo: number }): string {
  const has = (c: string) => ctx.codes.has(c);
  const m = matrimonioBlocks(p, ctx);
  const d = documenti(p.documenti, ctx);
  const aire = p.aire && has('26')
    ? e(
        'datiIscrizione',
        e('datiIscrizioneComune', t('dataIscrizione', p.aire.dataIscrizione), t('protocolloComune', '0'), e('comune', comune(p.aire.comuneIscrizione, ctx)), t('idOperazioneComune', '0'), t('idOperazioneANPR', '0')),
        e('tipoIscrizioneAIRE', t('motivoIscrizione', p.aire.motivo ?? 'C01'), t('iniziativaIscrizione', '1'), t('individuazioneComuneIscrizione', '1')),
      )
    : '';
  const sections = [
    p.generalita ? generalita(p.generalita, ctx) : '',
    p.statoCivile && has('3') ? e('statoCivile', t('statoCivile', p.statoCivile.codice)) : '',
    has('6') ? (p.cittadinanza ?? []).map(cittadinanza).join('') : '',
    has('10') ? (p.residenza ?? []).map((r) => residenza(r, ctx)).join('') : '',
    m.matrimonio,
    m.vedovanza,
    m.annullamento,
    m.unione,
    d.carta,
    d.permesso,
    self && p.famiglia ? legame(self.componente, p.famiglia.tipo, ctx, self.progressivo) : '',
    famigliaConvivenza(p, ctx),
    aire,
    p.decesso && has('28') ? e('datiDecesso', t('dataEvento', p.decesso.data), luogo('luogoEvento', p.decesso.luogo, ctx)) : '',
  ].join('');
  const id = p.idANPR;
  return ctx.service === '3002'
    ? e('datiSoggetto', e('identificativi', t('idANPR', id)), sections)
    : e('datiSoggetto', sections, e('tipoIdentificativi', t('idANPR', id)));
}

/** A family member known only through the componenti of the subject's famiglia. */
export function datiComponente(c: ComponenteFamiglia, tipo: string, famiglia: string, ctx: SerializeContext, progressivo: number): string {
  const g = e('generalita', shortGeneralita(c));
  const l = legame(c, tipo, ctx, progressivo);
  return ctx.service === '3002'
    ? e('datiSoggetto', e('identificativi', t('idANPR', c.idANPR)), g, l, famiglia)
    : e('datiSoggetto', g, l, famiglia, e('tipoIdentificativi', t('idANPR', c.idANPR)));
}
