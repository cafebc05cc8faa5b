/**
 * Every identity of the sandbox catalogue, looked up through the real connectors (SoapAnprAdapter
 * on 3002 and E002, PdndAnprAdapter) against the sandbox launcher, and checked against the
 * registry's own record of that person; then every tampering case, refused end to end.
 *
 * What each channel carries (and so what is compared):
 *   - SOAP 3002/E002: every section except history (ANPR has no Tabella 16 code for it; the as-of
 *     date is how history is read, see the *-as-of identities). Not carried by the XML: the
 *     codice catastale of places and a passport's dates and issuer.
 *   - PDND (C001 + C021): generalità, residenza, famiglia and decesso only; no idFamiglia and no
 *     codice catastale.
 * What a channel cannot express is refused by the connector before any HTTP call: documents on E002
 * and PDND, and a comuneResidenza restriction on E002 and PDND (the gateway searches without it and
 * filters by residence itself, which the found cases do here too). So is an invalid criterion, on
 * every channel.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AnprError,
  httpSoapTransport,
  InMemoryOperationIdSource,
  observePrivateKeyOperations,
  PdndAnprAdapter,
  SECTIONS,
  SoapAnprAdapter,
  UNSUPPORTED_SECTIONS_WARNING,
  type AnprCallContext,
  type AnprPort,
  type ComuneAnprSettings,
  type LookupResult,
  type Luogo,
  type NormalisedPerson,
  type PdndAdapterOptions,
  type PersonQuery,
  type Section,
  type SoapAnprAdapterOptions,
} from '#libs/anpr';
import { italianDay } from '#libs/clock';
import { ensureTestPki, type TestPki } from '../pki/index.js';
import { buildSandboxCatalogue, catalogueJsonPath, DEMO_COMUNE_ISTAT, type CatalogueEntry, type ExpectedData, type SandboxCatalogue } from '../population/index.js';
import { SANDBOX_SECOND_WORKSTATION_ID, SANDBOX_WORKSTATION_ID, startSandboxAnpr, type SandboxAnpr } from '../sandbox-anpr.js';

type Channel = 'soap-3002' | 'soap-E002' | 'pdnd';
const CHANNELS: readonly Channel[] = ['soap-3002', 'soap-E002', 'pdnd'];
/** What the PDND e-services carry (C001 residence + C021 family). */
const PDND_SECTIONS: Section[] = ['generalita', 'residenza', 'famiglia', 'decesso'];
const sectionsFor = (channel: Channel): Section[] => (channel === 'pdnd' ? PDND_SECTIONS : [...SECTIONS]);

// The committed catalogue drives the cases; a test below proves it is what the generator builds.
const catalogue = JSON.parse(readFileSync(catalogueJsonPath(), 'utf8')) as SandboxCatalogue;
const entry = (key: string): CatalogueEntry => {
  const e = catalogue.entries.find((x) => x.key === key);
  if (!e) throw new Error(`catalogue has no ${key}`);
  return e;
};

const query = (e: CatalogueEntry, sections: Section[], withResidence = true): PersonQuery => ({
  criterion: e.query.criterion,
  sections,
  motivoRichiesta: `Verifica catalogo ${e.key}`,
  ...(e.query.asOf ? { asOf: e.query.asOf } : {}),
  ...(withResidence && e.query.comuneResidenza ? { comuneResidenza: e.query.comuneResidenza } : {}),
});

type Outcome = { ok: true; result: LookupResult } | { ok: false; error: AnprError };
async function settle(p: Promise<LookupResult>): Promise<Outcome> {
  try {
    return { ok: true, result: await p };
  } catch (error) {
    if (!(error instanceof AnprError)) throw error;
    return { ok: false, error };
  }
}
function found(o: Outcome): LookupResult {
  if (!o.ok) throw new Error(`expected an answer, got AnprError ${o.error.kind}: ${o.error.message}`);
  return o.result;
}
function failed(o: Outcome): AnprError {
  if (o.ok) throw new Error(`expected an AnprError, got ${o.result.persons.length} person(s)`);
  return o.error;
}

// ------------------------------------------------------------------ what each channel carries

function withoutCatastale(l: Luogo | undefined): Luogo | undefined {
  if (!l?.comune) return l;
  const { codiceCatastale: _c, ...comune } = l.comune;
  return { ...l, comune };
}

/** Legami, descriptions included, travel unchanged: Tabella 5 in a famiglia, Tabella 6 in a convivenza on both sides. */
function famigliaView(f: NonNullable<NormalisedPerson['famiglia']>, withId: boolean): NonNullable<NormalisedPerson['famiglia']> {
  return { tipo: f.tipo, ...(withId && f.idFamiglia ? { idFamiglia: f.idFamiglia } : {}), componenti: f.componenti };
}

function generalitaView(p: NormalisedPerson) {
  return p.generalita && { ...p.generalita, luogoNascita: withoutCatastale(p.generalita.luogoNascita)! };
}

/** Documents are compared as a set: the XML groups them by kind. */
const sortedDocuments = <T extends { tipo: string; numero: string }>(docs: T[]): T[] =>
  [...docs].sort((a, b) => `${a.tipo}|${a.numero}`.localeCompare(`${b.tipo}|${b.numero}`));
const withSortedDocuments = (p: NormalisedPerson): NormalisedPerson => (p.documenti ? { ...p, documenti: sortedDocuments(p.documenti) } : p);

/** The registry's record as the SOAP services can express it. */
function soapView(p: NormalisedPerson): NormalisedPerson {
  const out: NormalisedPerson = { idANPR: p.idANPR, generalita: generalitaView(p) };
  if (p.residenza?.length) out.residenza = p.residenza;
  if (p.cittadinanza?.length) out.cittadinanza = p.cittadinanza;
  // tipoStatoCivile has no date.
  if (p.statoCivile) out.statoCivile = { codice: p.statoCivile.codice, descrizione: p.statoCivile.descrizione };
  // A marriage ended by death travels as a structure, not as text: the parser names it 'decesso'.
  if (p.matrimoni?.length) {
    out.matrimoni = p.matrimoni.map((m) => ({
      ...m,
      luogo: withoutCatastale(m.luogo),
      ...(m.tipo === 'matrimonio' && /decess/i.test(m.motivoCessazione ?? '') ? { motivoCessazione: 'decesso' } : {}),
    }));
  }
  if (p.decesso) out.decesso = { ...p.decesso, luogo: withoutCatastale(p.decesso.luogo) };
  if (p.documenti?.length) out.documenti = sortedDocuments(p.documenti.map((d) => (d.tipo === 'passaporto' ? { tipo: d.tipo, numero: d.numero } : d)));
  if (p.famiglia) out.famiglia = famigliaView(p.famiglia, true);
  if (p.aire) out.aire = p.aire;
  return out;
}

/** The registry's record as C001 + C021 express it. */
function pdndView(p: NormalisedPerson): NormalisedPerson {
  const out: NormalisedPerson = { idANPR: p.idANPR, generalita: generalitaView(p) };
  if (p.residenza?.length) out.residenza = p.residenza;
  if (p.famiglia) out.famiglia = famigliaView(p.famiglia, false);
  if (p.decesso) out.decesso = { ...p.decesso, luogo: withoutCatastale(p.decesso.luogo) };
  return out;
}

const viewFor = (channel: Channel) => (channel === 'pdnd' ? pdndView : soapView);

/** The catalogue's facts, each checked where the channel carries it. */
function checkFacts(p: NormalisedPerson, d: ExpectedData, channel: Channel): void {
  const soap = channel !== 'pdnd';
  expect(p.idANPR).toBe(d.idANPR);
  expect(p.generalita?.codiceFiscale).toBe(d.codiceFiscale);
  expect(p.generalita?.soggettoAIRE).toBe(d.soggettoAIRE);
  const current = p.residenza?.[0];
  expect(current?.tipoIndirizzo).toBe(d.tipoIndirizzo);
  if (d.comuneResidenza) expect(current?.indirizzo?.comune.codiceIstat).toBe(d.comuneResidenza);
  if (d.statoResidenzaEstera) expect(current?.localitaEstera?.codiceStato).toBe(d.statoResidenzaEstera);
  if (d.decesso) expect(p.decesso?.data).toBe(d.decesso);
  else expect(p.decesso).toBeUndefined();
  expect(p.famiglia?.tipo).toBe(d.famigliaTipo);
  expect(p.famiglia?.componenti).toHaveLength(d.componenti!);
  expect(p.famiglia?.componenti.map((c) => c.codiceLegame)).toEqual(d.legami);
  // History travels as as-of lookups, never as storici sections.
  expect(p.storicoResidenza).toBeUndefined();
  expect(p.storicoCittadinanza).toBeUndefined();
  if (!soap) return;
  expect(p.statoCivile?.codice).toBe(d.statoCivile);
  expect((p.cittadinanza ?? []).map((c) => c.codiceStato)).toEqual(d.cittadinanza);
  if (d.aireComune) expect(p.aire?.comuneIscrizione.codiceIstat).toBe(d.aireComune);
  else expect(p.aire).toBeUndefined();
  if (d.documento) expect(p.documenti).toContainEqual(expect.objectContaining(d.documento));
  if (d.matrimonio) {
    const last = p.matrimoni?.at(-1);
    expect(last?.tipo).toBe(d.matrimonio.tipo);
    expect(!!last?.dataCessazione).toBe(d.matrimonio.cessato);
  } else {
    expect(p.matrimoni).toBeUndefined();
  }
}

// ------------------------------------------------------------------ the cases

const isDocument = (e: CatalogueEntry) => e.query.criterion.kind === 'documento';
const isGeneralita = (e: CatalogueEntry) => e.query.criterion.kind === 'generalita';
const isCf = (e: CatalogueEntry) => e.query.criterion.kind === 'codiceFiscale';
/** E002 and the PDND e-services have no residence restriction: the connectors refuse comuneResidenza there. */
const residenceRefused = (e: CatalogueEntry, channel: Channel) => !!e.query.comuneResidenza && channel !== 'soap-3002';
/** Refused by the connector before any HTTP call, on the field named. */
const refusedField = (e: CatalogueEntry, channel: Channel): string | undefined => {
  if (e.expect.outcome === 'invalid_request') return `criterion.${e.expect.field ?? e.query.criterion.kind}`;
  if (residenceRefused(e, channel)) return 'comuneResidenza';
  return undefined;
};
/**
 * Looked up and compared with the registry. Where the restriction is refused, a `found` identity
 * is looked up without it, as the gateway does before filtering by residence itself; a `not_found`
 * one has nothing left to show (without the restriction it would be found).
 */
const answered = (e: CatalogueEntry, channel: Channel) =>
  e.expect.outcome !== 'invalid_request' && !(residenceRefused(e, channel) && e.expect.outcome !== 'found');

const cases = catalogue.entries.flatMap((e) => CHANNELS.map((c): [string, Channel, CatalogueEntry] => [e.key, c, e]));

describe('sandbox catalogue ↔ connectors ↔ sandbox launcher', () => {
  let dir: string;
  let sandbox: SandboxAnpr;
  let rogue: TestPki;
  const http = { soap: 0, pdnd: 0 };
  let soap: SoapAnprAdapter;
  let pdnd: PdndAnprAdapter;

  // One id source for every SOAP adapter of the run: the simulator replays the answer of a reused id.
  const ids = new InMemoryOperationIdSource();
  const soapAdapter = (over: Partial<SoapAnprAdapterOptions> = {}) =>
    new SoapAnprAdapter({ operationIds: ids, places: sandbox.places, defaultTimeoutMs: 10_000, ...over });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'geres-e2e-'));
    // Only the demo Comune's certificate: PKI generation dominates the suite's time under Jest.
    [sandbox, rogue] = await Promise.all([
      startSandboxAnpr({ dir: join(dir, 'sandbox'), port: 0, comuni: [DEMO_COMUNE_ISTAT] }),
      ensureTestPki(join(dir, 'rogue'), { comuni: [DEMO_COMUNE_ISTAT], workstations: [SANDBOX_WORKSTATION_ID], caOrganization: 'Rogue CA' }),
    ]);
    // Shared adapters, so keystores, assertions, PKCS#7 and vouchers stay warm across cases.
    soap = soapAdapter({
      transport: (req) => {
        http.soap++;
        return httpSoapTransport(req);
      },
    });
    pdnd = new PdndAnprAdapter({
      fetch: (url, init) => {
        http.pdnd++;
        return fetch(url, init);
      },
    });
  }, 180_000);

  afterAll(async () => {
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const settings = (channel: Channel): ComuneAnprSettings =>
    channel === 'pdnd' ? sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'pdnd') : sandbox.comuneSettings(DEMO_COMUNE_ISTAT, 'soap', { service: channel === 'soap-E002' ? 'E002' : '3002' });
  const ctx = (channel: Channel, over: Partial<AnprCallContext> = {}): AnprCallContext => ({
    comune: settings(channel),
    operatorId: sandbox.operatorId,
    workstation: sandbox.workstation(SANDBOX_WORKSTATION_ID),
    clientIp: '10.1.2.3',
    ...over,
  });
  const adapterFor = (channel: Channel): AnprPort => (channel === 'pdnd' ? pdnd : soap);
  const httpCalls = (channel: Channel) => (channel === 'pdnd' ? http.pdnd : http.soap);
  const registryRecords = (e: CatalogueEntry) => sandbox.registry.search({ ...query(e, [...SECTIONS]), asOf: e.query.asOf ?? italianDay(new Date()) });

  it('iterates over the committed catalogue, which is what the launcher’s population yields', () => {
    expect(catalogue.entries.length).toBeGreaterThanOrEqual(25);
    expect(buildSandboxCatalogue(sandbox.registry)).toEqual(catalogue);
    expect(sandbox.comuni).toContain(DEMO_COMUNE_ISTAT);
  });

  it.each(cases.filter(([, c, e]) => answered(e, c)))('%s via %s', async (_key, channel, e) => {
    const before = httpCalls(channel);
    const q = query(e, sectionsFor(channel), !residenceRefused(e, channel));
    const outcome = await settle(adapterFor(channel).findPersons(q, ctx(channel)));

    // Criteria a channel cannot express fail as documented, before anything is sent.
    if (isDocument(e) && channel !== 'soap-3002') {
      expect(failed(outcome)).toMatchObject({ kind: 'invalid_request', details: { field: channel === 'pdnd' ? 'criterion.documento' : 'criterion' } });
      expect(httpCalls(channel)).toBe(before);
      return;
    }
    switch (e.expect.outcome) {
      case 'found': {
        const r = found(outcome);
        expect(r.channel).toBe(channel === 'pdnd' ? 'pdnd' : 'soap');
        expect(r.anprOperationId).toMatch(/^\d+(,\d+)*$/);
        const records = registryRecords(e);
        expect(records).toHaveLength(1);
        expect(records[0]!.idANPR).toBe(e.expect.data!.idANPR);
        expect(r.persons.map(withSortedDocuments)).toEqual([viewFor(channel)(records[0]!)]);
        checkFacts(r.persons[0]!, e.expect.data!, channel);
        const codes = r.warnings.map((w) => w.code);
        // EN148: searched by codice fiscale rather than idANPR (E002 and PDND only).
        expect(codes).toEqual(isCf(e) && channel !== 'soap-3002' ? ['EN148'] : []);
        break;
      }
      case 'not_found':
        expect(failed(outcome)).toMatchObject({ kind: 'not_found', details: { anprCode: e.expect.anprCode } });
        break;
      case 'ambiguous': {
        const err = failed(outcome);
        expect(err.kind).toBe('ambiguous');
        if (!isGeneralita(e) || channel !== 'pdnd') expect(err.details.anprCode).toBe('EN131');
        if (isGeneralita(e)) {
          // Without family sections ANPR lists homonyms instead of refusing: both, as recorded.
          const list = found(await settle(adapterFor(channel).findPersons(query(e, ['generalita', 'residenza']), ctx(channel))));
          const records = registryRecords(e);
          expect(list.persons).toHaveLength(e.expect.count!);
          expect(list.persons.map((p) => p.idANPR).sort()).toEqual(records.map((p) => p.idANPR).sort());
          for (const p of list.persons) {
            const rec = records.find((x) => x.idANPR === p.idANPR)!;
            expect(p.generalita).toEqual(generalitaView(rec));
            expect(p.residenza).toEqual(rec.residenza);
          }
        }
        break;
      }
      case 'invalid_request':
        throw new Error('refused before sending: see the test below');
    }
    expect(httpCalls(channel)).toBeGreaterThan(before);
  });

  it.each(cases.filter(([, c, e]) => refusedField(e, c) !== undefined))('%s via %s: refused as invalid_request before any HTTP call', async (_key, channel, e) => {
    const before = httpCalls(channel);
    const err = failed(await settle(adapterFor(channel).findPersons(query(e, sectionsFor(channel)), ctx(channel))));
    expect(err.kind).toBe('invalid_request');
    expect(err.details.field).toBe(refusedField(e, channel));
    if (err.details.field === 'comuneResidenza') expect(err.message).toMatch(channel === 'pdnd' ? /PDND e-services.*cannot restrict the search by residence/ : /E002.*cannot restrict the search by residence/);
    expect(httpCalls(channel)).toBe(before);
  });

  it('history is read with as-of dates: the moved and naturalised identities before the event', async () => {
    const lookup = async (key: string) => found(await settle(soap.findPersons(query(entry(key), [...SECTIONS]), ctx('soap-3002')))).persons[0]!;
    // One after the other: concurrent calls could reach ANPR out of the order of their idOperazioneComune, which it refuses.
    const results: Array<Awaited<ReturnType<typeof lookup>>> = [];
    for (const key of ['moved', 'moved-as-of', 'naturalised', 'naturalised-as-of']) results.push(await lookup(key));
    const [moved, movedBefore, nat, natBefore] = results;
    // Today's residence is in the new Comune; as of the day before the move, in the former one,
    // which is the last Comune of the recorded residence history.
    const formerComune = entry('moved').expect.data!.storicoResidenzaComuni!.at(-1);
    expect(movedBefore!.idANPR).toBe(moved!.idANPR);
    expect(movedBefore!.residenza![0]!.indirizzo!.comune.codiceIstat).toBe(formerComune);
    expect(moved!.residenza![0]!.indirizzo!.comune.codiceIstat).not.toBe(formerComune);
    // Italian today; before naturalisation only the citizenship now in the history.
    expect(nat!.cittadinanza!.map((c) => c.codiceStato)).toContain('100');
    expect(natBefore!.cittadinanza!.map((c) => c.codiceStato)).toEqual(entry('naturalised').expect.data!.storicoCittadinanza);
  });

  it('PDND reports the sections its e-services do not carry, and answers the others', async () => {
    const e = entry('lookup-by-idanpr');
    const r = found(await settle(pdnd.findPersons(query(e, [...SECTIONS]), ctx('pdnd'))));
    const warning = r.warnings.find((w) => w.code === UNSUPPORTED_SECTIONS_WARNING);
    expect(warning?.text).toMatch(/cittadinanza, statoCivile, matrimonio, documenti, aire, storici/);
    expect(r.persons).toEqual([pdndView(registryRecords(e)[0]!)]);
  });

  it('a warm SOAP call through the launcher costs one private-key operation', async () => {
    const e = entry('lookup-by-idanpr');
    let ops = 0;
    const stop = observePrivateKeyOperations(() => ops++);
    try {
      await soap.findPersons(query(e, ['generalita']), ctx('soap-3002'));
      ops = 0;
      await soap.findPersons(query(e, ['generalita']), ctx('soap-3002'));
      expect(ops).toBe(1);
    } finally {
      stop();
    }
  });

  describe('tampering is refused end to end', () => {
    const resident = entry('demo-resident');
    const other = entry('family-with-children');
    // Without demo-resident's comuneResidenza: E002 and PDND would refuse it before anything is signed.
    const q = () => query(resident, ['generalita', 'residenza'], false);
    const rejected = async (p: Promise<LookupResult>, message: RegExp) => {
      const err = failed(await settle(p));
      expect(err.kind).toBe('security_rejected');
      expect(err.message).toMatch(message);
    };

    it('SOAP: a body changed after signing', async () => {
      const tampering = soapAdapter({ transport: (req) => httpSoapTransport({ ...req, body: req.body.replace(resident.codiceFiscale!, other.codiceFiscale!) }) });
      await rejected(tampering.findPersons(q(), ctx('soap-3002')), /Message signature: signature does not verify/);
    }, 30_000);

    it('SOAP: an expired timestamp (the client clock ten minutes behind)', async () => {
      const late = soapAdapter({ now: () => new Date(Date.now() - 10 * 60_000) });
      await rejected(late.findPersons(q(), ctx('soap-E002')), /Timestamp is older than the allowed window/);
    }, 30_000);

    it('SOAP: a Comune certificate from another CA', async () => {
      const c = settings('soap-3002');
      const foreign = { ...c, soap: { ...c.soap!, keystore: { path: rogue.comune(DEMO_COMUNE_ISTAT).path, password: rogue.comune(DEMO_COMUNE_ISTAT).password } } };
      await rejected(soap.findPersons(q(), ctx('soap-3002', { comune: foreign })), /not issued by a trusted CA/);
    }, 30_000);

    it('SOAP: a workstation certificate from another CA', async () => {
      const ws = { id: SANDBOX_WORKSTATION_ID, keystore: { path: rogue.workstation(SANDBOX_WORKSTATION_ID).path, password: rogue.workstation(SANDBOX_WORKSTATION_ID).password } };
      await rejected(soap.findPersons(q(), ctx('soap-3002', { workstation: ws })), /Workstation certificate/);
    }, 30_000);

    it('SOAP: IdPostazioneFirmato signed by another workstation', async () => {
      const ws = { id: SANDBOX_WORKSTATION_ID, keystore: sandbox.workstation(SANDBOX_SECOND_WORKSTATION_ID).keystore };
      await rejected(soap.findPersons(q(), ctx('soap-3002', { workstation: ws })), /another workstation/);
    }, 30_000);

    it('SOAP: a SAML attribute missing (IdApplicazione)', async () => {
      const c = settings('soap-3002');
      await rejected(soap.findPersons(q(), ctx('soap-3002', { comune: { ...c, soap: { ...c.soap!, idApplicazione: '' } } })), /attribute IdApplicazione missing/);
    }, 30_000);

    it('SOAP: IdSede naming another Comune than the certificate', async () => {
      const c = settings('soap-3002');
      await rejected(soap.findPersons(q(), ctx('soap-3002', { comune: { ...c, soap: { ...c.soap!, idSede: '058091' } } })), /rejected by policy/);
    }, 30_000);

    const pdndAdapter = (over: PdndAdapterOptions) => new PdndAnprAdapter(over);
    const isService = (url: string) => url.includes('/govway/');

    it('PDND: a body changed after the Digest was computed', async () => {
      const tampering = pdndAdapter({
        fetch: (url, init) =>
          fetch(url, isService(url) ? { ...init, body: Buffer.from(String(init.body).replace(resident.codiceFiscale!, other.codiceFiscale!)) } : init),
      });
      await rejected(tampering.findPersons(q(), ctx('pdnd')), /Digest does not match/);
    }, 30_000);

    it('PDND: expired tokens (the client clock ten minutes behind)', async () => {
      const late = pdndAdapter({ now: () => Date.now() - 10 * 60_000 });
      await rejected(late.findPersons(q(), ctx('pdnd')), /client assertion.*"exp" claim/);
    }, 30_000);

    it('PDND: a client key PDND does not know', async () => {
      const c = settings('pdnd');
      const privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await rejected(pdndAdapter({}).findPersons(q(), ctx('pdnd', { comune: { ...c, pdnd: { ...c.pdnd!, privateKeyPem } } })), /client assertion.*signature verification failed/);
    }, 30_000);

    it('PDND: the tracking evidence missing', async () => {
      const stripping = pdndAdapter({
        fetch: (url, init) => {
          if (!isService(url)) return fetch(url, init);
          const headers = { ...(init.headers as Record<string, string>) };
          delete headers['agid-jwt-trackingevidence'];
          return fetch(url, { ...init, headers });
        },
      });
      await rejected(stripping.findPersons(q(), ctx('pdnd')), /TrackingEvidence/);
    }, 30_000);

    it('PDND: a revoked voucher is refused, and the adapter recovers with a new one', async () => {
      const tokens = sandbox.pdnd.stats.tokenRequests;
      sandbox.pdnd.revokeIssuedVouchers();
      const r = found(await settle(pdnd.findPersons(q(), ctx('pdnd'))));
      expect(r.persons[0]!.idANPR).toBe(resident.idANPR);
      expect(sandbox.pdnd.stats.tokenRequests).toBeGreaterThan(tokens);
    }, 30_000);
  });
});
