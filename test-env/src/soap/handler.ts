import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import type { NormalisedPerson } from '#libs/anpr';
import type { SimulatedRegistry } from '../simulated-registry.js';
import { childElements, firstChild, parseDocument } from './dom.js';
import { AnprBusinessError, ERROR_TEXT, NON_PRODUCTION_TIPO_INVIO, parsePersonRequest, readTestata, SIMULATOR_ERRORS, validateTestata, type Testata } from './request.js';
import { SEC_NS, SecurityFault, verifySecurityHeader } from './security.js';
import { datiComponente, datiSoggetto, e, residenza, t, x, type ComuneNamer, type SerializeContext } from './serialize.js';
import { readRequestBody } from '../http-body.js';
import { expectedSharedDir } from '../shared-data.js';

export type SoapFaultMode = 'soapFault' | 'malformed' | 'http500' | 'timeout';

export interface SoapFaultInjection {
  latencyMs?: number;
  mode?: SoapFaultMode;
}

export interface SoapSimulatorOptions {
  registry: SimulatedRegistry;
  /** PEM of the CA(s) whose Comune and workstation certificates are accepted. */
  trustedCaPem: string | string[];
  /** Directory of ANPR's WSDL/XSD files; default ../shared/anpr/wsdl relative to the repository root. */
  wsdlDir?: string;
  faults?: SoapFaultInjection;
  now?: () => Date;
  /** Maximum age of wsu:Timestamp Created. Default 300 s. */
  timestampWindowSeconds?: number;
  clockSkewSeconds?: number;
  /** How long the 'timeout' fault holds a request before giving up on it. Default 60 s. */
  timeoutHoldMs?: number;
  /**
   * `increasing` (default, ANPR's documented rule): an unknown idOperazioneComune not above the last one
   * answered for the Comune is refused (SIM002). `unique`: ids are still never reused across services
   * (EN079) but may arrive in any order, for load runs whose concurrent calls for one Comune arrive out
   * of the order their ids were drawn.
   */
  operationIdOrder?: 'increasing' | 'unique';
  /** tipoInvio values this simulated environment accepts; default FREE, TEST and PRE_SUB (not PROD). */
  acceptedTipoInvio?: readonly string[];
  /** Names for ISTAT codes the registry gives without one (e.g. comuneRilascio). */
  comuneName?: ComuneNamer;
  /** Ceiling of generalità matches before EN175. Default 50, as ANPR. */
  maxHomonyms?: number;
}

export type SoapSimulatorHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface ServiceDef {
  code: '3002' | 'E002';
  namespace: string;
  request: string;
  response: string;
  ok: string;
  wsdl: string;
}

/** ANPR's endpoint paths (REFERENCE.md §2.1). */
export const SIMULATOR_PATHS = {
  '3002': '/ANPR3000ServiziConsultazione/AnprService3000',
  E002: '/anpr-wsE000/AnprServiceE002',
} as const;

const SERVICES: Record<string, ServiceDef> = {
  [SIMULATOR_PATHS['3002']]: {
    code: '3002',
    namespace: 'http://sogei.it/ANPR/3000consultazione',
    request: 'Richiesta3002',
    response: 'Risposta3002',
    ok: 'Risposta3002_OK',
    wsdl: '3000serviziConsultazione.wsdl',
  },
  [SIMULATOR_PATHS.E002]: {
    code: 'E002',
    namespace: 'http://sogei.it/ANPR/E000Vocabolario',
    request: 'RichiestaE002',
    response: 'RispostaE002',
    ok: 'RispostaE002_OK',
    wsdl: 'E002Consultazione.wsdl',
  },
};

function defaultWsdlDir(): string {
  return join(expectedSharedDir(), 'anpr', 'wsdl');
}

const envelope = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${SEC_NS.soapenv}"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

/** SOAP 1.1 Fault as ANPR's CXF stack returns them: Client for security/format, Server for its own failures. */
export function soapFault(code: 'Client' | 'Server', message: string): string {
  return envelope(`<soapenv:Fault><faultcode>soapenv:${code}</faultcode><faultstring>${x(message)}</faultstring></soapenv:Fault>`);
}

interface Answer {
  status: number;
  body: string;
  contentType?: string;
}

/**
 * The operations a simulated ANPR has answered, per sender (codMittente for SOAP, the PDND client for
 * PDND): the answer of each id, for replay, and the highest id, for the increasing-id rule. State of
 * one simulator instance, so that each test's simulator starts from nothing.
 */
export class OperationLedger<A> {
  private readonly answers = new Map<string, { service: string; answer: A }>();
  private readonly highest = new Map<string, bigint>();

  constructor(private readonly capacity = 50_000) {}

  find(sender: string, id: string): { service: string; answer: A } | undefined {
    return this.answers.get(this.key(sender, id));
  }

  /** The highest id answered for this sender, if any. */
  last(sender: string): bigint | undefined {
    return this.highest.get(sender);
  }

  record(sender: string, id: string, service: string, answer: A): void {
    if (this.answers.size >= this.capacity) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(this.key(sender, id), { service, answer });
    const n = BigInt(id);
    if (!(n <= (this.highest.get(sender) ?? -1n))) this.highest.set(sender, n);
  }

  private key(sender: string, id: string): string {
    return `${sender}\u0000${BigInt(id)}`;
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parseFaultHeader(v: string | string[] | undefined): SoapFaultInjection | undefined {
  const raw = Array.isArray(v) ? v[0] : v;
  if (!raw) return undefined;
  const out: SoapFaultInjection = {};
  for (const part of raw.split(/[,;\s]+/).filter(Boolean)) {
    const m = /^latency=(\d+)$/.exec(part);
    if (m) out.latencyMs = Number(m[1]);
    else if (['soapFault', 'malformed', 'http500', 'timeout'].includes(part)) out.mode = part as SoapFaultMode;
  }
  return out;
}


/**
 * The simulated ANPR's SOAP side: 3002 and E002 at ANPR's paths, WSDL on ?wsdl, WS-Security
 * verified as ANPR does, business answers from the SimulatedRegistry, idempotent replay of a
 * repeated idOperazioneComune and refusal of one that is not increasing, tipoInvio checked against the
 * environment, and fault injection by option or X-Sim-Fault header.
 */
export function createSoapSimulatorHandler(opts: SoapSimulatorOptions): SoapSimulatorHandler {
  const wsdlDir = opts.wsdlDir ?? defaultWsdlDir();
  const trusted = Array.isArray(opts.trustedCaPem) ? opts.trustedCaPem : [opts.trustedCaPem];
  const now = opts.now ?? (() => new Date());
  const acceptedTipoInvio = opts.acceptedTipoInvio ?? NON_PRODUCTION_TIPO_INVIO;
  const operations = new OperationLedger<Answer>();
  let lastOperationId = 7_000_000_000n;

  const send = (res: ServerResponse, a: Answer) => {
    res.writeHead(a.status, { 'Content-Type': a.contentType ?? 'text/xml; charset=utf-8' });
    res.end(a.body);
  };

  async function serveStatic(res: ServerResponse, service: ServiceDef, file: string): Promise<void> {
    try {
      const content = await readFile(join(wsdlDir, file));
      res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
      res.end(content);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`WSDL for service ${service.code} not available: ${file} not found in ${wsdlDir}. Provide ANPR's WSDL/XSD files there (../shared/anpr/wsdl) or set the simulator's wsdlDir option.\n`);
    }
  }

  /** `checkOperation` runs once the testata is known valid, before the query: ANPR's order (header, then business). */
  function answer(service: ServiceDef, request: Element, caller: { codMittente: string }, checkOperation: () => void = () => undefined): Answer {
    const testata = readTestata(service.code, request);
    const idOperazioneANPR = (++lastOperationId).toString();
    const testataRisposta = (esito: string) =>
      e(
        'testataRisposta',
        t(service.code === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune', testata.idOperazione || '0'),
        t('codMittente', testata.codMittente || caller.codMittente),
        t('codDestinatario', testata.codDestinatario || 'ANPR00'),
        t('operazioneRichiesta', service.code),
        t('dataOraRichiesta', testata.dataOraRichiesta || now().toISOString()),
        t('idOperazioneANPR', idOperazioneANPR),
        t('esitoOperazione', esito),
      );
    const wrap = (inner: string) => envelope(`<anpr:${service.response} xmlns:anpr="${service.namespace}">${inner}</anpr:${service.response}>`);
    const errore = (code: string, type: 'E' | 'W', text: string, campo?: string) =>
      t('codiceErroreAnomalia', code) + t('tipoErroreAnomalia', type) + t('testoErroreAnomalia', text.slice(0, 240)) + t('campoErroreAnomalia', campo);
    const lista = (name: string, items: string[]) =>
      service.code === '3002' ? e(name, ...items.map((i) => e('errore', i))) : items.map((i) => e(name, i)).join('');

    try {
      validateTestata(service.code, testata, acceptedTipoInvio);
      checkOperation();
      const parsed = parsePersonRequest(service.code, request);
      let persons: NormalisedPerson[];
      try {
        persons = opts.registry.search(parsed.query);
      } catch (err) {
        return { status: 500, body: soapFault('Server', `Registry failure: ${(err as Error).message}`) };
      }
      if (!persons.length) throw new AnprBusinessError('EN122', ERROR_TEXT.EN122!);
      const wantsFamily = parsed.codes.has('21') || parsed.codes.has('22');
      if (persons.length > 1 && (parsed.uniqueCriterion || wantsFamily)) throw new AnprBusinessError('EN131', ERROR_TEXT.EN131!);
      if (persons.length > (opts.maxHomonyms ?? 50)) throw new AnprBusinessError('EN175', ERROR_TEXT.EN175!);

      const ctx: SerializeContext = { codes: parsed.codes, service: service.code, asOf: parsed.query.asOf!, comuneName: opts.comuneName ?? (() => undefined) };
      const warnings: string[] = [];
      if (service.code === 'E002' && parsed.query.criterion.kind === 'codiceFiscale') warnings.push(errore('EN148', 'W', ERROR_TEXT.EN148!));

      let soggetti: string[];
      let famiglia = '';
      const p = persons[0]!;
      if (wantsFamily && p.famiglia) {
        const cf = p.generalita?.codiceFiscale;
        const members = p.famiglia.componenti;
        const selfIdx = members.findIndex((c) => (cf && c.codiceFiscale === cf) || c.idANPR === p.idANPR);
        const famBlock = parsed.codes.has('22') ? e('famigliaConvivenza', t('idFamigliaConvivenzaANPR', /^\d{1,20}$/.test(p.famiglia.idFamiglia ?? '') ? p.famiglia.idFamiglia : undefined), t('tipoScheda', p.famiglia.tipo)) : '';
        soggetti = [datiSoggetto(p, ctx, selfIdx >= 0 ? { componente: members[selfIdx]!, progressivo: selfIdx + 1 } : undefined)];
        members.forEach((c, i) => {
          if (i !== selfIdx) soggetti.push(datiComponente(c, p.famiglia!.tipo, famBlock, ctx, i + 1));
        });
        const current = (p.residenza ?? []).find((r) => !r.dataFine);
        famiglia = e('datiFamigliaConvivenza', current ? residenza(current, ctx) : '', famBlock);
      } else {
        soggetti = persons.map((q) => datiSoggetto(q, ctx));
      }
      const body =
        `<anpr:${service.ok}>` +
        testataRisposta(warnings.length ? '6' : '2') +
        e('listaSoggetti', ...soggetti) +
        famiglia +
        (warnings.length ? lista('listaAnomalie', warnings) : '') +
        `</anpr:${service.ok}>`;
      return { status: 200, body: wrap(body) };
    } catch (err) {
      if (!(err instanceof AnprBusinessError)) throw err;
      const ko = `<anpr:rispostaKO>${testataRisposta('3')}${lista('listaErrori', [errore(err.code, 'E', err.message, err.campo)])}</anpr:rispostaKO>`;
      return { status: 200, body: wrap(ko) };
    }
  }

  async function handleSoap(service: ServiceDef, raw: string): Promise<Answer> {
    let doc: Document;
    try {
      doc = parseDocument(raw);
    } catch (err) {
      return { status: 500, body: soapFault('Client', `Malformed SOAP message: ${(err as Error).message}`) };
    }
    const root = doc.documentElement!;
    if (root.localName !== 'Envelope' || root.namespaceURI !== SEC_NS.soapenv) return { status: 500, body: soapFault('Client', 'Not a SOAP 1.1 envelope') };

    let caller;
    try {
      caller = verifySecurityHeader(raw, doc, {
        trustedCaPems: trusted,
        now: now(),
        timestampWindowSeconds: opts.timestampWindowSeconds ?? 300,
        clockSkewSeconds: opts.clockSkewSeconds ?? 30,
      });
    } catch (err) {
      if (err instanceof SecurityFault) return { status: 500, body: soapFault('Client', err.message) };
      throw err;
    }

    const body = firstChild(root, 'Body', SEC_NS.soapenv);
    const request = childElements(body, service.request, service.namespace)[0];
    if (!request) return { status: 500, body: soapFault('Client', `Unexpected operation: ${service.request} expected at this endpoint`) };
    const testata: Testata = readTestata(service.code, request);
    // The certificate, IdSede and codMittente must all name the same Comune.
    if (caller.idSede !== testata.codMittente || caller.certificateCN !== testata.codMittente) {
      return { status: 500, body: soapFault('Client', 'These policy alternatives can not be satisfied: rejected by policy (IdSede, certificate and codMittente differ)') };
    }
    // idOperazioneComune (E002: idOperazioneClient) is numeric and increasing per Comune, shared by
    // every service: a known id gets its earlier answer back (EN079 if it was another service's), an
    // unknown one not above the last answered is refused (tipoDato.xsd, tipoDatoTestataRichiesta).
    const id = testata.idOperazione;
    const tracked = /^\d{1,30}$/.test(id);
    const earlier = tracked ? operations.find(testata.codMittente, id) : undefined;
    if (earlier?.service === service.code) return earlier.answer;
    const idName = service.code === 'E002' ? 'idOperazioneClient' : 'idOperazioneComune';
    const last = tracked ? operations.last(testata.codMittente) : undefined;
    const idRefusal = !tracked
      ? undefined
      : earlier
        ? new AnprBusinessError('EN079', ERROR_TEXT.EN079!, idName)
        : opts.operationIdOrder !== 'unique' && last !== undefined && BigInt(id) <= last
          ? new AnprBusinessError(SIMULATOR_ERRORS.operationIdNotIncreasing.code, SIMULATOR_ERRORS.operationIdNotIncreasing.text(id, last.toString()), idName)
          : undefined;
    const a = answer(service, request, { codMittente: testata.codMittente }, () => {
      if (idRefusal) throw idRefusal;
    });
    if (tracked && !idRefusal && a.status === 200) operations.record(testata.codMittente, id, service.code, a);
    return a;
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const pathName = url.pathname;
    const service = SERVICES[pathName];
    const fileName = pathName.split('/').pop() ?? '';
    const xsdOf = Object.entries(SERVICES).find(([p]) => dirname(p) === dirname(pathName))?.[1];
    if (req.method === 'GET' && xsdOf && /^[A-Za-z0-9_.-]+\.xsd$/.test(fileName)) {
      // The WSDLs import their XSDs by relative schemaLocation; serve them beside the endpoint.
      return serveStatic(res, xsdOf, fileName);
    }
    if (!service) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`No ANPR SOAP service at ${pathName}\n`);
      return;
    }
    if (req.method === 'GET') {
      if ([...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl')) return serveStatic(res, service, service.wsdl);
      res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'POST' });
      res.end('POST a SOAP request, or GET ?wsdl\n');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, POST' });
      res.end();
      return;
    }

    const fault = { ...opts.faults, ...parseFaultHeader(req.headers['x-sim-fault']) };
    let raw: string;
    try {
      raw = (await readRequestBody(req, 5 * 1024 * 1024)).toString('utf8');
    } catch (err) {
      send(res, { status: 413, body: soapFault('Client', (err as Error).message) });
      return;
    }
    if (fault.latencyMs) await sleep(fault.latencyMs);
    switch (fault.mode) {
      case 'soapFault':
        return send(res, { status: 500, body: soapFault('Server', 'Simulated fault: ANPR internal error') });
      case 'malformed':
        return send(res, { status: 200, body: `<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="${SEC_NS.soapenv}"><soapenv:Body><broken>` });
      case 'http500':
        return send(res, { status: 500, body: '<html><body><h1>500 Internal Server Error</h1></body></html>', contentType: 'text/html' });
      case 'timeout':
        // Hold the exchange open until the client gives up (or the hold limit passes).
        await new Promise<void>((r) => {
          const timer = setTimeout(r, opts.timeoutHoldMs ?? 60_000);
          res.on('close', () => {
            clearTimeout(timer);
            r();
          });
        });
        if (!res.writableEnded && !res.destroyed) send(res, { status: 504, body: soapFault('Server', 'Simulated timeout') });
        return;
    }
    let a: Answer;
    try {
      a = await handleSoap(service, raw);
    } catch (err) {
      a = { status: 500, body: soapFault('Server', `Simulator error: ${(err as Error).message}`) };
    }
    send(res, a);
  };
}
